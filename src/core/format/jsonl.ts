/**
 * The run's log as JSON Lines (`sim --format jsonl`), so emissions, detections and every other
 * entry can be read by other tools. The first line says which run it is; then one log entry a
 * line, in seq order, each with the fields ../shared/contracts.md names (`t`, `kind`, `unit`,
 * `cause`) beside the entry's own fields. Bytes depend only on the run, so two runs compare equal.
 */
import type { Analysis } from '../analysis/report';
import type { LogEntry } from '../log';

/** The unit an entry concerns: the actor, the sender of a transmission, the recipient of a reception. */
export function entryUnit(e: LogEntry): string | null {
  if (e.type === 'transmission') return e.tx.from;
  if (e.type === 'reception' || e.type === 'overheard') return e.result.unit;
  return 'unit' in e && e.unit !== undefined ? e.unit : null;
}

/** A log entry with `kind` and `unit` up front, as each jsonl line and `--log` carry it. */
export function logLine(e: LogEntry): Record<string, unknown> {
  const { seq, t, type, ...rest } = e;
  // The entry's own `unit`, when it has one, is the same value: the key keeps its place up front.
  return Object.assign({ seq, t, kind: type, unit: entryUnit(e), type }, rest);
}

export function formatJsonl(a: Analysis): string {
  const { run } = a;
  const s = run.scenario;
  const header = {
    kind: 'header',
    scenario: s.spec.id,
    account: s.account,
    procedure: s.procedure.id,
    seed: run.seed,
    start: s.spec.start,
    durationS: run.durationS,
    entries: run.log.length,
  };
  const lines = [JSON.stringify(header)];
  for (const e of [...run.log].sort((x, y) => x.seq - y.seq)) lines.push(JSON.stringify(logLine(e)));
  return lines.join('\n') + '\n';
}
