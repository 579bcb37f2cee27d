/**
 * Role-play drill: the student plays one unit; the run stops at every decision the procedure in
 * force gives that unit; the student chooses (buttons, or keys 1–9), reads the feedback citing the
 * rule, and goes on to the next decision. The main view (plot, log, timeline) shows the drill run:
 * up to the decision while it is open, from the answer to the next decision while the feedback is
 * read. At the end: the score, every decision with its feedback, what became of the calls, Retry.
 * Nothing here names a scenario, unit or procedure: the core supplies situations and options. The
 * store runs the drill (startDrill, answerDrill, continueDrill); drill-model.ts says what to show.
 */
import type { Analysis } from '../../core/analysis/report';
import { h, fill, watch, type View } from '../dom';
import type { AppStore, DrillSession } from '../store';
import { around, wordsOf, type Words } from '../said';
import { afterModel, decisionModel, drillOnScreen, feedbackModel, headModel, optionForKey, setupModel, summaryModel } from './drill-model';
import { originalOf, typingIn } from './shared';

export { situationWords } from './drill-model';

interface Intents {
  begin(unit?: string): void;
  choose(option: string): void;
  proceed(): void;
  reset(): void;
}

const mark = (right: boolean) => h('span', { class: 'mark', 'aria-hidden': 'true' }, right ? '✓' : '✗');

function decisionView(w: Words, a: Analysis, d: DrillSession, go: Intents): HTMLElement | null {
  const m = decisionModel(a, d, w.lang);
  if (!m) return null;
  const option = (o: (typeof m.options)[number]) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'drill-option',
          'aria-keyshortcuts': o.key || null,
          'aria-describedby': 'drill-how',
          onclick: () => go.choose(o.id),
        },
        h('kbd', { 'aria-hidden': 'true' }, o.key),
        h('span', {}, o.label),
      ),
    );
  return h(
    'section',
    { class: 'drill-decision', 'aria-labelledby': 'drill-q' },
    h(
      'div',
      { class: 'drill-q-line' },
      h('h4', { id: 'drill-q', tabindex: -1, 'data-focus': true }, m.heading),
      h('span', { class: 'muted small', id: 'drill-how' }, m.how),
    ),
    h('blockquote', { class: 'drill-prompt' }, m.prompt),
    h('ol', { class: 'drill-options', 'aria-label': w('app-tools.drill.options') }, m.options.map(option)),
  );
}

function afterView(w: Words, d: DrillSession, go: Intents): HTMLElement[] {
  const m = afterModel(d, w.lang);
  if (!m) return [];
  return [
    // A wrong answer's feedback already says what was chosen and what the procedure asks.
    ...(m.chosen ? [h('p', { class: 'small drill-chosen' }, m.chosen)] : []),
    h(
      'div',
      { class: 'mode-bar' },
      h('button', { type: 'button', class: 'primary', 'data-focus': true, onclick: go.proceed }, m.next),
      h('span', { class: 'muted small' }, m.hint),
    ),
  ];
}

function summaryView(w: Words, a: Analysis, d: DrillSession, go: Intents): HTMLElement | null {
  const m = summaryModel(a, d, w.lang);
  if (!m) return null;
  return h(
    'section',
    { class: 'drill-summary', 'aria-labelledby': 'drill-score' },
    h('h4', { id: 'drill-score', tabindex: -1, 'data-focus': true, class: m.full ? 'right' : 'wrong' }, m.heading),
    h('p', { class: 'small' }, m.madeLine),
    h(
      'div',
      { class: 'mode-bar' },
      h('button', { type: 'button', class: 'primary', onclick: () => go.begin(d.unit) }, w('app-tools.drill.retry')),
      h('button', { type: 'button', onclick: go.reset }, w('app-tools.drill.another')),
    ),
    h('h5', {}, w('app-tools.drill.your-decisions')),
    m.decisions.length
      ? h(
          'ol',
          { class: 'drill-list', 'aria-label': w('app-tools.drill.your-decisions') },
          m.decisions.map((x) =>
            h(
              'li',
              { class: `drill-done ${x.right ? 'right' : 'wrong'}` },
              h('div', { class: 'verdict' }, mark(x.right), h('strong', {}, x.verdict), x.line),
              h('div', { class: 'prompt small' }, x.prompt),
              x.chosen ? h('div', { class: 'chosen small' }, x.chosen) : null,
              h('div', { class: 'why small' }, x.why),
            ),
          ),
        )
      : h('p', { class: 'muted small' }, w('app-tools.drill.no-decisions')),
    h('h5', {}, w('app-tools.drill.calls-heading')),
    m.calls.length
      ? h(
          'ul',
          { class: 'drill-calls', 'aria-label': w('app-tools.drill.calls') },
          m.calls.map((c) => h('li', { class: c.ok ? 'right' : 'wrong' }, h('span', { class: 'time' }, c.time), c.text)),
        )
      : h('p', { class: 'muted small' }, w('app-tools.drill.no-calls')),
  );
}

