/**
 * The plot's scene: the camera, the layers in their order, and what is drawn for the store's state
 * at the playhead. It decides when the still parts must be rebuilt and when only the animated
 * ones (radar sweeps, lock beams) move, and at reduced detail rebuilds them in slices behind the
 * standing picture while playing (still.ts); index.ts decides when a frame is rendered.
 */
import { Graphics, type Container, type Renderer } from 'pixi.js';
import type { FeatureCollection, Geometry } from 'geojson';
import type { AppState } from '../store';
import type { Analysis } from '../../core/analysis/report';
import type { Frame, Replay } from '../../core/replay/replay';
import { landContext } from './coastline';
import { Camera, encounterBox, makeProjection, type MapProjection } from './projection';
import { MapLayer } from './layers/map';
import { UnitsLayer } from './layers/units';
import { onScene } from './on-scene';
import { RadarLayer } from './layers/radar';
import { TransmissionsLayer } from './layers/transmissions';
import { HorizonsLayer } from './layers/horizons';
import { AreasLayer } from './layers/areas';
import { LabelsLayer } from './layers/labels';
import { HudLayer } from './layers/hud';
import { MeasureLayer } from './layers/measure';
import { CROWDED_UNITS, type DrawState, type Placed, type ScenarioIndex } from './layers/types';
import type { Legend } from './legend';
import { Placer, setTextScale, type Rect } from './labels';
import { presentScale } from './present-scale';
import { RECENT_S, layoutTransmissions } from './geometry/call';
import { sceneLabelItemSteps, selectedCallOf } from './geometry/label-items';
import { layoutSteps, type Layout } from './geometry/layout';
import { drain } from './geometry/slices';
import { StillLayers } from './still';
import { buildIndex, samplePositions } from './scene-index';
import { FULL_DETAIL, breakdownUnitsOf, plotDetail, rebuildSpacingMs } from './geometry/detail';
import { KM_PER_NM } from './projection';
import { countOnScreen } from './geometry/units';

/** How far (km) the main land geometry reaches from the scenario centre (the camera stays inside). */
const LAND_HALF_KM = 2000;
/** While playing, scene rebuilds are spaced at least this many times their own cost apart. */
const REBUILD_SHARE = 3;
/** Margin (fraction of the view) round the encounter when it is framed. */
const FIT_MARGIN = 0.06;
/**
 * JavaScript (ms) a frame gives a rebuild in slices at reduced detail: a frame stops before a step
 * that, judged by the one before it, would take it past this. Below the issue's 8 ms p95 target
 * because the frame's own update and render submit come on top (at 8, p95 was 8.1 ms).
 */
const SLICE_MS = 6;

type Box = { x0: number; y0: number; x1: number; y1: number };
/**
 * What an update did to the picture (PlotScene.update): 'building' is a slice of a rebuild done
 * behind the picture on screen, which stands (only sweeps and beams may move).
 */
export type SceneChange = 'rebuilt' | 'same' | 'stood' | 'building';
type SceneInput = Pick<AppState, 'analysis' | 'replay' | 't' | 'selectedUnits' | 'showHorizons' | 'playing' | 'speed'> &
  Partial<Pick<AppState, 'lang' | 'selectedBreakdown' | 'measure' | 'following' | 'presenting' | 'theme'>>;

export class PlotScene {
  readonly cam = new Camera();
  /** Units as placed on screen by the rebuild under way, or the last one. */
  readonly placed = new Map<string, Placed>();
  /**
   * Units where the picture on screen shows them, for clicks and hovering: `placed` as the last
   * complete rebuild left it. A rebuild in slices places the units some frames before its
   * picture is shown, and at 16× a fast unit moves a symbol's width in that time.
   */
  shown: ReadonlyMap<string, Placed> = new Map();
  private readonly placer = new Placer();
  private readonly mapLayer: MapLayer;
  private readonly units: UnitsLayer;
  private readonly radar: RadarLayer;
  readonly transmissions: TransmissionsLayer;
  private readonly horizons: HorizonsLayer;
  private readonly areaLayer: AreasLayer;
  private readonly hud: HudLayer;
  private readonly labels: LabelsLayer;
  /** The labels of the last rebuild, as laid out (the plot's debug hook reports them). */
  layout: Layout = { placed: [], omitted: [] };
  readonly measure: MeasureLayer;

