/**
 * The plot's debug hook, window.__encounterPlot: what the e2e tests and the browser benchmark read
 * (renderer, frame times, the camera, where units and calls were drawn) and the one thing they
 * make happen (render a frame now).
 */
import { Text, type Container } from 'pixi.js';
import type { Stage } from '../../core/log';
import { labelScale } from './labels';
import type { CallVerdict } from './geometry/call';
import type { PlotApp } from './app';
import type { FrameStats } from './frame-stats';
import type { PlotScene, SceneChange } from './scene';
import type { Composition } from './geometry/composite';

/** A call to one recipient as the last scene drew it (screen px, relative to the canvas). */
export interface DrawnCall {
  tx: string;
  unit: string;
  lane: number;
  verdict: CallVerdict['kind'];
  /** The stage it broke down at, when it did. */
  failedAt: Stage | null;
  /** The line's ends, and the ✗ (null unless it failed). */
  line: { x0: number; y0: number; x1: number; y1: number };
  cross: { x: number; y: number } | null;
}

export interface EncounterPlotDebug {
  app: PlotApp;
  rendererName: string;
  /** True when WebGL runs on a CPU rasteriser (no MSAA, 1:1 pixels, slower idle animation). */
  software: boolean;
  /**
   * Durations (ms) of the last frames: state update + draw + submit, measured in the ticker. A frame
   * is a tick that brought the scene up to date; while playing, one whose scene stood with nothing
   * animating draws no picture (frameDrawn) and costs next to nothing.
   */
  frameTimes: () => number[];
  /** Intervals (ms) between the last frames. */
  frameIntervals: () => number[];
  /** For each of frameTimes: whether that frame rebuilt the scene (the others only animated radar, or stood). */
  frameRebuilds: () => boolean[];
  /** For each of frameTimes: whether that frame drew a picture. */
  frameDrawn: () => boolean[];
  /** Frames since the plot mounted (frameTimes keeps the last 240). */
  frameCount: () => number;
  /** Frames that drew a picture since the plot mounted. */
  drawnCount: () => number;
  /** Updates and renders one frame synchronously. */
  renderNow: () => void;
  /**
   * Runs one frame as the ticker would (not forced: while playing it may stand, or do a slice of a
   * rebuild), so a test with the ticker stopped sees every frame: what the scene did, whether it
   * drew a picture, whether a rebuild in slices is still under way, and the playhead of the scene
   * built last (or being built).
   */
  tick: () => { change: SceneChange; drawn: boolean; rebuilding: boolean; t: number | null };
  /** The camera, for tests: visible world box in km and pixels per km. */
  view: () => { x0: number; y0: number; x1: number; y1: number; pxPerKm: number };
  /** Screen position (CSS px, relative to the canvas) and symbol radius of a unit, as the picture on screen shows it (where a click finds it). */
  unitAt: (id: string) => { x: number; y: number; r: number; visible: boolean } | null;
  /** The radio calls of the last scene, in drawing order. */
  calls: () => DrawnCall[];
  /** Shows or hides the radio calls' lines and ✗ marks (not their labels), so a test can tell their pixels from the rest. */
  showCallLines: (visible: boolean) => void;
  /** The texts on screen as last drawn: their words, font size, width and box on the canvas in CSS px (presentation mode scales them). */
  texts: () => { text: string; fontPx: number; w: number; box: { x: number; y: number; w: number; h: number } }[];
  /** The factor labels and symbols are drawn at (1, or more in presentation mode). */
  labelScale: () => number;
  /** Units placed and on screen, whether the frame counts as crowded, and the smoothed cost of a rebuilding frame. */
  stats: () => { placed: number; visible: number; crowded: boolean; reduced: boolean; rebuildMs: number };
  /** The level of detail of the last scene (geometry/detail.ts) and the units whose sweeps, trails and horizon rings it drew. */
  detail: () => { reduced: boolean; sweeps: string[]; trails: string[]; horizons: string[] };
  /** The last scene's measurement between two units (range, bearing, CPA), if one was drawn. */
  measured: () => { from: string; to: string; bearingDeg: number; rangeM: number; closure: string; cpaM: number; inS: number } | null;
  /** The labels of the last scene as laid out (geometry/layout.ts): words, box, kind, and the labels left out. */
  labels: () => { placed: DrawnLabel[]; omitted: string[] };
  /**
   * How the still layers' pictures are put on screen at reduced detail (geometry/composite.ts; null
   * in full detail): flattened, with the layers again in boxes (device px) round the sweeps and
   * beams, or three whole layers.
   */
  composition: () => Composition | null;
  /** From the next scene on, always three whole layers (true), as before they were flattened, or as composite.ts decides (false). */
  composeAsLayers: (on: boolean) => void;
}

