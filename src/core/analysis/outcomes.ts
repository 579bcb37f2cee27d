/**
 * Where each transmission got to, for each intended recipient: the ladder of the reception entry,
 * then acknowledged and acted-on from the replies (or their absence) later in the log.
 */
import { selector } from '../radio/selector';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';
import { LADDER, stageIndex, type EntryOf, type LadderResult, type LogEntry, type Stage, type Transmission } from '../log';
import { byCodePoint, byNatural } from '../order';
import { neededStage } from '../radio/ladder';
import { callsById, entriesOf, type Call } from './entries';

export interface Outcome {
  tx: Transmission;
  unit: string;
  /** Highest stage reached. */
  reached: Stage | null;
  /** First stage not reached, or null when the message got as far as it needed. */
  failedAt: Stage | null;
  cause: string | null;
  /** The cause as data; `cause` is its English rendering. */
  why?: Explanation;
  heardAs?: string;
  ladder: LadderResult;
  /** The last stage this message needs: understood (no reply asked), acknowledged, or acted-on. */
  needed: Stage;
  /** Log seq of the entry that settled the outcome (reception, answer or wait that ran out). */
  settledBy: number;
  settledAt: number;
  reply?: string;
  /** The unit the failure is held against when it is not the recipient's (a sender whose message said too little). */
  attributedTo?: string;
  /** The rule the failure breaks, when one does (a content rule). */
  rule?: string;
}

/**
 * Values by a pair of ids, a map per first id: keys joined into one string for each of some
 * 100,000 reads and writes of a 1,000-unit analysis each cost a new string to hash, where the ids
 * themselves come from the log with their hashes already worked out.
 */
class Pairs<V> {
  private readonly byFirst = new Map<string, Map<string, V>>();

  get(first: string, second: string): V | undefined {
    return this.byFirst.get(first)?.get(second);
  }

  set(first: string, second: string, v: V): void {
    let m = this.byFirst.get(first);
    if (!m) this.byFirst.set(first, (m = new Map()));
    m.set(second, v);
  }

  /** Sets the value unless the pair has one already. */
  setFirst(first: string, second: string, v: V): void {
    let m = this.byFirst.get(first);
    if (!m) this.byFirst.set(first, (m = new Map()));
    if (!m.has(second)) m.set(second, v);
  }
}

export function outcomes(log: readonly LogEntry[]): Outcome[] {
  // By recipient, then transmission id: a recipient's entries about a transmission.
  const answers = new Pairs<EntryOf<'answered'>>();
  const unanswered = new Pairs<EntryOf<'unanswered'>>();
  // For whyNoReply: the first reply by each unit to each call, and the first decision of each
  // unit about each call (a decision that is not "done" or "belief"). Read once instead of
  // searched for each outcome; each map reads one type of entry, so the order between types
  // does not matter.
  const firstReply = new Pairs<EntryOf<'transmission'>>();
  const firstDecision = new Pairs<EntryOf<'decision'>>();
  // Counted loops, not for…of, here and below: this runs once per analysis, much of it before V8
  // optimises it, and each step of an unoptimised for…of makes an object (3 MB at 1,000 units).
  const sent = entriesOf(log, 'transmission');
  for (let i = 0; i < sent.length; i++) {
    const e = sent[i]!;
    if (e.tx.inReplyTo !== undefined) firstReply.setFirst(e.tx.from, e.tx.inReplyTo, e);
  }
  // Calls with their receptions, in log order: a recipient's reception is read from its call's
  // few, where a map by recipient then call took two look-ups for each of some 25,000 recipients
  // (most of whom heard nothing).
  const calls = callsById(log);
  const answered = entriesOf(log, 'answered');
  for (let i = 0; i < answered.length; i++) {
    const e = answered[i]!;
    const prev = answers.get(e.unit, e.tx);
    if (!prev || stageIndex(e.stage) > stageIndex(prev.stage)) answers.set(e.unit, e.tx, e);
  }
  const waits = entriesOf(log, 'unanswered');
  for (let i = 0; i < waits.length; i++) unanswered.set(waits[i]!.unit, waits[i]!.tx, waits[i]!);
  const decisions = entriesOf(log, 'decision');
  for (let i = 0; i < decisions.length; i++) {
    const e = decisions[i]!;
    if (e.decision === 'done' || e.decision === 'belief') continue;
    firstDecision.setFirst(e.unit, e.cause.ref, e);
  }
  const firsts: Firsts = { reply: firstReply, calls, decision: firstDecision };
  const out: Outcome[] = [];
  // In order of time, then transmission id, then recipient: transmissions are put in order once,
  // and each one's recipients among themselves, rather than every outcome against every other
  // (which split transmission ids for the comparison hundreds of thousands of times).
  const inOrder: { tx: Transmission; heard: readonly EntryOf<'reception'>[] }[] = [];
  calls.forEach((c) => {
    // A call nobody has heard yet: still in the air at the end of the run, or out of range of every recipient.
    if (c.sent && c.heard.length) inOrder.push({ tx: c.sent.tx, heard: c.heard });
  });
  inOrder.sort((a, b) => a.tx.t - b.tx.t || byNatural(a.tx.id, b.tx.id));
  for (let k = 0; k < inOrder.length; k++) {
    const tx = inOrder[k]!.tx;
    const got = inOrder[k]!.heard;
    const byUnit = byRecipient(got);
    const first = out.length;
    const recipients = tx.recipients;
    for (let r = 0; r < recipients.length; r++) {
      const unit = recipients[r]!;
      const rec = lastReception(got, byUnit, unit);
      if (!rec) continue; // still in the air at the end of the run, or out of range of a call to all
      const needed = neededStage(tx);
      const ladder = rec.result;
      if (ladder.failedAt) {
        out.push(outcome(tx, unit, ladder, needed, ladder.reached, ladder.failedAt, ladder.cause, ladder.why, rec.seq, rec.t));
        continue;
      }
      if (needed === 'understood') {
        out.push(outcome(tx, unit, ladder, needed, 'understood', null, null, undefined, rec.seq, rec.t));
        continue;
      }
      const ans = answers.get(unit, tx.id);
      if (ans) {
        const done = stageIndex(ans.stage) >= stageIndex(needed);
        const why = done ? undefined : explain('ladder.outcome.not-answered', { unit: unitRef(unit) });
        const o = outcome(
          tx,
          unit,
          ladder,
          needed,
          ans.stage,
          done ? null : LADDER[stageIndex(ans.stage) + 1]!,
          why ? english(why) : null,
          why,
          ans.seq,
          ans.t,
        );
        o.reply = ans.by;
        out.push(o);
        continue;
      }
      const wait = unanswered.get(unit, tx.id);
      const why =
        whyNoReply(tx, unit, firsts) ?? said(wait ? explain('ladder.outcome.no-reply-within', { s: wait.waitedS }) : explain('ladder.outcome.no-reply-by-end'));
      out.push(outcome(tx, unit, ladder, needed, 'understood', 'acknowledged', why.cause, why.why, wait?.seq ?? rec.seq, wait?.t ?? rec.t));
    }
    if (out.length - first > 1) {
      const mine = out.slice(first).sort((a, b) => byCodePoint(a.unit, b.unit));
      for (let i = 0; i < mine.length; i++) out[first + i] = mine[i]!;
    }
  }
  return out;
}

