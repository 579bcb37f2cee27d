/**
 * The tactical plot: a pixi v8 view of the replay at the playhead. It only reads the store
 * (analysis, replay, t, selectedUnits, showHorizons) and sends one intent: selectUnit on a click.
 * Loaded by main.ts through a dynamic import, so nothing Node runs ever imports pixi.
 *
 * Rendering is on demand: a frame is drawn when the store, the camera or the size changed, or
 * while something animates in real time (a radar sweep, a pulsing lock beam: transforms only, no
 * new geometry), at most 30 frames a second when paused (8 on a software rasteriser). While
 * playing, the scene itself (trails, calls, labels) is rebuilt at most every 100 ms ÷ speed, and
 * no more than about a third of the time (a scene of a thousand units takes tens of ms to build).
 */
import { Container } from 'pixi.js';
import type { FeatureCollection, Geometry } from 'geojson';
import { PlotApp } from './app';
import type { AppStore } from '../store';
import type { Analysis } from '../../core/analysis/report';
import type { Frame, Replay } from '../../core/replay/replay';
import { kinematicsAt } from '../../core/scenario/motion';
import { loadLand, landContext } from './coastline';
import { Camera, encounterBox, makeProjection, type MapProjection } from './projection';
import { attachPointer } from './interaction';
import { MapLayer } from './layers/map';
import { UnitsLayer } from './layers/units';
import { RadarLayer } from './layers/radar';
import { RECENT_S, TransmissionsLayer } from './layers/transmissions';
import { HorizonsLayer } from './layers/horizons';
import { HudLayer } from './layers/hud';
import { CROWDED_UNITS, type DrawState, type Placed, type ScenarioIndex } from './layers/types';
import { Legend } from './legend';
import { Placer, type Rect } from './labels';
import { SEA } from './style';

export interface PlotHandle {
  destroy(): void;
  rendererName: string;
  /** Settles once the detailed coastline replaced the coarse one of the first frame (never rejects). */
  detail: Promise<void>;
}

export interface EncounterPlotDebug {
  app: PlotApp;
  rendererName: string;
  /** True when WebGL runs on a CPU rasteriser (no MSAA, 1:1 pixels, slower idle animation). */
  software: boolean;
  /** Durations (ms) of the last rendered frames: state update + draw + submit, measured in the ticker. */
  frameTimes: () => number[];
  /** Intervals (ms) between the last rendered frames. */
  frameIntervals: () => number[];
  /** For each of frameTimes: whether that frame rebuilt the scene (the others only animated radar). */
  frameRebuilds: () => boolean[];
  /** Frames rendered since the plot mounted (frameTimes keeps the last 240). */
  frameCount: () => number;
  /** Updates and renders one frame synchronously. */
  renderNow: () => void;
  /** The camera, for tests: visible world box in km and pixels per km. */
  view: () => { x0: number; y0: number; x1: number; y1: number; pxPerKm: number };
  /** Screen position (CSS px, relative to the canvas) of a unit, if placed. */
  unitAt: (id: string) => { x: number; y: number; visible: boolean } | null;
  /** Units placed and on screen, whether the frame counts as crowded, and the smoothed cost of a rebuilding frame. */
  stats: () => { placed: number; visible: number; crowded: boolean; rebuildMs: number };
}

declare global {
  interface Window {
    __encounterPlot?: EncounterPlotDebug;
  }
}

const HISTORY = 240;
/**
 * Frame spacing when paused and only sweeps and lock beams move: 30 fps on a GPU; 8 on a software
 * renderer, where every frame costs CPU that the rest of the page (or a test run) needs.
 */
const IDLE_FRAME_MS = 32;
/** While playing, scene rebuilds are spaced at least this many times their own cost apart. */
const REBUILD_SHARE = 3;
const IDLE_FRAME_MS_SOFTWARE = 125;
/** How far (km) the main land geometry reaches from the scenario centre (the camera stays inside). */
const LAND_HALF_KM = 2000;

