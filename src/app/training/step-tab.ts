/**
 * Step mode: move through the run one event at a time (a call, a reply, a state change, an
 * emission) and, for one unit, read what the procedure in force requires of it next and why —
 * due now first, then what it must do if something happens — each with its rule id.
 */
import type { Analysis } from '../../core/analysis/report';
import type { LogEntry } from '../../core/log';
import { requiredNext, requirementText, requirementWhy, type Requirement } from '../../core/drill/required-next';
import { describeEntry } from '../../core/format/describe';
import { h, fill, watch, type View } from '../dom';
import { nationClass, unitName } from '../words';
import { sayContext } from '../i18n';
import type { AppStore } from '../store';
import { around, wordsOf } from '../said';
import { unitWords, when } from './shared';

function item(store: AppStore, r: Requirement): HTMLLIElement {
  const w = wordsOf(store);
  const ctx = sayContext(store.getState().analysis);
  const why = requirementWhy(r, w.lang, ctx).trim();
  return h(
    'li',
    { class: `req ${r.now ? 'req-now' : 'req-if'}` },
    h('div', { class: 'req-text' }, requirementText(r, w.lang, ctx)),
    h(
      'div',
      { class: 'req-why' },
      r.rule ? h('code', { class: 'rule-id' }, r.rule) : h('span', { class: 'muted' }, w('app-tools.step.no-rule')),
      why ? ` ${why}` : '',
    ),
  );
}

/**
 * What step mode lists at a moment: the log's entries but the unit machines' state changes
 * (posture.patrol → posture.alert), which are the model's workings, not something a unit did.
 */
const shownEntry = (e: LogEntry) => e.type !== 'state';

/** The time of the next (or previous) entry step mode shows, or null where there is none. */
export function nextShownTime(a: Analysis, t: number, direction: 1 | -1): number | null {
  const log = a.run.log;
  if (direction > 0) {
    for (const e of log) if (e.t > t + 1e-6 && shownEntry(e)) return e.t;
    return null;
  }
  for (let i = log.length - 1; i >= 0; i--) if (log[i]!.t < t - 1e-6 && shownEntry(log[i]!)) return log[i]!.t;
  return null;
}

