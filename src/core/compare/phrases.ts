/**
 * The sentences a comparison is read out in, shared by the text, Markdown and JSON outputs and the
 * app's compare tab, so a class hears the same words everywhere: what the facts section is (the
 * facts this scenario models, not the whole dispute), where each finding stands, and what it rests on.
 * Each is an explanation (a code and its parameters, src/i18n/messages/debrief.ts); the string
 * functions render it in the reader's language, English by default.
 */
import type { Breakdown } from '../analysis/breakdowns';
import { explain, type Explanation } from '../explain';
import { say, t, type Lang } from '../../i18n';
import type { Comparison, RunSide } from './compare';
import type { Finding } from './findings';
import type { VerdictDifference } from './verdicts';

/** "accounts" when the runs are two accounts; "runs" otherwise (two procedures, two seeds). */
export const what = (c: Comparison) => (c.a.account !== c.b.account ? 'accounts' : 'runs');

/** A side's label ("account jp · procedure practice-2018") in the reader's language. */
export function sideLabel(s: RunSide, lang: Lang = 'en'): string {
  if (lang === 'en' || !s.labelKeys) return s.label;
  const value = { account: s.account ?? t(lang, 'debrief.none'), procedure: s.procedure, seed: s.seed };
  return s.labelKeys.map((k) => t(lang, `debrief.compare.label.${k}`, { v: value[k] })).join(' · ');
}

/** The facts section's heading: the count, and that these are the facts the scenario models. */
export function factsHeadingWhy(c: Comparison): Explanation {
  const n = c.facts.differ.length + c.facts.same;
  if (n === 0) return explain('debrief.compare.facts.none-modelled');
  if (c.facts.differ.length === 0) return explain('debrief.compare.facts.none-differ', { what: what(c), n });
  return explain('debrief.compare.facts.differ', { what: what(c), n: c.facts.differ.length });
}
export const factsHeading = (c: Comparison, lang: Lang = 'en') => say(lang, factsHeadingWhy(c));

/** What follows the facts: those given alike, when any. */
export function factsAlikeWhy(c: Comparison): Explanation | null {
  return c.facts.differ.length && c.facts.same ? explain('debrief.compare.facts.alike', { what: what(c), n: c.facts.same }) : null;
}
export function factsAlike(c: Comparison, lang: Lang = 'en'): string | null {
  const e = factsAlikeWhy(c);
  return e ? say(lang, e) : null;
}

export const notModelledHeadingWhy = (c: Comparison): Explanation =>
  c.notModelled.length ? explain('debrief.compare.not-modelled', { n: c.notModelled.length }) : explain('debrief.compare.not-modelled.none');
export const notModelledHeading = (c: Comparison, lang: Lang = 'en') => say(lang, notModelledHeadingWhy(c));

/** A YAML folded string on one line, without the space its end keeps. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "(assumption: …)" beside a value the scenario supplied for an account that does not state it. */
export const assumption = (why: string | undefined, lang: Lang = 'en') => (why ? t(lang, 'debrief.compare.assumption', { why: oneLine(why) }) : '');

export function presenceWhy(c: Comparison, f: Finding, lang: Lang = 'en'): Explanation {
  switch (f.presence) {
    case 'both':
      return explain('debrief.compare.presence.both', { what: what(c) });
    case 'only-a':
      return explain('debrief.compare.presence.only-a', { label: sideLabel(c.a, lang) });
    case 'only-b':
      return explain('debrief.compare.presence.only-b', { label: sideLabel(c.b, lang) });
  }
}
export const presenceWords = (c: Comparison, f: Finding, lang: Lang = 'en') => say(lang, presenceWhy(c, f, lang));

/** Items one after another, "a; b; c" (a list of clauses, where the plain list says "a, b"). */
export function joined(items: readonly Explanation[]): Explanation {
  return items.slice(1).reduce((a, b) => explain('debrief.join', { a, b }), items[0] ?? explain('debrief.empty'));
}

