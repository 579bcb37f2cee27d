// Issue 13, compare: each finding in both accounts, only in A or only in B, and the disputed facts
// it rests on, found by running one account again with one fact as the other account gives it.
// Expectations come from the fixture (tests/fixtures/two-accounts.yaml), not from a known output.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyse, DEC_2018 } from './helpers';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { compareRuns, type Comparison, type Finding } from '../../src/core/compare/compare';
import { breakdownKey } from '../../src/core/compare/key';
import { rerunner } from '../../src/core/compare/grounds';
import { comparisonReport, formatComparisonMarkdown, formatComparisonText } from '../../src/core/compare/output';
import { loadScenario } from '../../src/core';
import type { Analysis } from '../../src/core/analysis/report';
import { stable } from '../../src/core/compare/compare';

const FIXTURE = join(ROOT, 'tests/fixtures/two-accounts.yaml');
const file = readText(FIXTURE);
const east = analyse(FIXTURE, { account: 'east' });
const west = analyse(FIXTURE, { account: 'west' });
const rerun = rerunner(file, diskProcedures, { seed: 1 });
const spec = east.run.scenario.spec;
const disputed = Object.entries(spec.facts).filter(([, f]) => stable(f.values['east']) !== stable(f.values['west']));

const FC = 'cues-2014/avoid-fire-control-radar';
const fcOf = (c: Comparison) => c.findings.filter((f) => (f.a ?? f.b)!.rule === FC);
/** Violations about a closest pass (the log entry they are read from is a proximity entry). */
const isPassVerdict = (x: Analysis) => (b: Analysis['breakdowns'][number]) => b.kind === 'violation' && x.run.log[b.entry]?.type === 'proximity';

describe('findings of two accounts, each classed and tested against the disputed facts', () => {
  const c = compareRuns(east, west, rerun);

  it('classes every breakdown of both runs exactly once: in both accounts, only in A, only in B', () => {
    const inA = c.findings.filter((f) => f.a).map((f) => f.a!.id);
    const inB = c.findings.filter((f) => f.b).map((f) => f.b!.id);
    expect(inA.sort()).toEqual(east.breakdowns.map((b) => b.id).sort());
    expect(inB.sort()).toEqual(west.breakdowns.map((b) => b.id).sort());
    for (const f of c.findings) {
      expect(f.presence).toBe(f.a && f.b ? 'both' : f.a ? 'only-a' : 'only-b');
      if (f.presence === 'both') expect(breakdownKey(east, f.a!)).toBe(breakdownKey(west, f.b!));
    }
    expect(c.findings.some((f) => f.presence === 'both')).toBe(true);
  });

  it('the fire-control violation is only in the account whose radar transmitted, and rests on that fact alone', () => {
    // radar-mode is the fact the fixture's emit action takes its mode from.
    const modeFact = 'radar-mode';
    expect(spec.facts[modeFact]!.values).toEqual({ east: 'track', west: 'slewed' });
    const fc = fcOf(c);
    expect(fc.length).toBeGreaterThan(0);
    for (const f of fc) {
      expect(f.presence).toBe('only-a');
      expect(f.restsOn).toEqual([modeFact]);
      expect(f.goesFrom).toEqual({ a: [modeFact], b: [] });
    }
  });

  it('the close pass both accounts share is common ground: no disputed fact removes its violation', () => {
    const pass = c.findings.filter((f) => f.a && isPassVerdict(east)(f.a));
    expect(pass.length).toBeGreaterThan(0);
    for (const f of pass) {
      expect(f.presence).toBe('both');
      expect(f.restsOn).toEqual([]);
    }
  });

  it('a lost call in both accounts can rest on a different disputed fact in each', () => {
    // East calls because of the radar, West of its own accord at the same moment.
    const lost = c.findings.find(
      (f) => f.presence === 'both' && f.a!.kind === 'ladder' && f.a!.unit === 'ship' && f.a!.t < (spec.facts['call-time']!.values['east'] as number),
    );
    expect(lost).toBeDefined();
    expect(lost!.goesFrom).toEqual({ a: ['radar-mode'], b: ['call-time'] });
    expect(lost!.restsOn).toEqual(['radar-mode', 'call-time']);
  });

  it('a fact that changes nothing in the runs is in no finding', () => {
    const inert = disputed.map(([id]) => id).filter((id) => !c.findings.some((f) => f.restsOn!.includes(id)));
    expect(inert).toContain('place');
    expect(c.grounds).toEqual({ asked: true, why: null, failed: [] });
  });

  it('swapping the accounts swaps only-in-A and only-in-B; what each finding rests on stays', () => {
    const back = compareRuns(west, east, rerun);
    const rests = (x: Comparison, p: Finding['presence']) => x.findings.filter((f) => f.presence === p).map((f) => f.restsOn);
    expect(rests(back, 'only-b')).toEqual(rests(c, 'only-a'));
    expect(rests(back, 'only-a')).toEqual(rests(c, 'only-b'));
    for (const f of fcOf(back)) expect(f.goesFrom).toEqual({ a: [], b: ['radar-mode'] });
  });
});