  private proj: MapProjection | null = null;
  private scenarioKey = '';
  private analysis: Analysis | null = null;
  /** Bumped for every new analysis (another account or procedure re-runs the same scenario). */
  private generation = 0;
  private index: ScenarioIndex | null = null;
  private fitBox: Box | null = null;
  /** The user panned or zoomed: a resize no longer re-frames the encounter. */
  private userMoved = false;
  /**
   * The area asked for (the user's pan or zoom, or a link's &view=): kept through resizes, so the
   * same sea stays in view when the window or the layout changes size (presentation mode).
   */
  private viewBox: Box | null = null;
  private frame: Frame | null = null;
  private frameFor: { replay: Replay | null; t: number } = { replay: null, t: NaN };
  /** What the still parts of the picture depend on; when it is unchanged only the animated parts redraw. */
  private sceneKey = '';
  /** The same without the playhead, and when (ms) the scene was last rebuilt. */
  private sceneRest = '';
  private sceneAt = 0;
  /** The fastest unit on screen in the last rebuild, km/s (how soon the picture goes stale while playing). */
  private fastestKmPerS = 0;
  /** The last rebuild's state (null before the first). */
  ds: DrawState | null = null;
  /** A scene rebuild was put off (see update); the next frame should try again. */
  pending = false;
  /** The still layers, and their pictures at reduced detail (still.ts). */
  private readonly still: StillLayers;
  /** A rebuild going on in slices behind the picture on screen (reduced detail, while playing). */
  private building: Generator<void> | null = null;
  /** The stage changed under a rebuild in slices (to or from reduced detail): it ends in this frame. */
  private finishNow = false;
  /** JavaScript (ms) of the rebuild's slices before this frame's (index.ts smooths the cost of a rebuild from it). */
  buildMs = 0;

  constructor(
    stage: Container,
    resolution: number,
    private readonly legend: Legend,
    /** The best land at hand: the coarse one until the detailed one has loaded (none if both fail). */
    private land: FeatureCollection<Geometry>,
    private readonly renderer: Renderer | null = null,
  ) {
    // Layer order, bottom to top: map, areas, horizons, trails, radar sweeps, radio calls, the
    // measurement, radar beams, then the symbols, every label (laid out together: geometry/layout.ts), the HUD.
    this.radar = new RadarLayer();
    this.still = new StillLayers(stage, this.radar.sweeps, this.radar.beams);
    const { under, between, over } = this.still;
    this.mapLayer = new MapLayer(under);
    this.areaLayer = new AreasLayer(under);
    this.horizons = new HorizonsLayer(under);
    this.units = new UnitsLayer(under, over, resolution);
    this.transmissions = new TransmissionsLayer(between);
    this.measure = new MeasureLayer(between);
    this.labels = new LabelsLayer(over);
    this.hud = new HudLayer(over);
  }

  /**
   * Called before the stage is drawn: at reduced detail the still layers' picture may be copied
   * into the canvas rather than drawn (still.ts). True when it was: the stage is drawn without clearing.
   */
  underlay(): boolean {
    return !!this.renderer && this.still.underlay(this.renderer);
  }

  /** The still layers (the debug hook reads how their pictures are composed, and can ask for whole layers). */
  get stillLayers(): StillLayers {
    return this.still;
  }

  /** A rebuild in slices is under way behind the picture on screen. */
  get rebuilding(): boolean {
    return this.building !== null;
  }

  /** True when something on screen moves with real time. */
  get animating(): boolean {
    return this.radar.animating;
  }

  /** Replaces the land (the detailed coast once loaded); true when a scenario is shown and it was applied. */
  setLand(land: FeatureCollection<Geometry>): boolean {
    this.land = land;
    if (!this.proj) return false;
    this.applyLand(this.proj);
    return true;
  }

  private applyLand(p: MapProjection): void {
    this.mapLayer.setLand(landContext(this.land, p, { hx: LAND_HALF_KM, hy: LAND_HALF_KM }));
    this.hud.setInsetLand(landContext(this.land, p, HudLayer.insetHalfExtent(), { shoreAlpha: 0.5 }));
  }

