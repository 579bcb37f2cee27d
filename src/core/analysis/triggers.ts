/**
 * Why did it (not) fire? For every scripted trigger and every procedure rule: when it fired, and
 * if it never did, the condition that held it back — the question authors ask most.
 */
import type { Analysis } from './report';
import type { EntryOf, LogEntry } from '../log';
import type { Action } from '../scenario/load';
import { inScope, isBound } from '../procedure/duties';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';
import { clauses, reasonOf } from './clauses';

const why = (key: string, params: Explanation['params'] = {}) => explain(`analysis.triggers.${key}`, params);

export interface Firing {
  t: number;
  entry: number;
  what: string;
  /** `what` as data, where the analysis wrote it (an engine's note stays its words). */
  why?: Explanation;
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
  /** `heldBack` as data; its English is `heldBack`. */
  heldBackWhy: Explanation | null;
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
      ...heldBack(fired.length ? null : scriptHeldBack(a, action)),
    });
  }
  for (const rule of run.scenario.procedure.rules) {
    const ds = log.filter(is('decision')).filter((d) => d.rule === rule.qid);
    const fired = ds.filter((d) => d.decision === 'done');
    const notFollowed = ds.filter((d) => d.decision === 'omitted' || d.decision === 'cannot');
    const waiting = ds.filter((d) => d.decision === 'none');
    let held: Explanation | null = null;
    // A decision's reason is the engine's English, quoted as the log keeps it.
    if (!fired.length && !notFollowed.length)
      held = waiting.length
        ? clauses(waiting.map((d) => why('waiting', { t: Math.round(d.t), unit: unitRef(d.unit), reason: reasonOf(d) })))
        : ruleHeldBack(a, rule);
    if (rule.type === 'avoid') {
      const v = a.breakdowns.filter((b) => b.kind === 'violation' && b.rule === rule.qid);
      out.push({
        kind: 'rule',
        id: rule.qid,
        title: rule.title,
        fired: v.map((b) => firing(b.t, b.entry, why('violated', { cause: b.cause }))),
        notFollowed: [],
        ...heldBack(v.length ? null : why('never-broken')),
      });
      continue;
    }
    out.push({
      kind: 'rule',
      id: rule.qid,
      title: rule.title,
      fired: fired.map((d) => firing(d.t, d.seq, why('decision', { unit: unitRef(d.unit), reason: reasonOf(d) }))),
      notFollowed: notFollowed.map((d) => firing(d.t, d.seq, why('decision', { unit: unitRef(d.unit), reason: reasonOf(d) }))),
      ...heldBack(held),
    });
  }
  return out;
}

function firing(t: number, entry: number, e: Explanation): Firing {
  return { t, entry, what: english(e), why: e };
}

function heldBack(e: Explanation | null): Pick<TriggerReport, 'heldBack' | 'heldBackWhy'> {
  return { heldBack: e ? english(e) : null, heldBackWhy: e };
}

// Units are named by id here, as an author writes them in the file.
function scriptHeldBack(a: Analysis, action: Action): Explanation {
  const on = action.on!;
  const log = a.run.log;
  const unit = on.unit ?? action.unit;
  const u = unitRef(unit);
  switch (on.event) {
    case 'fire-control-detected': {
      const esm = a.run.scenario.units.find((x) => x.id === unit)?.emitters.some((e) => e.type === 'esm');
      if (!esm) return why('no-esm', { unit: u });
      const any = log.filter(is('detection')).filter((d) => d.unit === unit && d.on);
      return any.length ? why('radars-not-held', { unit: u, types: [...new Set(any.map((d) => d.classifiedAs))] }) : why('no-radar', { unit: u });
    }
    case 'radar-detected':
      return on.other ? why('no-radar-from', { unit: u, other: unitRef(on.other) }) : why('no-radar', { unit: u });
    case 'call-received': {
      const got = log.filter(is('reception')).filter((r) => r.result.unit === unit);
      if (!got.length) return why('no-call', { unit: u });
      const best = [...new Set(got.map((r) => r.result.failedAt).filter((x): x is NonNullable<typeof x> => Boolean(x)))];
      return why(on.other ? 'calls-not-understood-from' : 'calls-not-understood', {
        unit: u,
        ...(on.other ? { other: unitRef(on.other) } : {}),
        stopped: best.length ? why('stopped-at', { stages: best }) : '',
      });
    }
    case 'report-received':
      return why('no-report', { unit: u });
    case 'range-below': {
      const passes = log
        .filter(is('proximity'))
        .filter((p) => p.closest && ((p.unit === unit && p.other === on.other) || (p.unit === on.other && p.other === unit)));
      const other = unitRef(String(on.other));
      if (!passes.length) return why('never-closed', { unit: u, other });
      const min = passes.reduce((m, p) => (p.groundM < m.groundM ? p : m));
      return why('no-closer', { unit: u, other, groundM: min.groundM, at: Math.round(min.t), rangeM: String(on.rangeM) });
    }
    case 'enters-area':
    case 'leaves-area':
      return why(on.event, { unit: u, area: on.area ?? why('no-area') });
  }
}

function ruleHeldBack(a: Analysis, rule: Analysis['run']['scenario']['procedure']['rules'][number]): Explanation {
  const units = a.run.scenario.units.filter((u) => (rule.appliesTo as string[]).includes(u.kind) && isBound(u) && inScope(rule, u));
  const ids = units.map((u) => unitRef(u.id));
  if (!units.length) return why('no-unit', { kinds: [...rule.appliesTo], services: rule.services ? [...rule.services] : why('any-service') });
  if ('when' in rule) return why('no-event', { events: [...(rule.when as string[])], units: ids });
  if (rule.type === 'reply') return why('no-call-to-answer', { units: ids });
  if (rule.type === 'say-again') return why('no-say-again');
  if (rule.type === 'clarify') return why('no-clarify');
  if (rule.type === 'relay') return why('no-relay');
  if (rule.type === 'guard') return why('no-guard');
  return why('not-called');
}
