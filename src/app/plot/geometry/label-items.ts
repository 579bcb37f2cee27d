/**
 * Every label a scene asks for, in words and candidate spots (no pixi: tested in Node). The layers
 * draw lines and symbols; what their labels say and where they may go is decided here, so the
 * whole scene's labels can be laid out at once (layout.ts) before anything is drawn.
 */
import { say, t, tOr, type Lang } from '../../../i18n';
import type { Stage } from '../../../core/log';
import type { Outcome } from '../../../core/analysis/outcomes';
import { areasOf } from '../../../core/areas/areas';
import { isAirborne, isAshore, traitsOf } from '../../../core/kinds';
import { stageWord as stageTerm } from '../../words';
import { FAIL, INK, LOCK, MUTED, SELECT, SLEWED, channelColour, nationColour, unitLabel, unitShort } from '../style';
import type { Analysis } from '../../../core/analysis/report';
import type { Camera, MapProjection } from '../projection';
import type { Rect } from '../placer';
import { unitLabelSpots, type Spot } from './labels';
import { callLabelSpots, labelFraction, pointAt, type CallLayout, type TransmissionLayout } from './call';
import { beamLabelSpots, beamLane, beamLine } from './radar';
import { BRACKET_PAD, edgeMarker, rangeText, type Placed } from './units';
import { horizonLabelSpots, visibleHorizons } from './horizons';
import { areasOnScreen } from './areas';
import { horizonUnits, type PlotDetail } from './detail';
import type { LabelItem } from './layout';
import { SLICE_ITEMS, drain } from './slices';

/** What the label items are made from: a scene as the layers draw it (layers/types.ts DrawState), its calls laid out. */
export interface LabelScene {
  cam: Camera;
  proj: MapProjection;
  analysis: Analysis;
  t: number;
  placed: ReadonlyMap<string, Placed>;
  selected: ReadonlySet<string>;
  showHorizons: boolean;
  lang: Lang;
  index: { linkKinds: ReadonlyMap<string, string>; emitterNames: ReadonlyMap<string, string> };
  /** Screen areas the HUD covers: edge markers keep out. */
  keepOut: readonly Rect[];
  /** The selected breakdown's call (`${tx}/${unit}`), or null. */
  selectedCall: string | null;
  calls: readonly TransmissionLayout<Placed>[];
  /** The level of detail (geometry/detail.ts); full when not given. */
  detail?: PlotDetail;
}

/**
 * The call of a selected breakdown, as `${tx}/${unit}` (a call's key in call.ts): to the breakdown's
 * unit when it was a recipient, else to the first of its units that was (a breakdown may be the
 * sender's), else to the first recipient. Null when none is selected or it is not a call's.
 */
export function selectedCallOf(analysis: Pick<LabelScene['analysis'], 'breakdowns' | 'run'>, breakdown: string | null): string | null {
  const b = breakdown ? analysis.breakdowns.find((x) => x.id === breakdown) : undefined;
  const tx = b?.transmission ? analysis.run.transmissions.find((x) => x.id === b.transmission) : undefined;
  if (!b || !tx) return null;
  const to = [b.unit, ...b.units].find((u) => tx.recipients.includes(u)) ?? tx.recipients[0];
  return to ? `${tx.id}/${to}` : null;
}

/** Every label of the scene, in no particular order (layout.ts orders them by kind). */
export function sceneLabelItems(s: LabelScene): LabelItem[] {
  return drain(sceneLabelItemSteps(s));
}

/** sceneLabelItems in slices (geometry/slices.ts). */
export function* sceneLabelItemSteps(s: LabelScene): Generator<void, LabelItem[]> {
  const out: LabelItem[] = [];
  let n = 0;
  for (const p of s.placed.values()) {
    if (p.visible) out.push(unitItem(s, p));
    else out.push(edgeItem(s, p));
    if (++n % SLICE_ITEMS === 0) yield;
  }
  for (const tl of s.calls) {
    for (const call of tl.calls) {
      out.push(callItem(s, tl, call));
      if (++n % SLICE_ITEMS === 0) yield;
    }
  }
  yield;
  radarItems(s, out);
  if (s.showHorizons) horizonItems(s, out);
  areaItems(s, out);
  return out;
}

