/**
 * Accounts: one file holds every side's version. A disputed fact has one value per account, and
 * the rest of the file refers to it as "$fact-id". Choosing an account substitutes those values,
 * keeping every path (and so every line:col) where it was.
 */
import type { DocPath } from '../yaml-source';

export const DEFAULT_ACCOUNT_KEY = 'default';

export interface FactReference {
  path: DocPath;
  fact: string;
}

const REF = /^\$([a-z0-9][a-z0-9-]*)$/;

export function findFactReferences(value: unknown, path: (string | number)[] = []): FactReference[] {
  if (typeof value === 'string') {
    const m = REF.exec(value);
    return m ? [{ path: [...path], fact: m[1]! }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findFactReferences(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'facts' && path.length === 0 ? [] : findFactReferences(v, [...path, k])));
  }
  return [];
}

/** A deep copy with each "$fact" replaced by its value under the account. */
export function substituteFacts(value: unknown, values: Record<string, unknown>, top = true): unknown {
  if (typeof value === 'string') {
    const m = REF.exec(value);
    return m && Object.hasOwn(values, m[1]!) ? structuredClone(values[m[1]!]) : value;
  }
  if (Array.isArray(value)) return value.map((v) => substituteFacts(v, values, false));
  if (value && typeof value === 'object') {
    // fromEntries defines own properties: a key "__proto__" stays a key for the schema to refuse, not a prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, top && k === 'facts' ? v : substituteFacts(v, values, false)]));
  }
  return value;
}
