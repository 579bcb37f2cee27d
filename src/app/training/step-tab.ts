/**
 * Step mode: move through the run one event at a time (a call, a reply, a state change, an
 * emission) and, for one unit, read what the procedure in force requires of it next and why —
 * due now first, then what it must do if something happens — each with its rule id.
 */
import type { Analysis } from '../../core/analysis/report';
import { requiredNext, type Requirement } from '../../core/drill/required-next';
import { describeEntry } from '../../core/format/describe';
import { h, fill, watch, type View } from '../dom';
import { nationClass } from '../words';
import type { AppStore } from '../store';
import { unitWords, when } from './shared';

function item(r: Requirement): HTMLLIElement {
  return h(
    'li',
    { class: `req ${r.now ? 'req-now' : 'req-if'}` },
    h('div', { class: 'req-text' }, r.text),
    h(
      'div',
      { class: 'req-why' },
      r.rule ? h('code', { class: 'rule-id' }, r.rule) : h('span', { class: 'muted' }, 'no rule'),
      r.why ? ` ${r.why.trim()}` : '',
    ),
  );
}

export function mountStep(root: HTMLElement, store: AppStore): View {
  const act = () => store.getState();
  const back = h('button', { type: 'button', class: 'step-btn', 'aria-label': 'Step back', title: 'Step back to the previous event' }, '◀ Step');
  const fwd = h('button', { type: 'button', class: 'step-btn', 'aria-label': 'Step forward', title: 'Step forward to the next event' }, 'Step ▶');
  back.addEventListener('click', () => act().stepEvent(-1));
  fwd.addEventListener('click', () => act().stepEvent(1));
  const at = h('span', { class: 'step-at time' });
  const unitSel = h('select', { id: 'step-unit' });
  unitSel.addEventListener('change', () => act().selectUnit(unitSel.value || null));
  const events = h('section', { class: 'step-events', 'aria-label': 'Events at the playhead' });
  const required = h('section', { class: 'step-required', 'aria-label': 'Required next', 'aria-live': 'polite' });

  root.append(
    h(
      'div',
      { class: 'mode-bar', role: 'toolbar', 'aria-label': 'Step through events' },
      back,
      fwd,
      at,
      h('label', { class: 'picker inline' }, h('span', {}, 'Unit'), unitSel),
    ),
    h('div', { class: 'step-body' }, events, required),
  );

  const renderUnits = (a: Analysis | null, selected: string | null) => {
    unitSel.replaceChildren(h('option', { value: '', text: '— pick a unit —' }));
    if (!a) return;
    for (const u of a.run.scenario.units) unitSel.append(h('option', { value: u.id, text: unitWords(a, u.id) }));
    unitSel.value = selected && a.run.scenario.units.some((u) => u.id === selected) ? selected : '';
  };

  const renderEvents = (a: Analysis, t: number) => {
    at.textContent = when(a, t);
    const here = a.run.log
      .filter((e) => Math.abs(e.t - t) < 1e-6)
      .map((e) => describeEntry(a.run, e)?.trim())
      .filter((x): x is string => !!x);
    back.disabled = t <= 0;
    fill(
      events,
      h('h4', {}, `At ${when(a, t)}`),
      here.length
        ? h(
            'ul',
            { class: 'step-list' },
            here.map((x) => h('li', {}, x)),
          )
        : h('p', { class: 'muted small' }, 'Nothing happens at this exact moment; step to the next event.'),
    );
  };

  const renderRequired = (a: Analysis, unit: string | null, t: number) => {
    if (!unit || !a.run.scenario.units.some((u) => u.id === unit)) {
      fill(
        required,
        h('h4', {}, 'Required next'),
        h('p', { class: 'muted small' }, 'Pick a unit (here, on the plot or in the unit inspector) to see what the procedure requires of it next.'),
      );
      return;
    }
    const spec = a.run.scenario.units.find((u) => u.id === unit)!;
    const r = requiredNext(a, unit, t);
    const now = r.items.filter((i) => i.now);
    const later = r.items.filter((i) => !i.now);
    const state = Object.entries(r.state)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ');
    fill(
      required,
      h('h4', {}, 'Required next of ', h('span', { class: `who ${nationClass(spec.nation)}` }, unitWords(a, unit)), ` under ${a.run.scenario.procedure.id}`),
      state ? h('p', { class: 'muted small' }, `State now: ${state}`) : null,
      h('h5', {}, `Due now (${now.length})`),
      now.length ? h('ol', { class: 'req-list', 'aria-label': 'Due now' }, now.map(item)) : h('p', { class: 'muted small' }, 'Nothing is owed at this moment.'),
      h('h5', {}, `If something happens (${later.length})`),
      later.length ? h('ol', { class: 'req-list', 'aria-label': 'If something happens' }, later.map(item)) : h('p', { class: 'muted small' }, 'Nothing.'),
    );
  };

  let sig = '';
  /** Only while the tab is shown: during playback the playhead moves every frame. */
  const render = (force = false) => {
    const s = act();
    const a = s.analysis;
    if (!a || (!force && root.hidden)) return;
    const unit = s.selectedUnits[0] ?? null;
    const next = JSON.stringify([a.run.scenario.spec.id, a.run.durationS, a.run.log.length, unit, s.t]);
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
  ];
  return { destroy: () => unsubs.forEach((u) => u()), shown: () => render(true) };
}
