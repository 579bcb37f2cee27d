// No two labels on the plot lie on each other, at any moment of any shipped scenario, under every
// account, at the plot sizes of three screens (issue 17 item 2). The scene is built from the core
// the way the plot builds it (load, simulate, analyse, replay frameAt, the camera framing the
// encounter, units placed, calls laid out), without pixi: the words are measured by a
// deterministic estimate of the plot's font instead of pixi's measurement.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { simulate, type Analysis } from '../../src/core';
import { buildReplay } from '../../src/core/replay/replay';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { Camera, encounterBox, makeProjection } from '../../src/app/plot/projection';
import { buildIndex, samplePositions } from '../../src/app/plot/scene-index';
import { onScene } from '../../src/app/plot/on-scene';
import { Placer, type Rect } from '../../src/app/plot/placer';
import { RECENT_S, labelFraction, layoutTransmissions, pointAt, visibleSpan } from '../../src/app/plot/geometry/call';
import { unitLabelSpots } from '../../src/app/plot/geometry/labels';
import { placeUnits, symbolRadius } from '../../src/app/plot/geometry/units';
import { sceneLabelItems, selectedCallOf } from '../../src/app/plot/geometry/label-items';
import { boxesOverlap, layoutLabels, wrapLines, type Layout, type Measure } from '../../src/app/plot/geometry/layout';
import { SYMBOL_SHAPES } from '../../src/app/plot/symbol-data';
import { sidcFor } from '../../src/app/plot/style';
import type { Placed } from '../../src/app/plot/layers/types';
import type { Lang } from '../../src/i18n';
import { estimateMeasure } from './label-estimate';

/**
 * The plot element's size (CSS px) at each screen, as the e2e test measures it in Chromium
 * (tests/e2e/labels.test.ts logs them): 1366 × 768, 1920 × 1080, and a 1280 × 720 CSS px window
 * at 150 % zoom. Their full windows too, for a plot that fills the screen (presentation mode).
 */
const SIZES = [
  { name: '1366 × 768', w: 660, h: 318 },
  { name: '1920 × 1080', w: 1214, h: 525 },
  { name: '150 %', w: 574, h: 290 },
  { name: '1920 × 1080 full screen', w: 1920, h: 1000 },
  { name: '150 % full screen', w: 1280, h: 640 },
];

const radiusOf = (spec: Parameters<typeof sidcFor>[0]) => symbolRadius(SYMBOL_SHAPES[sidcFor(spec)]!);

/** Screen areas the labels keep out of, as the plot has them: the scale bar, the locator inset and the key. */
function keepOut(w: number, h: number): Rect[] {
  const out: Rect[] = [{ x: 0, y: h - 64, w: 250, h: 64 }];
  if (w >= 480 && h >= 300) {
    const f = w < 720 || h < 420 ? 0.78 : 1;
    out.push({ x: w - 180 * f - 16, y: 0, w: 180 * f + 16, h: 136 * f + 16 });
  }
  // The key, folded open at the top left.
  out.push({ x: 0, y: 0, w: 150, h: 90 });
  return out;
}

interface SceneOpts {
  w: number;
  h: number;
  t: number;
  selectedBreakdown?: string | null;
  selectedUnits?: string[];
  showHorizons?: boolean;
  lang?: Lang;
  measure?: Measure;
}

/** A scenario under one account, ready to be drawn at any moment (what PlotScene keeps per analysis). */
function prepare(a: Analysis) {
  const spec = a.run.scenario.spec;
  const proj = makeProjection(spec.location.lat, spec.location.lon);
  return { a, proj, replay: buildReplay(a), index: buildIndex(a), fit: encounterBox(samplePositions(a, proj)) };
}

