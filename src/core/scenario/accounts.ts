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
  const out: FactReference[] = [];
  collectReferences(value, [...path], out);
  return out;
}

/**
 * findFactReferences's walk, on one path it extends and shortens as it goes: a 1,000-unit
 * exercise has some 200,000 values, and a path copied for each was most of the walk's time.
 * Only a reference keeps a copy.
 */
function collectReferences(value: unknown, path: (string | number)[], out: FactReference[]): void {
  if (typeof value === 'string') {
    const fact = referencedFact(value);
    if (fact !== undefined) out.push({ path: [...path], fact });
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      collectReferences(value[i], path, out);
      path.pop();
    }
    return;
  }
  if (value && typeof value === 'object') {
    const top = path.length === 0;
    for (const k of Object.keys(value)) {
      if (k === 'facts' && top) continue;
      path.push(k);
      collectReferences((value as Record<string, unknown>)[k], path, out);
      path.pop();
    }
  }
}

/** The fact a "$fact-id" names; undefined for any other text (most start with no "$", so no match is tried). */
function referencedFact(text: string): string | undefined {
  if (text.charCodeAt(0) !== 36) return undefined;
  const m = REF.exec(text);
  return m ? m[1]! : undefined;
}

/** A deep copy with each "$fact" replaced by its value under the account. */
export function substituteFacts(value: unknown, values: Record<string, unknown>, top = true): unknown {
  if (typeof value === 'string') {
    const fact = referencedFact(value);
    return fact !== undefined && Object.hasOwn(values, fact) ? structuredClone(values[fact]) : value;
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = substituteFacts(value[i], values, false);
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      const copy = top && k === 'facts' ? v : substituteFacts(v, values, false);
      // Defined, not assigned: a key "__proto__" stays a key for the schema to refuse, not a prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: copy, writable: true, enumerable: true, configurable: true });
      else out[k] = copy;
    }
    return out;
  }
  return value;
}