/** Call-sign label (name + hull), then altitude for aircraft and speed, then a scripted act. */
function unitItem(s: LabelScene, p: Placed): LabelItem {
  const u = p.unit;
  const spec = u.spec;
  const selected = s.selected.has(spec.id);
  const sub: string[] = [];
  if (isAirborne(spec)) sub.push(`${Math.round(u.altM)} m`);
  if (!isAshore(spec) && Math.round(u.speedKt) > 0) sub.push(`${Math.round(u.speedKt)} kt`);
  const name = namesOf(spec, s.lang).label;
  const lines: LabelItem['lines'] = [{ text: name, tint: selected ? SELECT : nationColour(spec.nation).hex, bold: selected, size: 12 }];
  if (sub.length) lines.push({ text: sub.join('  '), tint: isAirborne(spec) ? INK : MUTED, size: 11 });
  // A scripted act (do: conduct) while it lasts, in the words of the timeline.
  if (u.act) lines.push({ text: actWords(u.act.act, s.lang), tint: INK, bold: true, size: 11 });
  // A selected unit's label stands clear of its brackets.
  const at = { x: p.x, y: p.y, r: selected ? p.r + BRACKET_PAD - 2 : p.r };
  return { key: `unit:${spec.id}`, kind: selected ? 'selectedUnit' : 'unit', lines, spots: unitLabelSpots(at), point: at, alpha: 1 };
}

/** Each unit's label words in the language they were last asked in (a thousand units' names, every rebuild). */
const unitNames = new WeakMap<Spec, { lang: Lang; label: string; short: string }>();

/** A unit's call-sign label (its short form for a headquarters) and its short form, in `lang`. */
function namesOf(spec: Spec, lang: Lang): { label: string; short: string } {
  let n = unitNames.get(spec);
  if (!n || n.lang !== lang) {
    const short = unitShort(spec, lang);
    n = { lang, short, label: spec.kind === 'headquarters' ? short : unitLabel(spec, lang) };
    unitNames.set(spec, n);
  }
  return n;
}

/** A scripted act on its unit's label: its id in plain words in English, the catalog's word in another language. */
function actWords(act: string, lang: Lang): string {
  return lang === 'en' ? act.replace(/-/g, ' ') : tOr(lang, `analysis.conduct.id.${act}`, act.replace(/-/g, ' '));
}

/** An off-screen unit's range, beside its arrow at the edge, along the edge, or farther in with a leader line. */
function edgeItem(s: LabelScene, p: Placed): LabelItem {
  const { cam } = s;
  const m = edgeMarker(p.x, p.y, cam.width, cam.height, s.keepOut);
  const text = `${namesOf(p.unit.spec, s.lang).short} ${rangeText(Math.hypot(p.wx - cam.cx, p.wy - cam.cy))}`;
  return {
    key: `edge:${p.id}`,
    kind: 'edge',
    lines: [{ text, tint: nationColour(p.unit.spec.nation).hex, size: 11 }],
    spots: alongEdge(m.spots, m.tip),
    point: { x: m.tip.x, y: m.tip.y, r: 0 },
    alpha: 1,
  };
}

/** Px an edge label may slide along its edge, either way, when its marker's own spots are taken. */
const EDGE_SLIDE = [28, 42, 60, 84, 112];

/** An edge marker's spots, then the first of them slid along the edge (down and up a side, across the top or bottom). */
function alongEdge(spots: readonly Spot[], tip: { ux: number; uy: number }): Spot[] {
  const first = spots[0];
  if (!first) return [...spots];
  const side = Math.abs(tip.ux) >= Math.abs(tip.uy);
  const slid = EDGE_SLIDE.flatMap((d) => [d, -d]).map((d) => (side ? { ...first, y: first.y + d } : { ...first, x: first.x + d }));
  return [...spots, ...slid];
}

const stageWord = (lang: Lang, stage: Stage | null | undefined) => stageTerm(stage ?? 'understood', lang);

