/**
 * Take-offs and landings as moments of the run: each is queued at its time and logged
 * (`took-off`, `landed`), so the timeline and the replay show when an aircraft joins the scene
 * and leaves it. Whether it is there at a given moment is scenario/presence.ts's.
 */
import type { EntryOf } from '../log';
import type { Scenario } from '../scenario/model';
import { flightWindow, placeWords, type FlightWindow } from '../scenario/presence';
import { UNNUMBERED, type Job } from './world';

type FlightJob = Extract<Job, { kind: 'flight' }>;

export function flightJobs(s: Scenario): { t: number; job: FlightJob }[] {
  const out: { t: number; job: FlightJob }[] = [];
  for (const u of s.units) {
    const w = flightWindow(u);
    if (u.takeOff) out.push({ t: w.from, job: { kind: 'flight', unit: u.id, what: 'took-off' } });
    if (u.landing) out.push({ t: w.until, job: { kind: 'flight', unit: u.id, what: 'landed' } });
  }
  return out;
}

export function flightEntry(s: Scenario, job: FlightJob, t: number): EntryOf<'took-off'> | EntryOf<'landed'> {
  const u = s.units.find((x) => x.id === job.unit)!;
  const cause = { kind: 'script', ref: job.what === 'took-off' ? 'takeOff' : 'landing' } as const;
  return job.what === 'took-off'
    ? { seq: UNNUMBERED, type: 'took-off', t, unit: u.id, from: placeWords(u.takeOff!.from), cause }
    : { seq: UNNUMBERED, type: 'landed', t, unit: u.id, at: placeWords(u.landing!.at), cause };
}

interface PairLike {
  t: number;
  kind: 'enter' | 'leave' | 'closest';
  groundM: number;
  altitudeM: number;
}

/**
 * An aircraft and a ship's range events as the crews perceive them: only while both are in the
 * scene. An aircraft that takes off already inside the range enters it at take-off; one that
 * lands inside it leaves it then. `at` gives the ground distance and altitude at a moment.
 */
export function whilePresent<E extends PairLike>(
  events: E[],
  window: FlightWindow,
  at: (t: number) => { groundM: number; altitudeM: number },
  make: (t: number, kind: 'enter' | 'leave', g: { groundM: number; altitudeM: number }) => E,
): E[] {
  const inside = (t: number) => {
    let last: E | undefined;
    for (const e of events) if (e.t <= t && e.kind !== 'closest') last = e;
    return last?.kind === 'enter';
  };
  const out = events.filter((e) => e.t >= window.from && e.t < window.until);
  if (window.from > 0 && inside(window.from) && !out.some((e) => e.t === window.from && e.kind === 'enter'))
    out.unshift(make(window.from, 'enter', at(window.from)));
  if (Number.isFinite(window.until) && inside(window.until - 1e-9)) out.push(make(window.until, 'leave', at(window.until)));
  return out;
}
