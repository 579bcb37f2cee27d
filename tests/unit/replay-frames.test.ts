// A frame is what a straightforward reading of the run gives at t: positions from the track
// (scenario/motion.ts), the last logged state, radio set and emitter change at or before t, the
// trail sampled along the track, the recent transmissions. The replay precomputes and shares what
// it can (docs/performance.md, "Seeking"); this compares it, number for number, with that reading.
import { describe, expect, it } from 'vitest';
import { buildReplay, type EmitterView, type Frame, type SetView } from '../../src/core/replay/replay';
import type { Analysis } from '../../src/core/analysis/report';
import { analyse as analyseRun } from '../../src/core/analysis/report';
import { kinematicsAt, positionAt } from '../../src/core/scenario/motion';
import { generateScenario } from '../../src/core/synthetic/generate';
import { loadScenario } from '../../src/core/scenario/load';
import { runScenario } from '../../src/core/engine/engine';
import { diskProcedures } from '../../src/cli/files';
import { analyse, DEC_2018 } from './helpers';
import type { EntryOf } from '../../src/core/log';

/** The frame at t worked out from scratch: linear scans of the log, motion.ts for the track. */
function referenceFrame(a: Analysis, t: number, trailS = 120, recentS = 45): Frame {
  const { run } = a;
  const upTo = run.log.filter((e) => e.t <= t);
  const units = run.scenario.units.map((spec) => {
    const m = run.scenario.motion[spec.id]!;
    const k = kinematicsAt(m, t);
    const state: Record<string, string> = { posture: '', comms: '' };
    const sets = new Map<string, SetView>();
    const emitters = new Map<string, EmitterView>();
    let act: EntryOf<'conduct'> | null = null;
    for (const e of upTo) {
      if (e.type === 'state' && e.unit === spec.id) {
        const dot = e.to.indexOf('.');
        const [region, to] = dot < 0 ? ['posture', e.to] : [e.to.slice(0, dot), e.to.slice(dot + 1)];
        if (region === 'posture' || region === 'comms') state[region] = to;
      } else if (e.type === 'radio-set' && e.unit === spec.id) {
        sets.set(e.radio, { id: e.radio, powered: e.powered, tuned: e.tuned, monitored: e.monitored });
      } else if (e.type === 'emission' && e.unit === spec.id) {
        emitters.set(e.emitter, { id: e.emitter, type: e.emitterType, mode: e.mode, ...(e.target ? { target: e.target } : {}) });
      } else if (e.type === 'conduct' && e.unit === spec.id) {
        act = e;
      }
    }
    const trail: { lat: number; lon: number; ageS: number }[] = [];
    if (spec.kind !== 'headquarters') {
      for (let s = Math.max(0, t - trailS); s < t; s += Math.max(5, trailS / 24)) {
        const p = positionAt(m, s);
        trail.push({ lat: p.lat, lon: p.lon, ageS: t - s });
      }
    }
    return {
      lat: k.lat,
      lon: k.lon,
      altM: k.altM,
      headingDeg: k.headingDeg,
      speedKt: k.speedKt,
      spec,
      state,
      sets: spec.radios.map((r) => sets.get(r.id) ?? { id: r.id, powered: r.powered, tuned: [], monitored: r.monitored }),
      emitters: spec.emitters.map((em) => emitters.get(em.id) ?? { id: em.id, type: em.type, mode: 'off' as const }),
      trail,
      // An act shows for its forS, or 30 s when it gives none.
      act: act && t <= act.t + (act.forS ?? 30) ? act : null,
    };
  });
  const transmissions = run.transmissions
    .filter((tx) => tx.t > t - recentS && tx.t <= t)
    .map((tx) => ({ tx, ageS: t - tx.t, outcomes: a.outcomes.filter((o) => o.tx.id === tx.id) }));
  return { t, units, transmissions, entryIndex: upTo.length - 1 };
}

/** Times to look at: every event time, just before each, a grid, both ends and past them. */
function timesOf(a: Analysis, gridS: number): number[] {
  const ts = [0, -3, 0.25, a.run.durationS, a.run.durationS + 30];
  for (let t = 0; t < a.run.durationS; t += gridS) ts.push(t);
  for (const e of a.run.log) if (e.type === 'state' || e.type === 'emission' || e.type === 'radio-set' || e.type === 'transmission') ts.push(e.t, e.t - 1e-6);
  return ts;
}

describe('replay frames', () => {
  const dec = analyse(DEC_2018, { account: 'rok' });
  const decReplay = buildReplay(dec);

  it('December 2018: every frame is the straightforward reading of the run', () => {
    for (const t of timesOf(dec, 13.7)) expect(decReplay.frameAt(t)).toEqual(referenceFrame(dec, t));
    for (const t of [0, 400, 560.5]) {
      expect(decReplay.frameAt(t, { trailS: 0, recentS: 0 })).toEqual(referenceFrame(dec, t, 0, 0));
      expect(decReplay.frameAt(t, { trailS: 600, recentS: 60 })).toEqual(referenceFrame(dec, t, 600, 60));
    }
  });

  it('a generated exercise: frames match in any seek order', () => {
    const l = loadScenario({ file: 'synthetic.yaml', text: generateScenario({ units: 24, durationS: 900, seed: 5 }).yaml }, diskProcedures, {});
    const a = analyseRun(runScenario(l.scenario!));
    const replay = buildReplay(a);
    const ts = timesOf(a, 31);
    // Backwards and interleaved, so nothing depends on the previous seek.
    const order = [...ts.slice().reverse(), ...ts.filter((_, i) => i % 2 === 0)];
    for (const t of order) expect(replay.frameAt(t)).toEqual(referenceFrame(a, t));
  });

  it('frames are independent: shared parts cannot be written, trails belong to one frame', () => {
    const f1 = decReplay.frameAt(380);
    const f2 = decReplay.frameAt(380);
    const u = f1.units.find((x) => x.spec.id === 'ddg971')!;
    expect(() => {
      u.state['posture'] = 'changed';
    }).toThrow(TypeError);
    expect(() => u.sets.push(u.sets[0]!)).toThrow(TypeError);
    expect(() => u.emitters.pop()).toThrow(TypeError);
    u.trail.push({ lat: 0, lon: 0, ageS: 0 });
    expect(f2.units.find((x) => x.spec.id === 'ddg971')!.trail).toEqual(referenceFrame(dec, 380).units.find((x) => x.spec.id === 'ddg971')!.trail);
  });

  it('the trail is an ordinary own property: read once and kept, seen by JSON, spreads and assignment', () => {
    const f = decReplay.frameAt(500);
    const u = f.units.find((x) => x.spec.id === 'p1')!;
    expect(Object.keys(u)).toEqual(['lat', 'lon', 'altM', 'headingDeg', 'speedKt', 'spec', 'state', 'sets', 'emitters', 'trail', 'act']);
    expect(u.trail.length).toBe(24);
    expect(u.trail).toBe(u.trail);
    expect(JSON.parse(JSON.stringify(u)).trail).toEqual(u.trail);
    expect({ ...u }.trail).toBe(u.trail);
    const mine = [{ lat: 1, lon: 2, ageS: 3 }];
    u.trail = mine;
    expect(u.trail).toBe(mine);
  });
});
