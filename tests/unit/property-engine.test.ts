// Properties of the engine on random valid exercises from the generator (small N; under every shipped
// procedure but the coast guard's, escalation ladders included): the same seed
// gives the same log byte for byte; playing to t and seeking to t show the same world; and the
// pruned encounter geometry finds exactly the events that sampling every second finds
// (tests/unit/geometry-oracle.ts), on random tracks and on generated exercises.
// CI runs a fixed seed and a short budget; `npm run fuzz` sets FUZZ_RUNS for the long run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateScenario } from '../../src/core/synthetic/generate';
import { loadScenario, type Scenario } from '../../src/core/scenario/load';
import { runScenario } from '../../src/core/engine/engine';
import { analyse } from '../../src/core/analysis/report';
import { buildReplay, type Frame } from '../../src/core/replay/replay';
import { pairEvents, maxSpeedMps } from '../../src/core/engine/geometry';
import { densePairEvents } from './geometry-oracle';
import { positionAt, type Motion } from '../../src/core/scenario/motion';
import { groundDistanceM } from '../../src/core/geo';
import { diskProcedures } from '../../src/cli/files';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 0);
const SEED = Number(process.env['FUZZ_SEED'] ?? 4242);
/** CI's budget, or for the long run a share of FUZZ_RUNS (engine cases cost far more than geometry ones). */
const runs = (ci: number, share = 50) => (RUNS ? Math.max(ci, Math.floor(RUNS / share)) : ci);
const TIMEOUT_MS = RUNS ? 24 * 3600_000 : 120_000;

