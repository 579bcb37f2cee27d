/**
 * The drill tab as data: the units a student can play, the open decision, the feedback on an
 * answer and the summary, all from the store's drill session, in the reader's language (`lang`,
 * English by default). No DOM and no run: the store runs the drill (startDrill, answerDrill);
 * drill.ts draws this. The feedback is put together from the decision's fields (what was chosen,
 * what the rule asks, the rule), never from the core's English sentence.
 */
import type { Analysis } from '../../core/analysis/report';
import { breakdownsFromAnswers, type ScoredDecision } from '../../core/drill/drill';
import type { DrillRecord } from '../../core/log';
import type { Lang } from '../../i18n';
import { wordsIn, type Words } from '../said';
import type { AppState, DrillSession } from '../store';
import { boundBy, unitWords, when } from './shared';

const SITUATIONS = new Set(['incoming-call', 'call-not-made-out', 'safety-concern', 'state-activity', 'report', 'unanswered-call', 'headquarters']);

/** The situation in words; an unknown one as it comes. */
export function situationWords(id: string, lang: Lang = 'en'): string {
  return SITUATIONS.has(id) ? wordsIn(lang)(`app-tools.drill.situation.${id}`) : id.replace(/-/g, ' ');
}

/** An option's label (the core's words; a call's text in it stays English). */
const labelOf = (w: Words, d: Pick<DrillRecord, 'options'>, id: string) => {
  const o = d.options.find((x) => x.id === id);
  return o ? w.field(o, 'label') : id;
};

export const optionLabel = (d: ScoredDecision, id: string, lang: Lang = 'en') => labelOf(wordsIn(lang), d, id);

/** What the procedure asks and why, with the rule: the feedback on one answer (`verdict`: a right one says so first). */
function feedbackWords(w: Words, x: ScoredDecision, verdict = false): string {
  const params = { rule: w.field(x, 'ruleText'), cite: x.rule ? w('app-tools.drill.cite', { rule: x.rule }) : '' };
  if (x.chosen === x.correct) return w(verdict ? 'app-tools.drill.feedback.right-verdict' : 'app-tools.drill.feedback.right', params);
  const asks = { ...params, chosen: labelOf(w, x, x.chosen), correct: labelOf(w, x, x.correct) };
  if (!x.options.some((o) => o.id === x.chosen)) return w('app-tools.drill.feedback.not-an-option', { ...asks, chosen: x.chosen });
  return w('app-tools.drill.feedback.wrong', asks);
}

/** Setup: the units the procedure binds (the ones a student can play) and the words above the picker. */
export function setupModel(a: Analysis | null, lang: Lang = 'en'): { units: { id: string; text: string }[]; intro: string } {
  const w = wordsIn(lang, a);
  const units = a
    ? a.run.scenario.units
        .filter((u) => boundBy(a.run.scenario.procedure, u))
        .map((u) => ({
          id: u.id,
          text: w('app-tools.drill.unit-option', { unit: unitWords(a, u.id, w.lang), kind: w.or(`app-tools.kind.${u.kind}`, u.kind) }),
        }))
    : [];
  if (!a) return { units, intro: '' };
  const sc = a.run.scenario;
  const params = { procedure: sc.procedure.id, account: sc.account ?? 'none' };
  return { units, intro: units.length ? w('app-tools.drill.intro', params) : w('app-tools.drill.nothing-to-drill', { procedure: sc.procedure.id }) };
}

/** Is the drill run the one the main view shows? */
export function drillOnScreen(s: AppState): boolean {
  const r = s.drill?.result;
  return !!r && s.shown?.analysis === s.analysis && s.analysis === r.analysis;
}

/** The line above the drill: who the student plays, under what, and the score so far. */
export function headModel(a: Analysis, d: DrillSession, lang: Lang = 'en'): { who: string; meta: string } {
  const w = wordsIn(lang, a);
  const sc = a.run.scenario;
  const meta = w('app-tools.drill.meta', {
    procedure: sc.procedure.id,
    account: sc.account ?? 'none',
    scored: !!d.result,
    right: d.result?.score.right ?? 0,
    total: d.result?.score.total ?? 0,
  });
  return { who: unitWords(a, d.unit, lang), meta };
}

/** The verdict on the answer just given, or null when no answer is being read. */
export function feedbackModel(a: Analysis, d: DrillSession, lang: Lang = 'en'): { right: boolean; verdict: string; text: string } | null {
  const r = d.result;
  const last = r?.decisions[r.decisions.length - 1];
  if (d.phase !== 'feedback' || !r || !last) return null;
  const w = wordsIn(lang, a);
  return {
    right: last.right,
    verdict: w(last.right ? 'app-tools.drill.right' : 'app-tools.drill.wrong'),
    text: w('app-tools.drill.feedback', { n: r.decisions.length, when: when(a, last.t), feedback: feedbackWords(w, last) }),
  };
}