describe('the facts section says what it is', () => {
  const c = compareRuns(east, west, rerun);
  const text = formatComparisonText(c);
  const md = formatComparisonMarkdown(c);
  const json = comparisonReport(c);

  it('counts the facts the accounts give differently as the facts the scenario models', () => {
    const heading = `Facts the two accounts give differently: ${disputed.length} (these are the facts this scenario models)`;
    expect(text).toContain(heading);
    expect(md).toContain(`### ${heading}`);
    for (const out of [text, md]) {
      expect(out).not.toMatch(/\b(\d+) of \1\b/);
      expect(out).not.toMatch(/disputed facts differ/);
    }
  });

  it('lists every row of the dispute the scenario does not model, with its reason', () => {
    expect(spec.notModelled.length).toBeGreaterThan(0);
    for (const r of spec.notModelled) {
      expect(text).toContain(`${r.row}: ${r.reason}`);
      expect(md).toContain(`**${r.row}:** ${r.reason}`);
    }
    expect(json.notModelled).toEqual(spec.notModelled.map((r) => ({ row: r.row, reason: r.reason })));
  });

  it('marks a value the account does not state as an assumption, beside that value only', () => {
    const [id, f] = Object.entries(spec.facts).find(([, x]) => x.assumed)!;
    const [account, why] = Object.entries(f.assumed!)[0]!;
    const side = account === 'west' ? 'b' : 'a';
    const row = c.facts.differ.find((x) => x.id === id)!;
    expect(side === 'b' ? row.assumedB : row.assumedA).toBe(why);
    expect(side === 'b' ? row.assumedA : row.assumedB).toBeUndefined();
    expect(text).toContain(`(assumption: ${why})`);
    expect(md).toContain(`(assumption: ${why})`);
    expect(json.facts.find((x) => x.id === id)!.assumed).toEqual({ [side]: why });
  });

  it('the December 2018 comparison never reads "N of N disputed facts differ"', () => {
    const jp = analyse(DEC_2018, { account: 'jp' });
    const rok = analyse(DEC_2018, { account: 'rok' });
    const d = compareRuns(jp, rok);
    for (const out of [formatComparisonText(d), formatComparisonMarkdown(d)]) {
      expect(out).not.toMatch(/\b(\d+) of \1\b/);
      expect(out).toContain(`Facts the two accounts give differently: ${d.facts.differ.length} (these are the facts this scenario models)`);
    }
  });
});

describe('outputs say where each finding stands', () => {
  const c = compareRuns(east, west, rerun);

  it('JSON: presence and restsOn on every finding', () => {
    const j = comparisonReport(c);
    expect(j.findings).toHaveLength(c.findings.length);
    for (const [i, f] of j.findings.entries()) {
      expect(f.presence).toBe(c.findings[i]!.presence);
      expect(f.restsOn).toEqual(c.findings[i]!.restsOn);
    }
    expect(j.findings.filter((f) => f.rule === FC).every((f) => f.presence === 'only-a' && stable(f.restsOn) === stable(['radar-mode']))).toBe(true);
    expect(j.grounds.asked).toBe(true);
  });

  it('text and Markdown: common ground, and the fact a disputed finding rests on', () => {
    const both = c.findings.filter((f) => f.presence === 'both');
    const common = both.filter((f) => f.restsOn!.length === 0).length;
    const summary = `${both.length} in both accounts (${common} common ground, ${both.length - common} resting on a disputed fact); ${c.findings.filter((f) => f.presence === 'only-a').length} only in A; ${c.findings.filter((f) => f.presence === 'only-b').length} only in B.`;
    const text = formatComparisonText(c);
    const md = formatComparisonMarkdown(c);
    for (const out of [text, md]) {
      expect(out).toContain(summary);
      expect(out).toContain('common ground: it rests on no disputed fact');
      expect(out).toContain("rests on disputed fact radar-mode: with B's value, it goes from A");
    }
    expect(md).toContain('#### In both accounts');
    expect(md).toContain('#### Only in A (account east)');
  });
});

