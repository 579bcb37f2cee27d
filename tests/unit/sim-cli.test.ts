// `npm run sim` as the contract fixes it: the JSON report, byte-identical reruns, exit codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, DEC_2018, DEMO, tempFile } from './helpers';
import { LADDER } from '../../src/core/log';

describe('npm run sim', () => {
  const first = cli('sim', [DEMO, '--format', 'json', '--seed', '7']);
  const report = JSON.parse(first.stdout);

  it("prints a JSON report with the contract's fields and types", () => {
    expect(first.code).toBe(0);
    expect(Object.keys(report)).toEqual([
      'scenario',
      'title',
      'account',
      'procedure',
      'seed',
      'start',
      'durationS',
      'units',
      'transmissions',
      'breakdowns',
      'compliance',
      'summary',
      'discussion',
      'whatIf',
      'facts',
      'assumptions',
    ]);
    expect(report.discussion).toEqual([]);
    expect(report.whatIf).toBeNull();
    expect(report).toMatchObject({
      scenario: 'demo-ladder',
      account: null,
      procedure: 'demo-ladder',
      seed: 7,
      start: '2025-06-01T10:00:00+09:00',
      durationS: 900,
    });
    expect(report.units[0]).toEqual({ id: 'teacher', name: 'JS Teacher', nation: 'JP', kind: 'ship' });
    for (const tx of report.transmissions) {
      expect(tx).toMatchObject({
        id: expect.stringMatching(/^tx-\d+$/),
        t: expect.any(Number),
        from: expect.any(String),
        to: expect.any(String),
        channel: expect.any(String),
        text: expect.any(String),
      });
      for (const r of tx.recipients) {
        expect(r.reached === null || LADDER.includes(r.reached)).toBe(true);
        expect(r.failedAt === null || LADDER.includes(r.failedAt)).toBe(true);
      }
    }
    for (const b of report.breakdowns) {
      expect(['ladder', 'omission', 'violation']).toContain(b.kind);
      expect(b).toHaveProperty('explanation');
      if (b.kind === 'ladder') expect(b.rule).toBeNull();
      else expect(b.transmission).toBeNull();
    }
    for (const c of report.compliance) expect(['followed', 'violated', 'not-applicable']).toContain(c.status);
    expect(report.summary).toEqual({
      transmissions: report.transmissions.length,
      exchangesCompleted: expect.any(Number),
      breakdowns: report.breakdowns.length,
      firstBreakdownT: report.breakdowns[0].t,
    });
  });

  it('gives a byte-identical report for the same scenario, account, procedure and seed', () => {
    const again = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'json', '--seed', '3']);
    const twice = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'json', '--seed', '3']);
    expect(again.stdout.length).toBeGreaterThan(1000);
    expect(twice.stdout).toBe(again.stdout);
  });

  it('exits 3 with --fail-on-breakdown when anything broke, 0 without it', () => {
    expect(cli('sim', [DEMO, '--fail-on-breakdown', '--format', 'json']).code).toBe(3);
    expect(cli('sim', [DEMO]).code).toBe(0);
  });

  it('exits 1 on invalid input with diagnostics on stderr and nothing on stdout', () => {
    const bad = tempFile('bad.yaml', 'id: Bad Id\n');
    const r = cli('sim', [bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml:1:5: error\[ES2016\]: .*ids are lower-case/);
  });

  it('exits 1 on an unknown account, naming the accounts there are', () => {
    const r = cli('sim', [DEC_2018, '--account', 'cn']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no account "cn" in this scenario; its accounts are jp, rok/);
  });

  it('writes the debrief as Markdown with --format md --out', () => {
    const out = tempFile('debrief.md', '');
    expect(cli('sim', [DEC_2018, '--account', 'rok', '--format', 'md', '--out', out]).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Debrief: /);
    expect(md).toMatch(/## Breakdowns/);
    expect(md).toMatch(/KOREA COAST/);
    expect(md).toMatch(/## Scorecard: practice-2018/);
  });
});