  private setScenario(a: Analysis): void {
    this.analysis = a;
    this.generation++;
    const spec = a.run.scenario.spec;
    const key = `${a.run.scenario.file}|${spec.location.lat}|${spec.location.lon}`;
    this.index = buildIndex(a);
    if (key === this.scenarioKey && this.proj) return;
    this.scenarioKey = key;
    this.proj = makeProjection(spec.location.lat, spec.location.lon);
    this.applyLand(this.proj);
    this.placed.clear();
    this.shown = new Map();
    this.fitBox = encounterBox(samplePositions(a, this.proj));
    this.userMoved = this.viewBox !== null;
    this.cam.fit(this.fitBox, FIT_MARGIN);
    if (this.viewBox) this.cam.fit(this.viewBox, 0, 0.01);
    this.mapLayer.invalidate();
  }

  /** Screen areas of HTML laid over the plot (its buttons), relative to the canvas. */
  overlays: () => Rect[] = () => [];

  /** Screen areas the labels and markers keep out of: the HUD's, the key's and the overlays'. */
  private keepOut(): Rect[] {
    const out = HudLayer.areas(this.cam);
    if (this.legend.rect.w > 0) out.push(this.legend.rect);
    out.push(...this.overlays());
    return out;
  }

  /**
   * Brings the scene up to the store's state at real time `now` (ms). Says 'rebuilt' when it
   * rebuilt the still parts; 'stood' when a rebuild was put off while playing and nothing animates
   * (the picture is the one last drawn); otherwise 'same': at most the sweeps and beams moved, or
   * something outside the scene's key (the land) changed. `rebuildMs` is the recent cost of a
   * rebuilding frame.
   */
  update(st: SceneInput, now: number, force: boolean, rebuildMs: number): SceneChange {
    if (!st.analysis || !st.replay) return 'same';
    if (st.analysis !== this.analysis) this.setScenario(st.analysis);
    if (!this.proj || !this.index || !this.analysis) return 'same';
    const cam = this.cam;
    if (st.following) this.keepCentred(st, st.following);
    const areas = this.keepOut();
    // Presentation mode draws labels and symbols larger; the theme, other colours.
    const scale = presentScale(cam.width, !!st.presenting);
    setTextScale(scale);
    const look = `${scale}|${st.theme ?? 'dark'}`;
    const rest = `${this.scenarioKey}|${this.generation}|${cam.cx},${cam.cy},${cam.scale},${cam.width},${cam.height}|${st.selectedUnits.join()}|${st.selectedBreakdown ?? ''}|${st.measure?.join() ?? ''}|${st.following ?? ''}|${st.showHorizons}|${st.lang ?? 'en'}|${look}|${areas.map((r) => `${r.x},${r.y},${r.w},${r.h}`).join(';')}`;
    const key = `${st.t}|${rest}`;
    if (key === this.sceneKey && this.ds && !this.building) {
      this.radar.animate(now);
      return 'same';
    }
    // At reduced detail a rebuild while playing goes on in slices behind the standing picture
    // (still.ts); anything else (a seek, a camera move, a click, an export) rebuilds at once.
    const sliced = !force && !!this.ds && st.playing && rest === this.sceneRest && this.still.buffered;
    if (this.building) {
      if (sliced) return this.buildSlice(now);
      // Asked for now: the slices done are drawn over by a whole rebuild.
      this.building = null;
    }
    // While playing, only the playhead moves the scene, and at 1× nothing on the plot moves more
    // than a pixel in a tenth of a second: rebuild the scene at most every 100 ms / speed (the
    // sweeps and beams still animate every frame). Seeks, camera moves and clicks are immediate.
    // A scene that takes long to build (hundreds of units) is rebuilt less often, so rebuilding
    // takes at most about a third of the time and the frames in between stay smooth.
    // At reduced detail (hundreds of units, a wide view) the scene stands until its fastest unit has
    // moved about a pixel (geometry/detail.ts), so most frames only render what is already built.
    const spacing = Math.max(16, 100 / st.speed, REBUILD_SHARE * rebuildMs);
    const standFor = this.ds ? rebuildSpacingMs(this.ds.detail, spacing, this.fastestKmPerS, cam.scale, st.speed) : spacing;
    if (!force && this.ds && st.playing && rest === this.sceneRest && now - this.sceneAt < standFor) {
      this.radar.animate(now);
      this.pending = true;
      return this.radar.animating ? 'same' : 'stood';
    }
    this.pending = false;
    this.sceneRest = rest;
    this.sceneAt = now;
    this.sceneKey = key;
    const steps = this.build(st, this.proj, this.index, this.analysis, st.replay, now, areas);
    this.buildMs = 0;
    this.finishNow = false;
    if (sliced) {
      this.building = steps;
      return this.buildSlice(now);
    }
    drain(steps);
    return 'rebuilt';
  }

