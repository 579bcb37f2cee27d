/**
 * Role-play drill: the student plays one unit; the run stops at every decision the procedure in
 * force gives that unit; the student chooses (buttons, or keys 1–9), reads the feedback citing the
 * rule, and goes on to the next decision. The main view (plot, log, timeline) shows the drill run:
 * up to the decision while it is open, from the answer to the next decision while the feedback is
 * read. At the end: the score, every decision with its feedback, what became of the calls, Retry.
 * Nothing here names a scenario, unit or procedure: the core supplies situations and options.
 */
import type { Analysis } from '../../core/analysis/report';
import { runDrill, type DrillResult, type ScoredDecision } from '../../core/drill/drill';
import { h, fill, watch, type View } from '../dom';
import { shortName } from '../format';
import type { AppStore } from '../store';
import { isBound, originalOf, settingsKey, typingIn, unitWords, when } from './shared';

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

const optionLabel = (d: ScoredDecision, id: string) => d.options.find((o) => o.id === id)?.label ?? id;

/** setup: pick a unit; decide: a decision is open; feedback: the answer is scored; done: summary. */
type Phase = 'setup' | 'decide' | 'feedback' | 'done' | 'error';

export function mountDrill(root: HTMLElement, store: AppStore, keyTarget: Document | HTMLElement = document): View {
  const act = () => store.getState();
  let phase: Phase = 'setup';
  let unit = '';
  let choices: string[] = [];
  let result: DrillResult | null = null;
  let error = '';
  let key = '';

  const unitSel = h('select', { id: 'drill-unit' });
  const start = h('button', { type: 'button', class: 'primary' }, 'Start drill');
  const intro = h('p', { class: 'intro' });
  const setup = h(
    'div',
    { class: 'drill-setup' },
    intro,
    h('div', { class: 'mode-bar' }, h('label', { class: 'picker inline' }, h('span', {}, 'Play as'), unitSel), start),
  );
  const head = h('div', { class: 'drill-head' });
  // A live region that stays in the document, so each answer's feedback is announced.
  const feedback = h('div', { class: 'drill-feedback', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'drill-body' });
  root.append(setup, head, feedback, body);

  const lastDecision = () => result?.decisions[result.decisions.length - 1];

  /** Puts the drill run in the main view, with the playhead where the student is. */
  const showRun = () => {
    if (!result) return;
    const a = originalOf(act());
    const who = a ? shortName(a, unit) : unit;
    const n = result.decisions.length;
    const label =
      phase === 'decide'
        ? `Drill as ${who}: decision ${n + 1}`
        : phase === 'feedback'
          ? `Drill as ${who}: after decision ${n}${result.pending ? `, up to decision ${n + 1}` : ''}`
          : `Drill as ${who}: finished, ${result.score.right} of ${result.score.total} right`;
    act().showAnalysis(result.analysis, label);
    act().seek(phase === 'decide' ? result.analysis.run.durationS : (lastDecision()?.t ?? 0));
  };

  const shownIsDrill = () => {
    const s = act();
    return !!result && s.shown?.analysis === s.analysis && s.analysis === result.analysis;
  };

  /** Runs the drill with the choices so far (deterministic, a few ms); false if it failed. */
  const rerun = (): boolean => {
    const s = act();
    const original = originalOf(s);
    if (!original) return false;
    try {
      result = runDrill(original.run.scenario, { unit, choices, then: 'pause' }, { seed: s.seed });
      return true;
    } catch (err) {
      phase = 'error';
      error = err instanceof Error ? err.message : String(err);
      render();
      return false;
    }
  };

  const go = (next: Phase) => {
    phase = next;
    showRun();
    render();
    focusMain();
  };

  const begin = (who: string = unitSel.value) => {
    if (!who) return;
    unit = who;
    choices = [];
    result = null;
    if (rerun()) go(result!.pending ? 'decide' : 'done');
  };

  const choose = (id: string) => {
    if (phase !== 'decide' || !result?.pending) return;
    choices = [...choices, id];
    if (rerun()) go('feedback');
  };

  const proceed = () => {
    if (phase !== 'feedback' || !result) return;
    go(result.pending ? 'decide' : 'done');
  };

  const reset = () => {
    // Back to the scenario's own run, if the main view still shows this drill.
    if (shownIsDrill()) act().showAnalysis(null);
    phase = 'setup';
    result = null;
    choices = [];
    render();
    unitSel.focus();
  };

  /** Focus what is on screen now, so keys and Tab start from there. */
  const focusMain = () => {
    const target = root.querySelector<HTMLElement>('[data-focus]');
    if (target && !root.closest('[hidden]')) target.focus();
  };

  start.addEventListener('click', () => begin());

  const renderSetup = (a: Analysis | null) => {
    const prev = unitSel.value || unit || act().selectedUnits[0] || '';
    unitSel.replaceChildren();
    const units = a ? a.run.scenario.units.filter(isBound) : [];
    for (const u of units) unitSel.append(h('option', { value: u.id, text: `${unitWords(a!, u.id)} — ${u.kind}` }));
    if (units.some((u) => u.id === prev)) unitSel.value = prev;
    start.disabled = units.length === 0;
    intro.textContent = a
      ? units.length
        ? `Play one unit under ${a.run.scenario.procedure.id}${a.run.scenario.account ? ` (account ${a.run.scenario.account})` : ''}. The run stops at every decision the procedure gives your unit: choose what you would do, then read what the procedure asks and why.`
        : `No unit in this scenario is bound by ${a.run.scenario.procedure.id}, so there is nothing to drill.`
      : '';
  };

  const renderHead = (a: Analysis) => {
    if (!result) return fill(head);
    const sc = a.run.scenario;
    fill(
      head,
      h(
        'span',
        { class: 'drill-who' },
        'You are ',
        h('strong', {}, unitWords(a, unit)),
        h(
          'span',
          { class: 'muted' },
          ` · ${sc.procedure.id}${sc.account ? ` · account ${sc.account}` : ''} · score ${result.score.right}/${result.score.total}`,
        ),
      ),
      shownIsDrill() ? null : h('button', { type: 'button', class: 'link-like', onclick: () => showRun() }, 'Show the drill run'),
      h('button', { type: 'button', class: 'link-like', onclick: reset }, 'Start over'),
    );
  };

  const verdict = (d: ScoredDecision, text: string) =>
    h(
      'div',
      { class: `drill-verdict ${d.right ? 'right' : 'wrong'}` },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, d.right ? '✓' : '✗'),
      h('strong', {}, d.right ? 'Right.' : 'Not what the procedure asks.'),
      text,
    );

  const renderFeedback = (a: Analysis) => {
    const d = lastDecision();
    if (phase !== 'feedback' || !d) return fill(feedback);
    fill(feedback, verdict(d, ` Decision ${result!.decisions.length} at ${when(a, d.t)}: ${d.feedback.replace(/^Right:\s*/, '')}`));
  };

  const renderDecide = (a: Analysis) => {
    const p = result!.pending!;
    const n = result!.decisions.length + 1;
    fill(
      body,
      h(
        'section',
        { class: 'drill-decision', 'aria-labelledby': 'drill-q' },
        h(
          'div',
          { class: 'drill-q-line' },
          h(
            'h4',
            { id: 'drill-q', tabindex: -1, 'data-focus': true },
            `Decision ${n} at ${when(a, result!.analysis.run.durationS)}: ${situationWords(p.situation)}`,
          ),
          h('span', { class: 'muted small', id: 'drill-how' }, `What do you do? Press 1–${Math.min(9, p.options.length)} or pick one.`),
        ),
        h('blockquote', { class: 'drill-prompt' }, p.prompt),
        h(
          'ol',
          { class: 'drill-options', 'aria-label': 'What do you do?' },
          p.options.map((o, i) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'drill-option',
                  'aria-keyshortcuts': i < 9 ? String(i + 1) : null,
                  'aria-describedby': 'drill-how',
                  onclick: () => choose(o.id),
                },
                h('kbd', { 'aria-hidden': 'true' }, i < 9 ? String(i + 1) : ''),
                h('span', {}, o.label),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const renderAfter = () => {
    const r = result!;
    const d = lastDecision()!;
    const next = r.pending ? 'Next decision' : 'See the summary';
    fill(
      body,
      // A wrong answer's feedback already says what was chosen and what the procedure asks.
      d.right ? h('p', { class: 'small drill-chosen' }, `You chose: "${optionLabel(d, d.chosen)}".`) : null,
      h(
        'div',
        { class: 'mode-bar' },
        h('button', { type: 'button', class: 'primary', 'data-focus': true, onclick: proceed }, `${next} ▶`),
        h(
          'span',
          { class: 'muted small' },
          r.pending ? 'Or press Play to watch what follows your answer, up to the next decision.' : 'Or press Play to watch what follows your answer.',
        ),
      ),
    );
  };

  const renderDone = (a: Analysis) => {
    const r = result!;
    const mine = r.analysis.outcomes.filter((o) => o.tx.from === unit || o.unit === unit);
    const full = r.score.right === r.score.total;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    // Breakdowns read from one of the student's drill decisions (an answer the procedure did not ask for).
    const log = r.analysis.run.log;
    const ownBreakdowns = r.analysis.breakdowns.filter((b) => {
      const e = log[b.entry];
      return e?.type === 'decision' && e.unit === unit && e.drill !== undefined;
    }).length;
    fill(
      body,
      h(
        'section',
        { class: 'drill-summary', 'aria-labelledby': 'drill-score' },
        h(
          'h4',
          { id: 'drill-score', tabindex: -1, 'data-focus': true, class: full ? 'right' : 'wrong' },
          `Drill finished: ${r.score.right} of ${r.score.total} right`,
        ),
        h(
          'p',
          { class: 'small' },
          `In the run you made: ${plural(r.analysis.exchangesCompleted, 'exchange')} completed, ${plural(r.analysis.breakdowns.length, 'breakdown')} (listed under Findings), ${ownBreakdowns === 0 ? 'none of them from your answers (the drill scores your decisions; the others come from the scenario as scripted and the other units)' : `${ownBreakdowns} of them straight from your answers`}.`,
        ),
        h(
          'div',
          { class: 'mode-bar' },
          h('button', { type: 'button', class: 'primary', onclick: () => begin(unit) }, 'Retry'),
          h('button', { type: 'button', onclick: reset }, 'Play another unit'),
        ),
        h('h5', {}, 'Your decisions'),
        r.decisions.length
          ? h(
              'ol',
              { class: 'drill-list', 'aria-label': 'Your decisions' },
              r.decisions.map((d, i) =>
                h(
                  'li',
                  { class: `drill-done ${d.right ? 'right' : 'wrong'}` },
                  h(
                    'div',
                    { class: 'verdict' },
                    h('span', { class: 'mark', 'aria-hidden': 'true' }, d.right ? '✓' : '✗'),
                    h('strong', {}, d.right ? 'Right' : 'Not what the procedure asks'),
                    ` · decision ${i + 1} at ${when(a, d.t)} · ${situationWords(d.situation)}`,
                  ),
                  h('div', { class: 'prompt small' }, d.prompt),
                  d.right ? h('div', { class: 'chosen small' }, `You chose: "${optionLabel(d, d.chosen)}"`) : null,
                  h('div', { class: 'why small' }, d.feedback),
                ),
              ),
            )
          : h('p', { class: 'muted small' }, 'The procedure gave this unit no decision in this run.'),
        h('h5', {}, 'What became of the calls to and from you'),
        mine.length
          ? h(
              'ul',
              { class: 'drill-calls', 'aria-label': 'Calls to and from you' },
              mine.map((o) =>
                h(
                  'li',
                  { class: o.failedAt ? 'wrong' : 'right' },
                  h('span', { class: 'time' }, when(a, o.tx.t)),
                  ` ${unitWords(a, o.tx.from)} → ${unitWords(a, o.unit)} on ${o.tx.channel} (${o.tx.kind}): `,
                  o.failedAt ? `reached ${o.reached ?? 'nothing'}, stopped at ${o.failedAt}${o.cause ? ` — ${o.cause}` : ''}` : `got through (${o.reached})`,
                ),
              ),
            )
          : h('p', { class: 'muted small' }, 'No calls to or from this unit.'),
      ),
    );
  };

  const render = () => {
    const s = act();
    const inSetup = phase === 'setup' || phase === 'error';
    setup.hidden = !inSetup;
    head.hidden = inSetup;
    const a = result?.analysis;
    if (inSetup || !a) {
      renderSetup(originalOf(s));
      fill(feedback);
      fill(body, phase === 'error' ? h('p', { class: 'error', role: 'alert' }, error) : null);
      return;
    }
    renderHead(a);
    renderFeedback(a);
    if (phase === 'decide') renderDecide(a);
    else if (phase === 'feedback') renderAfter();
    else renderDone(a);
  };

  const onKey = (ev: Event) => {
    const e = ev as KeyboardEvent;
    if (phase !== 'decide' || !result?.pending || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!root.isConnected || root.closest('[hidden]') || typingIn(e.target)) return;
    if (!/^[1-9]$/.test(e.key)) return;
    const o = result.pending.options[Number(e.key) - 1];
    if (!o) return;
    e.preventDefault();
    choose(o.id);
  };
  keyTarget.addEventListener('keydown', onKey);

  const unsubs = [
    watch(
      store,
      (s) => settingsKey(s),
      (k) => {
        // New scenario, account, procedure or seed: the drill starts over on the new run.
        if (k !== key) {
          key = k;
          phase = 'setup';
          result = null;
          choices = [];
        }
        render();
      },
    ),
    watch(
      store,
      (s) => [s.analysis, s.shown] as const,
      () => {
        if (result && phase !== 'setup' && phase !== 'error') renderHead(result.analysis);
        else if (phase === 'setup') renderSetup(originalOf(act()));
      },
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
  ];
  return {
    destroy: () => {
      unsubs.forEach((u) => u());
      keyTarget.removeEventListener('keydown', onKey);
    },
  };
}
