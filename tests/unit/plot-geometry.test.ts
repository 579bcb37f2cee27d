// Where the plot draws things (src/app/plot/geometry/, no pixi): the numbers a trainer would
// notice on screen. Screen pixels throughout; x to the right, y down.
import { describe, expect, test } from 'vitest';
import {
  callFade,
  callLabelSpots,
  callLine,
  callMarks,
  callRings,
  CallLanes,
  crossFraction,
  layoutTransmissions,
  pointAt,
  type Disc,
} from '../../src/app/plot/geometry/call';
import { stackLines, unitLabelSpots, type Spot } from '../../src/app/plot/geometry/labels';
import { layoutLabels } from '../../src/app/plot/geometry/layout';
import { beamLabelSpots, beamLane, beamLine, lockPulse, sweepPhase, sweepRotation } from '../../src/app/plot/geometry/radar';
import { binTrail, edgeMarker, onScreen, rangeText, speedVector, unitUnder, type TrailStep } from '../../src/app/plot/geometry/units';
import { antennaHeightM, horizonCircle, horizonLabelSpots } from '../../src/app/plot/geometry/horizons';
import { Placer, type Rect } from '../../src/app/plot/placer';
import { Camera, encounterBox, makeProjection } from '../../src/app/plot/projection';
import { buildIndex, samplePositions } from '../../src/app/plot/scene-index';
import { LADDER, type Stage } from '../../src/core/log';
import { buildReplay } from '../../src/core/replay/replay';
import type { Analysis } from '../../src/core/analysis/report';
import { analyse, DEC_2018, DEMO } from './helpers';

const disc = (x: number, y: number, r = 12, visible = true): Disc => ({ x, y, r, visible });
const dist = (a: readonly [number, number] | { x: number; y: number }, b: readonly [number, number] | { x: number; y: number }) => {
  const [ax, ay] = 'x' in a ? [a.x, a.y] : a;
  const [bx, by] = 'x' in b ? [b.x, b.y] : b;
  return Math.hypot(ax - bx, ay - by);
};
const overlaps = (a: Rect, b: Rect) => Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

/** Units of a run at time t placed on an 800 × 600 screen framing the encounter, as the plot does (symbol radius 12). */
function placeUnits(a: Analysis, t: number) {
  const replay = buildReplay(a);
  const frame = replay.frameAt(t, { recentS: 60 });
  const spec = a.run.scenario.spec;
  const proj = makeProjection(spec.location.lat, spec.location.lon);
  const cam = new Camera();
  cam.resize(800, 600);
  const pts = samplePositions(a, proj);
  // Framed as the plot frames a run: the encounter, not a far listener (the trainer 240 km off).
  cam.fit(encounterBox(pts), 0.1);
  const placed = new Map<string, Disc & { id: string }>();
  for (const u of frame.units) {
    const [wx, wy] = proj.project(u.lat, u.lon);
    const x = cam.sx(wx);
    const y = cam.sy(wy);
    placed.set(u.spec.id, { id: u.spec.id, x, y, r: 12, visible: onScreen(x, y, 800, 600) });
  }
  return { frame, placed, index: buildIndex(a) };
}

