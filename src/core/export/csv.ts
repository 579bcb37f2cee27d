/**
 * The run as CSV (RFC 4180) for spreadsheets: one table of transmissions (a row per call and
 * recipient, with how far the call got and why it stopped) and one of the event log (a row per
 * entry, its own fields as JSON in the last column). Times are given three ways so a sheet can
 * sort or read them: seconds from the start, the scenario's clock time, and UTC in ISO 8601.
 * Ids are the file's; the words (cause) are in the reader's language.
 */
import type { Analysis } from '../analysis/report';
import type { LadderResult, LogEntry } from '../log';
import { clockTime } from '../format/clock';
import { entryUnit } from '../format/jsonl';
import { explained, sayContextOf } from '../format/words';
import type { Lang } from '../../i18n';

/** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(v: string | number | boolean | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  // CRLF, as RFC 4180 says; spreadsheets on every system read it.
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** UTC time of `t` seconds after the scenario's start, ISO 8601 to the millisecond. */
export function utcAt(start: string, t: number): string {
  return new Date(Date.parse(start) + Math.round(t * 1000)).toISOString();
}

const round = (x: number | undefined, d = 3) => (x === undefined ? '' : Math.round(x * 10 ** d) / 10 ** d);

export const TRANSMISSION_COLUMNS = [
  't_s',
  'clock',
  'utc',
  'tx',
  'from',
  'to',
  'recipient',
  'channel',
  'kind',
  'attempt',
  'exchange',
  'in_reply_to',
  'text',
  'reached',
  'failed_at',
  'cause',
  'heard_as',
  'distance_km',
  'horizon_km',
  'snr_db',
] as const;

/** Transmissions, a row per intended recipient (a call to all stations has one per station). */
export function transmissionsCsv(a: Analysis, lang: Lang = 'en'): string {
  const start = a.run.scenario.spec.start;
  const ctx = sayContextOf(a.run);
  const results = new Map<string, Map<string, LadderResult>>();
  for (const e of a.run.log) {
    if (e.type !== 'reception') continue;
    let m = results.get(e.tx);
    if (!m) results.set(e.tx, (m = new Map()));
    m.set(e.result.unit, e.result);
  }
  const rows: (string | number | boolean | null | undefined)[][] = [];
  for (const e of a.run.log) {
    if (e.type !== 'transmission') continue;
    const tx = e.tx;
    for (const unit of tx.recipients.length ? tx.recipients : ['']) {
      const r = results.get(tx.id)?.get(unit);
      rows.push([
        round(tx.t),
        clockTime(start, tx.t),
        utcAt(start, tx.t),
        tx.id,
        tx.from,
        tx.to,
        unit,
        tx.channel,
        tx.kind,
        tx.attempt,
        tx.exchange,
        tx.inReplyTo,
        tx.text,
        r?.reached ?? '',
        r?.failedAt ?? '',
        r?.cause ? explained(lang, r.why, r.cause, ctx) : '',
        r?.heardAs,
        round(r?.evidence.distanceKm),
        round(r?.evidence.horizonKm),
        round(r?.evidence.snrDb, 1),
      ]);
    }
  }
  return table(TRANSMISSION_COLUMNS, rows);
}

export const LOG_COLUMNS = ['seq', 't_s', 'clock', 'utc', 'kind', 'unit', 'cause_kind', 'cause_ref', 'cause_entry', 'details'] as const;

/** What an entry says beyond the columns every entry has, as JSON. */
function details(e: LogEntry): string {
  const { seq: _seq, t: _t, type: _type, cause: _cause, ...rest } = e;
  return JSON.stringify(rest);
}

/** The event log, a row per entry in order. */
export function logCsv(a: Analysis): string {
  const start = a.run.scenario.spec.start;
  const rows = [...a.run.log]
    .sort((x, y) => x.seq - y.seq)
    .map((e) => [e.seq, round(e.t), clockTime(start, e.t), utcAt(start, e.t), e.type, entryUnit(e), e.cause.kind, e.cause.ref, e.cause.entry, details(e)]);
  return table(LOG_COLUMNS, rows);
}
