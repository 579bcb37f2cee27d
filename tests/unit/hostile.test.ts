// The hostile-input corpus (tests/fixtures/hostile/, plus devices and links made here): each case
// as a hostile user would try it on the command line. Every case ends with a clear exit code, a
// positioned message first, no stack trace, nothing raw on the terminal, and every input unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cli } from './helpers';
import { ROOT } from '../../src/cli/files';
import { groupDigits, MAX_FILE_BYTES } from '../../src/core/limits';

const DIR = join(ROOT, 'tests/fixtures/hostile');
const rel = (p: string) => relative(ROOT, p);
const fixture = (name: string) => rel(join(DIR, name));

/** Every file of the corpus, hashed before the tests and compared after: no case may change an input. */
function hashes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(DIR)) {
    const p = join(DIR, name);
    if (statSync(p).isFile()) out.set(name, createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

/** No stack trace, no raw escape or control character, on either stream. */
function expectClean(r: { stdout: string; stderr: string }) {
  for (const text of [r.stdout, r.stderr]) {
    expect(text).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
    // eslint-disable-next-line no-control-regex -- looking for what must not be there
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  }
}

let before: Map<string, string>;
beforeAll(() => {
  before = hashes();
});
afterAll(() => {
  expect(hashes()).toEqual(before);
});

describe('escape and control characters in a file', () => {
  const f = fixture('escapes-in-names.yaml');

  it('sim shows them escaped in text and Markdown, never raw', () => {
    for (const format of ['text', 'md']) {
      const r = cli('sim', [f, '--format', format]);
      expect(r.code).toBe(0);
      expectClean(r);
      expect(r.stdout).toContain('JS Teruzuki\\x1B');
      expect(r.stdout).toContain('pwned\\x07');
      expect(r.stdout).toContain('\\u202Eevil');
    }
  });

  it('sim --format json keeps the name as data, written with JSON escapes', () => {
    const r = cli('sim', [f, '--format', 'json']);
    expect(r.code).toBe(0);
    expectClean(r);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('JS Teruzuki\\u001b]0;pwned\\u0007');
  });

  it('check echoes nothing raw', () => {
    const r = cli('check', [f]);
    expectClean(r);
    expect(r.code).toBe(0);
  });
});

describe('names every JavaScript object inherits', () => {
  it('"$constructor" is a fact the file does not declare, at its line, not a crash', () => {
    const r = cli('check', [fixture('constructor-fact-reference.yaml')]);
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^tests\/fixtures\/hostile\/constructor-fact-reference\.yaml:\d+:\d+: error\[ES\d{4}\]: "\$constructor" names no fact/,
    );
  });

  it('an account named "constructor" still needs a value for every fact', () => {
    const r = cli('check', [fixture('constructor-account.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/:\d+:\d+: error\[ES\d{4}\]: fact "watch" has no value for account "constructor"/);
    const run = cli('sim', [fixture('constructor-account.yaml'), '--account', 'constructor']);
    expect(run.code).toBe(1);
    expectClean(run);
  });

  it('a parameter named "toString" is an unknown parameter, not an inherited one', () => {
    const r = cli('check', [fixture('proto-parameter.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/:\d+:\d+: warning\[ES\d{4}\]: "toString" is not a parameter of procedure/);
  });
});

describe('paths that are not a scenario file', () => {
  it('a folder is a positioned error, and check goes on to the next file', () => {
    const r = cli('check', [fixture('a-folder.yaml'), fixture('escapes-in-names.yaml')]);
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stdout.split('\n')[0]).toBe(`${fixture('a-folder.yaml')}:1:1: error: is a folder; give a .yaml file in it`);
    expect(r.stderr).toContain('2 file(s) checked: 1 error(s)');
    const sim = cli('sim', [fixture('a-folder.yaml')]);
    expect(sim.code).toBe(1);
    expect(sim.stderr).toMatch(/:1:1: error: is a folder/);
  });

  it('/dev/zero is refused at the size limit, read with a cap rather than to the end', () => {
    for (const [cmd, args] of [
      ['check', ['/dev/zero']],
      ['sim', ['/dev/zero']],
      ['drill', [fixture('escapes-in-names.yaml'), '--unit', 'x', '--choices', '/dev/zero']],
    ] as const) {
      const r = cli(cmd, [...args]);
      expect(r.code, `${cmd} ${args.join(' ')}`).toBe(1);
      expectClean(r);
      expect(r.stdout + r.stderr).toMatch(
        new RegExp(`/dev/zero:1:1: error(\\[ES\\d{4}\\])?: .*(more than ${groupDigits(MAX_FILE_BYTES)} bytes|over the size limit)`),
      );
    }
  });

  it('a symbolic link loop is named as one, not "no such file"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-hostile-'));
    const loop = join(dir, 'loop.yaml');
    symlinkSync(loop, loop);
    const r = cli('sim', [loop]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:1:1: error: a symbolic link that leads back to itself/);
  });
});

describe('--out', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-hostile-'));
    const p = join(dir, 'scenario.yaml');
    copyFileSync(join(DIR, 'escapes-in-names.yaml'), p);
    return { dir, p, text: readFileSync(p, 'utf8') };
  };

  it('equal to the input is refused by sim, debrief and compare, and the scenario survives', () => {
    const { p, text } = copy();
    for (const [cmd, extra] of [
      ['sim', []],
      ['debrief', []],
      ['compare', ['--a', 'seed=1', '--b', 'seed=2']],
    ] as const) {
      const r = cli(cmd, [p, ...extra, '--out', p]);
      expect(r.code, cmd).toBe(1);
      expectClean(r);
      expect(r.stderr).toMatch(/--out .* is the input file/);
      expect(readFileSync(p, 'utf8')).toBe(text);
    }
  });

  it('into a folder that does not exist is a clear error', () => {
    const { dir, p } = copy();
    const r = cli('sim', [p, '--out', join(dir, 'missing', 'report.txt')]);
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stderr).toMatch(/the folder .*missing does not exist; create it first/);
  });

  it('writes the whole report, replacing an old one', () => {
    const { dir, p } = copy();
    const out = join(dir, 'report.json');
    expect(cli('sim', [p, '--format', 'json', '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).scenario).toBeDefined();
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'scenario.yaml']);
  });
});

describe('numbers and lengths that set the amount of work', () => {
  it('a step of a nanosecond is refused at environment.stepS, by check and by sim, with the step that would do', () => {
    for (const cmd of ['check', 'sim'] as const) {
      const r = cli(cmd, [fixture('nanosecond-step.yaml')]);
      expect(r.code, cmd).toBe(1);
      expectClean(r);
      const first = (cmd === 'check' ? r.stdout : r.stderr).split('\n')[0];
      expect(first).toMatch(
        /nanosecond-step\.yaml:\d+:\d+: error\[ES\d{4}\]: a step of 1e-9 s .* sensor samples; the limit is 5,000,000\. Set environment\.stepS to [\d.]+ s or more/,
      );
    }
  });

  it('a name of two megabytes is refused at its line, before any output is made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-hostile-'));
    const p = join(dir, 'long-name.yaml');
    const text = readFileSync(join(DIR, 'escapes-in-names.yaml'), 'utf8').replace(/^ {4}name: .*$/m, `    name: ${'A'.repeat(1_900_000)}`);
    writeFileSync(p, text);
    const r = cli('sim', [p, '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/long-name\.yaml:\d+:\d+: error\[ES\d{4}\]: this name is 1,900,000 characters long; the limit is 200/);
  });
});

