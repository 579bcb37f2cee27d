/** Words for the facts and assumptions of a run, shared by the text, Markdown and HTML writers. */
import type { Assumption, DisputedFact, Grounds } from '../analysis/assumptions';

/** A value as a reader sees it: strings quoted, anything else as compact JSON, with its unit. */
export function valueWords(v: unknown, unit: string | null = null): string {
  const s = typeof v === 'string' ? `"${v}"` : v === undefined ? '(none)' : JSON.stringify(v);
  return unit ? `${s} ${unit}` : s;
}

export function accountName(g: Grounds): string {
  return g.account ?? 'default';
}

/** "jp: S12, S15; rok: S31" — the sources each account cites. */
export function sourcesByAccount(f: DisputedFact): string {
  return Object.entries(f.sources)
    .filter(([, ids]) => ids.length)
    .map(([k, ids]) => `${k}: ${ids.join(', ')}`)
    .join('; ');
}

/** The other accounts' values: `jp "track"`. */
export function otherValues(g: Grounds, f: DisputedFact): string {
  const me = accountName(g);
  return Object.entries(f.values)
    .filter(([k]) => k !== me)
    .map(([k, v]) => `${k} ${valueWords(v)}${f.assumedIn[k] ? ' (assumption)' : ''}`)
    .join('; ');
}

/** "(assumption: why)" after a value the account does not state, else nothing. */
export function assumedWords(f: DisputedFact): string {
  return f.assumed ? `(assumption: ${f.assumed.trim()})` : '';
}

export const ORIGIN_WORDS: Record<Assumption['origin'], string> = {
  scenario: 'set by the scenario',
  fact: "not stated by the account; the scenario's",
  procedure: 'a parameter no source gives',
  model: "the model's",
};
