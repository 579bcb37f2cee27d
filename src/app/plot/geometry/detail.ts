/**
 * Level of detail (no pixi: unit-tested in Node). A generated exercise of a thousand units puts
 * hundreds of rotating radar sweeps, horizon rings and trails on screen: a software renderer
 * cannot draw them in a frame's time, and a trainer cannot read them either. Above a number of
 * units on screen the plot draws reduced detail: no per-unit sweeps or horizon rings and no
 * trails of units off screen, except for the units the trainer is looking at (selected, in the
 * selected breakdown, measured, followed). At the shipped scenarios' counts (a dozen units in
 * December 2018) nothing changes: every unit is drawn in full.
 */

/**
 * More units than this on screen and the plot draws reduced detail. The shipped scenarios stay
 * far below it; a generated exercise of hundreds of units goes above. The plot's key says so.
 */
export const FULL_DETAIL_MAX_UNITS = 150;

/** What the trainer is looking at: these units keep their full detail whatever the count. */
export interface Attention {
  selected: readonly string[];
  /** The selected breakdown's unit and the units it names (none when no breakdown is selected). */
  breakdownUnits: readonly string[];
  /** The two units measured against each other, if any. */
  measure: readonly string[] | null;
  /** The unit the camera follows, if any. */
  following: string | null;
}

/** The units of a selected breakdown: its own unit and those it names. */
export function breakdownUnitsOf(breakdowns: readonly { id: string; unit: string; units: readonly string[] }[], id: string | null | undefined): string[] {
  const b = id ? breakdowns.find((x) => x.id === id) : undefined;
  return b ? [b.unit, ...b.units] : [];
}

export interface PlotDetail {
  /** Reduced detail is drawn (the key says so). */
  reduced: boolean;
  /** Units on screen the decision was made for. */
  onScreen: number;
  /** Units drawn in full detail whatever the count. */
  kept: ReadonlySet<string>;
}

/** The level of detail for `onScreen` units on screen and what the trainer is looking at. */
export function plotDetail(onScreen: number, attention: Attention, maxUnits = FULL_DETAIL_MAX_UNITS): PlotDetail {
  const kept = new Set<string>([...attention.selected, ...attention.breakdownUnits, ...(attention.measure ?? [])]);
  if (attention.following) kept.add(attention.following);
  return { reduced: onScreen > maxUnits, onScreen, kept };
}

/** Full detail for everything (no scene yet, or an export that asks for it). */
export const FULL_DETAIL: PlotDetail = { reduced: false, onScreen: 0, kept: new Set() };

/** Whether a unit's rotating radar sweeps are drawn. */
export function drawsSweeps(d: PlotDetail, id: string): boolean {
  return !d.reduced || d.kept.has(id);
}

/** Whether a unit's radio-horizon ring is drawn (when horizons are shown at all). */
export function drawsHorizon(d: PlotDetail, id: string): boolean {
  return !d.reduced || d.kept.has(id);
}

/** Whether a unit's trail is drawn: on screen always; off screen (its trail may still cross the view) only in full detail or when kept. */
export function drawsTrail(d: PlotDetail, id: string, visible: boolean): boolean {
  return visible || !d.reduced || d.kept.has(id);
}

/** The placed units whose horizon rings are drawn (and labelled) at this level of detail. */
export function* horizonUnits<P extends { id: string }>(placed: Iterable<P>, d: PlotDetail = FULL_DETAIL): Generator<P> {
  for (const p of placed) if (drawsHorizon(d, p.id)) yield p;
}

/** At reduced detail, the scene is rebuilt when its fastest unit on screen has moved about this many px. */
export const REDUCED_REBUILD_PX = 1;
/** …but at least this often (ms of real time), so new radio calls and label values show without a noticeable wait. */
export const REDUCED_REBUILD_MAX_MS = 1000;

/**
 * How long (ms of real time) a scene at reduced detail may stand while playing: until its fastest
 * unit on screen (`fastestKmPerS`, at `pxPerKm`) has moved REDUCED_REBUILD_PX at `speed`× — at the
 * wide view a thousand units need, that is most of a second at 1× — and never longer than
 * REDUCED_REBUILD_MAX_MS. Full detail keeps its own spacing (`fullMs`), as before.
 */
export function rebuildSpacingMs(d: Pick<PlotDetail, 'reduced'>, fullMs: number, fastestKmPerS: number, pxPerKm: number, speed: number): number {
  if (!d.reduced) return fullMs;
  const pxPerMs = (fastestKmPerS * pxPerKm * speed) / 1000;
  const still = pxPerMs > 0 ? REDUCED_REBUILD_PX / pxPerMs : REDUCED_REBUILD_MAX_MS;
  return Math.max(fullMs, Math.min(REDUCED_REBUILD_MAX_MS, still));
}

/** At reduced detail, drawn trails stand this long (simulated s: the trail's spacing between dots) before they are drawn again. */
export const TRAIL_STAND_S = 5;

/**
 * Whether the trails drawn at simulated time `builtT` for the view and units `builtKey` can stand
 * at time `t` (the plot then only joins each to its unit's present position). Only at reduced
 * detail: in full detail every scene draws its trails afresh, as it always has. A new view, other
 * units on screen, a step back in time or TRAIL_STAND_S later draws them again.
 */
export function trailsStand(d: Pick<PlotDetail, 'reduced'>, built: { key: string; t: number } | null, key: string, t: number): boolean {
  return d.reduced && built !== null && built.key === key && t >= built.t && t - built.t < TRAIL_STAND_S;
}

/**
 * At reduced detail, symbols of units the trainer is not looking at are drawn this much smaller.
 * A thousand full-size symbols cover each other in one blob, and filling them all (about 2.3
 * million blended pixels) costs a software renderer most of a frame; at this size they overlap
 * less and cost about a third. The units the trainer looks at keep their full size.
 */
export const REDUCED_SYMBOL_SCALE = 0.6;

/** The size a unit's symbol is drawn at, as a factor of its full size. */
export function symbolScale(d: PlotDetail, id: string): number {
  return d.reduced && !d.kept.has(id) ? REDUCED_SYMBOL_SCALE : 1;
}
