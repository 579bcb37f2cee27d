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
    return m && m[1]! in values ? structuredClone(values[m[1]!]) : value;
  }
  if (Array.isArray(value)) return value.map((v) => substituteFacts(v, values, false));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = top && k === 'facts' ? v : substituteFacts(v, values, false);
    return out;
  }
  return value;
}
