/**
 * The tactical plot: a pixi v8 view of the replay at the playhead. It only reads the store
 * (analysis, replay, t, selectedUnits, showHorizons) and sends one intent: selectUnit on a click.
 * Loaded by main.ts through a dynamic import, so nothing Node runs ever imports pixi.
 *
 * Rendering is on demand: a frame is drawn when the store, the camera or the size changed, or
 * while something animates in real time (a radar sweep, a pulsing lock beam: transforms only, no
 * new geometry), at most 30 frames a second when paused (8 on a software rasteriser). While
 * playing, the scene itself (trails, calls, labels) is rebuilt at most every 100 ms ÷ speed, and
 * no more than about a third of the time (a scene of a thousand units takes tens of ms to build);
 * scene.ts decides that. A tick in between whose scene stands with nothing animating draws no
 * picture at all: the canvas keeps the last one (a thousand units cost tens of ms of a software
 * rasteriser's time per picture). At reduced detail a rebuild while playing is done a few ms a
 * tick behind the standing picture and shown when complete (still.ts). Where things are drawn is
 * worked out in geometry/ (no pixi).
 */
import type { AppStore } from '../store';
import { loadLand } from './coastline';
import { attachPointer } from './interaction';
import { Legend } from './legend';
import { containerSize, startRenderer } from './canvas';
import { PlotScene, type SceneChange } from './scene';
import { FrameStats } from './frame-stats';
import { plotDebug } from './debug';
import { mountExportButton } from './export';
import { attachKeys, mountPlotTools, type PlotTools } from './tools';
import type { PlotView } from '../store';
import type { PlotApp } from './app';
import type { FeatureCollection, Geometry } from 'geojson';

type LandCollection = FeatureCollection<Geometry>;
import { SEA, setPlotTheme } from './style';

export type { EncounterPlotDebug } from './debug';

export interface PlotHandle {
  destroy(): void;
  rendererName: string;
  /** Settles once the detailed coastline replaced the coarse one of the first frame (never rejects). */
  detail: Promise<void>;
}

/**
 * Frame spacing when paused and only sweeps and lock beams move: 30 fps on a GPU; 8 on a software
 * renderer, where every frame costs CPU that the rest of the page (or a test run) needs.
 */
const IDLE_FRAME_MS = 32;
const IDLE_FRAME_MS_SOFTWARE = 125;

/**
 * Presentation mode and the theme: the key folds when presenting starts (and starts folded in
 * it); a new theme switches the palette, the renderer's background and the land's baked colours.
 */
function followLook(store: AppStore, app: PlotApp, scene: PlotScene, legend: Legend, land: () => LandCollection, redraw: () => void): () => void {
  legend.startClosed = store.getState().presenting;
  // The palette before the first frame: a link may ask for the light theme.
  setPlotTheme(store.getState().theme);
  app.renderer.background.color = SEA;
  return store.subscribe((s, prev) => {
    if (s.presenting !== prev.presenting) redraw();
    if (s.presenting && !prev.presenting) legend.el.open = false;
    if (s.theme !== prev.theme && setPlotTheme(s.theme)) {
      app.renderer.background.color = SEA;
      scene.setLand(land());
      redraw();
    }
  });
}

