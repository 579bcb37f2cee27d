// Scale (issue #8): synthetic exercises of 100 and 1,000 units over one simulated hour.
// Targets: seeking under one 60 Hz frame (16 ms) anywhere, also at 1,000 units; 1,000 units ×
// 1 hour headless (load + run + analyse) under 5 s. December 2018's headless run is in
// engine.bench.ts. Figures, machine and commands: docs/performance.md.
//
// The 1,000-unit run is slow enough that it is measured a few times only (iterations below);
// set SCALE_BENCH_UNITS=100 to leave it out.
import { bench, describe } from 'vitest';
import { generateScenario } from '../../src/core/synthetic/generate';
import { loadScenario } from '../../src/core/scenario/load';
import { runScenario } from '../../src/core/engine/engine';
import { analyse } from '../../src/core/analysis/report';
import { buildReplay, type Replay } from '../../src/core/replay/replay';
import { diskProcedures } from '../../src/cli/files';

const SIZES = (process.env['SCALE_BENCH_UNITS'] ?? '100,1000').split(',').map(Number);
const HOUR = 3600;

const exercises = new Map(SIZES.map((n) => [n, generateScenario({ units: n, durationS: HOUR, seed: 1 }).yaml]));

function loadRunAnalyse(yaml: string) {
  const l = loadScenario({ file: 'synthetic.yaml', text: yaml }, diskProcedures, {});
  if (!l.scenario) throw new Error(l.diagnostics.map((d) => d.message).join('\n'));
  return analyse(runScenario(l.scenario));
}

// Replays are built once; seeking is what is measured.
const replays = new Map<number, Replay>();
const replayOf = (n: number) => {
  let r = replays.get(n);
  if (!r) {
    r = buildReplay(loadRunAnalyse(exercises.get(n)!));
    replays.set(n, r);
  }
  return r;
};

let lcg = 1;
const randomT = (durationS: number) => {
  lcg = (lcg * 1103515245 + 12345) % 2147483648;
  return (lcg / 2147483648) * durationS;
};

describe('seek: frame at a random time of a one-hour exercise', () => {
  for (const n of SIZES) {
    bench(
      `${n} units`,
      () => {
        const r = replayOf(n);
        r.frameAt(randomT(r.durationS));
      },
      { setup: () => void replayOf(n), time: 2000 },
    );
  }
});

// A frame samples a unit's trail when the trail is first read; the plot reads every unit's. The
// sum is kept (and never read) so that the reads cannot be optimised away.
let _trailPoints = 0;
describe('seek and read every trail (what the plot draws)', () => {
  for (const n of SIZES) {
    bench(
      `${n} units`,
      () => {
        const r = replayOf(n);
        for (const u of r.frameAt(randomT(r.durationS)).units) _trailPoints += u.trail.length;
      },
      { setup: () => void replayOf(n), time: 2000 },
    );
  }
});

describe('headless: load, run and analyse one simulated hour', () => {
  for (const n of SIZES) {
    bench(
      `${n} units`,
      () => {
        loadRunAnalyse(exercises.get(n)!);
      },
      n >= 1000 ? { iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 } : { iterations: 5, time: 0, warmupIterations: 1 },
    );
  }
});
