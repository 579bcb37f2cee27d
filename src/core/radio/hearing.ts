/**
 * The human end of a call: how much of it an operator copies, what the addressee sounded like,
 * and whether the operator judged it meant for their unit. Deterministic given its inputs:
 * a poor copy keeps the first words of the addressee (the end is lost first, as with a hull
 * number read last), then the crew's listening expectations ("SOUTH" heard as "COAST") apply.
 */

export interface CopyInputs {
  snrDb: number;
  requiredSnrDb: number;
  clearSnrDb: number;
  /** Listener's proficiency in the message's language, 0..1. */
  proficiency: number;
  /** Proficiency at which language stops limiting the copy. */
  fluentAt?: number;
}

/** Proficiency at which language stops limiting the copy, when the caller gives none [U]. */
export const FLUENT_AT = 0.7;

/** 0..1: 1 is a clear copy. Signal margin and language both limit it. */
export function copyQuality(c: CopyInputs): number {
  const margin = (c.snrDb - c.requiredSnrDb) / Math.max(1e-6, c.clearSnrDb - c.requiredSnrDb);
  const signal = Math.max(0, Math.min(1, margin));
  const language = Math.max(0, Math.min(1, c.proficiency / (c.fluentAt ?? FLUENT_AT)));
  return Math.min(signal, language);
}

export function words(s: string): string[] {
  return s
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Words of each call sign, addressee and addressee as heard, split once: the same few thousand
 * signs are looked for in every call, and the same addressees are said in call after call.
 */
const signWords = new Map<string, readonly string[]>();

function wordsOfSign(cs: string): readonly string[] {
  let w = signWords.get(cs);
  if (!w) {
    w = words(cs);
    signWords.set(cs, w);
  }
  return w;
}

export interface Confusion {
  said: string;
  heard: string;
}

/** What the operator took the addressee to be. A clear copy is verbatim. */
export function heardAddressee(addressee: string, quality: number, confusions: readonly Confusion[]): string {
  const ws = wordsOfSign(addressee);
  if (quality >= 1) return ws.join(' ');
  const kept = ws.slice(0, Math.floor(quality * ws.length));
  const swapped = kept.map((w) => confusions.find((c) => c.said.toUpperCase() === w)?.heard.toUpperCase() ?? w);
  return swapped.join(' ');
}

export interface Station {
  /** Unit id, or a description for stations outside the scenario. */
  id: string;
  callSigns: string[];
  /** Phrases that fit this station among others ("REPUBLIC OF KOREA NAVY SHIP"). */
  generic?: string[];
}

export type Recognition =
  | { kind: 'for-me'; matched: string }
  | { kind: 'for-other'; station: string; matched: string; heard: string }
  | { kind: 'maybe-me'; matched: string }
  | { kind: 'unrecognised' };

function containsPhrase(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The stations a listener knows of, as a thousand-unit exercise keeps them: every unit of the
 * scenario (one list, shared by every listener) but the listener itself, then the listener's
 * own extra ones. Read in that order, it is the same as the array of them.
 */
export interface KnownStations {
  all: readonly Station[];
  self: string;
  extra: readonly Station[];
}

/**
 * Is this call for me? A call is for me if it carries one of my call signs (or my hull number,
 * or my name) as whole words. If instead its opening words are the opening of someone else's
 * call sign, the operator takes it to be for them and stops listening — the December 2018
 * "KOREA COAST" failure. `heard` is what the operator registered.
 */
export function recognise(heard: string, me: Station, others: readonly Station[] | KnownStations | (() => readonly Station[] | KnownStations)): Recognition {
  const h = wordsOfSign(heard);
  if (h.length === 0) return { kind: 'unrecognised' };
  for (const cs of me.callSigns) {
    const w = wordsOfSign(cs);
    if (containsPhrase(h, w)) return { kind: 'for-me', matched: w.join(' ') };
  }
  for (const g of me.generic ?? []) {
    const w = wordsOfSign(g);
    if (containsPhrase(h, w)) return { kind: 'maybe-me', matched: w.join(' ') };
  }
  // The other stations are only needed when the call was not for me: a thousand-unit exercise
  // should not list them for every call that plainly names its addressee.
  const list = typeof others === 'function' ? others() : others;
  if (isStationArray(list)) return forOther(h, list) ?? { kind: 'unrecognised' };
  return forOtherIndexed(h, list) ?? forOther(h, list.extra) ?? { kind: 'unrecognised' };
}

function isStationArray(list: readonly Station[] | KnownStations): list is readonly Station[] {
  return Array.isArray(list);
}

/** The first of the stations, in order, that the words heard could be taken to be for. */
function forOther(h: readonly string[], stations: readonly Station[]): Recognition | undefined {
  for (const o of stations) {
    for (const cs of o.callSigns) {
      const r = takenFor(h, o, wordsOfSign(cs));
      if (r) return r;
    }
  }
  return undefined;
}

/** The words heard taken to be for the station of this call sign: they contain it, or open as it does (two words or more). */
function takenFor(h: readonly string[], o: Station, w: readonly string[]): Recognition | undefined {
  if (containsPhrase(h, w)) return { kind: 'for-other', station: o.id, matched: w.join(' '), heard: w.join(' ') };
  let k = 0;
  while (k < h.length && k < w.length && h[k] === w[k]) k++;
  if (k >= 2) return { kind: 'for-other', station: o.id, matched: w.join(' '), heard: h.slice(0, k).join(' ') };
  return undefined;
}

/**
 * Every call sign of a list of stations, in the list's order (station, then its signs), and by
 * first word: a call sign the words heard contain, or open as, starts with one of those words,
 * so only the signs filed under them need a look.
 */
interface SignIndex {
  station: number[];
  words: (readonly string[])[];
  byFirst: Map<string, number[]>;
}

const signIndexes = new WeakMap<readonly Station[], SignIndex>();

function signIndexOf(all: readonly Station[]): SignIndex {
  let ix = signIndexes.get(all);
  if (!ix) {
    ix = { station: [], words: [], byFirst: new Map() };
    for (let i = 0; i < all.length; i++) {
      for (const cs of all[i]!.callSigns) {
        const w = wordsOfSign(cs);
        // A sign of no words is never taken for anything.
        if (w.length === 0) continue;
        const at = ix.words.length;
        ix.station.push(i);
        ix.words.push(w);
        const list = ix.byFirst.get(w[0]!);
        if (list) list.push(at);
        else ix.byFirst.set(w[0]!, [at]);
      }
    }
    signIndexes.set(all, ix);
  }
  return ix;
}

/** forOther over `all` without the listener itself: the earliest sign, in the list's order, that the words heard are taken for. */
function forOtherIndexed(h: readonly string[], known: KnownStations): Recognition | undefined {
  const ix = signIndexOf(known.all);
  let best = -1;
  for (let i = 0; i < h.length; i++) {
    if (h.indexOf(h[i]!) !== i) continue;
    const list = ix.byFirst.get(h[i]!);
    if (!list) continue;
    for (const at of list) {
      if (best >= 0 && at >= best) break;
      const o = known.all[ix.station[at]!]!;
      if (o.id === known.self) continue;
      if (takenFor(h, o, ix.words[at]!)) {
        best = at;
        break;
      }
    }
  }
  return best < 0 ? undefined : takenFor(h, known.all[ix.station[best]!]!, ix.words[best]!);
}
