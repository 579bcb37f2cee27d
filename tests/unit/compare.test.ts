// Issue #7, compare: two runs of one scenario side by side, in the words a trainer reads aloud.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyse, DEC_2018, tempFile } from './helpers';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { rerunner } from '../../src/core/compare/grounds';
import { breakdownKey, compareRuns } from '../../src/core/compare/compare';
import { comparisonReport, formatComparisonMarkdown, formatComparisonText } from '../../src/core/compare/output';
import { parseSide, takeRepeated } from '../../src/core/compare/sides';

function compareCli(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/encounter-sim.js'), 'compare', ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const jp = analyse(DEC_2018, { account: 'jp', procedure: 'practice-2018' });
const rok = analyse(DEC_2018, { account: 'rok', procedure: 'practice-2018' });

describe('December 2018, Japanese account against the ROK account', () => {
  const c = compareRuns(jp, rok);

  it('names the disputed facts whose values differ, with the value under each account', () => {
    const ids = c.facts.differ.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['stir-mode', 'vhf-guard-set', 'bridge-noise', 'p1-flight']));
    const spec = jp.run.scenario.spec.facts;
    for (const f of c.facts.differ) {
      expect(f.a).toEqual(spec[f.id]!.values['jp']);
      expect(f.b).toEqual(spec[f.id]!.values['rok']);
      expect(f.question).toBe(spec[f.id]!.question);
    }
    expect(c.facts.differ.length + c.facts.same).toBe(Object.keys(spec).length);
  });

  it('the fire-control violations and the unanswered calls belong to the Japanese account alone', () => {
    const onlyJp = c.breakdowns.onlyA;
    const fc = onlyJp.filter((b) => b.kind === 'violation' && b.rule === 'cues-2014/avoid-fire-control-radar');
    expect(fc.length).toBe(jp.breakdowns.filter((b) => b.rule === 'cues-2014/avoid-fire-control-radar').length);
    expect(fc.length).toBeGreaterThan(0);
    expect(onlyJp.some((b) => b.kind === 'ladder' && b.stage === 'acknowledged')).toBe(true);
    expect(c.breakdowns.onlyB.some((b) => b.rule === 'cues-2014/avoid-fire-control-radar' || b.stage === 'acknowledged')).toBe(false);
  });

  it('the calls lost before anyone could answer belong to the ROK account alone', () => {
    const stages = c.breakdowns.onlyB.filter((b) => b.kind === 'ladder').map((b) => b.stage);
    expect(stages).toEqual(expect.arrayContaining(['receivable', 'understood', 'heard']));
    expect(c.breakdowns.onlyA.some((b) => b.kind === 'ladder' && ['receivable', 'understood', 'heard'].includes(b.stage!))).toBe(false);
  });

  it('what both accounts share is matched, not listed twice', () => {
    for (const p of c.breakdowns.both) expect(breakdownKey(jp, p.a)).toBe(breakdownKey(rok, p.b));
    expect(c.breakdowns.both.length + c.breakdowns.onlyA.length).toBe(jp.breakdowns.length);
    expect(c.breakdowns.both.length + c.breakdowns.onlyB.length).toBe(rok.breakdowns.length);
    // On 20 December 2018 neither side's norm in force finds the pass inside it: no distance finding in either account.
    expect([...jp.breakdowns, ...rok.breakdowns].some((b) => b.rule === 'cues-2014/safe-distance')).toBe(false);
  });

  it('each of the three calls reached a different stage under each account', () => {
    const hails = c.transmissions.differ.filter((d) => d.call.kind === 'hail' && d.call.from === 'p1');
    expect(hails.map((d) => d.call.channel)).toEqual(jp.run.transmissions.filter((t) => t.kind === 'hail' && t.from === 'p1').map((t) => t.channel));
    for (const d of hails) {
      expect(d.a.failedAt).toBe('acknowledged');
      expect(d.b.failedAt).not.toBe('acknowledged');
    }
  });

  it('gives the first divergence in words: when, what A did and what B did', () => {
    const d = c.firstDivergence!;
    expect(d).not.toBeNull();
    expect(d.aSays).not.toBe(d.bSays);
    expect(d.a!.seq).toBe(d.b!.seq); // everything before it is the same
    const radio = c.firstRadioDivergence!;
    expect(radio.t).toBeGreaterThanOrEqual(d.t);
    expect(['transmission', 'reception', 'answered', 'unanswered']).toContain(radio.a!.type);
  });

  it('reads as text a trainer can read aloud, and as a Markdown section', () => {
    const text = formatComparisonText(c);
    expect(text).toMatch(/^Comparing two runs of "/);
    expect(text).toMatch(/stir-mode \[Radar\]: .*\n\s+A: "track"\s+B: "slewed"/);
    expect(text).toMatch(/Only in A \(account jp\): \d+/);
    expect(text).toMatch(/Only in B \(account rok\): \d+/);
    const md = formatComparisonMarkdown(c);
    expect(md).toMatch(/^## Comparison: A against B/);
    expect(md).toMatch(/\| stir-mode \|/);
  });

  it('is symmetric: swapping the runs swaps the sides', () => {
    const back = compareRuns(rok, jp);
    expect(back.breakdowns.onlyA.map((b) => b.id)).toEqual(c.breakdowns.onlyB.map((b) => b.id));
    expect(back.breakdowns.onlyB.map((b) => b.id)).toEqual(c.breakdowns.onlyA.map((b) => b.id));
  });
});

describe('one account, two procedures', () => {
  const before = rok;
  const after = analyse(DEC_2018, { account: 'rok', procedure: 'jp-rok-2024' });
  const c = compareRuns(before, after);

  it('no fact differs, so labels name the procedures', () => {
    expect(c.facts.differ).toEqual([]);
    expect(c.a.label).toBe('procedure practice-2018');
    expect(c.b.label).toBe('procedure jp-rok-2024');
  });

  it('the 2024 document removes the lost calls and adds the calls the ship now makes', () => {
    expect(c.breakdowns.onlyA.filter((b) => b.kind === 'ladder').length).toBeGreaterThan(0);
    expect(c.breakdowns.onlyB.filter((b) => b.kind === 'ladder')).toEqual([]);
    expect(c.transmissions.onlyB.some((r) => r.from === 'ddg971' && r.to === 'p1')).toBe(true);
  });
});

describe('a run against itself', () => {
  it('shows no difference at all', () => {
    const c = compareRuns(jp, analyse(DEC_2018, { account: 'jp', procedure: 'practice-2018' }));
    expect(c.firstDivergence).toBeNull();
    expect(c.facts.differ).toEqual([]);
    expect(c.breakdowns.onlyA).toEqual([]);
    expect(c.breakdowns.onlyB).toEqual([]);
    expect(c.transmissions.differ).toEqual([]);
    expect(formatComparisonText(c)).toMatch(/Where the runs part: nowhere/);
  });
});

describe('command-line sides', () => {
  it('collects repeated --a/--b flags and lets later keys win', () => {
    const t = takeRepeated(['x.yaml', '--a', 'account=jp', '--b=account=rok', '--a', 'procedure=cues-2014', '--format', 'json'], ['a', 'b']);
    expect(t.rest).toEqual(['x.yaml', '--format', 'json']);
    expect(t.values).toEqual({ a: ['account=jp', 'procedure=cues-2014'], b: ['account=rok'] });
    expect(parseSide('a', t.values['a']!, { seed: 2, account: 'rok' })).toEqual({ seed: 2, account: 'jp', procedure: 'cues-2014' });
    expect(parseSide('a', ['colour=red'])).toEqual({ error: expect.stringMatching(/--a takes key=value with key account, procedure, seed/) });
    expect(parseSide('b', ['seed=-1'])).toEqual({ error: expect.stringMatching(/seed must be a whole number/) });
  });
});

describe('npm run compare', () => {
  it('prints a stable JSON comparison', () => {
    const r = compareCli([DEC_2018, '--a', 'account=jp', '--b', 'account=rok', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual([
      'scenario',
      'title',
      'a',
      'b',
      'facts',
      'factsSame',
      'notModelled',
      'grounds',
      'findings',
      'verdicts',
      'firstDivergence',
      'firstRadioDivergence',
      'transmissions',
      'breakdowns',
      'totals',
    ]);
    expect(j.a).toEqual({ account: 'jp', procedure: 'practice-2018', seed: 1, label: 'account jp' });
    expect(j.facts.map((f: { id: string }) => f.id)).toContain('stir-mode');
    const rerun = rerunner(readText(DEC_2018), diskProcedures, { seed: 1 });
    expect(r.stdout).toBe(JSON.stringify(comparisonReport(compareRuns(jp, rok, rerun)), null, 2) + '\n');
    expect(j.grounds.asked).toBe(true);
  });

  it("exits 1 with the loader's diagnostics on stderr and nothing on stdout when a side cannot run", () => {
    const r = compareCli([DEC_2018, '--a', 'account=jp', '--b', 'account=cn']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/run B \(account cn\) could not start/);
    expect(r.stderr).toMatch(/no account "cn" in this scenario; its accounts are jp, rok/);
  });

  it('exits 1 on a side it cannot read, or on a bad file', () => {
    const r = compareCli([DEC_2018, '--a', 'colour=red', '--b', 'account=rok']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--a takes key=value/);
    const bad = compareCli([tempFile('bad.yaml', 'id: Bad Id\n'), '--a', 'seed=1', '--b', 'seed=2']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad\.yaml:1:5: error/);
  });
});