  /** Runs the rebuild's steps for a frame's budget; 'rebuilt' once the last is done (the new picture is then shown). */
  private buildSlice(now: number): SceneChange {
    const t0 = performance.now();
    const steps = this.building!;
    let done = false;
    let last = 0;
    while (!done) {
      const a = performance.now();
      if (!this.finishNow && a - t0 + last > SLICE_MS) break;
      done = !!steps.next().done;
      last = performance.now() - a;
    }
    if (done) {
      this.building = null;
      return 'rebuilt';
    }
    this.buildMs += performance.now() - t0;
    this.radar.animate(now);
    this.pending = true;
    return this.radar.animating ? 'building' : 'stood';
  }

  /** The replay's frame at t, made once per playhead position. */
  private frameOf(replay: Replay, t: number): Frame {
    if (this.frameFor.replay !== replay || this.frameFor.t !== t || !this.frame) {
      this.frame = onScene(replay.frameAt(t, { recentS: RECENT_S }));
      this.frameFor = { replay, t };
    }
    return this.frame;
  }

  /**
   * Following a unit: the camera's centre goes to where the unit is at the playhead (the zoom is
   * kept). The framed area moves with it, so a resize keeps the unit in the middle too.
   */
  private keepCentred(st: SceneInput, id: string): void {
    if (!st.replay || !this.proj) return;
    const u = this.frameOf(st.replay, st.t).units.find((x) => x.spec.id === id);
    if (!u) return;
    const [wx, wy] = this.proj.project(u.lat, u.lon);
    if (wx === this.cam.cx && wy === this.cam.cy) return;
    this.cam.cx = wx;
    this.cam.cy = wy;
    this.cam.clamp();
    this.userMoved = true;
    this.viewBox = this.cam.view();
  }

  /**
   * The scene's rebuild as steps (geometry/slices.ts). Nothing it changes is on screen before it
   * ends: at reduced detail the still layers are drawn into textures behind the picture and shown
   * at the last step, with the sweeps and beams moved to the new scene; in full detail the steps
   * run at once, before the frame's render.
   */
  private *build(st: SceneInput, proj: MapProjection, index: ScenarioIndex, analysis: Analysis, replay: Replay, now: number, areas: Rect[]): Generator<void> {
    // The replay's frame at the playhead (units and their trails) is a step of its own.
    const frame = this.frameOf(replay, st.t);
    yield;
    const { cam, placer, placed } = this;
    placer.reset({ x: 2, y: 2, w: cam.width - 4, h: cam.height - 4 });
    for (const r of areas) placer.occupy(r);
    const ds: DrawState = {
      cam,
      proj,
      analysis,
      frame,
      t: st.t,
      now,
      placed,
      selected: new Set(st.selectedUnits),
      showHorizons: st.showHorizons,
      measure: st.measure ?? null,
      lang: st.lang ?? 'en',
      index,
      placer,
      keepOut: areas,
      crowded: false,
      detail: FULL_DETAIL,
      selectedCall: selectedCallOf(analysis, st.selectedBreakdown ?? null),
      calls: [],
    };
    this.ds = ds;
    this.mapLayer.keepOut = areas.map((r) => ({ x0: r.x, y0: r.y, x1: r.x + r.w, y1: r.y + r.h }));
    // The level of detail comes first: at reduced detail symbols are placed smaller (geometry/detail.ts).
    ds.detail = plotDetail(countOnScreen(frame.units, cam, proj), {
      selected: st.selectedUnits,
      breakdownUnits: breakdownUnitsOf(analysis.breakdowns, st.selectedBreakdown),
      measure: st.measure ?? null,
      following: st.following ?? null,
    });
    this.units.place(ds);
    yield;
    const onScreen = this.visibleCount();
    this.fastestKmPerS = this.fastestOnScreen();
    ds.crowded = placer.crowded = onScreen > CROWDED_UNITS;
    this.legend.update([...new Set(analysis.run.scenario.units.map((u) => u.nation))], index, st.lang ?? 'en', ds.detail.reduced);
    ds.calls = layoutTransmissions(frame.transmissions, placed, st.t, index.receptionAt);
    yield;
    // Every label of the scene is laid out before anything is drawn, in order of priority (layout.ts).
    // The measurement the user asked for ranks right after the units it joins (PRIORITY.measure).
    const items = yield* sceneLabelItemSteps(ds);
    items.push(...this.measure.items(ds));
    const layout = yield* layoutSteps(items, this.labels.measure(ds.lang), placer, !ds.crowded);
    this.layout = layout;
    const buffered = !!this.renderer && ds.detail.reduced;
    if (this.still.setBuffered(buffered, cam.width, cam.height, this.renderer?.resolution ?? 1)) this.finishNow = true;
    this.mapLayer.draw(cam, proj);
    yield* this.units.drawSteps(ds);
    this.measure.draw();
    yield* this.transmissions.drawSteps(ds);
    yield;
    this.horizons.draw(ds);
    this.areaLayer.draw(ds);
    this.labels.draw(layout);
    this.hud.draw(ds);
    if (buffered && this.renderer) {
      // The lines' geometry (trails above all) is built a layer a step, then each layer is drawn.
      for (const g of this.stillLines()) {
        yield;
        (this.renderer as unknown as { graphicsContext: { updateGpuContext(c: unknown): void } }).graphicsContext.updateGpuContext(g.context);
      }
      yield* this.still.drawBehind(this.renderer, this.radar.reach(ds));
    }
    // Sweeps and beams move to the new scene with the picture they belong to.
    this.radar.draw(ds);
    if (buffered) this.still.swap();
    // Copied, since the next rebuild moves the same objects.
    this.shown = new Map([...this.placed].map(([id, p]) => [id, { ...p }]));
  }