/**
 * A call's last reception by a recipient, from its receptions in log order: read from the end of
 * a short list, or from `byUnit`, a map made for a call many heard (a call to all).
 */
function lastReception(
  got: readonly EntryOf<'reception'>[],
  byUnit: Map<string, EntryOf<'reception'>> | undefined,
  unit: string,
): EntryOf<'reception'> | undefined {
  if (byUnit) return byUnit.get(unit);
  for (let i = got.length - 1; i >= 0; i--) if (got[i]!.result.unit === unit) return got[i];
  return undefined;
}

/** The map lastReception reads for a call with many receptions; none for a few. */
function byRecipient(got: readonly EntryOf<'reception'>[]): Map<string, EntryOf<'reception'>> | undefined {
  if (got.length <= 8) return undefined;
  const byUnit = new Map<string, EntryOf<'reception'>>();
  for (const e of got) byUnit.set(e.result.unit, e);
  return byUnit;
}

/**
 * An outcome, its fields in the order they have always been listed in (reports serialise it).
 * Written out whole for each set of optional fields: an object grown field by field took a new
 * shape at each step, and most of the time of outcomes() at 1,000 units.
 */
function outcome(
  tx: Transmission,
  unit: string,
  ladder: LadderResult,
  needed: Stage,
  reached: Stage | null,
  failedAt: Stage | null,
  cause: string | null,
  why: Explanation | undefined,
  settledBy: number,
  settledAt: number,
): Outcome {
  const heardAs = ladder.heardAs;
  if (heardAs)
    return why
      ? { tx, unit, ladder, needed, heardAs, reached, failedAt, cause, why, settledBy, settledAt }
      : { tx, unit, ladder, needed, heardAs, reached, failedAt, cause, settledBy, settledAt };
  return why
    ? { tx, unit, ladder, needed, reached, failedAt, cause, why, settledBy, settledAt }
    : { tx, unit, ladder, needed, reached, failedAt, cause, settledBy, settledAt };
}

interface Firsts {
  /** By replying unit, then the call replied to. */
  reply: Pairs<EntryOf<'transmission'>>;
  calls: ReadonlyMap<string, Call>;
  /** By deciding unit, then the call decided about. */
  decision: Pairs<EntryOf<'decision'>>;
}

/** The recipient's own record of why it did not answer, or what became of its reply. */
/** An explanation with its English (names no unit by name, so it needs no names to render). */
const said = (why: Explanation) => ({ why, cause: english(why) });

function whyNoReply(tx: Transmission, unit: string, firsts: Firsts): { why: Explanation; cause: string } | undefined {
  const who = unitRef(unit);
  const reply = firsts.reply.get(unit, tx.id);
  if (reply) {
    const rec = firsts.calls.get(reply.tx.id)?.heard[0];
    if (rec?.result.failedAt)
      return said(
        explain('ladder.outcome.reply-lost', {
          unit: who,
          reply: reply.tx.id,
          stage: selector(rec.result.failedAt),
          cause: rec.result.why ?? String(rec.result.cause),
        }),
      );
    return said(explain('ladder.outcome.reply-late', { unit: who, reply: reply.tx.id }));
  }
  const d = firsts.decision.get(unit, tx.id);
  // The decision's reason names units as the plot does: its English is the log's, kept as it was.
  return d ? { why: explain('ladder.outcome.no-answer', { unit: who, reason: d.why ?? d.reason }), cause: `${unit} did not answer: ${d.reason}` } : undefined;
}
