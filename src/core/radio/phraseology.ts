/**
 * PHRASEOLOGY: whether a listener knows the phrases a call uses. A crew knows some vocabularies
 * (CUES, IMO SMCP, ICAO air phraseology, its service's own terms) besides the languages it
 * speaks; the phrases of each are data (a procedure's or a scenario's `phrases:`). A call whose
 * words use a phrase the listener does not know is heard and copied, yet not understood: a cause
 * of its own on the ladder, apart from copy quality and from recognising the addressee.
 *
 * Who answers for it follows the procedure in force: a phrase outside the vocabularies it agrees
 * (CUES: its own and SMCP) is the sender's choice of words; a listener that does not know a phrase
 * of an agreed vocabulary is the listener's gap. The sender can rephrase: the phrasebook gives the
 * phrase in other vocabularies, and the first one both know is used.
 */

/** One phrase of a vocabulary, with what it means and how to say it in others. */
export interface Phrase {
  phrase: string;
  vocabulary: string;
  meaning: string;
  /** The same meaning in other vocabularies (or languages): vocabulary id → words. */
  rephrase: Record<string, string>;
}

/** Everything the ladder needs to judge phrases: the phrasebook and the procedure's agreed vocabularies. */
export interface Phrasebook {
  phrases: readonly Phrase[];
  /** Vocabularies the procedure in force agrees (its language counts too); undefined: it names none. */
  agreed?: readonly string[];
  /** The procedure's id, for words that name it. */
  procedure: string;
}

import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';

/** How a vocabulary is named in causes; any other id is named as itself. */
const VOCABULARY_WORDS: Record<string, string> = {
  cues: 'CUES phraseology',
  smcp: 'IMO SMCP maritime phraseology',
  icao: 'ICAO air phraseology',
  en: 'plain English',
};

export function vocabularyWords(id: string): string {
  return VOCABULARY_WORDS[id] ?? `the "${id}" vocabulary`;
}

/** The same words as data: `vocabularyWords(id)` is its English. */
export function vocabularyWhy(id: string): Explanation {
  return explain('ladder.vocabulary', { id });
}

/**
 * The vocabularies a crew knows: those its file states, plus the languages it speaks at all.
 * undefined when the file states none: such a crew is taken to know every phrase (a model
 * assumption, listed in every output of a run whose phrasebook is not empty).
 */
export function knownVocabularies(vocabularies: readonly string[] | undefined, languages: Record<string, number>): string[] | undefined {
  if (vocabularies === undefined) return undefined;
  return [...new Set([...vocabularies, ...Object.keys(languages).filter((l) => (languages[l] ?? 0) > 0)])];
}

const words = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();

/** The phrases of the phrasebook a text uses, in phrasebook order (whole words, any case). */
export function phrasesUsed(text: string, book: readonly Phrase[]): Phrase[] {
  const said = ` ${words(text)} `;
  return book.filter((p) => {
    const w = words(p.phrase);
    return w !== '' && said.includes(` ${w} `);
  });
}

export interface UnknownPhrase {
  phrase: Phrase;
  /** The unit that answers for it: the sender, or the listener. */
  attributedTo: string;
  /** Whose gap it is, in words for the cause. */
  whose: 'sender' | 'listener';
  cause: string;
  /** The cause as data; `cause` is its English. */
  why: Explanation;
}

/**
 * The first phrase of a call the listener does not know, or null. The body alone is judged: the
 * call format around it (addressee, THIS IS, OVER) is the procedure's own.
 */
export function unknownPhrase(
  body: string,
  sender: string,
  listener: { id: string; vocabularies?: readonly string[] | undefined },
  book: Phrasebook | undefined,
  language: string,
): UnknownPhrase | null {
  if (!book || book.phrases.length === 0 || listener.vocabularies === undefined) return null;
  const knows = new Set(listener.vocabularies);
  const p = phrasesUsed(body, book.phrases).find((x) => !knows.has(x.vocabulary));
  if (!p) return null;
  const agreed = book.agreed === undefined ? undefined : new Set([...book.agreed, language]);
  const listenersGap = agreed !== undefined && agreed.has(p.vocabulary);
  const common = { phrase: p.phrase, vocabulary: vocabularyWhy(p.vocabulary), listener: unitRef(listener.id), procedure: book.procedure };
  const why = listenersGap
    ? explain('ladder.phrase.listeners-gap', common)
    : agreed
      ? explain('ladder.phrase.senders-choice-agreed', { ...common, agreed: [...agreed], sender: unitRef(sender) })
      : explain('ladder.phrase.senders-choice', { ...common, sender: unitRef(sender) });
  return { phrase: p, attributedTo: listenersGap ? listener.id : sender, whose: listenersGap ? 'listener' : 'sender', cause: english(why), why };
}

/**
 * The phrase said again in words the listener knows: the first rephrasing whose vocabulary both
 * sender and listener know (undefined knowledge: knows all), or null when the phrasebook gives none.
 */
export function rephrase(
  body: string,
  phrase: Phrase,
  sender: readonly string[] | undefined,
  listener: readonly string[] | undefined,
): { body: string; vocabulary: string; words: string } | null {
  const knows = (v: readonly string[] | undefined, id: string) => v === undefined || v.includes(id);
  const pick = Object.entries(phrase.rephrase).find(([v]) => knows(sender, v) && knows(listener, v));
  if (!pick) return null;
  const [vocabulary, instead] = pick;
  const at = body.toUpperCase().indexOf(phrase.phrase.toUpperCase());
  const said = at >= 0 ? `${body.slice(0, at)}${instead.toUpperCase()}${body.slice(at + phrase.phrase.length)}` : `${body} ${instead.toUpperCase()}`;
  return { body: said, vocabulary, words: instead.toUpperCase() };
}
