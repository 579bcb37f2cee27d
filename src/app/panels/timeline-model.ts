/**
 * The timeline as data: what a key does (and when a focused widget keeps it), where breakdown
 * markers sit on the scrubber, and the clock's words. Pure: ./timeline.ts puts it on screen.
 */
import { mmss } from '../../core/format/clock';
import { t as tr, type Lang } from '../../i18n';

/** What the keyboard can ask of the playhead. */
export type KeyAction = 'toggle-play' | 'next-event' | 'previous-event' | 'faster' | 'slower' | 'start' | 'end';

/** The key and the element it was pressed on, as far as the shortcuts care. */
export interface KeyPress {
  key: string;
  modified: boolean;
  defaultPrevented: boolean;
  /** Upper-case tag name of the focused element ('' for none). */
  tag: string;
  /** An input's type ('' for other elements). */
  type: string;
  role: string | null;
  editable: boolean;
}

/** The shortcut a key press means, or null when the focused widget (or typing) keeps the key. */
export function keyAction(p: KeyPress): KeyAction | null {
  if (p.defaultPrevented || p.modified) return null;
  const { tag, type } = p;
  const typing =
    tag === 'SELECT' ||
    tag === 'TEXTAREA' ||
    p.editable ||
    (tag === 'INPUT' && type !== 'range' && type !== 'checkbox' && type !== 'radio' && type !== 'button');
  if (typing) return null;
  // Widgets that own these keys keep them: a focused button or checkbox activates on Space;
  // the scrubber and tabs move with arrows/Home/End themselves.
  const activates = tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A' || (tag === 'INPUT' && type !== 'range');
  const ownsArrows = (tag === 'INPUT' && type === 'range') || p.role === 'tab';
  switch (p.key) {
    case ' ':
    case 'Spacebar':
      return activates ? null : 'toggle-play';
    case 'ArrowRight':
      return ownsArrows ? null : 'next-event';
    case 'ArrowLeft':
      return ownsArrows ? null : 'previous-event';
    case ']':
      return 'faster';
    case '[':
      return 'slower';
    case 'Home':
      return ownsArrows ? null : 'start';
    case 'End':
      return ownsArrows ? null : 'end';
    default:
      return null;
  }
}

/** Markers shown side by side in one slot; more in the slot sit on the last (see markerPlaces). */
export const MAX_STACKED_MARKERS = 3;
/** How far each stacked marker moves from the one before it, px. */
export const MARKER_STEP_PX = 9;

/**
 * Where each breakdown's marker sits: its percentage along the run, and how far (px) it is moved
 * so that markers sharing a half-percent slot do not hide one another: towards the middle of the
 * run (right in the first half, left in the second), at most MAX_STACKED_MARKERS side by side. A
 * synthetic exercise with a thousand breakdowns piled dozens into one slot and pushed markers past
 * the page's right edge; the rest now overlap the last shown, and stay one Tab stop each.
 */
export function markerPlaces(breakdowns: readonly { t: number }[], durationS: number): { pct: number; stacked: number; offsetPx: number }[] {
  const stack = new Map<number, number>();
  return breakdowns.map((b) => {
    const pct = durationS > 0 ? (b.t / durationS) * 100 : 0;
    const slot = Math.round(pct * 2);
    const n = stack.get(slot) ?? 0;
    stack.set(slot, n + 1);
    const side = pct > 50 ? -1 : 1;
    return { pct, stacked: n, offsetPx: n === 0 ? 0 : side * Math.min(n, MAX_STACKED_MARKERS - 1) * MARKER_STEP_PX };
  });
}

/** Time since the start out of the run's length, "+mm:ss / mm:ss". */
export const elapsedText = (t: number, durationS: number) => `+${mmss(t)} / ${mmss(durationS)}`;
/** What a screen reader says of the scrubber. */
export const scrubberText = (clock: string, t: number, durationS: number, lang: Lang = 'en') =>
  tr(lang, 'app.tl.scrubber', { clock, t: mmss(t), d: mmss(durationS) });

/** Tick spacings a clock reads well at, seconds: 10 s up to 6 h. */
const TICK_STEPS = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600];

/**
 * Clock-time ticks along the scrubber: on round clock times (hh:mm:00, hh:m0:00 …) of the
 * scenario's zone, the smallest spacing that gives at most `maxTicks` of them over the run.
 * `startMs` is the scenario start (UTC ms), `offsetMin` its zone. Labels are "hh:mm" (with
 * seconds only when the spacing is under a minute).
 */
export function timeTicks(startMs: number, offsetMin: number, durationS: number, maxTicks = 8): { t: number; pct: number; label: string }[] {
  if (!(durationS > 0)) return [];
  const step = TICK_STEPS.find((s) => durationS / s <= maxTicks) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  // Seconds of local clock time at the start; ticks fall where local time is a multiple of step.
  const localStart = startMs / 1000 + offsetMin * 60;
  const first = Math.ceil(localStart / step) * step - localStart;
  const out: { t: number; pct: number; label: string }[] = [];
  for (let t = first; t <= durationS + 1e-9; t += step) {
    const iso = new Date((localStart + t) * 1000).toISOString();
    out.push({ t, pct: (t / durationS) * 100, label: step < 60 ? iso.slice(11, 19) : iso.slice(11, 16) });
  }
  return out;
}
