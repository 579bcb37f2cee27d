// Issue #7, sweep: many seeded runs, the probability of each outcome with a 95% Wilson interval,
// identical whatever the number of worker threads.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEC_2018 } from './helpers';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { loadScenario } from '../../src/core/scenario/load';
import { createRandom } from '../../src/core/rng';
import { parseVary, varyScenario, DEFAULT_VARY } from '../../src/core/sweep/vary';
import { runRange, wilson, type ProcedureSummary, type Rate } from '../../src/core/sweep/sweep';
import { sweepReport } from '../../src/core/sweep/output';
import { runSweep, type SweepResult } from '../../src/cli/sweep';

const file = readText(DEC_2018);
const base = loadScenario(file, diskProcedures, { account: 'rok', procedure: 'jp-rok-2024' }).scenario!;
const allVary = parseVary(DEFAULT_VARY.join(',')) as Exclude<ReturnType<typeof parseVary>, { error: string }>;
const rates = (s: ProcedureSummary): Rate[] => [s.completed, s.noCall, ...s.exchanges, ...s.stages, ...s.rules];

describe('Wilson intervals', () => {
  it('match the textbook values and stay inside 0..1', () => {
    const a = wilson(5, 10);
    expect(a.lo).toBeCloseTo(0.2366, 4);
    expect(a.hi).toBeCloseTo(0.7634, 4);
    expect(wilson(0, 10).lo).toBe(0);
    expect(wilson(0, 10).hi).toBeCloseTo(0.2775, 4);
    expect(wilson(10, 10).hi).toBe(1);
    expect(wilson(10, 10).lo).toBeCloseTo(0.7225, 4);
  });
});

describe('variation of a scenario', () => {
  it('copies, never changes the scenario it is given', () => {
    const before = JSON.stringify(base);
    const varied = varyScenario(base, allVary, createRandom(7));
    expect(JSON.stringify(base)).toBe(before);
    expect(JSON.stringify(varied)).not.toBe(before);
  });

  it('is the same for the same random source, and different for another', () => {
    const a = varyScenario(base, allVary, createRandom(7).fork('vary 3'));
    const b = varyScenario(base, allVary, createRandom(7).fork('vary 3'));
    const c = varyScenario(base, allVary, createRandom(7).fork('vary 4'));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('keeps each quantity within the amount asked and within its bounds', () => {
    const spec = parseVary('noise=5,attention=0.3,proficiency=0.2') as typeof allVary;
    for (let i = 0; i < 50; i++) {
      const v = varyScenario(base, spec, createRandom(1).fork(`vary ${i}`));
      expect(Math.abs(v.spec.environment.noiseFloorDbm - base.spec.environment.noiseFloorDbm)).toBeLessThanOrEqual(5);
      v.units.forEach((u, k) => {
        expect(Math.abs(u.crew.workload - base.units[k]!.crew.workload)).toBeLessThanOrEqual(0.3 + 1e-9);
        for (const [lang, p] of Object.entries(u.crew.languages)) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(Math.abs(p - base.units[k]!.crew.languages[lang]!)).toBeLessThanOrEqual(0.2 + 1e-9);
        }
        expect(u.radios.map((r) => r.noiseDb)).toEqual(base.units[k]!.radios.map((r) => r.noiseDb)); // set-noise not asked for
      });
      expect(v.spec.links.every((l) => l.available)).toBe(true); // links not asked for
    }
  });

  it('reads --vary in any order, with amounts, and rejects what it does not know', () => {
    expect(parseVary('links,noise=3')).toEqual([
      { name: 'noise', amount: 3 },
      { name: 'links', amount: 0.1 },
    ]);
    expect(parseVary('')).toEqual([]);
    expect(parseVary('weather')).toEqual({
      error: expect.stringMatching(/no variation "weather"; variations are noise, set-noise, attention, proficiency, links/),
    });
    expect(parseVary('links=2')).toEqual({ error: expect.stringMatching(/links needs an amount/) });
  });

  it('run i is the same run whether it is run alone or in a batch', () => {
    const settings = { seed: 1, vary: allVary };
    expect(runRange(base, settings, 5, 6)[0]).toEqual(runRange(base, settings, 0, 6)[5]);
  });
});

describe('a sweep of December 2018 under practice-2018 and jp-rok-2024', () => {
  const job = { file, account: 'rok', procedures: ['practice-2018', 'jp-rok-2024'], runs: 12, vary: allVary };
  const results: Record<number, SweepResult> = {};
  const get = async (workers: number) => (results[workers] ??= (await runSweep(job, { workers })) as SweepResult);

  it('gives identical results on this thread, one worker and two workers', async () => {
    const [w0, w1, w2] = [await get(0), await get(1), await get(2)];
    expect(w1.workers).toBe(1);
    expect(w2.workers).toBe(2);
    expect(w1.records).toEqual(w0.records);
    expect(w2.records).toEqual(w0.records);
    const json = (r: SweepResult) => JSON.stringify(sweepReport(r.header, r.summaries));
    expect(json(w1)).toBe(json(w0));
    expect(json(w2)).toBe(json(w0));
  }, 60_000);

  it('reports each procedure with intervals that bracket the rate', async () => {
    const r = await get(0);
    expect(r.summaries.map((s) => s.procedure)).toEqual(['practice-2018', 'jp-rok-2024']);
    for (const s of r.summaries) {
      expect(s.runs).toBe(12);
      expect(s.stages.map((x) => x.id)).toEqual(
        ['transmitted', 'in-range', 'receivable', 'heard', 'understood', 'acknowledged', 'acted-on'].map((x) => `stage:${x}`),
      );
      for (const x of rates(s)) {
        expect(x.lo).toBeLessThanOrEqual(x.rate);
        expect(x.hi).toBeGreaterThanOrEqual(x.rate);
        expect(x.hi - x.lo).toBeGreaterThan(0);
        expect(x.k).toBeLessThanOrEqual(x.n);
      }
    }
  });

  it('the 2024 procedure completes the exchange more often than practice', async () => {
    const [practice, agreed] = (await get(0)).summaries;
    expect(agreed!.completed.rate).toBeGreaterThan(practice!.completed.rate);
  });
});

describe('npm run sweep', () => {
  it('prints JSON on stdout and plain progress lines on stderr when stderr is not a terminal', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/encounter-sim.js'), 'sweep', DEC_2018, '--runs', '6', '--workers', '2', '--procedure', 'jp-rok-2024', '--format', 'json'],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.procedures[0].procedure).toBe('jp-rok-2024');
    expect(j.procedures[0].completed).toMatchObject({ id: 'exchange-completed', n: 6 });
    expect(r.stderr).toMatch(/^sweep: \d+\/6 runs \(\d+%\)/m);
    expect(r.stderr).not.toMatch(/\r/);
    expect(r.stderr).toMatch(/sweep: 6 runs in [\d.]+ s on 2 worker threads/);
  }, 60_000);

  it('exits 1 on a variation it does not know, or a scenario that cannot run', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/encounter-sim.js'), 'sweep', ...args], { encoding: 'utf8', cwd: ROOT });
    const a = run([DEC_2018, '--runs', '5', '--vary', 'weather']);
    expect(a.status).toBe(1);
    expect(a.stderr).toMatch(/no variation "weather"/);
    const b = run([DEC_2018, '--runs', '5', '--account', 'cn']);
    expect(b.status).toBe(1);
    expect(b.stdout).toBe('');
    expect(b.stderr).toMatch(/no account "cn"/);
  }, 60_000);
});