  /** The still layers' line drawings (Graphics), in drawing order. */
  private stillLines(): Graphics[] {
    const out: Graphics[] = [];
    const walk = (c: Container) => {
      for (const ch of c.children) {
        if (ch instanceof Graphics) out.push(ch);
        else walk(ch);
      }
    };
    for (const g of [this.still.under, this.still.between, this.still.over]) walk(g);
    return out;
  }

  /** What the last scene drew per unit at its level of detail (the debug hook, for tests). */
  detailDrawn(): { reduced: boolean; sweeps: string[]; trails: string[]; horizons: string[] } {
    return {
      reduced: this.ds?.detail.reduced ?? false,
      sweeps: this.radar.sweepingUnits(),
      trails: [...this.units.trailed],
      horizons: [...this.horizons.ringed],
    };
  }

  private fastestOnScreen(): number {
    let kt = 0;
    for (const p of this.placed.values()) if (p.visible && p.unit.speedKt > kt) kt = p.unit.speedKt;
    return (kt * KM_PER_NM) / 3600;
  }

  /** Units placed on screen. */
  visibleCount(): number {
    let n = 0;
    for (const p of this.placed.values()) if (p.visible) n++;
    return n;
  }

  /** A new view size; until the user pans or zooms, the view keeps framing the encounter. False when unchanged. */
  resize(w: number, h: number): boolean {
    if (w === this.cam.width && h === this.cam.height) return false;
    this.cam.resize(w, h);
    if (this.viewBox) this.cam.fit(this.viewBox, 0, 0.01);
    else if (!this.userMoved && this.fitBox) this.cam.fit(this.fitBox, FIT_MARGIN);
    this.mapLayer.invalidate();
    return true;
  }

  panBy(dx: number, dy: number): void {
    this.userMoved = true;
    this.cam.panBy(dx, dy);
    this.viewBox = this.cam.view();
  }

  zoomAt(x: number, y: number, factor: number): void {
    this.userMoved = true;
    this.cam.zoomAt(x, y, factor);
    this.viewBox = this.cam.view();
  }

  /** The area the user asked for (null: the encounter as framed). */
  get asked(): Box | null {
    return this.viewBox;
  }

  /** Shows an area asked for elsewhere (a link); null frames the encounter again. */
  showView(box: Box | null): void {
    if (!box) return this.refit();
    this.viewBox = { ...box };
    this.userMoved = true;
    this.cam.fit(box, 0, 0.01);
    this.mapLayer.invalidate();
  }

  /** Frames the encounter again. */
  refit(): void {
    if (this.fitBox) this.cam.fit(this.fitBox, FIT_MARGIN);
    this.userMoved = false;
    this.viewBox = null;
  }

  /** The unit under a screen point, if any. */
  hit(x: number, y: number): string | null {
    return this.units.hit(this.shown, x, y);
  }
}