export function mountDrill(root: HTMLElement, store: AppStore, keyTarget: Document | HTMLElement = document): View {
  const act = () => store.getState();
  const unitSel = h('select', { id: 'drill-unit' });
  const start = h('button', { type: 'button', class: 'primary' });
  const playAs = h('span', {});
  const intro = h('p', { class: 'intro' });
  const setup = h('div', { class: 'drill-setup' }, intro, h('div', { class: 'mode-bar' }, h('label', { class: 'picker inline' }, playAs, unitSel), start));
  const head = h('div', { class: 'drill-head' });
  // A live region that stays in the document, so each answer's feedback is announced.
  const feedback = h('div', { class: 'drill-feedback', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'drill-body' });
  root.append(setup, head, feedback, body);

  /** Focus what is on screen now, so keys and Tab start from there. */
  const focusMain = () => {
    const target = root.querySelector<HTMLElement>('[data-focus]');
    if (target && !root.closest('[hidden]')) target.focus();
  };
  const go: Intents = {
    begin(who = unitSel.value) {
      if (!who) return;
      act().startDrill(who);
      focusMain();
    },
    choose(option) {
      act().answerDrill(option);
      focusMain();
    },
    proceed() {
      act().continueDrill();
      focusMain();
    },
    reset() {
      act().stopDrill();
      unitSel.focus();
    },
  };
  start.addEventListener('click', () => go.begin());
  // A unit the user picked stays picked across re-runs; until then the picker offers the store's
  // default, a unit with a decision to make under the run on screen (not merely the first listed).
  let picked = '';
  unitSel.addEventListener('change', () => (picked = unitSel.value));

  const renderSetup = () => {
    const s = act();
    const w = wordsOf(store);
    start.textContent = w('app-tools.drill.start');
    playAs.textContent = w('app-tools.drill.play-as');
    const m = setupModel(originalOf(s), s.lang);
    const listed = (id: string | null | undefined) => !!id && m.units.some((u) => u.id === id);
    const prev = [picked, s.drill?.unit, s.selectedUnits[0]].find(listed) ?? (m.units.length ? s.defaultDrillUnit() : null);
    unitSel.replaceChildren(...m.units.map((u) => h('option', { value: u.id, text: u.text })));
    if (listed(prev)) unitSel.value = prev!;
    start.disabled = m.units.length === 0;
    intro.textContent = m.intro;
  };

  const renderHead = (a: Analysis, d: DrillSession) => {
    const w = wordsOf(store);
    const m = headModel(a, d, w.lang);
    const [pre, post] = around(w('app-tools.drill.you-are', { unit: '\u0000' }));
    fill(
      head,
      h('span', { class: 'drill-who' }, pre, h('strong', {}, m.who), post, h('span', { class: 'muted' }, m.meta)),
      drillOnScreen(act()) ? null : h('button', { type: 'button', class: 'link-like', onclick: () => act().showDrillRun() }, w('app-tools.drill.show-run')),
      h('button', { type: 'button', class: 'link-like', onclick: go.reset }, w('app-tools.drill.start-over')),
    );
  };

  const render = () => {
    const d = act().drill;
    const a = d?.result?.analysis;
    const inSetup = !d || d.phase === 'error' || !a;
    setup.hidden = !inSetup;
    head.hidden = inSetup;
    if (inSetup) {
      renderSetup();
      fill(feedback);
      fill(body, d?.phase === 'error' ? h('p', { class: 'error', role: 'alert' }, d.problems.map((p) => wordsOf(store).problem(p)).join('; ')) : null);
      return;
    }
    renderHead(a, d);
    const w = wordsOf(store);
    const verdict = feedbackModel(a, d, w.lang);
    fill(
      feedback,
      verdict
        ? h('div', { class: `drill-verdict ${verdict.right ? 'right' : 'wrong'}` }, mark(verdict.right), h('strong', {}, verdict.verdict), verdict.text)
        : null,
    );
    if (d.phase === 'decide') fill(body, decisionView(w, a, d, go));
    else if (d.phase === 'feedback') fill(body, afterView(w, d, go));
    else fill(body, summaryView(w, a, d, go));
  };

  const onKey = (ev: Event) => {
    const e = ev as KeyboardEvent;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!root.isConnected || root.closest('[hidden]') || typingIn(e.target)) return;
    const option = optionForKey(act().drill, e.key);
    if (!option) return;
    e.preventDefault();
    go.choose(option);
  };
  keyTarget.addEventListener('keydown', onKey);

  const unsubs = [
    watch(
      store,
      (s) => [s.drill, s.lang] as const,
      render,
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
    // Another run on screen: the head's "Show the drill run" comes and goes; the setup lists the new run's units.
    watch(
      store,
      (s) => [s.analysis, s.shown] as const,
      () => {
        const d = act().drill;
        if (d && d.phase !== 'error' && d.result) renderHead(d.result.analysis, d);
        else renderSetup();
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
