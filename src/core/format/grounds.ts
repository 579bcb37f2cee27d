/** Words for the facts and assumptions of a run, shared by the text, Markdown and HTML writers. */
import type { Assumption, DisputedFact, Grounds } from '../analysis/assumptions';
import { say, t, type Lang } from '../../i18n';

/** A value as a reader sees it: strings quoted, anything else as compact JSON, with its unit. */
export function valueWords(v: unknown, unit: string | null = null, lang: Lang = 'en'): string {
  const s = typeof v === 'string' ? `"${v}"` : v === undefined ? t(lang, 'analysis.value.none') : JSON.stringify(v);
  return unit ? `${s} ${unit}` : s;
}

/** The account a run is judged under; a run without one uses the scenario's default values. */
export function accountName(g: Grounds, lang: Lang = 'en'): string {
  return g.account ?? t(lang, 'analysis.facts.default-account');
}

/** "jp: S12, S15; rok: S31" — the sources each account cites. */
export function sourcesByAccount(f: DisputedFact): string {
  return Object.entries(f.sources)
    .filter(([, ids]) => ids.length)
    .map(([k, ids]) => `${k}: ${ids.join(', ')}`)
    .join('; ');
}

/** The other accounts' values: `jp "track"`. */
export function otherValues(g: Grounds, f: DisputedFact, lang: Lang = 'en'): string {
  const me = g.account ?? 'default';
  return Object.entries(f.values)
    .filter(([k]) => k !== me)
    .map(([k, v]) => `${k} ${valueWords(v, null, lang)}${f.assumedIn[k] ? t(lang, 'analysis.facts.assumption-mark') : ''}`)
    .join('; ');
}

/** "(assumption: why)" after a value the account does not state, else nothing. The why is the scenario's own words. */
export function assumedWords(f: DisputedFact, lang: Lang = 'en'): string {
  return f.assumed ? t(lang, 'analysis.facts.assumed', { why: f.assumed.trim() }) : '';
}

export const ORIGIN_WORDS: Record<Assumption['origin'], string> = {
  scenario: 'set by the scenario',
  fact: "not stated by the account; the scenario's",
  procedure: 'a parameter no source gives',
  model: "the model's",
};

/** Where an assumption comes from: its id in English (as the outputs have always printed it), else a word in the reader's language. */
export function originWord(origin: Assumption['origin'], lang: Lang): string {
  return lang === 'en' ? origin : t(lang, `analysis.origin.${origin}`);
}

/** What an assumed value is: the model's words in the reader's language, a scenario's label as its author wrote it. */
export function assumptionLabel(x: Assumption, lang: Lang = 'en'): string {
  return lang !== 'en' && x.labelData ? say(lang, x.labelData) : x.label;
}

/** Why the run needed it, likewise. */
export function assumptionWhy(x: Assumption, lang: Lang = 'en'): string {
  return lang !== 'en' && x.whyData ? say(lang, x.whyData) : x.why;
}
