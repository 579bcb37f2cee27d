/**
 * Explanations as data. Every cause and finding the core produces is a message code with
 * parameters; the words live in src/i18n, one catalog per language. The core keeps an English
 * rendering beside each (the JSON report's `cause` and `explanation` stay English by contract),
 * but no view reads those sentences: it reads the code and the parameters.
 */

import { remember } from './process-cache';

/**
 * A unit named in an explanation: rendered as its name in the reader's language (its id only where
 * the reader's context does not know the unit). Every unit an explanation speaks of is one of these,
 * never a plain string: a class reads names, not a file's ids.
 */
export interface UnitRef {
  unit: string;
}

/**
 * The reference to a unit, one for each unit id: explanations name the same units over and over,
 * and a reference made for each mention left 43,600 `{ unit }` objects after the 1,000-unit hour
 * for its 1,000 units. Frozen, since it is shared.
 */
const unitRefs = new Map<string, UnitRef>();
/**
 * Ten scenarios at the unit limit; past it the references start again (process-cache.ts). Nothing
 * compares references by identity, so a new one for an id is the same reference to every reader.
 */
const MAX_UNIT_REFS = 50_000;

export function unitRef(id: string): UnitRef {
  return unitRefs.get(id) ?? remember(unitRefs, id, Object.freeze({ unit: id }), MAX_UNIT_REFS);
}

export type ParamValue = string | number | boolean | null | UnitRef | Explanation | readonly ParamValue[];

export interface Explanation {
  /** A key of the message catalogs (src/i18n/messages), `<area>.<name>`. */
  code: string;
  params: Record<string, ParamValue>;
}

export function explain(code: string, params: Record<string, ParamValue> = {}): Explanation {
  return { code, params };
}

export function isExplanation(v: unknown): v is Explanation {
  return typeof v === 'object' && v !== null && typeof (v as Explanation).code === 'string' && typeof (v as Explanation).params === 'object';
}

export function isUnitRef(v: unknown): v is UnitRef {
  return typeof v === 'object' && v !== null && typeof (v as UnitRef).unit === 'string' && !('code' in v);
}