export interface DecisionModel {
  heading: string;
  how: string;
  /** The question the core asks (a call's text in it stays English). */
  prompt: string;
  /** key: the number key that picks the option ('' past 9). */
  options: { id: string; key: string; label: string }[];
}

/** The open decision: the question, the prompt and the options with their keys. */
export function decisionModel(a: Analysis, d: DrillSession, lang: Lang = 'en'): DecisionModel | null {
  const r = d.result;
  const p = r?.pending;
  if (!r || !p) return null;
  const w = wordsIn(lang, a);
  return {
    heading: w('app-tools.drill.decision', {
      n: r.decisions.length + 1,
      when: when(a, r.analysis.run.durationS),
      situation: situationWords(p.situation, lang),
    }),
    how: w('app-tools.drill.how', { last: Math.min(9, p.options.length) }),
    prompt: w.field(p, 'prompt'),
    options: p.options.map((o, i) => ({ id: o.id, key: i < 9 ? String(i + 1) : '', label: w.field(o, 'label') })),
  };
}

/** The option a number key picks while a decision is open, or null. */
export function optionForKey(d: DrillSession | null, key: string): string | null {
  if (!d || d.phase !== 'decide' || !d.result?.pending || !/^[1-9]$/.test(key)) return null;
  return d.result.pending.options[Number(key) - 1]?.id ?? null;
}

/** After an answer: what was chosen (a wrong answer's feedback says it already) and the way on. */
export function afterModel(d: DrillSession, lang: Lang = 'en'): { chosen: string | null; next: string; hint: string } | null {
  const r = d.result;
  const last = r?.decisions[r.decisions.length - 1];
  if (!r || !last) return null;
  const w = wordsIn(lang, r.analysis);
  return {
    chosen: last.right ? w('app-tools.drill.chosen', { option: labelOf(w, last, last.chosen) }) : null,
    next: w(r.pending ? 'app-tools.drill.next-decision' : 'app-tools.drill.see-summary'),
    hint: w(r.pending ? 'app-tools.drill.hint-next' : 'app-tools.drill.hint-last'),
  };
}

export interface SummaryModel {
  heading: string;
  full: boolean;
  madeLine: string;
  /** The ids of the breakdowns that come from the student's answers; null while that is not known. */
  own: string[] | null;
  decisions: { right: boolean; verdict: string; line: string; prompt: string; chosen: string | null; why: string }[];
  calls: { ok: boolean; time: string; text: string }[];
}

/** The end of the drill: the score, the run the student made, every decision, the calls. */
export function summaryModel(a: Analysis, d: DrillSession, lang: Lang = 'en'): SummaryModel | null {
  const r = d.result;
  if (!r) return null;
  const w = wordsIn(lang, r.analysis);
  const unit = d.unit;
  // Which breakdowns are the student's is only known against the run answered as the procedure
  // asks (breakdownsFromAnswers says why); until the store has made it, the line says nothing about it.
  const own = r.pending || !d.followed ? null : breakdownsFromAnswers(r, d.followed);
  const made = { exchanges: r.analysis.exchangesCompleted, breakdowns: r.analysis.breakdowns.length };
  const ownLine = own
    ? w('app-tools.drill.made-own', { ...made, own: own.length, ids: own.map((b) => b.id).join(w('app-tools.drill.id-sep')) })
    : w('app-tools.drill.made', made);
  return {
    heading: w('app-tools.drill.finished', { right: r.score.right, total: r.score.total }),
    full: r.score.right === r.score.total,
    madeLine: ownLine,
    own: own?.map((b) => b.id) ?? null,
    decisions: r.decisions.map((x, i) => ({
      right: x.right,
      verdict: w(x.right ? 'app-tools.drill.verdict-right' : 'app-tools.drill.verdict-wrong'),
      line: w('app-tools.drill.decision-line', { n: i + 1, when: when(a, x.t), situation: situationWords(x.situation, lang) }),
      prompt: w.field(x, 'prompt'),
      chosen: x.right ? w('app-tools.drill.chosen-short', { option: labelOf(w, x, x.chosen) }) : null,
      why: feedbackWords(w, x, true),
    })),
    calls: r.analysis.outcomes
      .filter((o) => o.tx.from === unit || o.unit === unit)
      .map((o) => {
        const call = { from: unitWords(a, o.tx.from, w.lang), to: unitWords(a, o.unit, w.lang), channel: o.tx.channel, kind: o.tx.kind };
        const cause = o.cause || o.why ? w('app-tools.drill.cause', { cause: w.sayOr(o.why, o.cause ?? '') }) : '';
        return {
          ok: !o.failedAt,
          time: when(a, o.tx.t),
          text: o.failedAt
            ? w('app-tools.drill.call-stopped', {
                ...call,
                reached: o.reached ? w.stage(o.reached) : w('app-tools.drill.nothing'),
                stopped: w.stage(o.failedAt),
                cause,
              })
            : w('app-tools.drill.call-through', { ...call, reached: o.reached ? w.stage(o.reached) : '' }),
        };
      }),
  };
}
