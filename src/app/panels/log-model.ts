/**
 * The event log as data: which units and channel each entry is about (for the filters), whether a
 * row passes the filters, the words of the count and the kinds button, and the searches that
 * follow the playhead through a log in time order. Pure: ./log.ts puts it on screen.
 */
import type { Analysis } from '../../core/analysis/report';
import type { LogEntry } from '../../core/log';
import { KINDS, entryKind } from '../words';
import { t, type Lang } from '../../i18n';
import type { EntryKind, Filters } from '../store';

export { KINDS };

type TxInfo = Map<string, { from: string; channel: string }>;

/** Units an entry is about, for the unit filter. */
export function unitsOf(e: LogEntry, txFrom: Map<string, { from: string; channel: string }>): string[] {
  switch (e.type) {
    case 'transmission':
      return [e.tx.from, ...e.tx.recipients, ...(e.tx.to !== 'all' ? [e.tx.to] : [])];
    case 'reception':
    case 'overheard':
      return [e.result.unit, txFrom.get(e.tx)?.from ?? ''];
    case 'answered':
    case 'unanswered':
      return [e.unit, txFrom.get(e.tx)?.from ?? ''];
    case 'attributed':
      return [e.unit, txFrom.get(e.tx)?.from ?? '', ...(e.to ? [e.to] : [])];
    case 'emission':
      return [e.unit, ...(e.target ? [e.target] : [])];
    case 'detection':
      return [e.unit, e.source];
    case 'decision':
      return [e.unit, ...(e.about && e.about !== '*' ? [e.about] : [])];
    case 'judgement':
      return [e.unit, e.about];
    case 'conduct':
      return [e.unit, e.target];
    case 'proximity':
      return [e.unit, e.other];
    case 'state':
    case 'radio-set':
      return [e.unit];
    case 'took-off':
      return [e.unit, e.from];
    case 'landed':
      return [e.unit, e.at];
    case 'note':
      return e.unit ? [e.unit] : [];
  }
}

/** The unit that acted: its nation colours the row. */
export function actorOf(e: LogEntry): string | undefined {
  switch (e.type) {
    case 'transmission':
      return e.tx.from;
    case 'reception':
    case 'overheard':
      return e.result.unit;
    case 'state':
    case 'emission':
    case 'detection':
    case 'answered':
    case 'unanswered':
    case 'attributed':
    case 'decision':
    case 'radio-set':
    case 'proximity':
    case 'judgement':
    case 'conduct':
    case 'note':
    case 'took-off':
    case 'landed':
      return e.unit;
  }
}

/** What the filters look at in an entry. */
export interface RowFacts {
  seq: number;
  t: number;
  kind: EntryKind;
  units: string[];
  channel: string | null;
}

/** Who sent each transmission and on which channel, by its id. */
export const txInfoOf = (a: Analysis): TxInfo => new Map(a.run.transmissions.map((tx) => [tx.id, { from: tx.from, channel: tx.channel }]));

/** The channel an entry is on: a call's, or the call's that it answers or hears; null for others. */
function channelOf(e: LogEntry, txInfo: TxInfo): string | null {
  return e.type === 'transmission'
    ? e.tx.channel
    : e.type === 'reception' || e.type === 'overheard' || e.type === 'answered' || e.type === 'unanswered'
      ? (txInfo.get(e.tx)?.channel ?? null)
      : null;
}

export function rowFacts(e: LogEntry, txInfo: TxInfo): RowFacts {
  return { seq: e.seq, t: e.t, kind: entryKind(e), units: unitsOf(e, txInfo).filter(Boolean), channel: channelOf(e, txInfo) };
}

/** Empty filters mean all. */
export const passes = (r: Omit<RowFacts, 'seq' | 't'>, f: Filters) =>
  (f.units.length === 0 || r.units.some((u) => f.units.includes(u))) &&
  (f.channels.length === 0 || (r.channel !== null && f.channels.includes(r.channel))) &&
  (f.kinds.length === 0 || f.kinds.includes(r.kind));

/**
 * `passes(rowFacts(e, txInfo), f)`, working out only what the filters in force look at: the log
 * filters 100,000 entries without keeping their facts.
 */
export function entryPasses(e: LogEntry, f: Filters, txInfo: TxInfo): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(entryKind(e))) return false;
  if (f.channels.length > 0) {
    const channel = channelOf(e, txInfo);
    if (channel === null || !f.channels.includes(channel)) return false;
  }
  return f.units.length === 0 || unitsOf(e, txInfo).some((u) => !!u && f.units.includes(u));
}

/**
 * Whether an entry has a row in the log: all but decisions that needed no action, which
 * describeEntry leaves without words unless verbose. Known without building the words, which the
 * log builds only for the rows it renders.
 */
export const hasRow = (e: LogEntry) => !(e.type === 'decision' && e.decision === 'none');

export const countText = (shown: number, total: number, lang: Lang = 'en') => t(lang, 'app.log.count', { shown, total });
export const kindsText = (f: Filters, lang: Lang = 'en') =>
  f.kinds.length === 0 ? t(lang, 'app.log.kinds-all') : t(lang, 'app.log.kinds-some', { n: f.kinds.length, total: KINDS.length });

/** The channels the log's rows use, for the channel filter. */
export const channelsOf = (rows: readonly { channel: string | null }[]) =>
  [...new Set(rows.map((r) => r.channel).filter((c): c is string => c !== null))].sort();

/** How many rows have seq <= index, given the rows' seqs in log order (a binary search). */
export function countAtOrBefore(seqs: ArrayLike<number>, index: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid]! <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first row later than t (rows in time order: a binary search); it and those after are 'future'. */
export function firstFuture(rows: readonly { t: number }[], t: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.t > t + 1e-6) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where a key moves the focus among `n` visible rows from `at`; null for other keys. */
export function keyMove(key: string, at: number, n: number): number | null {
  const to =
    key === 'ArrowDown'
      ? at + 1
      : key === 'ArrowUp'
        ? at - 1
        : key === 'PageDown'
          ? at + 10
          : key === 'PageUp'
            ? at - 10
            : key === 'Home'
              ? 0
              : key === 'End'
                ? n - 1
                : null;
  return to === null ? null : Math.max(0, Math.min(n - 1, to));
}