export function mountStep(root: HTMLElement, store: AppStore): View {
  const act = () => store.getState();
  const stepShown = (direction: 1 | -1) => {
    const a = act().analysis;
    const t = a ? nextShownTime(a, act().t, direction) : null;
    if (t === null) return;
    act().pause();
    act().seek(t);
  };
  const w = (code: string, params?: Parameters<ReturnType<typeof wordsOf>>[1]) => wordsOf(store)(`app-tools.step.${code}`, params);
  const back = h('button', { type: 'button', class: 'step-btn' });
  const fwd = h('button', { type: 'button', class: 'step-btn' });
  back.addEventListener('click', () => stepShown(-1));
  fwd.addEventListener('click', () => stepShown(1));
  const at = h('span', { class: 'step-at time' });
  const unitSel = h('select', { id: 'step-unit' });
  unitSel.addEventListener('change', () => act().selectUnit(unitSel.value || null));
  const events = h('section', { class: 'step-events' });
  const required = h('section', { class: 'step-required', 'aria-live': 'polite' });
  const unitLabel = h('span', {});
  const bar = h('div', { class: 'mode-bar', role: 'toolbar' }, back, fwd, at, h('label', { class: 'picker inline' }, unitLabel, unitSel));

  root.append(bar, h('div', { class: 'step-body' }, events, required));

  /** The words that do not depend on the run, again when the reader's language changes. */
  const renderLabels = () => {
    back.setAttribute('aria-label', w('back'));
    back.title = w('back-title');
    back.textContent = w('back-button');
    fwd.setAttribute('aria-label', w('forward'));
    fwd.title = w('forward-title');
    fwd.textContent = w('forward-button');
    events.setAttribute('aria-label', w('events'));
    required.setAttribute('aria-label', w('required'));
    bar.setAttribute('aria-label', w('toolbar'));
    unitLabel.textContent = w('unit');
  };

  const renderUnits = (a: Analysis | null, selected: string | null) => {
    unitSel.replaceChildren(h('option', { value: '', text: w('pick-option') }));
    if (!a) return;
    for (const u of a.run.scenario.units) unitSel.append(h('option', { value: u.id, text: unitWords(a, u.id, act().lang) }));
    unitSel.value = selected && a.run.scenario.units.some((u) => u.id === selected) ? selected : '';
  };

  const renderEvents = (a: Analysis, t: number) => {
    at.textContent = when(a, t);
    const here = a.run.log
      .filter((e) => Math.abs(e.t - t) < 1e-6 && shownEntry(e))
      .map((e) => describeEntry(a.run, e, { lang: act().lang })?.trim())
      .filter((x): x is string => !!x);
    back.disabled = t <= 0;
    fill(
      events,
      h('h4', {}, w('at', { when: when(a, t) })),
      here.length
        ? h(
            'ul',
            { class: 'step-list' },
            here.map((x) => h('li', {}, x)),
          )
        : h('p', { class: 'muted small' }, w('nothing-here')),
    );
  };

  const renderRequired = (a: Analysis, unit: string | null, t: number) => {
    if (!unit || !a.run.scenario.units.some((u) => u.id === unit)) {
      fill(required, h('h4', {}, w('required')), h('p', { class: 'muted small' }, w('pick-unit')));
      return;
    }
    const spec = a.run.scenario.units.find((u) => u.id === unit)!;
    const r = requiredNext(a, unit, t);
    const now = r.items.filter((i) => i.now);
    const later = r.items.filter((i) => !i.now);
    // The unit machine's states (posture.patrol…) are the model's workings, not a trainer's words:
    // the inspector shows them to whoever wants them; step mode says what is owed and when.
    const [before, after] = around(w('required-of', { unit: '\u0000', procedure: a.run.scenario.procedure.id }));
    fill(
      required,
      h('h4', {}, before, h('span', { class: `who ${nationClass(spec.nation)}` }, unitName(a, unit, act().lang)), after),
      h('h5', {}, w('due-now-count', { n: now.length })),
      now.length
        ? h(
            'ol',
            { class: 'req-list', 'aria-label': w('due-now') },
            now.map((r) => item(store, r)),
          )
        : h('p', { class: 'muted small' }, w('nothing-owed')),
      h('h5', {}, w('if-count', { n: later.length })),
      later.length
        ? h(
            'ol',
            { class: 'req-list', 'aria-label': w('if') },
            later.map((r) => item(store, r)),
          )
        : h('p', { class: 'muted small' }, w('nothing')),
    );
  };

  let sig = '';
  /** Only while the tab is shown: during playback the playhead moves every frame. */
  const render = (force = false) => {
    const s = act();
    const a = s.analysis;
    if (!a || (!force && root.hidden)) return;
    const unit = s.selectedUnits[0] ?? null;
    const next = JSON.stringify([a.run.scenario.spec.id, a.run.durationS, a.run.log.length, unit, s.t, s.lang]);
    if (next === sig && !force) return;
    sig = next;
    renderEvents(a, s.t);
    renderRequired(a, unit, s.t);
  };

  const unsubs = [
    watch(
      store,
      (s) => [s.analysis, s.selectedUnits[0] ?? null] as const,
      ([a, unit]) => {
        renderUnits(a, unit);
        sig = '';
        render();
      },
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
    watch(
      store,
      (s) => s.t,
      () => render(),
    ),
    watch(
      store,
      (s) => s.lang,
      () => {
        renderLabels();
        renderUnits(act().analysis, act().selectedUnits[0] ?? null);
        sig = '';
        render();
      },
    ),
  ];
  return { destroy: () => unsubs.forEach((u) => u()), shown: () => render(true) };
}
