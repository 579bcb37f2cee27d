/**
 * A run's log entries sorted by type, each type's in log order: one pass over the log that every
 * finder of the analysis shares. At 1,000 units the log holds some 200,000 entries, half of them
 * detections and most of the rest state changes, which few finders read; the entries lie all over
 * a large heap, so a pass that only looks at each one's type costs milliseconds, and the analysis
 * made a dozen such passes.
 */
import type { EntryOf, LogEntry, LogEntryType } from '../log';

/**
 * Types no finder of the analysis reads, two entries in three of a large log: they are sorted out
 * only when asked for, by a pass of their own, rather than copied into lists on every analysis.
 */
const BULK: ReadonlySet<LogEntryType> = new Set<LogEntryType>(['detection', 'state']);

interface Sorted {
  /** How much of the log is sorted in. */
  length: number;
  /** Every type met so far but the bulk ones, and those of them asked for. */
  entries: Map<LogEntryType, LogEntry[]>;
  /** Transmission entries by transmission id, once asked for, and how many of them are in. */
  transmissions?: { byId: Map<string, EntryOf<'transmission'>>; count: number };
}

const sortedLogs = new WeakMap<readonly LogEntry[], Sorted>();
const NONE: readonly never[] = [];

function sortedLog(log: readonly LogEntry[]): Sorted {
  let s = sortedLogs.get(log);
  if (!s || s.length > log.length) {
    s = { length: 0, entries: new Map() };
    sortedLogs.set(log, s);
  }
  // The log only grows: what was added since the last look is sorted in, the rest kept.
  for (let i = s.length; i < log.length; i++) {
    const e = log[i]!;
    const type = e.type;
    let entries = s.entries.get(type);
    if (!entries) {
      if (BULK.has(type)) continue;
      s.entries.set(type, (entries = []));
    }
    entries.push(e);
  }
  s.length = log.length;
  return s;
}

/** The log's entries of one type, in log order (the same list each time: do not change it). */
export function entriesOf<T extends LogEntryType>(log: readonly LogEntry[], type: T): readonly EntryOf<T>[] {
  const s = sortedLog(log);
  let entries = s.entries.get(type);
  if (!entries && BULK.has(type)) {
    entries = [];
    for (let i = 0; i < s.length; i++) if (log[i]!.type === type) entries.push(log[i]!);
    s.entries.set(type, entries);
  }
  return (entries ?? NONE) as readonly EntryOf<T>[];
}

/**
 * The log's transmission entries by transmission id (the last one where an id comes twice): the
 * same map for every finder that looks calls up by id (the same map each time: do not change it).
 */
export function transmissionsById(log: readonly LogEntry[]): ReadonlyMap<string, EntryOf<'transmission'>> {
  const s = sortedLog(log);
  const list = entriesOf(log, 'transmission');
  const txs = (s.transmissions ??= { byId: new Map(), count: 0 });
  for (; txs.count < list.length; txs.count++) txs.byId.set(list[txs.count]!.tx.id, list[txs.count]!);
  return txs.byId;
}
