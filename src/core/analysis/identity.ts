/**
 * Breakdowns of who a call was from and who it was for, read from the log: a listener that put
 * an unidentified call to the wrong unit (misattribution), a threat-class call nobody could put
 * to anyone (unattributed threat), and a unit that took a call by description for itself when
 * the caller meant another. Each is a breakdown at `understood`: the words came through, whom
 * they were from or for did not. A meant unit that did not recognise itself in a description is
 * the ladder's own breakdown at `understood` (cause: the description did not fit).
 */
import type { Run } from '../engine/engine';
import type { EntryOf, Transmission } from '../log';
import { callClass } from '../radio/call-class';
import type { Breakdown } from './breakdown';

type Found = Omit<Breakdown, 'id'>;

export function identityBreakdowns(run: Run): Found[] {
  const name = (id: string) => run.scenario.units.find((u) => u.id === id)?.name ?? id;
  const txs = new Map<string, Transmission>();
  const byTx = new Map<string, EntryOf<'attributed'>[]>();
  const out: Found[] = [];
  for (const e of run.log) {
    if (e.type === 'transmission') txs.set(e.tx.id, e.tx);
    else if (e.type === 'attributed') {
      byTx.set(e.tx, [...(byTx.get(e.tx) ?? []), e]);
      const tx = txs.get(e.tx);
      if (tx && e.to !== null && e.to !== tx.from) out.push(misattribution(name, tx, e));
    } else if (e.type === 'reception') {
      const tx = txs.get(e.tx);
      if (tx?.description && tx.to !== 'all' && e.result.unit !== tx.to && e.result.reached === 'understood') out.push(takenByOther(name, tx, e));
    }
  }
  for (const [txId, list] of byTx) {
    const tx = txs.get(txId)!;
    if (callClass(tx) === 'threat' && list.every((e) => e.to === null)) out.push(unattributedThreat(name, tx, list));
  }
  return out;
}

function misattribution(name: (id: string) => string, tx: Transmission, e: EntryOf<'attributed'>): Found {
  const to = e.to!;
  return {
    t: e.t,
    kind: 'ladder',
    unit: e.unit,
    transmission: tx.id,
    stage: 'understood',
    rule: null,
    cause: `misattributed: ${e.unit} put the call to ${to}; it was sent by ${tx.from} (${e.why})`,
    explanation: `${name(e.unit)} made out a ${callClass(tx)}-class call on ${tx.channel} with no "THIS IS" and took it to come from ${name(to)}; it was sent by ${name(tx.from)}. ${name(to)} is held to a call it did not make, and ${name(e.unit)} acts against the wrong station.`,
    units: [e.unit, to, tx.from],
    entry: e.seq,
  };
}

function unattributedThreat(name: (id: string) => string, tx: Transmission, list: EntryOf<'attributed'>[]): Found {
  const last = list[list.length - 1]!;
  const who = list.map((e) => name(e.unit)).join(', ');
  return {
    t: last.t,
    kind: 'ladder',
    unit: tx.from,
    transmission: tx.id,
    stage: 'understood',
    rule: null,
    cause: `unattributed threat: a threat-class call with no "THIS IS" that none of the ${list.length} station(s) that made it out could put to a unit`,
    explanation: `${name(tx.from)} made a threat on ${tx.channel} without identifying itself; ${who} made it out but could put it to nobody, so nobody could be asked to explain it.`,
    units: [tx.from, ...list.map((e) => e.unit)],
    entry: last.seq,
  };
}

function takenByOther(name: (id: string) => string, tx: Transmission, e: EntryOf<'reception'>): Found {
  const why = e.result.evidence.described ?? 'the description fitted it';
  return {
    t: e.t,
    kind: 'ladder',
    unit: e.result.unit,
    transmission: tx.id,
    stage: 'understood',
    rule: null,
    cause: `took a call by description meant for ${tx.to} for itself: ${why}`,
    explanation: `${name(tx.from)} called "${tx.addressee}" on ${tx.channel}, meaning ${name(tx.to)}; ${name(e.result.unit)} took it for itself (${why}), so its answer may be taken for ${name(tx.to)}'s.`,
    units: [e.result.unit, tx.to, tx.from],
    entry: e.seq,
  };
}
