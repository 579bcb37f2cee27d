/**
 * The inspector's mariner's tools for the selected unit: "Follow on plot", and range, bearing and
 * CPA to another unit picked here (or shift-clicked on the plot), at the playhead. The words come
 * from app/measure.ts, the maths from the core (relative-motion.ts).
 */
import type { Analysis } from '../../core/analysis/report';
import type { Frame } from '../../core/replay/replay';
import { h, fill } from '../dom';
import { t, type Lang } from '../../i18n';
import type { AppStore } from '../store';
import { measureAt, measureRows } from '../measure';
import { shortName } from '../words';

export interface InspectorMeasure {
  /** The follow button, for the unit's title line. */
  follow: HTMLButtonElement;
  /** The range, bearing and CPA section. */
  el: HTMLElement;
  /** A unit (or none) was selected: lays out the picker. */
  setUnit(a: Analysis, id: string, lang: Lang): void;
  /** The playhead moved (or the unit changed): the figures at `at`. */
  renderNow(a: Analysis, frame: Frame, at: number, lang: Lang): void;
  /** Following changed: the button's state. */
  showFollowing(following: string | null): void;
}

export function createInspectorMeasure(store: AppStore): InspectorMeasure {
  let unit = '';
  const follow = h('button', { type: 'button', class: 'follow-unit', 'aria-keyshortcuts': 'F', 'aria-pressed': 'false' });
  follow.addEventListener('click', () => {
    const s = store.getState();
    s.follow(s.following === unit ? null : unit);
  });
  const select = h('select', { class: 'measure-to' });
  select.addEventListener('change', () => store.getState().measureBetween(unit, select.value || null));
  const label = h('label', { class: 'measure-pick' });
  const figures = h('div', { class: 'measure-figures', 'aria-live': 'off' });
  const hint = h('p', { class: 'muted small' });
  const heading = h('h4', {});
  const el = h('section', { class: 'measure-box' }, heading, label, figures, hint);
  let sig = '';

  const other = () => {
    const m = store.getState().measure;
    return m && m[0] === unit ? m[1] : '';
  };

  return {
    follow,
    el,
    setUnit(a, id, lang) {
      unit = id;
      sig = '';
      follow.textContent = t(lang, 'app-tools.nav.follow');
      follow.title = t(lang, 'app-tools.nav.follow-title');
      heading.textContent = t(lang, 'app-tools.nav.heading');
      el.setAttribute('aria-label', t(lang, 'app-tools.nav.heading'));
      hint.textContent = t(lang, 'app-tools.nav.measure-hint');
      select.replaceChildren(
        h('option', { value: '' }, t(lang, 'app-tools.nav.none')),
        ...a.run.scenario.units.filter((u) => u.id !== id).map((u) => h('option', { value: u.id }, shortName(a, u.id, lang))),
      );
      select.value = other();
      fill(label, t(lang, 'app-tools.nav.measure-to'), ' ', select);
      this.showFollowing(store.getState().following);
    },
    renderNow(a, frame, at, lang) {
      const to = other();
      select.value = to;
      // The hint is for finding the tool; once measuring, the figures take its place.
      hint.hidden = !!to;
      if (!to) {
        sig = '';
        figures.replaceChildren();
        return;
      }
      const m = measureAt(frame, [unit, to]);
      if (!m) return figures.replaceChildren();
      const rows = measureRows(a, m, at, lang);
      const next = `${lang}|${to}|${rows.map((r) => r[1]).join('|')}`;
      if (next === sig) return;
      sig = next;
      fill(
        figures,
        h('p', { class: 'visually-hidden' }, t(lang, 'app-tools.nav.from-to', { from: shortName(a, unit, lang), to: shortName(a, to, lang) })),
        h(
          'dl',
          { class: 'measure-rows' },
          rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))),
        ),
      );
    },
    showFollowing(following) {
      follow.setAttribute('aria-pressed', String(!!unit && following === unit));
    },
  };
}
