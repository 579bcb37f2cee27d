/**
 * The scenario's clock in the reader's locale. Every time is the scenario's own local time (the
 * offset of its start), never the host's, and its zone stays named (JST/KST): a debrief read in
 * Seoul or Tokyo shows the same times. English keeps the outputs' fixed forms (core/format/clock.ts).
 */
import { clockTime, zoneOf } from '../core/format/clock';
import type { Lang } from './lang';

const TIME: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
const DATE_TIME: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

/** The scenario's local wall time as a Date whose UTC fields read it (formatted with timeZone UTC). */
function local(start: string, t: number): Date {
  return new Date(Date.parse(start) + Math.round(t * 1000) + zoneOf(start).offsetMin * 60_000);
}

/** "14:58:04": the time of day `t` seconds after the start, local to the scenario's zone. */
export function scenarioClock(lang: Lang, start: string, t: number): string {
  if (lang === 'en') return clockTime(start, t);
  const f = (TIME[lang] ??= new Intl.DateTimeFormat(lang, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }));
  return f.format(local(start, t));
}

/** The start of the run, date and time, local to the scenario's zone; English keeps the scenario's ISO words. */
export function scenarioStart(lang: Lang, start: string): string {
  if (lang === 'en') return start;
  const f = (DATE_TIME[lang] ??= new Intl.DateTimeFormat(lang, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }));
  return `${f.format(local(start, 0))} ${zoneOf(start).label}`;
}

/** The zone the scenario's times are in: "JST/KST", "UTC", "UTC-05:00". */
export function scenarioZone(start: string): string {
  return zoneOf(start).label;
}