/** A label as the last scene placed it (CSS px, relative to the canvas). */
export interface DrawnLabel {
  key: string;
  kind: string;
  text: string;
  /** Its lines as drawn (after wrapping), with their font size and weight. */
  lines: { text: string; size: number; bold: boolean }[];
  rect: { x: number; y: number; w: number; h: number };
  leader: boolean;
}

declare global {
  interface Window {
    __encounterPlot?: EncounterPlotDebug;
  }
}

export function plotDebug(
  app: PlotApp,
  software: boolean,
  scene: PlotScene,
  stats: FrameStats,
  renderNow: () => void,
  frame: () => SceneChange,
): EncounterPlotDebug {
  return {
    app,
    rendererName: app.renderer.name,
    software,
    frameTimes: () => [...stats.times],
    frameIntervals: () => [...stats.intervals],
    frameRebuilds: () => [...stats.rebuilds],
    frameDrawn: () => [...stats.drawn],
    frameCount: () => stats.count,
    drawnCount: () => stats.drawnCount,
    renderNow,
    tick: () => {
      const change = frame();
      return { change, drawn: stats.drawn.at(-1) ?? false, rebuilding: scene.rebuilding, t: scene.ds?.t ?? null };
    },
    view: () => ({ ...scene.cam.view(), pxPerKm: scene.cam.scale }),
    unitAt: (id) => {
      const p = scene.shown.get(id);
      return p ? { x: p.x, y: p.y, r: p.r, visible: p.visible } : null;
    },
    calls: () =>
      scene.transmissions.laidOut.flatMap((tl) =>
        tl.calls.map((c) => ({
          tx: tl.tf.tx.id,
          unit: c.unit,
          lane: c.lane,
          verdict: c.verdict.kind,
          failedAt: c.verdict.kind === 'failed' ? c.verdict.stage : null,
          line: { x0: c.line.x0, y0: c.line.y0, x1: c.line.x1, y1: c.line.y1 },
          cross: c.marks.cross ? { x: c.marks.cross[0], y: c.marks.cross[1] } : null,
        })),
      ),
    showCallLines: (visible) => {
      scene.transmissions.lines.visible = visible;
    },
    measured: () => {
      const m = scene.measure.measured;
      return m
        ? {
            from: m.from.spec.id,
            to: m.to.spec.id,
            bearingDeg: m.now.bearingDeg,
            rangeM: m.now.rangeM,
            closure: m.cpa.closure,
            cpaM: m.cpa.rangeM,
            inS: m.cpa.inS,
          }
        : null;
    },
    texts: () =>
      visibleTexts(app.stage).map((t) => {
        const b = t.getBounds();
        return { text: t.text, fontPx: Number(t.style.fontSize), w: t.width, box: { x: b.x, y: b.y, w: b.width, h: b.height } };
      }),
    labelScale,
    stats: () => ({
      placed: scene.placed.size,
      visible: scene.visibleCount(),
      crowded: scene.ds?.crowded ?? false,
      reduced: scene.ds?.detail.reduced ?? false,
      rebuildMs: stats.rebuildMs,
    }),
    detail: () => scene.detailDrawn(),
    composition: () => structuredClone(scene.stillLayers.shown),
    composeAsLayers: (on) => {
      scene.stillLayers.alwaysLayered = on;
    },
    labels: () => ({
      placed: scene.layout.placed.map((p) => ({
        key: p.item.key,
        kind: p.item.kind,
        text: p.lines.map((l) => l.text).join('\n'),
        lines: p.lines.map((l) => ({ text: l.text, size: l.size, bold: !!l.bold })),
        rect: { ...p.rect },
        leader: p.leader !== null,
      })),
      omitted: scene.layout.omitted.map((i) => i.key),
    }),
  };
}

/** The Text objects that are drawn: visible themselves and in every parent. */
function visibleTexts(root: Container): Text[] {
  const out: Text[] = [];
  const walk = (c: Container) => {
    if (!c.visible || c.alpha === 0) return;
    if (c instanceof Text) out.push(c);
    for (const child of c.children) walk(child);
  };
  walk(root);
  return out;
}