/** The labels of one scene, laid out as PlotScene.rebuild lays them out. */
function layoutAt(p: ReturnType<typeof prepare>, o: SceneOpts): { layout: Layout; selectedCall: string | null; calls: number } {
  const cam = new Camera();
  cam.resize(o.w, o.h);
  cam.fit(p.fit, 0.06);
  const placer = new Placer();
  placer.reset({ x: 2, y: 2, w: o.w - 4, h: o.h - 4 });
  const areas = keepOut(o.w, o.h);
  for (const r of areas) placer.occupy(r);
  const frame = onScene(p.replay.frameAt(o.t, { recentS: RECENT_S }));
  const placed = new Map<string, Placed>();
  const selected = new Set(o.selectedUnits ?? []);
  placeUnits(frame.units, cam, p.proj, radiusOf, placed, placer, selected);
  const calls = layoutTransmissions(frame.transmissions, placed, o.t, p.index.receptionAt);
  const selectedCall = selectedCallOf(p.a, o.selectedBreakdown ?? null);
  const items = sceneLabelItems({
    cam,
    proj: p.proj,
    analysis: p.a,
    t: o.t,
    placed,
    selected,
    showHorizons: !!o.showHorizons,
    lang: o.lang ?? 'en',
    index: p.index,
    keepOut: areas,
    selectedCall,
    calls,
  });
  return { layout: layoutLabels(items, o.measure ?? estimateMeasure, placer), selectedCall, calls: calls.reduce((n, tl) => n + tl.calls.length, 0) };
}

/** Pairs of placed labels whose boxes overlap, by key. */
function overlapping(layout: Layout): string[] {
  const out: string[] = [];
  const ps = layout.placed;
  for (let i = 0; i < ps.length; i++)
    for (let j = 0; j < i; j++) if (boxesOverlap(ps[i]!.rect, ps[j]!.rect)) out.push(`${ps[j]!.item.key} × ${ps[i]!.item.key}`);
  return out;
}

/** Every moment something is logged (each distinct entry time), and 15 s after each call, when its label is up. */
function moments(a: Analysis): number[] {
  const ts = new Set<number>();
  for (const e of a.run.log) ts.add(e.t);
  for (const tx of a.run.transmissions) ts.add(tx.t + 15);
  return [...ts].sort((x, y) => x - y);
}

const scenarioFiles = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function runsOf(file: string): { account: string | null; a: Analysis }[] {
  const ft = readText(join(ROOT, 'scenarios', file));
  const run = (account: string | null) => {
    const r = simulate({ file: ft.file, text: ft.text }, diskProcedures, { account } as never);
    if (!r.analysis) throw new Error(`${file} (${account ?? 'no account'}) did not run`);
    return r.analysis;
  };
  const own = run(null);
  return [{ account: null, a: own }, ...Object.keys(own.run.scenario.spec.accounts ?? {}).map((account) => ({ account, a: run(account) }))];
}

describe('plot labels never overlap (every shipped scenario, account and moment, at three screens)', () => {
  for (const file of scenarioFiles) {
    test(file, { timeout: 300_000 }, () => {
      let scenes = 0;
      let labels = 0;
      let leaders = 0;
      const omitted: Record<string, number> = {};
      for (const { account, a } of runsOf(file)) {
        const p = prepare(a);
        const ts = moments(a);
        for (const size of SIZES) {
          for (const t of ts) {
            // As the trainer sees it, and with horizons on and the units of the moment's breakdown selected.
            const b = a.breakdowns.find((x) => Math.abs(x.t - t) < 1e-6);
            for (const o of [{}, { showHorizons: true, selectedUnits: b?.units ?? [], selectedBreakdown: b?.id ?? null }]) {
              const { layout } = layoutAt(p, { w: size.w, h: size.h, t, ...o });
              const bad = overlapping(layout);
              if (bad.length) throw new Error(`${file} (${account ?? 'no account'}) at ${size.name}, t=${t}: ${bad.join('; ')}`);
              scenes++;
              labels += layout.placed.length;
              leaders += layout.placed.filter((x) => x.leader).length;
              for (const x of layout.omitted) omitted[x.kind] = (omitted[x.kind] ?? 0) + 1;
            }
          }
        }
      }
      console.log(
        `[labels] ${file}: ${scenes} scenes, ${labels} labels placed (${leaders} with a leader line), left out: ${JSON.stringify(omitted)}, none overlapping`,
      );
      expect(scenes).toBeGreaterThan(0);
    });
  }
});

