/**
 * The triggers panel as data: each trigger's and rule's status and its words, where it is written,
 * and which are listed under the "only those that never fired" filter, with the summary line.
 * Pure: ./triggers-panel.ts puts it on screen.
 */
import type { TriggerReport } from '../../core/analysis/triggers';
import type { Analysis } from '../../core/analysis/report';
import type { SourceDoc } from '../../core/yaml-source';
import { t, type Lang } from '../../i18n';

const say = (lang: Lang, name: string, params: Record<string, string | number | boolean> = {}) => t(lang, `app-tools.triggers.${name}`, params);

export type Status = 'fired' | 'not-followed' | 'never' | 'kept' | 'broken';

export function isAvoid(a: Analysis, r: TriggerReport): boolean {
  return r.kind === 'rule' && a.run.scenario.procedure.rules.some((x) => x.qid === r.id && x.type === 'avoid');
}

export function triggerStatus(a: Analysis, r: TriggerReport): Status {
  if (isAvoid(a, r)) return r.fired.length ? 'broken' : 'kept';
  if (r.fired.length) return 'fired';
  if (r.notFollowed.length) return 'not-followed';
  return 'never';
}

export function statusText(a: Analysis, r: TriggerReport, lang: Lang = 'en'): string {
  const st = triggerStatus(a, r);
  if (st === 'broken') return say(lang, 'broken', { n: r.fired.length });
  if (st === 'kept') return say(lang, 'never-broken');
  const parts: string[] = [];
  if (r.fired.length) parts.push(say(lang, 'fired', { n: r.fired.length }));
  if (r.notFollowed.length) parts.push(say(lang, 'not-followed', { n: r.notFollowed.length }));
  return parts.join(say(lang, 'sep')) || say(lang, 'never-fired');
}

/** Where a trigger or rule is written: the procedure file and line, or the scenario's script entry. */
export function sourceOf(a: Analysis, r: TriggerReport, scenarioDoc: () => SourceDoc | null): { file: string; line: number } | null {
  if (r.kind === 'rule') {
    const rule = a.run.scenario.procedure.rules.find((x) => x.qid === r.id);
    return rule ? { file: rule.file, line: rule.line } : null;
  }
  const action = a.run.scenario.script.find((x) => x.id === r.id);
  const doc = action ? scenarioDoc() : null;
  return action && doc ? { file: a.run.scenario.file, line: doc.locate(['script', action.index]).line } : null;
}

export interface TriggersView {
  summary: string;
  scripts: TriggerReport[];
  rules: TriggerReport[];
  /** What stands in for an empty list of scripted triggers, and of rules. */
  noScripts: string;
  noRules: string;
}

/** What the panel lists for `reports`; `onlyNever` keeps those that never fired or were not followed. */
export function triggersView(a: Analysis, reports: readonly TriggerReport[], onlyNever: boolean, lang: Lang = 'en'): TriggersView {
  const shown = onlyNever ? reports.filter((r) => ['never', 'not-followed'].includes(triggerStatus(a, r))) : reports;
  const never = reports.filter((r) => triggerStatus(a, r) === 'never').length;
  const fired = reports.filter((r) => r.fired.length > 0 && !isAvoid(a, r)).length;
  const nScripts = reports.filter((r) => r.kind === 'script').length;
  const nRules = reports.length - nScripts;
  return {
    summary: say(lang, 'summary', { scripts: nScripts, rules: nRules, fired, never }),
    scripts: shown.filter((r) => r.kind === 'script'),
    rules: shown.filter((r) => r.kind === 'rule'),
    noScripts: say(lang, nScripts ? 'all-scripts-fired' : 'no-scripts'),
    noRules: say(lang, onlyNever && reports.some((r) => r.kind === 'rule') ? 'all-rules-fired' : 'no-rules'),
  };
}