describe('where the ✗ of a failed call sits', () => {
  test('the rule: index of the failing stage ÷ index of understood, at most 1 (0 = originator, 1 = recipient)', () => {
    const f = (s: Stage) => crossFraction(s);
    expect([f('transmitted'), f('in-range'), f('receivable'), f('heard'), f('understood'), f('acknowledged'), f('acted-on')]).toEqual([
      0, 0.25, 0.5, 0.75, 1, 1, 1,
    ]);
    // Later stages never sit nearer the originator.
    for (let i = 1; i < LADDER.length; i++) expect(f(LADDER[i]!)).toBeGreaterThanOrEqual(f(LADDER[i - 1]!));
  });

  test('in pixels: a call from a unit at (100, 100) to one at (300, 100), both of radius 12', () => {
    const line = callLine(disc(100, 100), disc(300, 100), 0);
    // Starts 3 px outside the originator's symbol, ends 6 px short of the recipient's, 7 px to the left (up).
    expect([line.x0, line.y0, line.x1, line.y1]).toEqual([115, 93, 282, 93]);
    const at = (stage: Stage) => callMarks(line, { kind: 'failed', stage }).cross!;
    expect(at('transmitted')).toEqual([115, 93]);
    expect(at('in-range')).toEqual([156.75, 93]);
    expect(at('receivable')).toEqual([198.5, 93]);
    expect(at('heard')).toEqual([240.25, 93]);
    // Misheard (KOREA COAST) or unanswered: at the recipient's end, 18 px from its centre along the line.
    expect(at('understood')).toEqual([282, 93]);
    expect(at('acknowledged')).toEqual([282, 93]);
  });

  test('the ladder rungs passed are ticked before the ✗, one per stage reached after transmitted', () => {
    const line = callLine(disc(0, 0), disc(0, 400), 0);
    for (const [stage, ticks] of [
      ['transmitted', 0],
      ['in-range', 0],
      ['receivable', 1],
      ['heard', 2],
      ['understood', 3],
    ] as const) {
      const m = callMarks(line, { kind: 'failed', stage });
      expect(m.rungs).toHaveLength(ticks);
      for (const [, y0, , y1] of m.rungs) expect(Math.max(y0, y1)).toBeLessThan(m.cross![1]);
    }
    expect(callMarks(line, { kind: 'delivered', reached: 'understood' })).toEqual({ crossF: null, cross: null, rungs: [], labelF: 0.5 });
  });

  test('a recipient off screen: a 150 px line towards it, the ✗ at its end whatever the stage', () => {
    const line = callLine(disc(100, 100), disc(2100, 100, 12, false), 0);
    expect(line.x1 - line.x0).toBe(150);
    expect(callMarks(line, { kind: 'failed', stage: 'in-range' }).cross).toEqual([line.x1, line.y1]);
    expect(callMarks(line, { kind: 'failed', stage: 'in-range' }).rungs).toEqual([]);
  });

  test('December 2018, ROK account: the call misheard as KOREA COAST has its ✗ at the destroyer, the one not tuned halfway', () => {
    const a = analyse(DEC_2018, { account: 'rok' });
    for (const [t, tx, stage, f] of [
      [670, 'tx-3', 'understood', 1],
      [606, 'tx-2', 'receivable', 0.5],
    ] as const) {
      const { frame, placed, index } = placeUnits(a, t);
      const call = layoutTransmissions(frame.transmissions, placed, t, index.receptionAt)
        .find((l) => l.tf.tx.id === tx)!
        .calls.find((c) => c.unit === 'ddg971')!;
      expect(call.verdict).toEqual({ kind: 'failed', stage });
      const p1 = placed.get('p1')!;
      const ddg = placed.get('ddg971')!;
      const cross = call.marks.cross!;
      // Along the line, the ✗ is the stage's fraction of the way.
      expect(dist(cross, [call.line.x0, call.line.y0]) / dist([call.line.x0, call.line.y0], [call.line.x1, call.line.y1])).toBeCloseTo(f, 9);
      if (f === 1) {
        // 6 px outside the destroyer's symbol, 7 px (lane 0) to the side.
        expect(call.lane).toBe(0);
        expect(dist(cross, ddg)).toBeCloseTo(Math.hypot(ddg.r + 6, 7), 9);
      } else {
        expect(Math.abs(dist(cross, p1) - dist(cross, ddg))).toBeLessThan(3);
      }
    }
  });

  test('demo ladder: each call stops at its own stage, later stages nearer the recipient', () => {
    const a = analyse(DEMO);
    const seen: Stage[] = [];
    for (const o of a.outcomes) {
      if (!o.failedAt || o.tx.from !== 'teacher') continue;
      const t = o.settledAt;
      const { frame, placed, index } = placeUnits(a, t);
      const call = layoutTransmissions(frame.transmissions, placed, t, index.receptionAt)
        .flatMap((l) => l.calls)
        .find((c) => c.key === `${o.tx.id}/${o.unit}`);
      if (!call || call.line.far) continue;
      expect(call.verdict).toEqual({ kind: 'failed', stage: o.failedAt });
      const along = dist(call.marks.cross!, [call.line.x0, call.line.y0]) / dist([call.line.x0, call.line.y0], [call.line.x1, call.line.y1]);
      expect(along).toBeCloseTo(crossFraction(o.failedAt), 9);
      seen.push(o.failedAt);
    }
    // transmitted, in-range, receivable, heard, understood and acknowledged are all there.
    expect(new Set(seen).size).toBeGreaterThanOrEqual(5);
  });
});

