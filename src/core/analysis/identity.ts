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
import { explain, unitRef } from '../explain';
import { english, type SayContext } from '../../i18n';
import { callsById, entriesOf } from './entries';
import { unitsContext } from '../format/words';

type Found = Omit<Breakdown, 'id'>;

const unit = unitRef;

export function identityBreakdowns(run: Run): Found[] {
  // The analysis's one context for unit names (see namesOf in breakdowns.ts).
  const name = unitsContext(run.scenario.units);
  // The engine logs a call before anything heard of it, so every call is looked up among all.
  const calls = callsById(run.log);
  const txOf = (e: { tx: string }) => calls.get(e.tx)?.sent?.tx;
  const byTx = new Map<string, EntryOf<'attributed'>[]>();
  const out: Found[] = [];
  for (const e of entriesOf(run.log, 'attributed')) {
    const list = byTx.get(e.tx);
    if (list) list.push(e);
    else byTx.set(e.tx, [e]);
    const tx = txOf(e);
    if (tx && e.to !== null && e.to !== tx.from) out.push(misattribution(name, tx, e));
  }
  // A counted loop over every reception (15,000 at 1,000 units), the call looked up only for one understood.
  const receptions = entriesOf(run.log, 'reception');
  for (let i = 0; i < receptions.length; i++) {
    const e = receptions[i]!;
    if (e.result.reached !== 'understood') continue;
    const tx = txOf(e);
    if (tx?.description && tx.to !== 'all' && e.result.unit !== tx.to) out.push(takenByOther(name, tx, e));
  }
  for (const [txId, list] of byTx) {
    const tx = calls.get(txId)!.sent!.tx;
    if (callClass(tx) === 'threat' && list.every((e) => e.to === null)) out.push(unattributedThreat(name, tx, list));
  }
  return out;
}

function misattribution(name: SayContext, tx: Transmission, e: EntryOf<'attributed'>): Found {
  const to = e.to!;
  const cause = explain('ladder.identity.misattributed.cause', { unit: unit(e.unit), to: unit(to), from: unit(tx.from), why: e.explanation ?? e.why });
  const why = explain('ladder.identity.misattributed', { unit: unit(e.unit), class: callClass(tx), channel: tx.channel, to: unit(to), from: unit(tx.from) });
  return {
    t: e.t,
    kind: 'ladder',
    unit: e.unit,
    transmission: tx.id,
    stage: 'understood',
    rule: null,
    cause: english({ ...cause, params: { ...cause.params, why: e.why } }),
    explanation: english(why, name),
    why,
    units: [e.unit, to, tx.from],
    entry: e.seq,
  };
}

function unattributedThreat(name: SayContext, tx: Transmission, list: EntryOf<'attributed'>[]): Found {
  const last = list[list.length - 1]!;
  const why = explain('ladder.identity.unattributed', { from: unit(tx.from), channel: tx.channel, who: list.map((e) => unit(e.unit)) });
  return {
    t: last.t,
    kind: 'ladder',
    unit: tx.from,
    transmission: tx.id,
    stage: 'understood',
    rule: null,
    cause: english(explain('ladder.identity.unattributed.cause', { n: list.length })),
    explanation: english(why, name),
    why,
    units: [tx.from, ...list.map((e) => e.unit)],
    entry: last.seq,
  };
}

function takenByOther(name: SayContext, tx: Transmission, e: EntryOf<'reception'>): Found {
  const fitted = e.result.evidence.described ?? 'the description fitted it';
  const because = e.result.described ?? explain('ladder.description.fitted');
  const why = explain('ladder.identity.taken-by-other', {
    from: unit(tx.from),
    addressee: tx.addressee,
    channel: tx.channel,
    to: unit(tx.to),
    unit: unit(e.result.unit),
    why: because,
  });
  return {
    t: e.t,
    kind: 'ladder',
    unit: e.result.unit,
    transmission: tx.id,
    stage: 'understood',
    rule: null,
    cause: english(explain('ladder.identity.taken-by-other.cause', { to: unit(tx.to), why: fitted })),
    explanation: english({ ...why, params: { ...why.params, why: fitted } }, name),
    why,
    units: [e.result.unit, tx.to, tx.from],
    entry: e.seq,
  };
}
