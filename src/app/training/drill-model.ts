/**
 * The drill tab as data: the units a student can play, the open decision, the feedback on an
 * answer and the summary, all from the store's drill session. No DOM and no run: the store runs
 * the drill (startDrill, answerDrill); drill.ts draws this.
 */
import type { Analysis } from '../../core/analysis/report';
import type { ScoredDecision } from '../../core/drill/drill';
import type { AppState, DrillSession } from '../store';
import { boundBy, unitWords, when } from './shared';

const SITUATIONS: Record<string, string> = {
  'incoming-call': 'A call for you',
  'call-not-made-out': 'A call you could not make out',
  'safety-concern': 'Your safety is at risk',
  'state-activity': 'Say what you are doing?',
  report: 'Report to headquarters?',
  'unanswered-call': 'Your call goes unanswered',
  headquarters: 'Headquarters decision',
};

/** The situation in words; an unknown one as it comes. */
export function situationWords(id: string): string {
  return SITUATIONS[id] ?? id.replace(/-/g, ' ');
}

export const optionLabel = (d: ScoredDecision, id: string) => d.options.find((o) => o.id === id)?.label ?? id;

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Setup: the units the procedure binds (the ones a student can play) and the words above the picker. */
export function setupModel(a: Analysis | null): { units: { id: string; text: string }[]; intro: string } {
  const units = a
    ? a.run.scenario.units.filter((u) => boundBy(a.run.scenario.procedure, u)).map((u) => ({ id: u.id, text: `${unitWords(a, u.id)} — ${u.kind}` }))
    : [];
  if (!a) return { units, intro: '' };
  const sc = a.run.scenario;
  return {
    units,
    intro: units.length
      ? `Play one unit under ${sc.procedure.id}${sc.account ? ` (account ${sc.account})` : ''}. The run stops at every decision the procedure gives your unit: choose what you would do, then read what the procedure asks and why.`
      : `No unit in this scenario is bound by ${sc.procedure.id}, so there is nothing to drill.`,
  };
}

/** Is the drill run the one the main view shows? */
export function drillOnScreen(s: AppState): boolean {
  const r = s.drill?.result;
  return !!r && s.shown?.analysis === s.analysis && s.analysis === r.analysis;
}

/** The line above the drill: who the student plays, under what, and the score so far. */
export function headModel(a: Analysis, d: DrillSession): { who: string; meta: string } {
  const sc = a.run.scenario;
  const score = d.result ? ` · score ${d.result.score.right}/${d.result.score.total}` : '';
  return { who: unitWords(a, d.unit), meta: ` · ${sc.procedure.id}${sc.account ? ` · account ${sc.account}` : ''}${score}` };
}

/** The verdict on the answer just given, or null when no answer is being read. */
export function feedbackModel(a: Analysis, d: DrillSession): { right: boolean; text: string } | null {
  const r = d.result;
  const last = r?.decisions[r.decisions.length - 1];
  if (d.phase !== 'feedback' || !r || !last) return null;
  return { right: last.right, text: ` Decision ${r.decisions.length} at ${when(a, last.t)}: ${last.feedback.replace(/^Right:\s*/, '')}` };
}

export interface DecisionModel {
  heading: string;
  how: string;
  prompt: string;
  /** key: the number key that picks the option ('' past 9). */
  options: { id: string; key: string; label: string }[];
}

/** The open decision: the question, the prompt and the options with their keys. */
export function decisionModel(a: Analysis, d: DrillSession): DecisionModel | null {
  const r = d.result;
  const p = r?.pending;
  if (!r || !p) return null;
  return {
    heading: `Decision ${r.decisions.length + 1} at ${when(a, r.analysis.run.durationS)}: ${situationWords(p.situation)}`,
    how: `What do you do? Press 1–${Math.min(9, p.options.length)} or pick one.`,
    prompt: p.prompt,
    options: p.options.map((o, i) => ({ id: o.id, key: i < 9 ? String(i + 1) : '', label: o.label })),
  };
}

/** The option a number key picks while a decision is open, or null. */
export function optionForKey(d: DrillSession | null, key: string): string | null {
  if (!d || d.phase !== 'decide' || !d.result?.pending || !/^[1-9]$/.test(key)) return null;
  return d.result.pending.options[Number(key) - 1]?.id ?? null;
}

/** After an answer: what was chosen (a wrong answer's feedback says it already) and the way on. */
export function afterModel(d: DrillSession): { chosen: string | null; next: string; hint: string } | null {
  const r = d.result;
  const last = r?.decisions[r.decisions.length - 1];
  if (!r || !last) return null;
  return {
    chosen: last.right ? `You chose: "${optionLabel(last, last.chosen)}".` : null,
    next: `${r.pending ? 'Next decision' : 'See the summary'} ▶`,
    hint: r.pending ? 'Or press Play to watch what follows your answer, up to the next decision.' : 'Or press Play to watch what follows your answer.',
  };
}

export interface SummaryModel {
  heading: string;
  full: boolean;
  madeLine: string;
  decisions: { right: boolean; verdict: string; line: string; prompt: string; chosen: string | null; why: string }[];
  calls: { ok: boolean; time: string; text: string }[];
}

/** The end of the drill: the score, the run the student made, every decision, the calls. */
export function summaryModel(a: Analysis, d: DrillSession): SummaryModel | null {
  const r = d.result;
  if (!r) return null;
  const unit = d.unit;
  const log = r.analysis.run.log;
  // Breakdowns read from one of the student's drill decisions (an answer the procedure did not ask for).
  const own = r.analysis.breakdowns.filter((b) => {
    const e = log[b.entry];
    return e?.type === 'decision' && e.unit === unit && e.drill !== undefined;
  }).length;
  const fromAnswers =
    own === 0
      ? 'none of them from your answers (the drill scores your decisions; the others come from the scenario as scripted and the other units)'
      : `${own} of them straight from your answers`;
  return {
    heading: `Drill finished: ${r.score.right} of ${r.score.total} right`,
    full: r.score.right === r.score.total,
    madeLine: `In the run you made: ${plural(r.analysis.exchangesCompleted, 'exchange')} completed, ${plural(r.analysis.breakdowns.length, 'breakdown')} (listed under Findings), ${fromAnswers}.`,
    decisions: r.decisions.map((x, i) => ({
      right: x.right,
      verdict: x.right ? 'Right' : 'Not what the procedure asks',
      line: ` · decision ${i + 1} at ${when(a, x.t)} · ${situationWords(x.situation)}`,
      prompt: x.prompt,
      chosen: x.right ? `You chose: "${optionLabel(x, x.chosen)}"` : null,
      why: x.feedback,
    })),
    calls: r.analysis.outcomes
      .filter((o) => o.tx.from === unit || o.unit === unit)
      .map((o) => ({
        ok: !o.failedAt,
        time: when(a, o.tx.t),
        text: ` ${unitWords(a, o.tx.from)} → ${unitWords(a, o.unit)} on ${o.tx.channel} (${o.tx.kind}): ${
          o.failedAt ? `reached ${o.reached ?? 'nothing'}, stopped at ${o.failedAt}${o.cause ? ` — ${o.cause}` : ''}` : `got through (${o.reached})`
        }`,
      })),
  };
}
