/**
 * What the plot and the inspector say of two units measured against each other, and of one unit
 * under the pointer: the core's relative-motion maths (core/analysis/relative-motion.ts) on a
 * replay frame, put in the reader's words. No pixi, no DOM.
 */
import type { Analysis } from '../core/analysis/report';
import type { Frame, UnitFrame } from '../core/replay/replay';
import { cpa, kmText, nmText, rangeBearing, threeDigits, type Cpa, type RangeBearing } from '../core/analysis/relative-motion';
import { trackApproach, type TrackApproach, type TrackClosest } from '../core/analysis/closest-approach';
import { mmss } from '../core/format/clock';
import { t, tOr, type Lang } from '../i18n';
import { traitsOf } from '../core/kinds';
import { clockOf, unitName } from './words';

export interface Measured {
  from: UnitFrame;
  to: UnitFrame;
  now: RangeBearing;
  cpa: Cpa;
}

/** The two units' relation at this frame; null when either is not in it. */
export function measureAt(frame: Frame, pair: readonly [string, string] | null): Measured | null {
  if (!pair) return null;
  const from = frame.units.find((u) => u.spec.id === pair[0]);
  const to = frame.units.find((u) => u.spec.id === pair[1]);
  if (!from || !to) return null;
  return { from, to, now: rangeBearing(from, to), cpa: cpa(from, to) };
}

/** "047° 12.3 nm (22.8 km)": the bearing and range, as on the plot's measuring line. */
export const rangeBearingText = (m: Pick<Measured, 'now'>, lang: Lang) =>
  t(lang, 'app-tools.nav.rb', { bearing: threeDigits(m.now.bearingDeg), nm: nmText(m.now.rangeM), km: kmText(m.now.rangeM) });

export const rangeText = (rangeM: number, lang: Lang) => t(lang, 'app-tools.nav.range-value', { nm: nmText(rangeM), km: kmText(rangeM) });

/** The CPA in one line: "CPA 1.20 nm in 12:30 (15:10:34)", or that the range is opening or steady. */
export function cpaText(a: Analysis, m: Measured, at: number, lang: Lang): string {
  const c = m.cpa;
  if (c.closure === 'opening') return t(lang, 'app-tools.nav.cpa-opening');
  if (c.closure === 'steady') return t(lang, 'app-tools.nav.cpa-steady');
  return t(lang, 'app-tools.nav.cpa-line', { nm: nmText(c.rangeM), in: mmss(c.inS), clock: clockOf(a, at + c.inS) });
}

const approaches = new WeakMap<Analysis, Map<string, TrackApproach>>();

/** How close the two come along their scripted tracks from `at` to the end of the run. */
export function closestOnTracks(a: Analysis, pair: readonly [string, string], at: number): TrackClosest | null {
  const motions = a.run.scenario.motion;
  const ma = motions[pair[0]];
  const mb = motions[pair[1]];
  if (!ma || !mb) return null;
  let byPair = approaches.get(a);
  if (!byPair) approaches.set(a, (byPair = new Map()));
  const key = `${pair[0]}\u0000${pair[1]}`;
  let approach = byPair.get(key);
  if (!approach) byPair.set(key, (approach = trackApproach(ma, mb, a.run.durationS)));
  return approach.from(at);
}

/** "0.28 nm (0.5 km) at 10:05:35 (in 1:35)", or that they are never closer later in the run than now. */
export function closestText(a: Analysis, c: TrackClosest, at: number, lang: Lang): string {
  // Within a second of now: the two are as close now as they will ever be again.
  if (c.atS - at < 1) return t(lang, 'app-tools.nav.closest-now', { range: rangeText(c.rangeM, lang) });
  return t(lang, 'app-tools.nav.closest-at', { range: rangeText(c.rangeM, lang), clock: clockOf(a, c.atS), in: mmss(c.atS - at) });
}

/** Rows for the inspector: label, value. */
export function measureRows(a: Analysis, m: Measured, at: number, lang: Lang): [string, string][] {
  const c = m.cpa;
  const rows: [string, string][] = [
    [t(lang, 'app-tools.nav.bearing'), `${threeDigits(m.now.bearingDeg)}°`],
    [t(lang, 'app-tools.nav.range'), rangeText(m.now.rangeM, lang)],
  ];
  if (c.closure !== 'closing') rows.push([t(lang, 'app-tools.nav.cpa'), cpaText(a, m, at, lang)]);
  else
    rows.push(
      [t(lang, 'app-tools.nav.cpa'), rangeText(c.rangeM, lang)],
      [t(lang, 'app-tools.nav.tcpa'), t(lang, 'app-tools.nav.cpa-at', { in: mmss(c.inS), clock: clockOf(a, at + c.inS) })],
      [t(lang, 'app-tools.nav.cpa-bearing'), `${threeDigits(c.bearingDeg)}°`],
    );
  // What the scenario then does: the CPA above is only what would happen if nobody turned.
  const closest = closestOnTracks(a, [m.from.spec.id, m.to.spec.id], at);
  if (closest) rows.push([t(lang, 'app-tools.nav.closest'), closestText(a, closest, at, lang)]);
  return rows;
}

/** The lines of a unit's hover tooltip: name, kind and nation, course and speed, altitude if it flies. */
export function tooltipLines(a: Analysis, u: UnitFrame, lang: Lang): string[] {
  const spec = u.spec;
  const nation = tOr(lang, `app.key.nation.${spec.nation}`, spec.nation);
  const lines = [unitName(a, spec.id, lang), `${tOr(lang, `app-tools.kind.${spec.kind}`, spec.kind)} · ${nation}`];
  if (!traitsOf(spec).onPlot) return lines;
  lines.push(t(lang, 'app-tools.nav.tip-course', { course: threeDigits(u.headingDeg), speed: u.speedKt.toFixed(1) }));
  if (traitsOf(spec).element === 'air') lines.push(t(lang, 'app-tools.nav.tip-alt', { ft: Math.round(u.altM / 0.3048), m: Math.round(u.altM) }));
  return lines;
}
