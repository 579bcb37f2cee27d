/**
 * Why did it (not) fire? For every scripted trigger and every procedure rule: when it fired, and
 * if it never did, the condition that held it back — the question authors ask most.
 */
import type { Analysis } from './report';
import type { EntryOf, LogEntry } from '../log';
import type { Action } from '../scenario/load';
import { inScope, isBound } from '../procedure/duties';

export interface Firing {
  t: number;
  entry: number;
  what: string;
}

export interface TriggerReport {
  kind: 'script' | 'rule';
  /** Script action id or rule qid. */
  id: string;
  title: string;
  fired: Firing[];
  /** For a rule: times it asked and was not followed (practice, a drill, or no means). */
  notFollowed: Firing[];
  /** Why it never fired, in words; null when it fired. */
  heldBack: string | null;
}

const is =
  <T extends LogEntry['type']>(type: T) =>
  (e: LogEntry): e is EntryOf<T> =>
    e.type === type;

export function explainTriggers(a: Analysis): TriggerReport[] {
  const { run } = a;
  const log = run.log;
  const out: TriggerReport[] = [];
  for (const action of run.scenario.script.filter((x) => x.on)) {
    const fired = log.filter(is('note')).filter((e) => e.cause.kind === 'script' && e.cause.ref === action.id && e.text.startsWith('trigger of'));
    out.push({
      kind: 'script',
      id: action.id,
      title: `${action.unit}: ${action.do} on ${action.on!.event}`,
      fired: fired.map((e) => ({ t: e.t, entry: e.seq, what: e.text })),
      notFollowed: [],
      heldBack: fired.length ? null : scriptHeldBack(a, action),
    });
  }
  for (const rule of run.scenario.procedure.rules) {
    const ds = log.filter(is('decision')).filter((d) => d.rule === rule.qid);
    const fired = ds.filter((d) => d.decision === 'done');
    const notFollowed = ds.filter((d) => d.decision === 'omitted' || d.decision === 'cannot');
    const waiting = ds.filter((d) => d.decision === 'none');
    let heldBack: string | null = null;
    if (!fired.length && !notFollowed.length)
      heldBack = waiting.length ? waiting.map((d) => `t=${Math.round(d.t)} s ${d.unit}: ${d.reason}`).join('; ') : ruleHeldBack(a, rule);
    if (rule.type === 'avoid') {
      const v = a.breakdowns.filter((b) => b.kind === 'violation' && b.rule === rule.qid);
      out.push({
        kind: 'rule',
        id: rule.qid,
        title: rule.title,
        fired: v.map((b) => ({ t: b.t, entry: b.entry, what: `violated: ${b.cause}` })),
        notFollowed: [],
        heldBack: v.length ? null : 'never broken in this run',
      });
      continue;
    }
    out.push({
      kind: 'rule',
      id: rule.qid,
      title: rule.title,
      fired: fired.map((d) => ({ t: d.t, entry: d.seq, what: `${d.unit}: ${d.reason}` })),
      notFollowed: notFollowed.map((d) => ({ t: d.t, entry: d.seq, what: `${d.unit}: ${d.reason}` })),
      heldBack,
    });
  }
  return out;
}

function scriptHeldBack(a: Analysis, action: Action): string {
  const on = action.on!;
  const log = a.run.log;
  const unit = on.unit ?? action.unit;
  switch (on.event) {
    case 'fire-control-detected': {
      const esm = a.run.scenario.units.find((u) => u.id === unit)?.emitters.some((e) => e.type === 'esm');
      if (!esm) return `${unit} has no ESM receiver, so it can never detect fire-control radar`;
      const any = log.filter(is('detection')).filter((d) => d.unit === unit && d.on);
      return any.length
        ? `${unit} detected radars (${[...new Set(any.map((d) => d.classifiedAs))].join(', ')}) but never one held on it continuously, which is what it reads as fire control`
        : `${unit} detected no radar in this run`;
    }
    case 'radar-detected':
      return `${unit} detected no radar${on.other ? ` from ${on.other}` : ''} in this run`;
    case 'call-received': {
      const got = log.filter(is('reception')).filter((r) => r.result.unit === unit);
      if (!got.length) return `no call was addressed to ${unit}`;
      const best = got.map((r) => r.result.failedAt).filter(Boolean);
      return `calls to ${unit}${on.other ? ` from ${on.other}` : ''} never reached "understood"${best.length ? ` (they stopped at ${[...new Set(best)].join(', ')})` : ''}`;
    }
    case 'report-received':
      return `no report reached ${unit}`;
    case 'range-below': {
      const passes = log
        .filter(is('proximity'))
        .filter((p) => p.closest && ((p.unit === unit && p.other === on.other) || (p.unit === on.other && p.other === unit)));
      if (!passes.length)
        return `${unit} and ${on.other} never closed on each other (closest approaches are computed between aircraft and ships of different nations)`;
      const min = passes.reduce((m, p) => (p.groundM < m.groundM ? p : m));
      return `${unit} and ${on.other} came no closer than ${min.groundM} m (at +${Math.round(min.t)} s); the trigger needs less than ${on.rangeM} m`;
    }
    case 'enters-area':
    case 'leaves-area':
      return `${unit} never ${on.event === 'enters-area' ? 'entered' : 'left'} area ${on.area ?? '(none named)'} while it was in force`;
  }
}

function ruleHeldBack(a: Analysis, rule: Analysis['run']['scenario']['procedure']['rules'][number]): string {
  const units = a.run.scenario.units.filter((u) => (rule.appliesTo as string[]).includes(u.kind) && isBound(u) && inScope(rule, u));
  if (!units.length)
    return `no unit in this scenario is of a kind it applies to (${rule.appliesTo.join(', ')}) and of a service in its scope (${rule.services?.join(', ') ?? 'any service'})`;
  if ('when' in rule) return `none of its events (${(rule.when as string[]).join(', ')}) happened to ${units.map((u) => u.id).join(', ')}`;
  if (rule.type === 'reply') return `no call needing a reply was understood by ${units.map((u) => u.id).join(', ')}`;
  if (rule.type === 'say-again') return 'no call was recognised but not made out';
  if (rule.type === 'clarify') return 'no call used a phrase its listener did not know';
  if (rule.type === 'relay') return 'no headquarters contact reached a headquarters';
  if (rule.type === 'guard') return 'no unit it applies to was bound to guard';
  return 'nothing in this run called for it';
}
