/**
 * A message that said too little: the engine logged the sender's shortfall against the content
 * rule when the message went out (engine judgeContent). Each recipient that got the message as far
 * as it needed then could not act on it: its outcome fails at acted-on, for the rule's cause, and
 * the failure is the sender's, not the recipient's.
 */
import type { Run } from '../engine/engine';
import type { EntryOf } from '../log';
import type { Outcome } from './outcomes';
import { isExplanation, type Explanation } from '../explain';
import { entriesOf } from './entries';

/** Shortfalls by transmission id: the content rule and the words of its cause. */
export function contentShortfalls(run: Run): Map<string, EntryOf<'decision'>> {
  const contentRules = new Set(run.scenario.procedure.rules.filter((r) => r.type === 'content').map((r) => r.qid));
  const out = new Map<string, EntryOf<'decision'>>();
  if (!contentRules.size) return out;
  for (const e of entriesOf(run.log, 'decision'))
    if (e.decision === 'omitted' && e.rule && contentRules.has(e.rule) && e.cause.kind === 'message' && !out.has(e.cause.ref)) out.set(e.cause.ref, e);
  return out;
}

/** The reason without the transmission id the log adds: "the notice named no area". */
const causeOf = (d: EntryOf<'decision'>) => d.reason.replace(/ \([^()]*\)$/, '');

/** The same as data: the engine logs the verdict inside `ladder.with-tx` (the reason and the transmission id). */
function whyOf(d: EntryOf<'decision'>): Explanation | undefined {
  const inner = d.why?.code === 'ladder.with-tx' ? d.why.params.reason : undefined;
  return isExplanation(inner) ? inner : undefined;
}

/** Outcomes with the senders' shortfalls applied; the others as they were. */
export function withContent(run: Run, outs: Outcome[]): Outcome[] {
  const short = contentShortfalls(run);
  if (!short.size) return outs;
  return outs.map((o) => {
    const d = short.get(o.tx.id);
    // A message that failed earlier on the ladder failed there: the recipient never had it to act on.
    if (!d || o.failedAt !== null) return o;
    const why = whyOf(d);
    return { ...o, failedAt: 'acted-on' as const, cause: causeOf(d), ...(why ? { why } : {}), attributedTo: o.tx.from, rule: d.rule! };
  });
}