/** Longest cause on a label, in characters; the full cause is in the breakdown card and the log. */
const WHY_MAX = 46;

/** A call's label beside its line: what was sent, then how far it got. */
function callItem(s: LabelScene, tl: TransmissionLayout<Placed>, call: CallLayout<Placed>): LabelItem {
  const tx = tl.tf.tx;
  const linkKind = s.index.linkKinds.get(tx.channel);
  const colour = channelColour(tx.channel, linkKind);
  const head = callHead(s, tx, linkKind, call.to.unit.spec);
  const status = callStatus(s, call);
  const selected = call.key === s.selectedCall;
  // Beside the ✗ (or halfway), or where the line comes into view when that is off screen.
  const f = labelFraction(call.line, call.marks.labelF, s.cam.width, s.cam.height);
  const [px, py] = pointAt(call.line, f);
  return {
    key: `call:${call.key}`,
    kind: selected ? 'selectedCall' : 'call',
    lines: [
      { text: head, tint: colour, size: 11, bold: true },
      { text: status.text, tint: status.tint, size: 11 },
    ],
    spots: callLabelSpots(call.line, f),
    point: { x: px, y: py, r: 0 },
    // The call a trainer picked stays bright while it is on the plot.
    alpha: selected ? 1 : tl.fade,
  };
}

type Tx = TransmissionLayout<Placed>['tf']['tx'];
type Spec = Placed['unit']['spec'];
/** Each call's first line per recipient and language (a call's words do not change while it is on the plot). */
const callHeads = new WeakMap<Tx, Map<string, string>>();

/** A call's first line: by what, what kind, which attempt, to whom. */
function callHead(s: Pick<LabelScene, 'lang'>, tx: Tx, linkKind: string | undefined, to: Spec): string {
  const { lang } = s;
  let heads = callHeads.get(tx);
  if (!heads) callHeads.set(tx, (heads = new Map()));
  const key = `${lang}\u0000${to.id}\u0000${linkKind ?? ''}`;
  let head = heads.get(key);
  if (head === undefined) {
    const kind = tOr(lang, `app.plot.kind.${tx.kind}`, tx.kind);
    const attempt = tx.attempt > 1 ? t(lang, 'app.plot.attempt', { n: tx.attempt }) : '';
    // Radio calls are named by frequency; other links by what they are ("satellite report").
    const via = linkKind ? tOr(lang, `app.plot.link.${linkKind}`, tx.channel) : tx.channel;
    head = t(lang, 'app.plot.call-head', { via, kind, attempt, to: namesOf(to, lang).short });
    heads.set(key, head);
  }
  return head;
}

/** The second line of a call's label: in the air, through, or where it broke down and why. */
export function callStatus(s: Pick<LabelScene, 'lang' | 'analysis'>, call: CallLayout<Placed>): { text: string; tint: number } {
  const { verdict } = call;
  const { lang } = s;
  switch (verdict.kind) {
    case 'in-air':
      return { text: t(lang, verdict.recorded ? 'app.plot.in-air' : 'app.plot.no-verdict'), tint: INK };
    case 'awaiting':
      return { text: t(lang, 'app.plot.awaiting', { stage: stageWord(lang, verdict.reached) }), tint: INK };
    case 'delivered':
      return { text: t(lang, 'app.plot.delivered', { stage: stageWord(lang, verdict.reached) }), tint: INK };
    case 'failed':
      return { text: t(lang, 'app.plot.failed', { stage: stageWord(lang, verdict.stage), why: why(call.outcome!, s) }), tint: FAIL };
  }
}

/** Each outcome's words, per language (outcomes do not change once analysed). */
const whyCache = new WeakMap<Outcome, Partial<Record<Lang, string>>>();

function why(o: Outcome, s: Pick<LabelScene, 'lang' | 'analysis'>): string {
  let byLang = whyCache.get(o);
  if (!byLang) whyCache.set(o, (byLang = {}));
  return (byLang[s.lang] ??= wordWhy(o, s));
}

/**
 * What the label says went wrong, read from the outcome's data: the misheard words (the radio's,
 * quoted as heard), else its cause as data in the reader's language, with units by their short
 * names. Only an outcome the core has not yet given as data falls back to its English cause.
 */
