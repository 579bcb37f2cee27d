/**
 * Source ids resolved to their entries. The entries are the core's generated copy of
 * sources/sources.yaml (data.ts), so the CLI, the app and the debriefs resolve the same way
 * without reading a file.
 */
import { SOURCES } from './data';
import { editDistance } from '../yaml-source';
import { byNatural } from '../order';
import { urlsOf, type SourceEntry } from './entry';

const BY_ID: ReadonlyMap<string, SourceEntry> = new Map(SOURCES.map((e) => [e.id, e]));

export const SOURCES_DOC = 'docs/sources.md';
export const SOURCES_FILE = 'sources/sources.yaml';

export function sourceEntry(id: string): SourceEntry | undefined {
  return BY_ID.get(id);
}

export function knownSourceIds(): string[] {
  return [...BY_ID.keys()];
}

/** Known ids one edit away (a digit dropped, doubled or swapped), closest first. */
export function closeSourceIds(id: string): string[] {
  return knownSourceIds()
    .map((k) => ({ k, d: editDistance(id, k) }))
    .filter((x) => x.d === 1)
    .sort((a, b) => byNatural(a.k, b.k))
    .map((x) => x.k);
}

/** Ids in index order (S2 before S10), each once. */
export function sortSourceIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(byNatural);
}

/** "Japan Ministry of Defense, 2018-12-25: Press release …" — the words a reader needs to find it. */
export function citationText(e: SourceEntry): string {
  const who = [e.publisher, e.date].filter(Boolean).join(', ');
  const marks = [e.reliability && e.reliability !== 'primary' ? e.reliability : '', e.note ?? ''].filter(Boolean).join('; ');
  return `${who ? `${who}: ` : ''}${e.title}${marks ? ` (${marks})` : ''}`;
}

/** The first address, or none for a source the brief cites without one. */
export function primaryUrl(e: SourceEntry): string | undefined {
  return urlsOf(e)[0];
}

export { urlsOf, type SourceEntry };