describe("a selected breakdown's call keeps its label", () => {
  test('every breakdown of a call, selected (the playhead at its time, as the app seeks), has its call labelled, at full strength, at every size', () => {
    let checked = 0;
    for (const file of scenarioFiles) {
      for (const { a } of runsOf(file)) {
        const p = prepare(a);
        for (const b of a.breakdowns) {
          if (!b.transmission) continue;
          for (const size of SIZES) {
            const { layout, selectedCall } = layoutAt(p, { w: size.w, h: size.h, t: b.t, selectedBreakdown: b.id, selectedUnits: b.units });
            const key = `call:${selectedCall}`;
            const drawn = p.replay
              .frameAt(b.t, { recentS: RECENT_S })
              .transmissions.some((x) => x.tx.recipients.some((u) => `${x.tx.id}/${u}` === selectedCall));
            // A call keyed more than a minute before its breakdown has left the plot: nothing to label.
            if (!drawn) continue;
            const placed = layout.placed.find((x) => x.item.key === key);
            expect(placed, `${file} ${b.id} at ${size.name}`).toBeDefined();
            expect(placed!.item.kind).toBe('selectedCall');
            expect(placed!.item.alpha).toBe(1);
            // Placed first: nothing else was laid out before it.
            expect(layout.placed[0]!.item.key).toBe(key);
            expect(overlapping(layout)).toEqual([]);
            checked++;
          }
        }
      }
    }
    console.log(`[labels] selected breakdowns' calls checked: ${checked}`);
    expect(checked).toBeGreaterThan(10);
  });

  test('December 2018, ROK account, second by second from the satellite report to JMSDF HQ to the 121.5 breakdown: every call and unit labelled, none overlapping, at every size', () => {
    const a = runsOf('dec-2018-noto.yaml').find((r) => r.account === 'rok')!.a;
    const p = prepare(a);
    const call = a.run.transmissions.find((x) => x.channel === '121.5' && x.kind === 'hail')!;
    const report = a.run.transmissions.find((x) => x.t < call.t && p.index.linkKinds.get(x.channel) === 'satellite')!;
    const b = a.breakdowns.find((x) => x.transmission === call.id)!;
    let scenes = 0;
    for (let t = report.t; t <= b.t; t++) {
      for (const size of SIZES) {
        const { layout } = layoutAt(p, { w: size.w, h: size.h, t });
        const keys = layout.placed.map((x) => x.item.key);
        if (t >= call.t) expect(keys, `${size.name} t=${t}`).toContain(`call:${call.id}/ddg971`);
        if (t < report.t + RECENT_S)
          expect(
            keys.some((k) => k.startsWith(`call:${report.id}/`)),
            `${size.name} t=${t}`,
          ).toBe(true);
        expect(
          layout.omitted.filter((x) => x.kind === 'call' || x.kind === 'unit').map((x) => x.key),
          `${size.name} t=${t}`,
        ).toEqual([]);
        expect(overlapping(layout)).toEqual([]);
        scenes++;
      }
    }
    expect(scenes).toBeGreaterThan(300);
  });
});

describe('other words and sizes', () => {
  test('December 2018 under both accounts, every moment, in Japanese and Korean, and with words half as large again (presentation mode)', () => {
    const big: Measure = (text, size, bold) => estimateMeasure(text, size * 1.5, bold);
    for (const { a } of runsOf('dec-2018-noto.yaml')) {
      const p = prepare(a);
      for (const t of moments(a)) {
        for (const o of [{ lang: 'ja' as const }, { lang: 'ko' as const }, { measure: big }]) {
          for (const size of [SIZES[1]!, SIZES[3]!]) {
            const { layout } = layoutAt(p, { w: size.w, h: size.h, t, ...o });
            expect(overlapping(layout)).toEqual([]);
          }
        }
      }
    }
  });
});

