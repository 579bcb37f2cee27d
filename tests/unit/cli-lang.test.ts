// The command line's --lang: one option for every command, a clear error for a language it does
// not have, the command line's own words in the reader's language, and JSON that is the same
// bytes whatever the language (JSON is for programs: codes and parameters, never words to read).
import { describe, expect, it } from 'vitest';
import { cli, DEC_2018, DEMO } from './helpers';
import { CATALOG } from '../../src/i18n';

// Each test starts several commands (tsx, a second or more each): generous timeouts for a busy machine.
const SLOW = { timeout: 120_000 };

describe('--lang', () => {
  it('refuses a language it does not have, saying which it has, before doing anything', SLOW, () => {
    for (const [script, args] of [
      ['sim', [DEMO, '--format', 'json']],
      ['check', [DEMO]],
      ['paths', [DEMO]],
      ['drill', [DEMO, '--unit', 'teacher']],
    ] as const) {
      const r = cli(script, [...args, '--lang', 'xx']);
      expect(r.code, script).toBe(1);
      expect(r.stdout, script).toBe('');
      expect(r.stderr, script).toContain('--lang must be en, ja or ko, not "xx"');
    }
  });

  it('gives the same JSON bytes in every language', SLOW, () => {
    const args = [DEC_2018, '--account', 'rok', '--format', 'json'];
    const en = cli('sim', [...args, '--lang', 'en']);
    const ja = cli('sim', [...args, '--lang', 'ja']);
    const ko = cli('sim', [...args, '--lang=ko']);
    expect(en.code).toBe(0);
    expect(en.stdout.length).toBeGreaterThan(1000);
    expect(ja.stdout).toBe(en.stdout);
    expect(ko.stdout).toBe(en.stdout);
    expect(cli('sim', args).stdout).toBe(en.stdout);
  });

  it("writes the command line's own words in the reader's language, and English by default", SLOW, () => {
    const en = cli('sim', [DEMO, '--seed', '-1']);
    expect(en.stderr).toMatch(/^--seed must be a whole number from 0 to \d+, not "-1"\n$/);
    const ja = cli('sim', [DEMO, '--seed', '-1', '--lang', 'ja']);
    expect(ja.code).toBe(1);
    expect(ja.stderr).not.toContain('must be');
    expect(ja.stderr).toContain('"-1"');
    const ko = cli('check', ['--lang', 'ko']);
    expect(ko.stderr.trim()).toBe(CATALOG.ko['cli.usage.check']);
  });
});