export async function mountPlot(container: HTMLElement, store: AppStore): Promise<PlotHandle> {
  // The coarse coast comes while the renderer starts (main.ts has usually asked for it already).
  const coarse = loadLand('coarse').catch((err: unknown) => {
    console.warn('coastline unavailable:', err);
    return null;
  });
  const app = new PlotApp();
  const size = () => ({ w: Math.max(1, container.clientWidth || 800), h: Math.max(1, container.clientHeight || 600) });
  const initial = size();
  // On a software rasteriser (SwiftShader, llvmpipe) every filled pixel costs CPU time and
  // multisampling costs it again: no MSAA and 1:1 pixels there; a GPU gets both.
  const software = isSoftwareGl();
  await app.init({
    width: initial.w,
    height: initial.h,
    background: SEA,
    antialias: !software,
    resolution: software ? 1 : window.devicePixelRatio || 1,
    autoDensity: true,
  });
  const rendererName = app.renderer.name;
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  container.style.overflow = 'hidden';
  const canvas = app.canvas;
  canvas.style.position = 'absolute';
  canvas.style.left = '0';
  canvas.style.top = '0';
  canvas.style.display = 'block';
  canvas.setAttribute('aria-label', 'Tactical plot');
  canvas.setAttribute('role', 'img');
  container.appendChild(canvas);

  const resolution = app.renderer.resolution;
  const cam = new Camera();
  cam.resize(initial.w, initial.h);

  // Layer order, bottom to top.
  const stage = app.stage;
  const mapLayer = new MapLayer(stage);
  const fx = new Container();
  const unitsTop = new Container();
  const labelsTop = new Container();
  stage.addChild(fx, unitsTop, labelsTop);
  // Under the symbols: horizons, trails, radar sweeps, radio calls, then radar beams on top of calls.
  const horizons = new HorizonsLayer(fx, labelsTop);
  const units = new UnitsLayer(fx, unitsTop, resolution);
  const radar = new RadarLayer(labelsTop);
  fx.addChild(radar.sweeps);
  const transmissions = new TransmissionsLayer(fx, labelsTop);
  fx.addChild(radar.beams);
  const hud = new HudLayer(stage);

  /** The best land at hand: the coarse one until the detailed one has loaded (none if both fail). */
  let land: FeatureCollection<Geometry> = (await coarse) ?? { type: 'FeatureCollection', features: [] };
  const applyLand = (p: MapProjection) => {
    mapLayer.setLand(landContext(land, p, { hx: LAND_HALF_KM, hy: LAND_HALF_KM }));
    hud.setInsetLand(landContext(land, p, HudLayer.insetHalfExtent(), { shoreAlpha: 0.5 }));
  };
  const placer = new Placer();
  let dirty = true;
  const legend = new Legend(container, () => {
    dirty = true;
  });

  // Per-scenario state.
  let proj: MapProjection | null = null;
  let scenarioKey = '';
  let analysis: Analysis | null = null;
  /** Bumped for every new analysis (another account or procedure re-runs the same scenario). */
  let generation = 0;
  let index: ScenarioIndex | null = null;
  let fitBox: { x0: number; y0: number; x1: number; y1: number } | null = null;
  const placed = new Map<string, Placed>();
  let frame: Frame | null = null;
  let frameFor: { replay: Replay | null; t: number } = { replay: null, t: NaN };

  const setScenario = (a: Analysis) => {
    analysis = a;
    generation++;
    const spec = a.run.scenario.spec;
    const key = `${a.run.scenario.file}|${spec.location.lat}|${spec.location.lon}`;
    index = buildIndex(a);
    if (key === scenarioKey && proj) return;
    scenarioKey = key;
    proj = makeProjection(spec.location.lat, spec.location.lon);
    applyLand(proj);
    placed.clear();
    fitBox = encounterBox(samplePositions(a, proj));
    userMoved = false;
    cam.fit(fitBox, 0.06);
    mapLayer.invalidate();
  };

  let lastRender = 0;
  /** A scene rebuild was put off (see update); the next tick tries again. */
  let pending = false;
  let userMoved = false;
  const times: number[] = [];
  const rebuilds: boolean[] = [];
  let frameCount = 0;
  const intervals: number[] = [];
  const push = <T>(list: T[], v: T) => {
    list.push(v);
    if (list.length > HISTORY) list.shift();
  };

  const keepOut = (): Rect[] => {
    const out = HudLayer.areas(cam);
    if (legend.rect.w > 0) out.push(legend.rect);
    return out;
  };

  /** What the still parts of the picture depend on; when it is unchanged only the animated parts redraw. */
  let sceneKey = '';
  let ds: DrawState | null = null;

  let sceneRest = '';
  let sceneAt = 0;
  /** Recent cost (ms) of a frame that rebuilt the scene (update and render), smoothed. */
  let rebuildMs = 0;
  let rebuilt = false;

  const update = (now: number, force: boolean) => {
    const st = store.getState();
    if (!st.analysis || !st.replay) return false;
    if (st.analysis !== analysis) setScenario(st.analysis);
    if (!proj || !index || !analysis) return false;
    const areas = keepOut();
    const rest = `${scenarioKey}|${generation}|${cam.cx},${cam.cy},${cam.scale},${cam.width},${cam.height}|${st.selectedUnits.join()}|${st.showHorizons}|${areas.map((r) => `${r.x},${r.y},${r.w},${r.h}`).join(';')}`;
    const key = `${st.t}|${rest}`;
    if (key === sceneKey && ds) {
      radar.animate(now);
      return true;
    }
    // While playing, only the playhead moves the scene, and at 1× nothing on the plot moves more
    // than a pixel in a tenth of a second: rebuild the scene at most every 100 ms / speed (the
    // sweeps and beams still animate every frame). Seeks, camera moves and clicks are immediate.
    // A scene that takes long to build (hundreds of units) is rebuilt less often, so rebuilding
    // takes at most about a third of the time and the frames in between stay smooth.
    if (!force && ds && st.playing && rest === sceneRest && now - sceneAt < Math.max(16, 100 / st.speed, REBUILD_SHARE * rebuildMs)) {
      radar.animate(now);
      pending = true;
      return true;
    }
    pending = false;
    sceneRest = rest;
    sceneAt = now;
    rebuilt = true;
    if (frameFor.replay !== st.replay || frameFor.t !== st.t || !frame) {
      frame = st.replay.frameAt(st.t, { recentS: RECENT_S });
      frameFor = { replay: st.replay, t: st.t };
    }
    sceneKey = key;
    placer.reset({ x: 2, y: 2, w: cam.width - 4, h: cam.height - 4 });
    for (const r of areas) placer.occupy(r);
    legend.update([...new Set(analysis.run.scenario.units.map((u) => u.nation))], index);
    ds = {
      cam,
      proj,
      analysis,
      frame,
      t: st.t,
      now,
      placed,
      selected: new Set(st.selectedUnits),
      showHorizons: st.showHorizons,
      index,
      placer,
      keepOut: areas,
      crowded: false,
    };
    mapLayer.keepOut = areas.map((r) => ({ x0: r.x, y0: r.y, x1: r.x + r.w, y1: r.y + r.h }));
    units.place(ds);
    let onScreen = 0;
    for (const p of placed.values()) if (p.visible) onScreen++;
    ds.crowded = placer.crowded = onScreen > CROWDED_UNITS;
    mapLayer.draw(cam, proj);
    // Label priority follows the call order: units, radar, radio calls, then horizons.
    units.draw(ds);
    radar.draw(ds);
    transmissions.draw(ds);
    horizons.draw(ds);
    hud.draw(ds);
    return true;
  };

  const renderFrame = (now: number, force = false) => {
    const t0 = performance.now();
    rebuilt = false;
    update(now, force);
    app.render();
    const t1 = performance.now();
    // Smoothed: one slow rebuild (a garbage collection, say) should not hold the scene back long.
    if (rebuilt) rebuildMs = 0.7 * rebuildMs + 0.3 * (t1 - t0);
    if (lastRender > 0) push(intervals, t0 - lastRender);
    push(times, t1 - t0);
    push(rebuilds, rebuilt);
    frameCount++;
    lastRender = t0;
    dirty = pending;
  };

  // Render on demand (not every tick).
  const onTick = () => {
    const now = performance.now();
    const playing = store.getState().playing;
    if (dirty || (radar.animating && (playing || now - lastRender >= (software ? IDLE_FRAME_MS_SOFTWARE : IDLE_FRAME_MS)))) renderFrame(now);
  };
  app.ticker.add(onTick);
  app.ticker.start();

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.analysis !== prev.analysis ||
      s.replay !== prev.replay ||
      s.t !== prev.t ||
      s.selectedUnits !== prev.selectedUnits ||
      s.showHorizons !== prev.showHorizons ||
      s.playing !== prev.playing
    )
      dirty = true;
  });

  const resize = () => {
    const { w, h } = size();
    if (w === cam.width && h === cam.height) return;
    app.renderer.resize(w, h);
    cam.resize(w, h);
    // Until the user pans or zooms, the view keeps framing the encounter as the layout settles.
    if (!userMoved && fitBox) cam.fit(fitBox, 0.06);
    mapLayer.invalidate();
    dirty = true;
  };
  const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(resize) : null;
  observer?.observe(container);
  window.addEventListener('resize', resize);

  const detach = attachPointer(canvas, {
    pan(dx, dy) {
      userMoved = true;
      cam.panBy(dx, dy);
      dirty = true;
    },
    zoom(x, y, f) {
      userMoved = true;
      cam.zoomAt(x, y, f);
      dirty = true;
    },
    click(x, y) {
      store.getState().selectUnit(units.hit(placed, x, y));
    },
    hover(x, y) {
      canvas.style.cursor = units.hit(placed, x, y) ? 'pointer' : '';
    },
    reset() {
      if (fitBox) cam.fit(fitBox, 0.06);
      userMoved = false;
      dirty = true;
    },
  });

  renderFrame(performance.now(), true);
  // The first frame of the plot is on screen (the browser benchmark measures load time to here).
  performance.mark('plot-drawn');

  let destroyed = false;
  // Then the detailed coast, drawn as soon as it has loaded.
  const detail = loadLand('detailed').then(
    (fine) => {
      if (destroyed) return;
      land = fine;
      if (proj) {
        applyLand(proj);
        renderFrame(performance.now(), true);
      }
      performance.mark('land-detail');
    },
    (err: unknown) => console.warn('detailed coastline unavailable, keeping the coarse one:', err),
  );

  const debug: EncounterPlotDebug = {
    app,
    rendererName,
    software,
    frameTimes: () => [...times],
    frameIntervals: () => [...intervals],
    frameRebuilds: () => [...rebuilds],
    frameCount: () => frameCount,
    renderNow: () => renderFrame(performance.now(), true),
    view: () => ({ ...cam.view(), pxPerKm: cam.scale }),
    unitAt: (id) => {
      const p = placed.get(id);
      return p ? { x: p.x, y: p.y, visible: p.visible } : null;
    },
    stats: () => {
      let visible = 0;
      for (const p of placed.values()) if (p.visible) visible++;
      return { placed: placed.size, visible, crowded: ds?.crowded ?? false, rebuildMs };
    },
  };
  window.__encounterPlot = debug;

  return {
    rendererName,
    detail,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      detach();
      legend.destroy();
      app.ticker.remove(onTick);
      app.destroy();
      if (window.__encounterPlot === debug) delete window.__encounterPlot;
    },
  };
}

