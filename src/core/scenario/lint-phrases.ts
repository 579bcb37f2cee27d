/**
 * Vocabulary names are free text, so a misspelt one would silently make a crew miss every phrase
 * of the vocabulary it meant. A crew's vocabulary (or a phrase's rephrase) that no phrase of the
 * phrasebook uses, that is no well-known vocabulary and no language of the crew, is warned, with
 * the closest name.
 */
import { didYouMean, editDistance, type SourceDoc } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { explain, type Explanation } from '../explain';
import type { Scenario } from './model';

/** Vocabularies a crew may know without the phrasebook listing a phrase of them. */
const WELL_KNOWN = ['cues', 'smcp', 'icao'];

export function lintPhrases(doc: SourceDoc, s: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  const book = s.procedure.phrases;
  const named = new Set([...WELL_KNOWN, ...book.map((p) => p.vocabulary), ...(s.procedure.vocabularies ?? [])]);
  s.units.forEach((u, i) => {
    (u.crew.vocabularies ?? []).forEach((v, vi) => {
      if (named.has(v) || v in u.crew.languages) return;
      out.push(
        doc.diagnostic(
          ['units', i, 'crew', 'vocabularies', vi],
          'warning',
          explain('checker.phrases.unknown-vocabulary', { vocabulary: v, known: WELL_KNOWN, hint: closest(v, [...named]) }),
        ),
      );
    });
  });
  return out;
}

function closest(v: string, names: string[]): Explanation {
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    const d = editDistance(v, n);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return didYouMean(best || undefined);
}
