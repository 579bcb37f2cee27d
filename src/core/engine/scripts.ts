/**
 * The scenario's script actions that wait for an event (on:): which of them an event sets off.
 * Each fires once per run; the scheduler logs the firing and queues the action after its delay.
 */
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';
import type { Action } from '../scenario/model';

export type WaitingAction = Action & { on: NonNullable<Action['on']> };

export interface ScriptBook {
  /** "<event>|<unit or *>" for every action waiting on an event, to skip most events at once. */
  readonly listening: ReadonlySet<string>;
  /** Actions waiting on each event, in script order. */
  readonly waitingOn: ReadonlyMap<string, WaitingAction[]>;
  readonly fired: Set<string>;
}

export function scriptBook(script: readonly Action[]): ScriptBook {
  const listening = new Set<string>();
  const waitingOn = new Map<string, WaitingAction[]>();
  for (const a of script) {
    if (!a.on) continue;
    listening.add(`${a.on.event}|${a.on.unit ?? '*'}`);
    const list = waitingOn.get(a.on.event) ?? [];
    list.push(a as WaitingAction);
    waitingOn.set(a.on.event, list);
  }
  return { listening, waitingOn, fired: new Set() };
}

/**
 * The actions this event sets off, in script order, each marked fired. A sensor fires thousands
 * of times: when no action waits for the event on this unit, the script is not looked through.
 */
export function setOff(book: ScriptBook, event: string, unit: string, other?: string, rangeM?: number, area?: string): WaitingAction[] {
  // Most events (a radar detected, a range below) no action waits on at all: no key is made for them.
  if (!book.waitingOn.has(event)) return [];
  if (!book.listening.has(`${event}|${unit}`) && !book.listening.has(`${event}|*`)) return [];
  const out: WaitingAction[] = [];
  for (const a of book.waitingOn.get(event) ?? []) {
    if (a.on.unit && a.on.unit !== unit) continue;
    if (a.on.other && a.on.other !== other) continue;
    if (a.on.area && a.on.area !== area) continue;
    if (event === 'range-below' && (rangeM === undefined || rangeM >= (a.on.rangeM ?? 0))) continue;
    if (book.fired.has(a.id)) continue;
    book.fired.add(a.id);
    out.push(a);
  }
  return out;
}

/** The log's words for an action set off, and the same as data. */
export function firedText(a: WaitingAction, event: string, unit: string, other?: string): { text: string; why: Explanation } {
  const none = explain('ladder.empty');
  const why = explain('ladder.script.fired', {
    action: a.id,
    event,
    unit: unitRef(unit),
    other: other ? explain('ladder.script.other', { other: unitRef(other) }) : none,
    area: a.on.area ? explain('ladder.script.area', { area: a.on.area }) : none,
    after: a.on.afterS ? explain('ladder.script.after', { s: a.on.afterS }) : none,
  });
  return { text: english(why), why };
}
