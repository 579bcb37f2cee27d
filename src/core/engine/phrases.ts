/**
 * What the engine hands the radio ladder and the units about phraseology: the run's phrasebook
 * (the procedure's and the scenario's phrases, and the vocabularies the procedure agrees) and what
 * each crew knows. A run with no phrases judges none, so older scenarios run as before.
 */
import type { Scenario } from '../scenario/model';
import { knownVocabularies, type Phrasebook } from '../radio/phraseology';

export function phrasebookOf(s: Scenario): { phrasebook?: Phrasebook } {
  const p = s.procedure;
  if (p.phrases.length === 0) return {};
  return { phrasebook: { phrases: p.phrases, procedure: p.id, ...(p.vocabularies ? { agreed: p.vocabularies } : {}) } };
}

/** Known vocabularies (languages included) of the units whose file states them; undefined when none does. */
export function vocabulariesOf(s: Scenario): Readonly<Record<string, string[]>> | undefined {
  const out: Record<string, string[]> = {};
  for (const u of s.units) {
    const v = knownVocabularies(u.crew.vocabularies, u.crew.languages);
    if (v) out[u.id] = v;
  }
  return Object.keys(out).length ? Object.freeze(out) : undefined;
}