describe('the layout rules, with numbers', () => {
  const fixed: Measure = () => ({ w: 100, h: 14 });
  const unitAt = (key: string, x: number, y: number, kind: 'unit' | 'call' | 'selectedCall' | 'area' = 'unit') => ({
    key,
    kind,
    lines: [{ text: key, size: 11 }],
    spots: unitLabelSpots({ x, y, r: 12 }),
    point: { x, y, r: 12 },
    alpha: 1,
  });
  const view = () => {
    const p = new Placer();
    p.reset({ x: 0, y: 0, w: 800, h: 600 });
    return p;
  };

  test('a label whose own spots are taken goes farther out, with a leader line from its box to just outside its symbol', () => {
    const placer = view();
    // Everything within 40 px of the symbol is taken, except the symbol itself.
    for (const r of [
      { x: 360, y: 260, w: 80, h: 28 },
      { x: 360, y: 312, w: 80, h: 28 },
      { x: 260, y: 260, w: 88, h: 80 },
      { x: 452, y: 260, w: 88, h: 80 },
    ])
      placer.occupy(r);
    const { placed } = layoutLabels([unitAt('a', 400, 300)], fixed, placer);
    const p = placed[0]!;
    expect(p.leader).not.toBeNull();
    const l = p.leader!;
    // From the box's nearest point …
    expect(l.x0 >= p.rect.x && l.x0 <= p.rect.x + p.rect.w && l.y0 >= p.rect.y && l.y0 <= p.rect.y + p.rect.h).toBe(true);
    // … to 2 px outside the symbol's radius.
    expect(Math.hypot(l.x1 - 400, l.y1 - 300)).toBeCloseTo(14, 6);
  });

  test('with no free spot near or far a label is left out, never laid on another; a selected call still finds a place off every label', () => {
    const placer = view();
    const items = Array.from({ length: 60 }, (_, i) => unitAt(`u${i}`, 400 + (i % 6) * 3, 300 + Math.floor(i / 6) * 3));
    const { placed, omitted } = layoutLabels([...items, unitAt('call', 400, 300, 'selectedCall')], fixed, placer);
    expect(omitted.length).toBeGreaterThan(0);
    expect(placed[0]!.item.key).toBe('call');
    for (let i = 0; i < placed.length; i++) for (let j = 0; j < i; j++) expect(boxesOverlap(placed[i]!.rect, placed[j]!.rect)).toBe(false);
  });

  test('priority: a selected call, then selected units, units, calls, radar, edge ranges, horizons, areas', () => {
    const kinds = ['area', 'horizon', 'edge', 'radar', 'call', 'unit', 'selectedUnit', 'selectedCall'] as const;
    const items = kinds.map((kind, i) => ({ ...unitAt(kind, 100 + i * 80, 300), kind }));
    expect(layoutLabels(items, fixed, view()).placed.map((p) => p.item.kind)).toEqual([...kinds].reverse());
  });

  test('a line wider than the view allows is wrapped at spaces, each part measured again', () => {
    const perChar: Measure = (text) => ({ w: text.length * 10, h: 14 });
    const lines = wrapLines([{ text: 'failed at receivable: 121.5 MHz not set on the destroyer', size: 11, tint: 5 }], perChar, 220);
    expect(lines.map((l) => l.text)).toEqual(['failed at receivable:', '121.5 MHz not set on', 'the destroyer']);
    expect(lines.every((l) => l.tint === 5 && l.size === 11)).toBe(true);
    expect(wrapLines([{ text: 'short', size: 11 }], perChar, 220).map((l) => l.text)).toEqual(['short']);
  });

  test('a call from a station off screen is labelled where its line comes into view', () => {
    const line = { x0: 2100, y0: -2480, x1: 300, y1: 200, ux: 0, uy: 0, nx: 0, ny: 0, far: false };
    const span = visibleSpan(line, 800, 600, 20)!;
    expect(span[1]).toBe(1);
    const f = labelFraction(line, 0.5, 800, 600);
    expect(f).toBeCloseTo(span[0], 9);
    const [x, y] = pointAt(line, f);
    expect(x).toBeLessThanOrEqual(780 + 1e-9);
    expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
    expect(visibleSpan({ x0: -100, y0: -100, x1: -50, y1: 900 }, 800, 600)).toBeNull();
  });
});
