/**
 * The human end of a call: how much of it an operator copies, what the addressee sounded like,
 * and whether the operator judged it meant for their unit. Deterministic given its inputs:
 * a poor copy keeps the first words of the addressee (the end is lost first, as with a hull
 * number read last), then the crew's listening expectations ("SOUTH" heard as "COAST") apply.
 */
import { remember } from '../process-cache';

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
 * A call sign, addressee or addressee as heard, as words: `said` is them with one space between
 * (what a clear copy hears), `openings` its first words as said, kept as a poor copy asks for them.
 */
interface Sign {
  readonly words: readonly string[];
  readonly said: string;
  openings?: string[];
  /** Heard by this station: for it, maybe for it, or neither (null), as recogniseAsOwn found. */
  verdicts?: WeakMap<Station, Recognition | null>;
  /** Heard by a listener that knows these stations: whom it took the words for (recogniseAsOther). */
  takenBy?: WeakMap<KnownStations, Recognition>;
}

/**
 * Each sign split once: the same few thousand signs are looked for in every call, and the same
 * addressees are said, and heard, in call after call. Handing back the same `said` string each
 * time also spares the look-up of what was heard from hashing a new string.
 */
const signs = new Map<string, Sign>();
/** Past this many signs the cache starts again rather than grow without end (process-cache.ts). */
const MAX_SIGNS = 50_000;

function signOf(cs: string): Sign {
  const s = signs.get(cs);
  if (s) return s;
  const w = words(cs);
  return remember(signs, cs, { words: w, said: w.join(' ') }, MAX_SIGNS);
}

/** The first n words of a sign as said. */
function openingOf(s: Sign, n: number): string {
  if (n >= s.words.length) return s.said;
  if (!(n > 0)) return '';
  const openings = (s.openings ??= []);
  return (openings[n] ??= s.words.slice(0, n).join(' '));
}

export interface Confusion {
  said: string;
  heard: string;
}

/** What the operator took the addressee to be. A clear copy is verbatim. */
export function heardAddressee(addressee: string, quality: number, confusions: readonly Confusion[]): string {
  const sign = signOf(addressee);
  if (quality >= 1) return sign.said;
  const ws = sign.words;
  // A crew that confuses no words (most) hears the opening as said.
  if (confusions.length === 0) return openingOf(sign, Math.floor(quality * ws.length));
  return confused(ws.slice(0, Math.floor(quality * ws.length)), confusions);
}

/** The words kept, each heard as the crew's listening expectations have it. */
function confused(kept: readonly string[], confusions: readonly Confusion[]): string {
  return kept.map((w) => confusions.find((c) => c.said.toUpperCase() === w)?.heard.toUpperCase() ?? w).join(' ');
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

const NO_SIGNS: readonly string[] = [];

/** One verdict for every call heard as nothing any station is called: it carries nothing of the call. */
const UNRECOGNISED: Recognition = Object.freeze({ kind: 'unrecognised' });

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
  // The other stations are only needed when the call was not for me: a thousand-unit exercise
  // should not list them for every call that plainly names its addressee.
  return recogniseAsOwn(heard, me) ?? recogniseAsOther(heard, typeof others === 'function' ? others() : others);
}

/** recognise's first half: for me, maybe for me, or heard as no words at all; undefined when the other stations decide. */
export function recogniseAsOwn(heard: string, me: Station): Recognition | undefined {
  const h = signOf(heard);
  if (h.words.length === 0) return UNRECOGNISED;
  // A station hears the same few addressees call after call, and its call signs are its own for
  // the run (the engine's are frozen): its verdict on words it heard before is the one it gave.
  const verdicts = (h.verdicts ??= new WeakMap());
  let v = verdicts.get(me);
  if (v === undefined) verdicts.set(me, (v = ownVerdict(h, me) ?? null));
  return v ?? undefined;
}

