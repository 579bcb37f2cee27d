/**
 * Conditions a procedure's ladder steps are triggered by: distances between any two units
 * (ship–ship, aircraft–aircraft, not only an aircraft near a ship) and altitudes, combined with
 * `any` (or) and `all` (and). A number may be a procedure parameter's name, so a threshold the
 * sources do not give is a labelled parameter (`known: false`), not a bare number.
 *
 * Evaluation is pure: the caller gives the positions at the moment, and gets back whether the
 * condition held and, for the log, which parts held with their numbers.
 */
import { z } from 'zod';
import { schemaRule } from '../yaml-source';
import { groundDistanceM } from '../geo';
// `unit`: this file's own `unitRef` is the schema of a unit named in a condition.
import { explain, unitRef as unit, type Explanation } from '../explain';

const unitRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .meta({
    id: 'UnitRef',
    description: '"self" (the unit following the ladder), "other" (the unit the ladder is about) or a unit id',
    examples: ['self', 'other'],
  });

const metres = z.union([z.number().positive(), z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, schemaRule('checker.format.parameter-name-range'))]).meta({
  id: 'Metres',
  patternErrorMessage: schemaRule('checker.format.parameter-name-range'),
  description: "Metres, or the name of one of the procedure's parameters that gives them",
  examples: [5556, 'warningRangeM'],
});

const leaf = z
  .union([
    z
      .object({
        within: metres.describe('Ground distance between the two units is less than this'),
        between: z.tuple([unitRef, unitRef]).optional().describe('The two units measured; default ["self", "other"]'),
      })
      .strict(),
    z
      .object({
        beyond: metres.describe('Ground distance between the two units is more than this'),
        between: z.tuple([unitRef, unitRef]).optional().describe('The two units measured; default ["self", "other"]'),
      })
      .strict(),
    z
      .object({
        below: metres.describe('Altitude is less than this'),
        of: unitRef.optional().describe('Whose altitude; default "other"'),
      })
      .strict(),
    z
      .object({
        above: metres.describe('Altitude is more than this'),
        of: unitRef.optional().describe('Whose altitude; default "other"'),
      })
      .strict(),
    z
      .object({
        airborne: z.boolean().describe('true: the unit is an aircraft in flight; false: it is not (a ship, a vessel)'),
        of: unitRef.optional().describe('Which unit; default "other"'),
      })
      .strict(),
  ])
  .meta({ id: 'Measure', description: 'One test: within / beyond (metres between two units), below / above (altitude), airborne' });

const group = (inner: z.ZodType) =>
  z.union([
    z
      .object({ any: z.array(inner).min(1).describe('Holds when one of these holds (or)') })
      .strict()
      .describe('Any of these (or)'),
    z
      .object({ all: z.array(inner).min(1).describe('Holds when every one of these holds (and)') })
      .strict()
      .describe('All of these (and)'),
  ]);

/** A leaf, or `any`/`all` of leaves, nested up to two levels (enough for "inside 3 nm or (below 500 ft and closing)"). */
export const conditionSchema = z.union([leaf, group(z.union([leaf, group(leaf)]))]).meta({
  id: 'Condition',
  description: 'When a step is triggered: within / beyond (metres between two units), below / above (altitude), airborne, any (or), all (and)',
});

export type Condition = z.infer<typeof conditionSchema>;

export interface Place {
  lat: number;
  lon: number;
  altM: number;
}

/** Where the units are now, and the numbers the condition's names stand for. */
export interface ConditionWorld {
  self: string;
  other: string;
  at(unit: string): Place | undefined;
  /** Whether a unit is an aircraft (kinds.ts isAirborne). */
  airborne(unit: string): boolean;
  metres(value: number | string): number | undefined;
}

export interface Verdict {
  holds: boolean;
  /** The parts that decided it, with their numbers: "p3c within 5556 m of ddg (4210 m)". */
  because: string[];
  /** `because` as data, units as refs: the words a reader sees name units, not ids. */
  why: Explanation[];
}