describe('lanes of several calls', () => {
  test('two calls between the same units do not coincide: parallel, 10 px apart', () => {
    const lanes = new CallLanes();
    const a = disc(100, 300);
    const b = disc(500, 100);
    const l0 = lanes.laneOf('a', Math.atan2(b.y - a.y, b.x - a.x));
    const l1 = lanes.laneOf('a', Math.atan2(b.y - a.y, b.x - a.x));
    expect([l0, l1]).toEqual([0, 1]);
    const first = callLine(a, b, l0);
    const second = callLine(a, b, l1);
    // Same direction, 10 px apart across it.
    expect(second.ux).toBe(first.ux);
    const across = (second.x0 - first.x0) * first.nx + (second.y0 - first.y0) * first.ny;
    expect(across).toBeCloseTo(10, 9);
  });

  test('a reply runs on the other side of the call it answers, 14 px away', () => {
    const a = disc(100, 100);
    const b = disc(400, 100);
    const call = callLine(a, b, 0);
    const reply = callLine(b, a, 0);
    expect(call.y0).toBe(93);
    expect(reply.y0).toBe(107);
  });

  test('lanes count only lines from the same originator within 0.35 rad', () => {
    const lanes = new CallLanes();
    expect(lanes.laneOf('a', 0)).toBe(0);
    expect(lanes.laneOf('a', 0.3)).toBe(1);
    expect(lanes.laneOf('a', 0.8)).toBe(0);
    expect(lanes.laneOf('b', 0)).toBe(0);
    // Across ±π: the same direction.
    expect(lanes.laneOf('c', Math.PI - 0.1)).toBe(0);
    expect(lanes.laneOf('c', -Math.PI + 0.1)).toBe(1);
  });

  test('demo ladder: a call and the reply to it, between the same two ships, run 14 px apart', () => {
    const a = analyse(DEMO);
    // tx-6 (JS Teacher → ROKS Lost Reply) at 460 s and its reply tx-7 at 495 s, both on the plot at 500 s.
    const { frame, placed, index } = placeUnits(a, 500);
    const calls = layoutTransmissions(frame.transmissions, placed, 500, index.receptionAt).flatMap((l) => l.calls);
    const call = calls.find((c) => c.key === 'tx-6/kr-lost-reply')!;
    const reply = calls.find((c) => c.key === 'tx-7/teacher')!;
    const across = (reply.line.x0 - call.line.x0) * call.line.nx + (reply.line.y0 - call.line.y0) * call.line.ny;
    expect(across).toBeCloseTo(-14, 6);
  });
});

describe('fading and rings', () => {
  test('a call is drawn at full strength for 48 s, then fades out by 60 s', () => {
    expect([0, 30, 48, 54, 60, 70].map(callFade)).toEqual([1, 1, 1, 0.5, 0, 0]);
  });

  test('two rings spread from the originator over 12 s, none after or when it is off screen', () => {
    const rings = callRings(disc(0, 0, 10), 6);
    expect(rings.map((r) => r.r)).toEqual([16 + 55, 16 + (2 / 12) * 110]);
    expect(callRings(disc(0, 0, 10), 12)).toEqual([]);
    expect(callRings(disc(0, 0, 10, false), 1)).toEqual([]);
  });
});

/** Lays out one w × h label with these spots (its point the first spot's) in what the placer holds. */
function placeBlock(w: number, h: number, spots: Spot[], placer: Placer, far = true) {
  const item = { key: 'x', kind: 'unit' as const, lines: [{ text: 'x', size: 11 }], spots, point: { x: spots[0]!.x, y: spots[0]!.y, r: 0 }, alpha: 1 };
  const p = layoutLabels([item], () => ({ w, h }), placer, far).placed[0];
  return p ? { rect: p.rect, ax: p.align } : null;
}