const exercise = fc.record({
  units: fc.integer({ min: 4, max: 16 }),
  durationS: fc.integer({ min: 300, max: 1500 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  hailEveryS: fc.integer({ min: 60, max: 400 }),
  fireControlShare: fc.constantFrom(0, 0.3, 1),
  procedure: fc.constantFrom('cues-2014', 'jp-rok-2024', 'practice-2018', 'rok-2019-guideline'),
  stepS: fc.constantFrom(1, 5, 7.5),
});

function load(yaml: string): Scenario {
  const l = loadScenario({ file: 'synthetic.yaml', text: yaml }, diskProcedures, {});
  if (!l.scenario) throw new Error(`generated scenario does not load:\n${l.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n')}`);
  return l.scenario;
}

/** What a trainer sees of one unit in a frame. */
function view(f: Frame) {
  return f.units.map((u) => ({ id: u.spec.id, lat: u.lat, lon: u.lon, altM: u.altM, state: u.state, sets: u.sets, emitters: u.emitters }));
}

describe('the engine on generated exercises', () => {
  it(
    'the generator is deterministic and its scenarios load without errors',
    () => {
      fc.assert(
        fc.property(exercise, (o) => {
          const a = generateScenario(o);
          expect(generateScenario(o).yaml).toBe(a.yaml);
          const l = loadScenario({ file: 'synthetic.yaml', text: a.yaml }, diskProcedures, {});
          expect(l.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(l.scenario!.units).toHaveLength(o.units);
        }),
        { numRuns: runs(10), seed: SEED },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'the same seed gives a byte-identical log',
    () => {
      fc.assert(
        fc.property(exercise, (o) => {
          const s = load(generateScenario(o).yaml);
          const first = JSON.stringify(runScenario(s).log);
          const again = JSON.stringify(runScenario(load(generateScenario(o).yaml)).log);
          expect(again).toBe(first);
        }),
        { numRuns: runs(8), seed: SEED },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'playing to t shows what seeking to t shows: positions, emitters, sets and machine states',
    () => {
      fc.assert(
        fc.property(exercise, fc.double({ min: 0, max: 1, noNaN: true }), (o, f) => {
          const s = load(generateScenario(o).yaml);
          const full = runScenario(s);
          const t = Math.round(f * o.durationS * 4) / 4; // on and between whole seconds
          const played = runScenario(s, { until: t });
          // The run stopped at t logged exactly what the full run logged up to t.
          expect(JSON.stringify(played.log)).toBe(JSON.stringify(full.log.filter((e) => e.t <= t)));
          const seek = buildReplay(analyse(full)).frameAt(t);
          const end = buildReplay(analyse(played)).frameAt(t);
          expect(view(end)).toEqual(view(seek));
          // The machines where the played run stopped are the states the seek shows.
          for (const u of seek.units) {
            for (const [region, state] of Object.entries(u.state)) if (state) expect(played.finalStates[u.spec.id]![region]).toBe(state);
            const p = positionAt(s.motion[u.spec.id]!, t);
            expect([u.lat, u.lon]).toEqual([p.lat, p.lon]);
          }
        }),
        { numRuns: runs(8), seed: SEED },
      );
    },
    TIMEOUT_MS,
  );
});

describe('encounter geometry', () => {
  const point = fc.record({
    dLat: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    dLon: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    altM: fc.integer({ min: 0, max: 2000 }),
  });
  const track = fc.record({
    lat: fc.double({ min: -70, max: 70, noNaN: true }),
    lon: fc.double({ min: -179, max: 179, noNaN: true }),
    points: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), point), { minLength: 1, maxLength: 8 }),
  });
  const motion = (base: { lat: number; lon: number }, tr: { points: [number, { dLat: number; dLon: number; altM: number }][] }): Motion => {
    const m: Motion = { t: [], lat: [], lon: [], altM: [] };
    let t = 0;
    for (const [dt, p] of tr.points) {
      t += dt; // equal times (a jump) included
      m.t.push(t);
      m.lat.push(base.lat + p.dLat);
      m.lon.push(base.lon + p.dLon);
      m.altM.push(p.altM);
    }
    return m;
  };

  it(
    'skipping stretches where a pair is surely apart finds the same events as sampling every second',
    () => {
      fc.assert(
        fc.property(track, track, fc.integer({ min: 100, max: 40_000 }), fc.integer({ min: 1, max: 1500 }), (a, b, range, duration) => {
          const am = motion(a, a);
          // The surface unit starts near the aircraft so that most pairs meet.
          const sm = motion({ lat: a.lat + (b.lat % 1) * 0.1, lon: a.lon + (b.lon % 1) * 0.1 }, b);
          expect(pairEvents('a', 's', am, sm, duration, range)).toEqual(densePairEvents('a', 's', am, sm, duration, range));
        }),
        { numRuns: runs(300, 10), seed: SEED },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'on generated exercises, every aircraft and foreign surface unit meet and part when sampling every second says',
    () => {
      fc.assert(
        fc.property(exercise, fc.constantFrom(1_852, 9_260, 18_520, 40_000), (o, range) => {
          const s = load(generateScenario(o).yaml);
          const surfaces = s.units.filter((u) => u.kind === 'ship' || u.kind === 'vessel');
          for (const a of s.units.filter((u) => u.kind === 'aircraft'))
            for (const v of surfaces.filter((u) => u.nation !== a.nation)) {
              const [am, vm] = [s.motion[a.id]!, s.motion[v.id]!];
              expect(pairEvents(a.id, v.id, am, vm, o.durationS, range)).toEqual(densePairEvents(a.id, v.id, am, vm, o.durationS, range));
            }
        }),
        { numRuns: runs(6), seed: SEED },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'a unit never moves faster than its speed bound',
    () => {
      fc.assert(
        fc.property(track, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 600 }), (a, t0, dt) => {
          const m = motion(a, a);
          const v = maxSpeedMps(m);
          const d = groundDistanceM(positionAt(m, t0), positionAt(m, t0 + dt));
          expect(d).toBeLessThanOrEqual(v * dt + 1e-6);
        }),
        { numRuns: runs(300, 10), seed: SEED },
      );
    },
    TIMEOUT_MS,
  );
});
