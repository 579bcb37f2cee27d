/**
 * The triggers panel as data: each trigger's and rule's status and its words, where it is written,
 * and which are listed under the "only those that never fired" filter, with the summary line.
 * Pure: ./triggers-panel.ts puts it on screen.
 */
import type { TriggerReport } from '../../core/analysis/triggers';
import type { Analysis } from '../../core/analysis/report';
import type { SourceDoc } from '../../core/yaml-source';

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

const times = (n: number) => `${n}×`;

export function statusText(a: Analysis, r: TriggerReport): string {
  const st = triggerStatus(a, r);
  if (st === 'broken') return `broken ${times(r.fired.length)}`;
  if (st === 'kept') return 'never broken';
  const parts: string[] = [];
  if (r.fired.length) parts.push(`fired ${times(r.fired.length)}`);
  if (r.notFollowed.length) parts.push(`not followed ${times(r.notFollowed.length)}`);
  return parts.join(', ') || 'never fired';
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
export function triggersView(a: Analysis, reports: readonly TriggerReport[], onlyNever: boolean): TriggersView {
  const shown = onlyNever ? reports.filter((r) => ['never', 'not-followed'].includes(triggerStatus(a, r))) : reports;
  const never = reports.filter((r) => triggerStatus(a, r) === 'never').length;
  const fired = reports.filter((r) => r.fired.length > 0 && !isAvoid(a, r)).length;
  const nScripts = reports.filter((r) => r.kind === 'script').length;
  const nRules = reports.length - nScripts;
  return {
    summary: `${nScripts} scripted trigger${nScripts === 1 ? '' : 's'} and ${nRules} rule${nRules === 1 ? '' : 's'}: ${fired} fired, ${never} never fired`,
    scripts: shown.filter((r) => r.kind === 'script'),
    rules: shown.filter((r) => r.kind === 'rule'),
    noScripts: nScripts
      ? 'Every scripted trigger fired.'
      : 'No script action in this scenario waits for an event ("on:"); timed actions ("at:") are in the log.',
    noRules: onlyNever && reports.some((r) => r.kind === 'rule') ? 'Every rule fired.' : 'This procedure has no rules.',
  };
}