describe('label placement', () => {
  test('the labels of units at the same spot do not overlap each other or the symbols', () => {
    for (const n of [2, 3, 4]) {
      const placer = new Placer();
      placer.reset({ x: 2, y: 2, w: 796, h: 596 });
      const units = Array.from({ length: n }, () => ({ x: 400, y: 300, r: 12 }));
      for (const u of units) placer.occupy({ x: u.x - u.r, y: u.y - u.r, w: 2 * u.r, h: 2 * u.r });
      const rects = units.map((u) => placeBlock(150, 28, unitLabelSpots(u), placer)!.rect);
      for (let i = 0; i < n; i++) {
        expect(overlaps(rects[i]!, { x: 388, y: 288, w: 24, h: 24 })).toBe(false);
        for (let j = 0; j < i; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
      }
    }
  });

  test('the first choice is right of the symbol, 5 px clear, centred on it; a second label goes left', () => {
    const placer = new Placer();
    placer.reset(null);
    const u = { x: 400, y: 300, r: 12 };
    expect(placeBlock(100, 20, unitLabelSpots(u), placer)!.rect).toEqual({ x: 417, y: 290, w: 100, h: 20 });
    const left = placeBlock(100, 20, unitLabelSpots(u), placer)!;
    expect(left.rect).toEqual({ x: 283, y: 290, w: 100, h: 20 });
    // Hanging left of its spot: lines are right-aligned at the box's right edge.
    expect(stackLines(left, [12, 10])).toEqual({
      align: 1,
      at: [
        [383, 289],
        [383, 301],
      ],
    });
  });

  test('placement is deterministic: the same scene gives the same places', () => {
    const scene = () => {
      const placer = new Placer();
      placer.reset({ x: 2, y: 2, w: 796, h: 596 });
      const out: (Rect | null)[] = [];
      for (let i = 0; i < 40; i++) {
        const u = { x: 380 + (i % 5) * 9, y: 280 + Math.floor(i / 5) * 7, r: 12 };
        placer.occupy({ x: u.x - 12, y: u.y - 12, w: 24, h: 24 });
        out.push(placeBlock(90 + (i % 3) * 20, 16, unitLabelSpots(u), placer)?.rect ?? null);
      }
      return out;
    };
    expect(scene()).toEqual(scene());
  });

  test('a label with no free spot is left out and takes no room', () => {
    const placer = new Placer();
    placer.reset(null);
    placer.occupy({ x: 0, y: 0, w: 1000, h: 1000 });
    expect(placeBlock(50, 12, unitLabelSpots({ x: 500, y: 500, r: 12 }), placer)).toBeNull();
    expect(placer.size).toBe(1);
  });

  test("a call's label is tried first beside its ✗, 10 px off the line on the lane's side", () => {
    const line = callLine(disc(100, 100), disc(300, 100), 0);
    const m = callMarks(line, { kind: 'failed', stage: 'heard' });
    const first = callLabelSpots(line, m.labelF)[0]!;
    expect(first).toEqual({ x: 240.25, y: 83, ax: 0.5, ay: 1 });
  });
});

describe('radar', () => {
  test('beams from one unit to one target: lanes 0, −1, 1, −2, 2, parallel and 6 px apart', () => {
    expect([0, 1, 2, 3, 4].map(beamLane)).toEqual([0, -1, 1, -2, 2]);
    const from = disc(0, 0, 10);
    const to = disc(200, 0, 12);
    const b0 = beamLine(from, to, 0);
    const b1 = beamLine(from, to, beamLane(1));
    // From 0.6 r inside the emitter's symbol to 2 px outside the target's.
    expect([b0.x0, b0.y0, b0.x1, b0.y1]).toEqual([6, 0, 186, 0]);
    expect([b1.x0, b1.y0, b1.x1, b1.y1]).toEqual([6, 6, 186, 6]);
    expect(beamLabelSpots(from, b1, -1)[0]).toEqual({ x: 60, y: 10, ax: 0.5, ay: 0 });
  });

  test('a sweep turns once a rotation period; each emitter starts at its own angle', () => {
    const phase = sweepPhase('mw08');
    expect(phase).toBeGreaterThanOrEqual(0);
    expect(phase).toBeLessThan(6.28);
    expect(sweepPhase('mw08')).toBe(phase);
    expect(sweepPhase('sps49')).not.toBe(phase);
    const a0 = sweepRotation(0, 4, phase);
    expect(sweepRotation(2000, 4, phase) - a0).toBeCloseTo(Math.PI, 9);
    expect(sweepRotation(4000, 4, phase)).toBeCloseTo(a0, 9);
  });

  test('a lock beam pulses between 1 and 2 times its width', () => {
    const widths = Array.from({ length: 100 }, (_, i) => lockPulse(i * 7).thickness);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...widths)).toBeLessThanOrEqual(2);
    expect(Math.max(...widths) - Math.min(...widths)).toBeGreaterThan(0.9);
  });
});

