/**
 * A run's log entries sorted by type, each type's in log order: one pass over the log that every
 * finder of the analysis shares. At 1,000 units the log holds some 200,000 entries, half of them
 * detections and most of the rest state changes, which few finders read; the entries lie all over
 * a large heap, so a pass that only looks at each one's type costs tens of milliseconds, and the
 * analysis made a dozen such passes.
 */
import type { EntryOf, LogEntry, LogEntryType } from '../log';

interface Sorted {
  /** How much of the log is sorted in. */
  length: number;
  entries: Map<LogEntryType, LogEntry[]>;
  /** Each sorted entry's index in the log, to put several types back in log order. */
  at: Map<LogEntryType, number[]>;
}

const sortedLogs = new WeakMap<readonly LogEntry[], Sorted>();
const NONE: readonly never[] = [];

function sortedLog(log: readonly LogEntry[]): Sorted {
  let s = sortedLogs.get(log);
  if (!s || s.length > log.length) {
    s = { length: 0, entries: new Map(), at: new Map() };
    sortedLogs.set(log, s);
  }
  // The log only grows: what was added since the last look is sorted in, the rest kept.
  for (let i = s.length; i < log.length; i++) {
    const type = log[i]!.type;
    let entries = s.entries.get(type);
    let at = s.at.get(type);
    if (!entries || !at) {
      s.entries.set(type, (entries = []));
      s.at.set(type, (at = []));
    }
    entries.push(log[i]!);
    at.push(i);
  }
  s.length = log.length;
  return s;
}

/** The log's entries of one type, in log order (the same list each time: do not change it). */
export function entriesOf<T extends LogEntryType>(log: readonly LogEntry[], type: T): readonly EntryOf<T>[] {
  return (sortedLog(log).entries.get(type) ?? NONE) as readonly EntryOf<T>[];
}

/** The log's entries of several types, in log order, for a finder that reads one type in the light of another seen earlier. */
export function entriesOfTypes<T extends LogEntryType>(log: readonly LogEntry[], types: readonly T[]): EntryOf<T>[] {
  const s = sortedLog(log);
  const lists = types.map((t) => ({ entries: s.entries.get(t) ?? NONE, at: s.at.get(t) ?? NONE, next: 0 }));
  const out: EntryOf<T>[] = [];
  for (;;) {
    let first: (typeof lists)[number] | undefined;
    for (const l of lists) if (l.next < l.at.length && (!first || l.at[l.next]! < first.at[first.next]!)) first = l;
    if (!first) return out;
    out.push(first.entries[first.next++] as EntryOf<T>);
  }
}
