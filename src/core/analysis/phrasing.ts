/**
 * What the analysis says about a call that used a phrase its listener did not know: who answers
 * for it (the ladder decided: the sender's choice of words or the listener's gap), and whether the
 * exchange recovered, that is, whether the call said again in other words then got through.
 */
import type { Outcome } from './outcomes';
import type { Scenario } from '../scenario/model';
import { explain, unitRef, type Explanation } from '../explain';
import { groupBy } from '../group-by';

/** The first later call of the same exchange, said again in other words, that got as far as it needed with this recipient. */
export function recoveredBy(o: Outcome, outs: readonly Outcome[]): Outcome | undefined {
  if (o.ladder.evidence.phrase === undefined) return undefined;
  return sameExchange(outs, o).find((x) => x.tx.t > o.tx.t && x.tx.rephrased !== undefined && x.failedAt === null);
}

/**
 * The outcomes of one exchange with one recipient, in their order: gathered once per list of
 * outcomes, as a search of the whole list for every unknown phrase made the analysis quadratic.
 */
const exchanges = new WeakMap<readonly Outcome[], { length: number; byExchange: Map<string, Map<string, Outcome[]>> }>();

function sameExchange(outs: readonly Outcome[], o: Outcome): readonly Outcome[] {
  let kept = exchanges.get(outs);
  // Gathered again if the list has grown since (no caller does so today).
  if (!kept || kept.length !== outs.length) {
    const byExchange = new Map([...groupBy(outs, (x) => x.tx.exchange)].map(([exchange, xs]) => [exchange, groupBy(xs, (x) => x.unit)]));
    exchanges.set(outs, (kept = { length: outs.length, byExchange }));
  }
  return kept.byExchange.get(o.tx.exchange)?.get(o.unit) ?? [];
}

/** The sentences a breakdown at understood for an unknown phrase ends with: who answers for it, and whether the exchange recovered. */
export function phraseWords(o: Outcome, outs: readonly Outcome[]): { blame: Explanation; recovered: Explanation } {
  const none = explain('ladder.empty');
  if (o.ladder.evidence.phrase === undefined) return { blame: none, recovered: none };
  const who = o.ladder.attributedTo;
  const blame =
    who === undefined ? none : explain(who === o.tx.from ? 'ladder.breakdown.phrase.sender' : 'ladder.breakdown.phrase.listener', { unit: unitRef(who) });
  const r = recoveredBy(o, outs);
  return { blame, recovered: r ? explain('ladder.breakdown.phrase.recovered', { tx: r.tx.id }) : none };
}

/**
 * A crew whose file states no vocabularies is taken to know every phrase of the phrasebook: a
 * model assumption, listed only when the run has phrases to judge.
 */
export function vocabularyDefaults(s: Scenario, model: (id: string, value: unknown, unit: string | null, label: string, why: string) => void): void {
  if (s.procedure.phrases.length === 0) return;
  const all = s.units.filter((u) => (u.radios.length > 0 || u.links.length > 0) && u.crew.vocabularies === undefined).map((u) => u.id);
  if (all.length === 0) return;
  model(
    'crewVocabularies',
    all,
    null,
    'Crews taken to know every phrase of the phrasebook (the file states no vocabularies for them)',
    'No source gives it; a crew without `vocabularies:` understands every phrase, so only the crews the file describes can miss one.',
  );
}