/** One part of a verdict: the engine's English (ids, as its reasons have always read) and its data. */
const part = (holds: boolean, words: string, why: Explanation): Verdict => ({ holds, because: [words], why: [why] });
const joined = (holds: boolean, parts: Verdict[]): Verdict => ({ holds, because: parts.flatMap((p) => p.because), why: parts.flatMap((p) => p.why) });

const refOf = (w: ConditionWorld, r: string) => (r === 'self' ? w.self : r === 'other' ? w.other : r);

type Leaf = Exclude<Condition, { any: unknown } | { all: unknown }>;

/**
 * A test's numbers at this moment and whether it held: the one place a test is decided, so that
 * `holds` (asked for every pair at every sample) and `evaluate` (which words the verdict) agree.
 */
type Measured =
  | { test: 'distance'; holds: boolean; a: string; b: string; limit: number; d: number }
  | { test: 'no-distance'; holds: false; a: string; b: string }
  | { test: 'airborne'; holds: boolean; whose: string; air: boolean }
  | { test: 'altitude'; holds: boolean; whose: string; limit: number; alt: number }
  | { test: 'no-altitude'; holds: false; whose: string };

function measure(c: Leaf, w: ConditionWorld): Measured {
  if ('within' in c || 'beyond' in c) {
    const [ra, rb] = c.between ?? ['self', 'other'];
    const a = refOf(w, ra);
    const b = refOf(w, rb);
    const pa = w.at(a);
    const pb = w.at(b);
    const limit = w.metres('within' in c ? c.within : c.beyond);
    if (!pa || !pb || limit === undefined) return { test: 'no-distance', holds: false, a, b };
    const d = Math.round(groundDistanceM(pa, pb));
    return { test: 'distance', holds: 'within' in c ? d < limit : d > limit, a, b, limit, d };
  }
  const whose = refOf(w, c.of ?? 'other');
  if ('airborne' in c) {
    const air = w.airborne(whose);
    return { test: 'airborne', holds: air === c.airborne, whose, air };
  }
  const p = w.at(whose);
  const limit = w.metres('below' in c ? c.below : c.above);
  if (!p || limit === undefined) return { test: 'no-altitude', holds: false, whose };
  const alt = Math.round(p.altM);
  return { test: 'altitude', holds: 'below' in c ? alt < limit : alt > limit, whose, limit, alt };
}

/** Whether the condition holds now, without the words: what a ladder asks of every pair at every sample. */
export function holds(c: Condition, w: ConditionWorld): boolean {
  if ('any' in c) return (c.any as Condition[]).some((x) => holds(x, w));
  if ('all' in c) return (c.all as Condition[]).every((x) => holds(x, w));
  return measure(c, w).holds;
}

export function evaluate(c: Condition, w: ConditionWorld): Verdict {
  if ('any' in c) {
    const parts = (c.any as Condition[]).map((x) => evaluate(x, w));
    const held = parts.filter((p) => p.holds);
    return held.length ? joined(true, held) : joined(false, parts);
  }
  if ('all' in c) {
    const parts = (c.all as Condition[]).map((x) => evaluate(x, w));
    const failed = parts.filter((p) => !p.holds);
    return failed.length ? joined(false, failed) : joined(true, parts);
  }
  const m = measure(c, w);
  switch (m.test) {
    case 'no-distance':
      return part(false, `no distance between ${m.a} and ${m.b}`, explain('ladder.cond.no-distance', { a: unit(m.a), b: unit(m.b) }));
    case 'distance': {
      const { a, b, limit, d } = m;
      const word = 'within' in c ? (m.holds ? 'within' : 'not within') : m.holds ? 'beyond' : 'not beyond';
      return part(m.holds, `${b} ${word} ${limit} m of ${a} (${d} m)`, explain(`ladder.cond.${word.replace(' ', '-')}`, { a: unit(a), b: unit(b), limit, d }));
    }
    case 'airborne':
      return part(
        m.holds,
        `${m.whose} ${m.air ? 'is' : 'is not'} an aircraft`,
        explain(m.air ? 'ladder.cond.aircraft' : 'ladder.cond.not-aircraft', { unit: unit(m.whose) }),
      );
    case 'no-altitude':
      return part(false, `no altitude for ${m.whose}`, explain('ladder.cond.no-altitude', { unit: unit(m.whose) }));
    case 'altitude': {
      const { whose, limit, alt } = m;
      const word = 'below' in c ? (m.holds ? 'below' : 'not below') : m.holds ? 'above' : 'not above';
      return part(
        m.holds,
        `${whose} ${word} ${limit} m altitude (${alt} m)`,
        explain(`ladder.cond.${word.replace(' ', '-')}`, { unit: unit(whose), limit, alt }),
      );
    }
  }
}