export async function mountPlot(container: HTMLElement, store: AppStore): Promise<PlotHandle> {
  // The coarse coast comes while the renderer starts (main.ts has usually asked for it already).
  const coarse = loadLand('coarse').catch((err: unknown) => {
    console.warn('coastline unavailable:', err);
    return null;
  });
  const { app, software } = await startRenderer(container);
  const canvas = app.canvas;
  let dirty = true;
  const legend = new Legend(container, () => {
    dirty = true;
  });
  let land: LandCollection = (await coarse) ?? { type: 'FeatureCollection', features: [] };
  const scene = new PlotScene(app.stage, app.renderer.resolution, legend, land, app.renderer);
  app.underlay = () => scene.underlay();
  const unfollow = followLook(
    store,
    app,
    scene,
    legend,
    () => land,
    () => (dirty = true),
  );
  const initial = containerSize(container);
  scene.cam.resize(initial.w, initial.h);
  const stats = new FrameStats();
  // The area a link framed (the store has it before the plot mounts).
  let reported: PlotView | null = store.getState().plotView;
  if (reported) scene.showView(reported);
  /** Tells the store the area the user framed, so the address (and a copied link) keeps it. */
  const report = () => {
    reported = scene.asked;
    store.getState().setPlotView(reported);
  };

  const renderFrame = (now: number, force = false): SceneChange => {
    const t0 = performance.now();
    const change = scene.update(store.getState(), now, force, stats.rebuildMs);
    // A slice of a rebuild behind the picture draws only when a sweep or beam moved ('building').
    const draw = change !== 'stood';
    if (draw) app.render();
    const t1 = performance.now();
    // A rebuild in slices costs all of them (the throttle spaces rebuilds by it).
    stats.record(t0, t1, change === 'rebuilt', draw, t1 - t0 + scene.buildMs);
    dirty = scene.pending;
    return change;
  };
  // Render on demand (not every tick).
  const idleMs = software ? IDLE_FRAME_MS_SOFTWARE : IDLE_FRAME_MS;
  const onTick = () => {
    const now = performance.now();
    if (dirty || (scene.animating && (store.getState().playing || now - stats.lastRender >= idleMs))) renderFrame(now);
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
      s.measure !== prev.measure ||
      s.following !== prev.following ||
      s.playing !== prev.playing ||
      s.lang !== prev.lang
    )
      dirty = true;
    // A framed area from elsewhere (a link opened in place, another scenario clearing it).
    if (s.plotView !== prev.plotView && s.plotView !== reported) {
      reported = s.plotView;
      scene.showView(s.plotView);
      dirty = true;
    }
  });
  const resize = () => {
    const { w, h } = containerSize(container);
    if (!scene.resize(w, h)) return;
    app.renderer.resize(w, h);
    dirty = true;
  };
  const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(resize) : null;
  observer?.observe(container);
  window.addEventListener('resize', resize);
  const tools = mountPlotTools(container, store, () => (scene.ds ? { analysis: scene.ds.analysis, frame: scene.ds.frame } : null));
  const detachInput = attachInput(container, canvas, store, scene, tools, () => {
    report();
    dirty = true;
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
      if (scene.setLand(fine)) renderFrame(performance.now(), true);
      performance.mark('land-detail');
    },
    (err: unknown) => console.warn('detailed coastline unavailable, keeping the coarse one:', err),
  );

  const exporter = mountExportButton(
    container,
    store,
    () => {
      renderFrame(performance.now(), true);
      return app.canvas;
    },
    () => app.renderer.resolution,
  );
  scene.overlays = () => [exporter.rect(), ...tools.rects()];

  const debug = plotDebug(
    app,
    software,
    scene,
    stats,
    () => renderFrame(performance.now(), true),
    () => renderFrame(performance.now()),
  );
  window.__encounterPlot = debug;

  return {
    rendererName: debug.rendererName,
    detail,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      unfollow();
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      detachInput();
      tools.destroy();
      legend.destroy();
      exporter.destroy();
      app.ticker.remove(onTick);
      app.destroy();
      if (window.__encounterPlot === debug) delete window.__encounterPlot;
    },
  };
}

/**
 * The camera's inputs: mouse (drag, wheel, double-click, click and shift-click, hover) on the
 * canvas and keys on the focused plot. `moved` is called after every camera move.
 */
function attachInput(container: HTMLElement, canvas: HTMLCanvasElement, store: AppStore, scene: PlotScene, tools: PlotTools, moved: () => void): () => void {
  const camera = {
    // Panning by hand (or framing the encounter again) ends following a unit: the user has taken the camera back.
    pan(dx: number, dy: number) {
      store.getState().follow(null);
      scene.panBy(dx, dy);
      moved();
    },
    zoom(x: number, y: number, f: number) {
      scene.zoomAt(x, y, f);
      moved();
    },
    reset() {
      store.getState().follow(null);
      scene.refit();
      moved();
    },
  };
  const detachKeys = attachKeys(container, store, () => ({ w: scene.cam.width, h: scene.cam.height }), camera);
  const detachPointer = attachPointer(canvas, {
    ...camera,
    click(x, y, additive) {
      const hit = scene.hit(x, y);
      if (additive && hit) store.getState().toggleUnit(hit);
      else store.getState().selectUnit(hit);
    },
    hover(x, y) {
      const hit = scene.hit(x, y);
      canvas.style.cursor = hit ? 'pointer' : '';
      tools.hover(hit, x, y);
    },
    leave() {
      tools.hover(null, 0, 0);
    },
  });
  return () => {
    detachKeys();
    detachPointer();
  };
}