function wordWhy(o: Outcome, s: Pick<LabelScene, 'lang' | 'analysis'>): string {
  if (o.failedAt === 'understood' && o.heardAs) return t(s.lang, 'app.plot.heard-as', { text: o.heardAs });
  const specs = s.analysis.run.scenario.units;
  const short = (id: string) => {
    const sp = specs.find((u) => u.id === id);
    return sp ? unitShort(sp, s.lang) : undefined;
  };
  const c = o.why ? say(s.lang, o.why, { unitName: short }) : (o.cause ?? '');
  if (!c) return stageWord(s.lang, o.failedAt);
  return [...c].length > WHY_MAX ? `${[...c].slice(0, WHY_MAX - 2).join('')}…` : c;
}

/** A label per beam held on or pointed at a target (the layer draws the beams in the same order). */
function radarItems(s: LabelScene, out: LabelItem[]): void {
  for (const p of s.placed.values()) {
    if (!traitsOf(p.unit.spec).onPlot) continue;
    let beamIdx = 0;
    for (const em of p.unit.emitters) {
      if (em.mode === 'off' || em.type === 'esm' || em.mode === 'search') continue;
      const target = em.target ? s.placed.get(em.target) : undefined;
      if (!target || (!p.visible && !target.visible)) continue;
      const lane = beamLane(beamIdx++);
      const key = `${p.unit.spec.id}/${em.id}`;
      const name = s.index.emitterNames.get(key) ?? em.id;
      const who = namesOf(target.unit.spec, s.lang).short;
      const b = beamLine(p, target, lane);
      const track = em.mode === 'track';
      const text = track
        ? t(s.lang, em.type === 'fire-control-radar' ? 'app.plot.beam.lock' : 'app.plot.beam.held', { name, who })
        : t(s.lang, 'app.plot.beam.slewed', { name, who });
      out.push({
        key: `beam:${key}`,
        kind: 'radar',
        lines: [{ text, tint: track ? LOCK : SLEWED, size: 11, bold: track }],
        spots: beamLabelSpots(p, b, lane),
        point: { x: p.x + b.dx * 0.3, y: p.y + b.dy * 0.3, r: 0 },
        alpha: 1,
      });
    }
  }
}

/** A label per radio horizon circle, just inside it. */
function horizonItems(s: LabelScene, out: LabelItem[]): void {
  const { cam } = s;
  for (const { p, heightM, c } of visibleHorizons(horizonUnits(s.placed.values(), s.detail), cam)) {
    const spec = p.unit.spec;
    const spots = horizonLabelSpots(p, c.r, cam.width, cam.height);
    if (!spots.length) continue;
    const text = t(s.lang, 'app.plot.horizon', { unit: unitShort(spec, s.lang), nm: c.nm.toFixed(1), m: Math.round(heightM) });
    out.push({
      key: `horizon:${spec.id}`,
      kind: 'horizon',
      lines: [{ text, tint: nationColour(spec.nation).hex, size: 11 }],
      spots,
      point: { x: spots[0]!.x, y: spots[0]!.y, r: 0 },
      alpha: 1,
    });
  }
}

/** An area's name at its label point (the layer draws the outlines of the same areas). */
function areaItems(s: LabelScene, out: LabelItem[]): void {
  const { cam, proj } = s;
  const toScreen = (lat: number, lon: number): [number, number] => {
    const [wx, wy] = proj.project(lat, lon);
    return [cam.sx(wx), cam.sy(wy)];
  };
  for (const a of areasOnScreen(areasOf(s.analysis.run.scenario.spec), s.t, toScreen, cam.width, cam.height)) {
    out.push({
      key: `area:${a.id}`,
      kind: 'area',
      lines: [{ text: `${a.name} (${a.kind})`, tint: nationColour(a.whose ?? 'OTHER').hex, size: 11 }],
      spots: [{ x: a.label.x, y: a.label.y, ax: 0.5, ay: 0.5 }],
      point: { x: a.label.x, y: a.label.y, r: 0 },
      alpha: 0.8,
    });
  }
}