/**
 * A distance between "self" and "other" that the two must be closer than for the condition to
 * hold (the largest `within` every way of holding it needs), or undefined where it may hold at
 * any distance. Lets a ladder pass over the pairs too far apart without measuring them.
 */
export function reachM(c: Condition, metres: (value: number | string) => number | undefined): number | undefined {
  if ('any' in c) {
    let most = 0;
    for (const x of c.any as Condition[]) {
      const r = reachM(x, metres);
      if (r === undefined) return undefined;
      most = Math.max(most, r);
    }
    return most;
  }
  if ('all' in c) {
    let least: number | undefined;
    for (const x of c.all as Condition[]) {
      const r = reachM(x, metres);
      if (r !== undefined && (least === undefined || r < least)) least = r;
    }
    return least;
  }
  if (!('within' in c)) return undefined;
  const [a, b] = c.between ?? ['self', 'other'];
  if (!((a === 'self' && b === 'other') || (a === 'other' && b === 'self'))) return undefined;
  return metres(c.within);
}

/** Every parameter name and unit id a condition refers to, for the checks at load time. */
export function references(c: Condition): { parameters: string[]; units: string[] } {
  if ('any' in c || 'all' in c) {
    const parts = (('any' in c ? c.any : c.all) as Condition[]).map(references);
    return { parameters: parts.flatMap((p) => p.parameters), units: parts.flatMap((p) => p.units) };
  }
  if ('airborne' in c) return { parameters: [], units: c.of && c.of !== 'self' && c.of !== 'other' ? [c.of] : [] };
  const value = 'within' in c ? c.within : 'beyond' in c ? c.beyond : 'below' in c ? c.below : c.above;
  const refs = 'within' in c || 'beyond' in c ? (c.between ?? []) : c.of ? [c.of] : [];
  return { parameters: typeof value === 'string' ? [value] : [], units: refs.filter((r) => r !== 'self' && r !== 'other') };
}

/** The condition in words, for the debrief: "the other unit within 5556 m (warnRangeM) of this unit or …". */
export function conditionWords(c: Condition, value: (name: string) => number | undefined = () => undefined): string {
  const m = (v: number | string) => (typeof v === 'number' ? `${v} m` : value(v) !== undefined ? `${value(v)} m (${v})` : v);
  if ('any' in c) return (c.any as Condition[]).map((x) => conditionWords(x, value)).join(' or ');
  if ('all' in c) return (c.all as Condition[]).map((x) => conditionWords(x, value)).join(' and ');
  if ('within' in c || 'beyond' in c) {
    const [a, b] = c.between ?? ['self', 'other'];
    const what = 'within' in c ? `within ${m(c.within)}` : `beyond ${m(c.beyond)}`;
    return `${b === 'other' ? 'the other unit' : b} ${what} of ${a === 'self' ? 'this unit' : a}`;
  }
  const who = (c.of ?? 'other') === 'other' ? 'the other unit' : c.of === 'self' ? 'this unit' : c.of;
  if ('airborne' in c) return `${who} ${c.airborne ? 'is' : 'is not'} an aircraft`;
  return 'below' in c ? `${who} below ${m(c.below)}` : `${who} above ${m(c.above)}`;
}
