import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/core/log';
import { callsById } from '../../src/core/analysis/entries';

// Just the fields callsById reads: a transmission's id, a reception's call.
const sent = (seq: number, id: string) => ({ seq, type: 'transmission', t: seq, tx: { id } }) as unknown as LogEntry;
const heard = (seq: number, tx: string, unit: string) => ({ seq, type: 'reception', t: seq, tx, result: { unit } }) as unknown as LogEntry;

/** What callsById should give for the log as it stands: sent and receptions of each id, in order. */
const expected = (log: LogEntry[]) => {
  const out = new Map<string, { sent: number | undefined; heard: number[] }>();
  for (const e of log) {
    const id = e.type === 'transmission' ? e.tx.id : e.type === 'reception' ? e.tx : undefined;
    if (id === undefined) continue;
    const call = out.get(id) ?? { sent: undefined, heard: [] };
    if (e.type === 'transmission') call.sent = e.seq;
    else call.heard.push(e.seq);
    out.set(id, call);
  }
  return out;
};
const seen = (log: LogEntry[]) => new Map([...callsById(log)].map(([id, c]) => [id, { sent: c.sent?.seq, heard: c.heard.map((e) => e.seq) }]));

describe('callsById', () => {
  it('keeps each call with its last transmission entry and all its receptions in log order, as the log grows', () => {
    const log: LogEntry[] = [sent(0, 'tx-1'), heard(1, 'tx-1', 'a'), sent(2, 'tx-2')];
    expect(seen(log)).toEqual(expected(log));
    // A call heard by a second station, a call heard before its entry, and an id sent twice.
    log.push(heard(3, 'tx-1', 'b'), heard(4, 'tx-3', 'a'), sent(5, 'tx-3'), heard(6, 'tx-2', 'c'), sent(7, 'tx-1'));
    expect(seen(log)).toEqual(expected(log));
    expect(
      callsById(log)
        .get('tx-1')!
        .heard.map((e) => e.seq),
    ).toEqual([1, 3]);
    expect(
      callsById(log)
        .get('tx-2')!
        .heard.map((e) => e.seq),
    ).toEqual([6]);
    expect(callsById(log).get('tx-1')!.sent!.seq).toBe(7);
  });

  it('gives a call nobody heard no receptions, and no other call its receptions', () => {
    const log: LogEntry[] = [sent(0, 'tx-1'), sent(1, 'tx-2'), heard(2, 'tx-2', 'a')];
    expect(callsById(log).get('tx-1')!.heard).toEqual([]);
    log.push(heard(3, 'tx-1', 'b'));
    expect(seen(log)).toEqual(expected(log));
    expect(callsById([sent(0, 'tx-9')]).get('tx-9')!.heard).toEqual([]);
  });
});
