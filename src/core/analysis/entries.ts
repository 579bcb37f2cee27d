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
  /** Calls by transmission id, once asked for, and how many transmission and reception entries are in. */
  calls?: { byId: Map<string, Call>; sent: number; heard: number };
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

/** A call as the log tells it: its transmission entry and every reception of it. */
export interface Call {
  /** The transmission entry (the last one where an id comes twice); none where the log has only receptions of it. */
  readonly sent: EntryOf<'transmission'> | undefined;
  /** Its receptions, in log order. */
  readonly heard: readonly EntryOf<'reception'>[];
}

/** The receptions of a call nobody has heard yet, shared: it is never added to. */
const NOBODY: EntryOf<'reception'>[] = [];

interface CallInProgress {
  sent: EntryOf<'transmission'> | undefined;
  heard: EntryOf<'reception'>[];
}

/**
 * The log's calls by transmission id: the same map for every finder that looks calls up by id
 * (the same map each time: do not change it). A call's receptions are kept with it, so the
 * outcomes read them without a second map keyed by id (one look-up for each of 15,000
 * receptions and 15,000 calls at 1,000 units).
 */
export function callsById(log: readonly LogEntry[]): ReadonlyMap<string, Call> {
  const s = sortedLog(log);
  const sent = entriesOf(log, 'transmission');
  const heard = entriesOf(log, 'reception');
  const calls = (s.calls ??= { byId: new Map<string, CallInProgress>(), sent: 0, heard: 0 });
  const byId = calls.byId as Map<string, CallInProgress>;
  for (; calls.sent < sent.length; calls.sent++) {
    const e = sent[calls.sent]!;
    const call = byId.get(e.tx.id);
    if (call) call.sent = e;
    // Most calls are heard once or not at all: the list is made at the first reception, not empty for each call.
    else byId.set(e.tx.id, { sent: e, heard: NOBODY });
  }
  for (; calls.heard < heard.length; calls.heard++) {
    const e = heard[calls.heard]!;
    const call = byId.get(e.tx);
    if (call?.heard === NOBODY) call.heard = [e];
    else if (call) call.heard.push(e);
    else byId.set(e.tx, { sent: undefined, heard: [e] });
  }
  return byId;
}
