// Issue #7, paths: every way one call exchange can go, built from the procedure's data, with the
// way each exchange of a run went marked on it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { getStateNodes } from 'xstate/graph';
import { analyse, report, CONTROL, DEC_2018, tempFile } from './helpers';
import { ROOT } from '../../src/cli/files';
import { LADDER, type Stage } from '../../src/core/log';
import type { Procedure } from '../../src/core/procedure/load';
import { exchangeModel } from '../../src/core/paths/exchange';
import { plannedChannels } from '../../src/core/procedure/duties';
import { enumeratePaths, hailExchanges, pathsForRun, takenPath, type PathSet } from '../../src/core/paths/paths';
import { formatPathsText } from '../../src/core/paths/output';

const procedureOf = (id: string) => analyse(DEC_2018, { account: 'rok', procedure: id }).run.scenario.procedure;
const failedStages = (set: PathSet) => set.groups.flatMap((g) => (g.outcome.kind === 'failed' ? [g.outcome.stage] : []));
const withHailing = (p: Procedure, h: Partial<Procedure['hailing']>): Procedure => ({ ...p, hailing: { ...p.hailing, ...h } });

/**
 * Ways an exchange of `calls` calls can go when each call climbs `stages` stages: a call can stop
 * at any stage, get through, or (with a say-again rule) be asked for a repeat. Before the last
 * call, a call that gets through or gets a reply that does not answer (acted-on) ends the
 * exchange; any other stop leads to the next call. The last call ends it whatever happens.
 */
function expectedTotal(calls: number, stages: number, sayAgain: boolean): number {
  const sa = sayAgain ? 1 : 0;
  const last = stages + 1 + sa;
  const ending = 1 + (stages === 7 ? 1 : 0);
  const goingOn = Math.min(stages, 6) + sa;
  let n = last;
  for (let i = 1; i < calls; i++) n = ending + goingOn * n;
  return n;
}

describe('the exchange under jp-rok-2024', () => {
  const p = procedureOf('jp-rok-2024');
  const m = exchangeModel(p);
  const set = enumeratePaths(m);

  it('plans the calls from the procedure: its priority list, calls per channel, attempts', () => {
    expect(m.plan).toEqual(plannedChannels(p));
    expect(m.plan).toHaveLength(p.hailing.attempts);
    expect(m.plan).toEqual(p.channelPriority.slice(0, p.hailing.attempts));
    expect(m.needed).toBe('acted-on');
  });

  it('can fail at each of the seven ladder stages, since the call asks for an answer', () => {
    expect(failedStages(set)).toEqual([...LADDER]);
    for (const g of set.groups.filter((x) => x.outcome.kind === 'failed')) expect(g.label).toMatch(/^exchange failed at /);
  });

  it('labels each failure with the rule that governs that stage', () => {
    const rules = (s: Stage) => set.groups.find((g) => g.outcome.kind === 'failed' && g.outcome.stage === s)!.rules;
    expect(rules('receivable')).toContain('jp-rok-2024/guard-frequencies');
    expect(rules('acknowledged')).toContain('jp-rok-2024/respond-actively');
    expect(rules('understood')).toEqual([m.sayAgain]);
  });

  it('counts every path, lists them all when there are few, each once', () => {
    expect(set.total).toBe(expectedTotal(3, 7, true));
    expect(set.groups.reduce((a, g) => a + g.count, 0)).toBe(set.total);
    expect(set.capped).toBe(false);
    expect(set.listed).toHaveLength(set.total);
    expect(new Set(set.listed.map((x) => x.key)).size).toBe(set.total);
    for (const g of set.groups) expect(set.listed.filter((x) => x.end === g.end)).toHaveLength(g.count);
  });

  it('has a say-again branch: the caller repeats on the same channel', () => {
    const repeat = set.listed.find((x) => x.calls[0]?.sayAgain && x.calls.length > 1)!;
    expect(repeat.calls[1]!.channel).toBe(repeat.calls[0]!.channel);
    expect(repeat.calls[0]!.channel).not.toBe(m.plan[1]);
  });

  it('runs on the unit machines themselves, where time is an event: no delayed transitions in either party', () => {
    for (const machine of [m.machines.caller, m.machines.recipient]) {
      const nodes = getStateNodes(machine.root);
      expect(nodes.map((n) => n.path.join('.'))).toContain('comms.calling.repeating');
      for (const node of nodes) expect(node.after).toEqual([]);
    }
    expect(set.listed.some((x) => x.events.includes('reply-timeout'))).toBe(true);
  });
});