/** True when WebGL runs on a CPU rasteriser (checked on a throw-away context). */
function isSoftwareGl(): boolean {
  try {
    const c = document.createElement('canvas');
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}

/** Positions of the units that are on the scene (not headquarters), every 10 s of the run. */
function samplePositions(a: Analysis, proj: MapProjection): [number, number][] {
  const out: [number, number][] = [];
  const { scenario, durationS } = a.run;
  for (const u of scenario.units) {
    if (u.kind === 'headquarters') continue;
    const m = scenario.motion[u.id];
    if (!m) continue;
    for (let t = 0; t <= durationS; t += 10) {
      const k = kinematicsAt(m, t);
      out.push(proj.project(k.lat, k.lon));
    }
  }
  return out;
}

function buildIndex(a: Analysis): ScenarioIndex {
  const receptionAt = new Map<string, number>();
  for (const e of a.run.log) if (e.type === 'reception') receptionAt.set(`${e.tx}/${e.result.unit}`, e.t);
  const linkKinds = new Map<string, string>();
  const linkNames = new Map<string, string>();
  for (const l of a.run.scenario.spec.links ?? []) {
    linkKinds.set(l.id, l.kind);
    linkNames.set(l.id, l.name ?? l.id);
  }
  const channelsUsed: string[] = [];
  for (const tx of a.run.transmissions) if (!channelsUsed.includes(tx.channel)) channelsUsed.push(tx.channel);
  const emitterNames = new Map<string, string>();
  for (const u of a.run.scenario.units) for (const e of u.emitters) emitterNames.set(`${u.id}/${e.id}`, e.name ?? e.id);
  return { receptionAt, linkKinds, linkNames, channelsUsed, emitterNames };
}