describe('Markdown syntax in a file', () => {
  it('prints as written in --format md and in the debrief: no live image, link or HTML', () => {
    for (const [cmd, args] of [
      ['sim', ['--format', 'md']],
      ['debrief', ['--format', 'md']],
    ] as const) {
      const r = cli(cmd, [fixture('markdown-injection.yaml'), ...args]);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain('!\\[tracking pixel\\](https://example.invalid/p.png)');
      // A live image or link is "[" not preceded by a backslash; raw HTML is "<" itself.
      expect(r.stdout).not.toMatch(/(?<!\\)!\[[^\]]*\]\(/);
      expect(r.stdout).not.toMatch(/(?<!\\)\[[^\]]*\]\(javascript:/);
      expect(r.stdout).not.toContain('<img');
    }
  });
});

describe('each gap of the first round has a positioned message first', () => {
  const cases: [string, RegExp][] = [
    ['multiple-documents.yaml', /:\d+:1: error\[ES\d{4}\]: a second YAML document starts here/],
    ['utf16.yaml', /:1:1: error\[ES\d{4}\]: the file is not UTF-8 text \(it looks like UTF-16/],
    ['deep-nesting.yaml', /:2:\d+: error\[ES\d{4}\]: nested more than 64 levels deep here/],
    ['huge-seed.yaml', /:\d+:\d+: error\[ES\d{4}\]: seed must be at most 4294967295/],
    ['minutes-of-ninety-nine-seconds.yaml', /:\d+:\d+: error\[ES\d{4}\]: script\[0\]\.at: write a time as seconds .*under 60/],
    ['headquarters-off-the-globe.yaml', /:\d+:\d+: error\[ES\d{4}\]: units\[2\]\.position\.lat must be at most 90/],
    ['clash-scenario.yaml', /clash-procedure\.yaml:\d+:\d+: error\[ES\d{4}\]: this procedure's id "cues-2014" is the id of the procedure it extends/],
  ];
  for (const [name, first] of cases)
    it(name, () => {
      const r = cli('check', [fixture(name)]);
      expect(r.code).toBe(1);
      expectClean(r);
      expect(r.stdout.split('\n')[0]).toMatch(first);
    });

  it('empty flag values and out-of-range seeds are refused before anything runs', () => {
    const f = fixture('escapes-in-names.yaml');
    for (const args of [['--seed='], ['--until='], ['--account', ''], ['--seed', '4294967296']]) {
      const r = cli('sim', [f, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^--(seed|until|account) /);
    }
    for (const args of [
      ['--seed', 'abc'],
      ['--format', 'xml'],
    ]) {
      const r = cli('drill', [f, '--unit', 'jp-dd', ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^--(seed|format) must be/);
    }
  });
});