describe('the model follows the procedure data', () => {
  const p = procedureOf('jp-rok-2024');

  it('more attempts, more paths; fewer stages when the call asks for no answer', () => {
    expect(enumeratePaths(exchangeModel(withHailing(p, { attempts: 1 }))).total).toBe(expectedTotal(1, 7, true));
    expect(enumeratePaths(exchangeModel(withHailing(p, { attempts: 2 }))).total).toBe(expectedTotal(2, 7, true));
    const noAnswer = enumeratePaths(exchangeModel(p, { needsAnswer: false }));
    expect(failedStages(noAnswer)).toEqual(LADDER.slice(0, 6));
    expect(noAnswer.total).toBe(expectedTotal(3, 6, true));
  });

  it('without a say-again rule there is no say-again branch', () => {
    const bare: Procedure = { ...p, rules: p.rules.filter((r) => r.type !== 'say-again') };
    const set = enumeratePaths(exchangeModel(bare));
    expect(set.listed.some((x) => x.events.includes('say-again'))).toBe(false);
    expect(set.total).toBe(expectedTotal(3, 7, false));
  });

  it('CUES calls three times on its first channel before moving on', () => {
    const cues = procedureOf('cues-2014');
    expect(cues.hailing.callsPerChannel).toBe(3);
    expect(exchangeModel(cues).plan).toEqual([cues.channelPriority[0], cues.channelPriority[0], cues.channelPriority[0]]);
  });

  it('a recipient that in practice does not answer calls leaves no path that completes', () => {
    const s = analyse(DEC_2018, { account: 'rok', procedure: 'practice-2018' }).run.scenario;
    const ship = s.units.find((u) => u.id === 'ddg971')!;
    const m = exchangeModel(s.procedure, { recipient: { id: ship.id, nation: ship.nation, kind: ship.kind, service: ship.service! } });
    const set = enumeratePaths(m);
    expect(set.groups.some((g) => g.outcome.kind === 'completed')).toBe(false);
    expect(m.notes.join(' ')).toMatch(/does not follow cues-2014\/answer-calls/);
  });

  it('caps the listing when the paths explode, and says how many there are', () => {
    const big = enumeratePaths(exchangeModel(withHailing(p, { attempts: 12 })), { cap: 200 });
    expect(big.capped).toBe(true);
    expect(big.listed).toHaveLength(200);
    expect(big.total).toBe(expectedTotal(12, 7, true));
    expect(big.groups.reduce((a, g) => a + g.count, 0)).toBe(big.total);
    expect(formatPathsText({ title: 't', account: null, procedure: p.id, seed: 1 }, { models: [{ set: big, taken: [] }] }, { all: true })).toMatch(
      /Only the first 200 paths are listed/,
    );
  });
});

describe('the paths December 2018 took', () => {
  for (const procedure of ['practice-2018', 'jp-rok-2024']) {
    it(`marks the P-1's exchange with the ship under the ROK account, ${procedure}`, () => {
      const a = analyse(DEC_2018, { account: 'rok', procedure });
      const r = report(DEC_2018, { account: 'rok', procedure });
      const rp = pathsForRun(a);
      const mine = rp.models.find((x) => x.set.model.caller?.id === 'p1' && x.set.model.recipient?.id === 'ddg971')!;
      expect(mine.taken).toHaveLength(1);
      const t = mine.taken[0]!;
      expect(t.status).toBe('complete');
      expect(mine.set.listed.map((x) => x.key)).toContain(t.key);
      // The path says what the report says about each call.
      const calls = r.transmissions.filter((x) => x.from === 'p1' && x.to === 'ddg971' && x.kind === 'hail');
      expect(t.calls.map((c) => c.channel)).toEqual(calls.map((c) => c.channel));
      expect(t.calls.map((c) => c.failedAt)).toEqual(calls.map((c) => c.recipients[0]!.failedAt));
      expect(formatPathsText({ title: 't', account: 'rok', procedure, seed: 1 }, rp)).toMatch(new RegExp(`► ${t.exchange} \\(`));
    });
  }

  it('ROK account as practised: the path ends where the last call stopped, at heard', () => {
    const a = analyse(DEC_2018, { account: 'rok', procedure: 'practice-2018' });
    const t = pathsForRun(a).models[0]!.taken[0]!;
    expect(t.end).toBe('failed-at-heard');
  });

  it('under the 2024 document the exchange completes on its first call', () => {
    const a = analyse(DEC_2018, { account: 'rok', procedure: 'jp-rok-2024' });
    for (const m of pathsForRun(a).models) for (const t of m.taken) expect(t.end).toBe('completed-on-call-1');
  });
});

describe('a say-again in a run', () => {
  it('maps onto the say-again branch, and a repeat on the last call ends at understood', () => {
    const text = readFileSync(CONTROL, 'utf8').replace('languages: { en: 0.85, ko: 1 }', 'languages: { en: 0.33, ko: 1 }');
    const a = analyse(tempFile('say-again.yaml', text));
    const [x] = hailExchanges(a);
    const m = exchangeModel(a.run.scenario.procedure, { needsAnswer: x!.txs[0]!.needsAnswer });
    const t = takenPath(m, a, x!);
    expect(a.run.transmissions.some((tx) => tx.kind === 'say-again')).toBe(true);
    expect(t.status).toBe('complete');
    expect(t.calls.every((c) => c.sayAgain)).toBe(true);
    expect(t.end).toBe('failed-at-understood');
  });
});

describe('npm run paths', () => {
  it('prints the paths with the one the run took marked, and a JSON form', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/encounter-sim.js'), 'paths', ...args], { encoding: 'utf8', cwd: ROOT });
    const r = run([DEC_2018, '--account', 'rok', '--procedure', 'jp-rok-2024', '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.procedure).toBe('jp-rok-2024');
    const p1 = j.models.find((x: { caller: string }) => x.caller === 'p1');
    expect(p1.groups.map((g: { end: string }) => g.end)).toEqual(expect.arrayContaining(LADDER.map((s) => `failed-at-${s}`)));
    expect(p1.groups.find((g: { end: string }) => g.end === 'completed-on-call-1').taken).toEqual(['p1-x1']);
    const bad = run([DEC_2018, '--account', 'cn']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
  });
});