/** "disputed fact a" or "disputed facts a, b and c". */
export const factList = (ids: readonly string[]): Explanation =>
  explain('debrief.compare.fact-list', { n: ids.length, rest: ids.slice(0, -1), last: ids[ids.length - 1] ?? '' });

/** What a finding rests on; null when the findings were not tested against the facts. */
export function groundsWhy(f: Finding): Explanation | null {
  if (f.restsOn === null) return null;
  const on = f.restsOn;
  switch (f.presence) {
    case 'both': {
      if (!on.length) return explain('debrief.compare.grounds.common');
      const g = f.goesFrom ?? { a: [], b: [] };
      const where = (id: string) =>
        explain(
          g.a.includes(id) && g.b.includes(id)
            ? 'debrief.compare.grounds.goes-either'
            : g.a.includes(id)
              ? 'debrief.compare.grounds.goes-a'
              : 'debrief.compare.grounds.goes-b',
          { id },
        );
      return explain('debrief.compare.grounds.both', { facts: factList(on), each: joined(on.map(where)) });
    }
    case 'only-a':
    case 'only-b': {
      const [here, there] = f.presence === 'only-a' ? ['A', 'B'] : ['B', 'A'];
      return on.length ? explain('debrief.compare.grounds.only', { facts: factList(on), here, there }) : explain('debrief.compare.grounds.only-none', { here });
    }
  }
}
export function groundsWords(f: Finding, lang: Lang = 'en'): string | null {
  const e = groundsWhy(f);
  return e ? say(lang, e) : null;
}

/** The summary line over the findings: how many are agreed, and how many of those rest on a disputed fact. */
export function findingsSummaryWhy(c: Comparison): Explanation {
  const both = c.findings.filter((f) => f.presence === 'both');
  const n = (p: Finding['presence']) => c.findings.filter((f) => f.presence === p).length;
  const common = both.filter((f) => f.restsOn !== null && f.restsOn.length === 0).length;
  const resting = both.filter((f) => f.restsOn !== null && f.restsOn.length > 0).length;
  const params = { both: both.length, what: what(c), a: n('only-a'), b: n('only-b') };
  return c.grounds.asked && both.length ? explain('debrief.compare.summary.split', { ...params, common, resting }) : explain('debrief.compare.summary', params);
}
export const findingsSummary = (c: Comparison, lang: Lang = 'en') => say(lang, findingsSummaryWhy(c));

/** A note on the test of the findings against the facts: why it was not made, or which facts could not be carried across. */
export function groundsNoteWhy(c: Comparison): Explanation | null {
  if (!c.grounds.asked) return c.grounds.because ?? null;
  if (c.grounds.failed.length) return explain('debrief.compare.grounds.failed', { facts: factList(c.grounds.failed) });
  return null;
}
export function groundsNote(c: Comparison, lang: Lang = 'en'): string | null {
  if (!c.grounds.asked && lang === 'en') return c.grounds.why;
  const e = groundsNoteWhy(c);
  return e ? say(lang, e) : null;
}

export function verdictWhy(list: Breakdown[]): Explanation {
  if (!list.length) return explain('debrief.compare.verdict.none');
  const rule = (b: Breakdown) => b.rule ?? explain('debrief.compare.a-rule');
  return joined(
    list.map((b) =>
      b.norm ? explain('debrief.compare.verdict.norm', { rule: rule(b), norm: b.norm }) : explain('debrief.compare.verdict', { rule: rule(b) }),
    ),
  );
}
export const verdictOf = (list: Breakdown[], lang: Lang = 'en') => say(lang, verdictWhy(list));

/** "JMSDF P-1 passed Gwanggaeto the Great at 520 m and 150 m altitude in both runs". */
export function passWords(v: VerdictDifference, name: (id: string) => string, lang: Lang = 'en'): string {
  const p = v.pass;
  return t(lang, 'debrief.compare.pass', { unit: name(p.unit), other: name(p.other), ground: p.groundM, alt: p.altitudeM });
}

export const verdictsHeading = (lang: Lang = 'en') => t(lang, 'debrief.compare.verdicts-heading');
export const VERDICTS_HEADING = 'The sides agree on the numbers and differ on the verdict';