function ownVerdict(h: Sign, me: Station): Recognition | undefined {
  // Counted loops: a station's signs are frozen arrays, and for…of over one makes an object for
  // every step until the function is optimised. This runs at every recipient of every call.
  const own = me.callSigns;
  for (let i = 0; i < own.length; i++) {
    const w = signOf(own[i]!);
    if (containsPhrase(h.words, w.words)) return { kind: 'for-me', matched: w.said };
  }
  const generic = me.generic ?? NO_SIGNS;
  for (let i = 0; i < generic.length; i++) {
    const w = signOf(generic[i]!);
    if (containsPhrase(h.words, w.words)) return { kind: 'maybe-me', matched: w.said };
  }
  return undefined;
}

/** recognise's second half, for words not for me: the station they are taken for, if any. */
export function recogniseAsOther(heard: string, list: readonly Station[] | KnownStations): Recognition {
  const h = signOf(heard);
  if (isStationArray(list)) return forOther(h, list) ?? UNRECOGNISED;
  // A listener's known stations are kept for the run (as its own verdicts are): the same words
  // heard again are taken for the same station.
  const taken = (h.takenBy ??= new WeakMap());
  let v = taken.get(list);
  if (v === undefined) taken.set(list, (v = forOtherIndexed(h, list) ?? forOther(h, list.extra) ?? UNRECOGNISED));
  return v;
}

function isStationArray(list: readonly Station[] | KnownStations): list is readonly Station[] {
  return Array.isArray(list);
}

/** The first of the stations, in order, that the words heard could be taken to be for. */
function forOther(h: Sign, stations: readonly Station[]): Recognition | undefined {
  for (const o of stations) {
    for (const cs of o.callSigns) {
      const r = takenFor(h, o, signOf(cs));
      if (r) return r;
    }
  }
  return undefined;
}

/** The words heard taken to be for the station of this call sign: they contain it, or open as it does (two words or more). */
function takenFor(h: Sign, o: Station, w: Sign): Recognition | undefined {
  if (containsPhrase(h.words, w.words)) return { kind: 'for-other', station: o.id, matched: w.said, heard: w.said };
  const k = sharedOpening(h.words, w.words);
  if (k >= 2) return { kind: 'for-other', station: o.id, matched: w.said, heard: openingOf(h, k) };
  return undefined;
}

/** takenFor's test alone, for the search that only needs to know which sign comes first. */
function isTakenFor(h: readonly string[], w: readonly string[]): boolean {
  return containsPhrase(h, w) || sharedOpening(h, w) >= 2;
}

/** How many words the two open with alike. */
function sharedOpening(h: readonly string[], w: readonly string[]): number {
  let k = 0;
  while (k < h.length && k < w.length && h[k] === w[k]) k++;
  return k;
}

/**
 * Every call sign of a list of stations, in the list's order (station, then its signs), and by
 * first word: a call sign the words heard contain, or open as, starts with one of those words,
 * so only the signs filed under them need a look.
 */
interface SignIndex {
  station: number[];
  signs: Sign[];
  byFirst: Map<string, number[]>;
}

const signIndexes = new WeakMap<readonly Station[], SignIndex>();

function signIndexOf(all: readonly Station[]): SignIndex {
  let ix = signIndexes.get(all);
  if (!ix) {
    ix = { station: [], signs: [], byFirst: new Map() };
    for (let i = 0; i < all.length; i++) {
      for (const cs of all[i]!.callSigns) {
        const sign = signOf(cs);
        const w = sign.words;
        // A sign of no words is never taken for anything.
        if (w.length === 0) continue;
        const at = ix.signs.length;
        ix.station.push(i);
        ix.signs.push(sign);
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
function forOtherIndexed(heard: Sign, known: KnownStations): Recognition | undefined {
  const ix = signIndexOf(known.all);
  const h = heard.words;
  let best = -1;
  for (let i = 0; i < h.length; i++) {
    if (h.indexOf(h[i]!) !== i) continue;
    const list = ix.byFirst.get(h[i]!);
    if (!list) continue;
    for (const at of list) {
      if (best >= 0 && at >= best) break;
      const o = known.all[ix.station[at]!]!;
      if (o.id === known.self) continue;
      if (isTakenFor(h, ix.signs[at]!.words)) {
        best = at;
        break;
      }
    }
  }
  return best < 0 ? undefined : takenFor(heard, known.all[ix.station[best]!]!, ix.signs[best]!);
}