describe('units', () => {
  test('the speed vector reaches where the unit will be in 60 s; a slow unit gets a stub; a still one none', () => {
    // 20 kt for 60 s is 617 m: 61.7 px at 100 px/km, pointing east for heading 090.
    const v = speedVector({ x: 100, y: 100, r: 12 }, 90, 20, 100)!;
    expect(v.x1 - 100).toBeCloseTo(((20 * 1.852) / 3600) * 60 * 100, 9);
    expect(v.y1).toBeCloseTo(100, 9);
    expect(v.x0).toBeCloseTo(109, 9);
    // Heading 000 is up the screen; too slow to show: r + 9 px.
    const stub = speedVector({ x: 100, y: 100, r: 12 }, 0, 2, 10)!;
    expect(stub.y1).toBeCloseTo(79, 9);
    expect(speedVector({ x: 100, y: 100, r: 12 }, 0, 0.4, 10)).toBeNull();
  });

  test('a trail: fresher segments in brighter steps; none under the symbol or off screen', () => {
    const steps: TrailStep[] = Array.from({ length: 4 }, () => ({ segs: [], dots: [] }));
    // Samples at 40, 30, 20, 10 s old going east, then the unit at x = 100.
    const xs = [-50, 20, 60, 90, 100];
    const ys = [50, 50, 50, 50, 50];
    binTrail(xs, ys, [{ ageS: 40 }, { ageS: 30 }, { ageS: 20 }, { ageS: 10 }], { x: 100, y: 50, r: 14 }, 800, 600, steps);
    // -50 → 20 starts off screen but ends on it: kept; no dot at -50. 90 → 100 lies under the
    // symbol's opaque middle (14 px round the unit): neither the segment nor the dot at 90.
    expect(steps.map((s) => s.segs)).toEqual([[-50, 50, 20, 50], [20, 50, 60, 50], [60, 50, 90, 50], []]);
    expect(steps.map((s) => s.dots)).toEqual([[], [20, 50], [60, 50], []]);
  });

  test('a unit off screen to the west: an arrow at the left edge pointing at it, with its range', () => {
    const m = edgeMarker(-500, 300, 800, 600, []);
    expect(m.tip).toEqual({ x: 7, y: 300, ux: -1, uy: 0 });
    expect(m.spots[0]).toEqual({ x: 22, y: 300, ax: 0, ay: 0.5 });
    // Where the scale bar is (bottom left): slid along the border, clear of it.
    const hud = [{ x: 0, y: 536, w: 250, h: 64 }];
    expect(edgeMarker(-500, 1000, 800, 600, []).tip.x).toBeLessThan(250);
    const slid = edgeMarker(-500, 1000, 800, 600, hud).tip;
    expect(slid.x > 250 || slid.y < 536).toBe(true);
    expect(rangeText(617)).toBe('333 nm');
    expect(rangeText(9.26)).toBe('5.0 nm');
  });

  test('a click picks the nearest unit whose symbol (plus 8 px) holds it', () => {
    const units = [
      { id: 'a', x: 100, y: 100, r: 12, visible: true },
      { id: 'b', x: 120, y: 100, r: 12, visible: true },
      { id: 'c', x: 300, y: 100, r: 12, visible: false },
    ];
    expect(unitUnder(units, 108, 100)).toBe('a');
    expect(unitUnder(units, 112, 100)).toBe('b');
    expect(unitUnder(units, 300, 100)).toBeNull();
    expect(unitUnder(units, 100, 121)).toBeNull();
  });
});

describe('radio horizons', () => {
  test('a ship with a 25 m antenna: 11.15 nm, drawn to scale; off screen: not drawn', () => {
    const ship = { spec: { kind: 'ship' }, altM: 0 } as Parameters<typeof antennaHeightM>[0];
    expect(antennaHeightM(ship)).toBe(25);
    const c = horizonCircle({ x: 400, y: 300 }, 25, 10, 800, 600)!;
    expect(c.nm).toBeCloseTo(11.15, 9);
    expect(c.r).toBeCloseTo(11.15 * 1.852 * 10, 6);
    expect(horizonCircle({ x: -500, y: 300 }, 25, 10, 800, 600)).toBeNull();
    // Label just inside the top of the circle first.
    expect(horizonLabelSpots({ x: 400, y: 300 }, c.r, 800, 600)[0]).toEqual({ x: 400, y: 300 - c.r + 4, ax: 0.5, ay: 0 });
  });
});

test('pointAt runs from the start (0) to the end (1) of the line', () => {
  const line = callLine(disc(0, 0, 0), disc(100, 0, 0), 0);
  expect(pointAt(line, 0)).toEqual([line.x0, line.y0]);
  expect(pointAt(line, 1)).toEqual([line.x1, line.y1]);
});