describe('runs that differ in more than the account', () => {
  it('says facts-flipping applies to accounts only, and classes the findings all the same', () => {
    const other = analyse(FIXTURE, { account: 'west', procedure: 'jp-rok-2024' });
    const c = compareRuns(east, other, rerun);
    expect(c.grounds.asked).toBe(false);
    expect(c.grounds.why).toMatch(/procedure as well as in account\. Facts-flipping applies to accounts only/);
    expect(c.findings.length).toBeGreaterThan(0);
    expect(c.findings.every((f) => f.restsOn === null)).toBe(true);
    expect(formatComparisonText(c)).toContain(c.grounds.why!);
    expect(formatComparisonText(c)).not.toMatch(/common ground|rests on disputed/);
    expect(comparisonReport(c).findings.every((f) => f.restsOn === null)).toBe(true);
  });

  it('one account under two procedures: no disputed fact tells them apart', () => {
    const c = compareRuns(east, analyse(FIXTURE, { account: 'east', procedure: 'jp-rok-2024' }), rerun);
    expect(c.grounds.why).toMatch(/differ in procedure, not in account\. Facts-flipping applies to accounts only/);
    expect(formatComparisonText(c)).toMatch(/Facts the two runs give differently: none \(both take the \d+ facts this scenario models alike\)/);
  });
});

describe('the sides agree on the numbers and differ on the verdict', () => {
  // The same run judged without its distance violations: the passes are the same numbers, the verdict is not.
  const unjudged: Analysis = { ...east, breakdowns: east.breakdowns.filter((b) => !isPassVerdict(east)(b)) };
  const c = compareRuns(east, unjudged);

  it('names each pass both runs record alike, with the verdict in each', () => {
    const judged = east.breakdowns.filter(isPassVerdict(east));
    expect(judged.length).toBeGreaterThan(0);
    const passes = [...new Set(judged.map((b) => b.entry))];
    expect(c.verdicts).toHaveLength(passes.length);
    for (const v of c.verdicts) {
      const e = east.run.log.find((x) => x.type === 'proximity' && x.closest && x.t === v.pass.tA)!;
      expect(e.type === 'proximity' && [e.unit, e.other, e.groundM, e.altitudeM]).toEqual([v.pass.unit, v.pass.other, v.pass.groundM, v.pass.altitudeM]);
      expect(v.a.length).toBeGreaterThan(0);
      expect(v.b).toEqual([]);
    }
    const text = formatComparisonText(c);
    expect(text).toContain('The sides agree on the numbers and differ on the verdict');
    expect(text).toMatch(
      /Plane East passed Ship West at \d+ m and \d+ m altitude in both runs\n\s+A \(.*\): violation of cues-2014\/safe-distance[^\n]*\n\s+B \(.*\): no violation/,
    );
    expect(formatComparisonMarkdown(c)).toContain('### The sides agree on the numbers and differ on the verdict');
  });

  it('says nothing of passes judged alike', () => {
    expect(compareRuns(east, analyse(FIXTURE, { account: 'east' })).verdicts).toEqual([]);
  });
});

describe('the finding key and the fact override', () => {
  it('two breakdowns about different units are different findings', () => {
    const b = east.breakdowns.find((x) => x.rule === FC)!;
    expect(breakdownKey(east, b)).not.toBe(breakdownKey(east, { ...b, units: [b.unit, 'someone-else'] }));
  });

  it('a load can take a disputed fact at the other account’s value', () => {
    const s = loadScenario(file, diskProcedures, { account: 'east', facts: { 'radar-mode': 'slewed' } }).scenario!;
    expect(s.account).toBe('east');
    expect(s.facts.find((f) => f.id === 'radar-mode')!.value).toBe('slewed');
    expect(s.script.find((a) => a.do === 'emit')).toMatchObject({ mode: 'slewed' });
  });
});
