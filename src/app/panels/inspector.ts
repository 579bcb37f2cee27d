/**
 * Unit inspector: a list of units to pick from (so it works without the plot), and for the
 * selected unit its machine state now, its states over time with the playhead, its radio sets,
 * emitters, and what it believes about the others.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Replay, UnitFrame } from '../../core/replay/replay';
import { h, fill, watch, whilePlaying, type View } from '../dom';
import { clockOf, nationClass, regionName, shortName, unitName } from '../words';
import { t, type Lang } from '../../i18n';
import type { AppStore } from '../store';
import { overviewCells, setRow, signature, stateHue, unitSubtitle } from './inspector-model';
import { sayContext as sayContextOf } from '../i18n';
import { createInspectorMeasure } from './inspector-measure';

const REGIONS = ['posture', 'comms'] as const;

function strip(a: Analysis, replay: Replay, unit: string, region: (typeof REGIONS)[number], lang: Lang): { el: HTMLElement; head: HTMLElement } {
  const hist = replay.stateHistory(unit, region);
  const d = replay.durationS || 1;
  // State names are the machine's own (as in the procedure's statecharts): shown as they are.
  const words = hist.map((x) => t(lang, 'app.insp.state-from', { state: x.state, time: clockOf(a, x.t) })).join(', ');
  const bar = h('div', {
    class: 'strip-bar',
    role: 'img',
    'aria-label': t(lang, 'app.insp.region-over-time', { region: regionName(region, lang), states: words || t(lang, 'app.insp.no-states') }),
  });
  hist.forEach((x, i) => {
    const end = hist[i + 1]?.t ?? d;
    const w = ((end - x.t) / d) * 100;
    if (w <= 0) return;
    bar.append(
      h(
        'span',
        { class: 'seg', style: `left:${(x.t / d) * 100}%;width:${w}%;--hue:${stateHue(x.state)}`, title: `${x.state} ${clockOf(a, x.t)}–${clockOf(a, end)}` },
        w > 14 ? x.state : '',
      ),
    );
  });
  const head = h('span', { class: 'strip-head', 'aria-hidden': 'true' });
  bar.append(head);
  return { el: h('div', { class: 'strip' }, h('span', { class: 'strip-label' }, regionName(region, lang)), bar), head };
}

type Beliefs = ReturnType<Replay['beliefsAt']>;

/** The unit's radio sets: power, tuning, monitoring and modulation. */
function radioSets(a: Analysis, u: UnitFrame, lang: Lang): HTMLElement {
  const radios = u.spec.radios;
  return h(
    'section',
    { class: 'sets-box', 'aria-label': t(lang, 'app.insp.radio-sets') },
    h('h4', {}, t(lang, 'app.insp.radio-sets')),
    radios.length
      ? h(
          'table',
          { class: 'sets' },
          h('caption', { class: 'visually-hidden' }, t(lang, 'app.insp.radio-sets-of', { unit: { unit: u.spec.id } }, sayContextOf(a))),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['set', 'power', 'tuned', 'monitored', 'modulation'].map((x) => h('th', { scope: 'col' }, t(lang, `app.insp.col.${x}`))),
            ),
          ),
          h(
            'tbody',
            {},
            u.sets.map((set) => {
              const spec = radios.find((r) => r.id === set.id);
              const row = setRow(set, lang);
              return h(
                'tr',
                { 'data-set': set.id },
                h('th', { scope: 'row', title: spec?.name ?? set.id }, set.id),
                h('td', { class: row.powerClass }, row.power),
                h('td', { class: 'tuned' }, row.tuned),
                h('td', { class: set.monitored ? 'on' : 'off' }, row.monitored),
                h('td', {}, spec?.modulation ?? ''),
              );
            }),
          ),
        )
      : h('p', { class: 'muted' }, t(lang, 'app.insp.no-sets')),
  );
}

/** The unit's emitters (radars and the like): type, mode and target. */
function emitters(a: Analysis, u: UnitFrame, lang: Lang): HTMLElement {
  return h(
    'section',
    { class: 'emitters-box', 'aria-label': t(lang, 'app.insp.emitters') },
    h('h4', {}, t(lang, 'app.insp.emitters')),
    u.emitters.length
      ? h(
          'table',
          { class: 'emitters' },
          h('caption', { class: 'visually-hidden' }, t(lang, 'app.insp.emitters-of', { unit: { unit: u.spec.id } }, sayContextOf(a))),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['emitter', 'type', 'mode', 'target'].map((x) => h('th', { scope: 'col' }, t(lang, `app.insp.col.${x}`))),
            ),
          ),
          h(
            'tbody',
            {},
            u.emitters.map((em) =>
              h(
                'tr',
                { class: `mode-${em.mode}` },
                h('th', { scope: 'row' }, em.id),
                h('td', {}, em.type),
                h('td', { class: 'mode' }, em.mode),
                h('td', {}, em.target ? shortName(a, em.target, lang) : '—'),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t(lang, 'app.insp.no-emitters')),
  );
}

/** What the unit has learnt about the others, with when. */
function believes(a: Analysis, beliefs: Beliefs, lang: Lang): HTMLElement {
  return h(
    'section',
    { class: 'beliefs-box', 'aria-label': t(lang, 'app.insp.believes') },
    h('h4', {}, t(lang, 'app.insp.believes')),
    beliefs.length
      ? h(
          'ul',
          { class: 'beliefs' },
          beliefs.map((b) =>
            h(
              'li',
              {},
              h('span', { class: 'time' }, clockOf(a, b.t)),
              ' ',
              b.about ? t(lang, 'app.insp.about', { unit: shortName(a, b.about, lang) }) : '',
              b.what,
            ),
          ),
        )
      : h('p', { class: 'muted' }, t(lang, 'app.insp.nothing-learnt')),
  );
}

/**
 * With no unit selected: every unit's state at the playhead, one line each. The table is built
 * once per run and its rows are updated in place when their unit's state changes (a generated
 * exercise has a thousand rows, and while playing some unit changes state every frame).
 */
function createOverview() {
  const el = h('div', { class: 'overview' });

  let overviewRows: { analysis: Analysis; lang: Lang; rows: { sig: string; posture: HTMLElement; comms: HTMLElement; radars: HTMLElement }[] } | null = null;
  const renderOverview = (a: Analysis, replay: Replay, now: number, lang: Lang) => {
    const frame = replay.frameAt(now, { trailS: 0, recentS: 0 });
    if (!overviewRows || overviewRows.analysis !== a || overviewRows.lang !== lang || overviewRows.rows.length !== frame.units.length || !el.firstChild) {
      const rows: NonNullable<typeof overviewRows>['rows'] = [];
      fill(
        el,
        h(
          'table',
          { class: 'sets overview-table' },
          h('caption', { class: 'visually-hidden' }, t(lang, 'app.insp.all-units-now')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['unit', 'posture', 'comms', 'radars'].map((x) => h('th', { scope: 'col' }, t(lang, `app.insp.col.${x}`))),
            ),
          ),
          h(
            'tbody',
            {},
            frame.units.map((u) => {
              const row = { sig: '', posture: h('td', {}), comms: h('td', {}), radars: h('td', {}) };
              rows.push(row);
              return h(
                'tr',
                {},
                h('th', { scope: 'row', class: `who ${nationClass(u.spec.nation)}` }, shortName(a, u.spec.id, lang)),
                row.posture,
                row.comms,
                row.radars,
              );
            }),
          ),
        ),
      );
      overviewRows = { analysis: a, lang, rows };
    }
    frame.units.forEach((u, i) => {
      const row = overviewRows!.rows[i]!;
      const cells = overviewCells(u);
      if (cells.sig === row.sig) return;
      row.sig = cells.sig;
      row.posture.textContent = cells.posture;
      row.comms.textContent = cells.comms;
      row.radars.textContent = cells.radars;
      row.radars.className = cells.tracking ? 'off' : '';
    });
  };
  return { el, render: renderOverview };
}

/** The list of units to pick from; shift-click adds a second unit to measure to, as on the plot. */
function renderUnitList(unitList: HTMLElement, store: AppStore, a: Analysis | null, selected: string[], lang: Lang): void {
  unitList.replaceChildren();
  unitList.setAttribute('aria-label', t(lang, 'app.insp.units'));
  if (!a) return;
  for (const u of a.run.scenario.units) {
    const b = h(
      'button',
      { type: 'button', class: `unit-pick ${nationClass(u.nation)}`, 'aria-pressed': String(selected.includes(u.id)), title: unitName(a, u.id, lang) },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('span', { class: 'unit-name' }, shortName(a, u.id, lang)),
    );
    b.addEventListener('click', (e) => {
      if (e.shiftKey || e.ctrlKey || e.metaKey) store.getState().toggleUnit(u.id);
      else store.getState().selectUnit(selected.includes(u.id) && selected.length === 1 ? null : u.id);
    });
    unitList.append(b);
  }
}

export function mountInspector(root: HTMLElement, store: AppStore): View {
  const unitList = h('div', { class: 'unit-list', role: 'group' });
  const details = h('div', { class: 'unit-details', 'aria-live': 'off' });
  root.append(unitList, details);
  let heads: HTMLElement[] = [];
  let detailSig = '';
  let current: string | null = null;
  const now = h('div', { class: 'now' });
  const live = h('div', { class: 'live' });

  const renderUnits = (a: Analysis | null, selected: string[], lang: Lang) => renderUnitList(unitList, store, a, selected, lang);

  const overview = createOverview();
  const tools = createInspectorMeasure(store);

  /** Parts that depend on the unit and the run, not on the playhead. */
  const renderUnit = (a: Analysis | null, replay: Replay | null, id: string | null, lang: Lang) => {
    heads = [];
    detailSig = '';
    current = id;
    if (!a || !replay) {
      details.replaceChildren();
      return;
    }
    if (!id) {
      fill(details, h('p', { class: 'muted small' }, t(lang, 'app.insp.all-now')), overview.el);
      return;
    }
    const spec = a.run.scenario.units.find((u) => u.id === id);
    if (!spec) {
      fill(details, h('p', { class: 'muted' }, t(lang, 'app.insp.no-unit', { id })));
      return;
    }
    const strips = REGIONS.map((r) => strip(a, replay, id, r, lang));
    heads = strips.map((x) => x.head);
    tools.setUnit(a, id, lang);
    fill(
      details,
      h(
        'div',
        { class: 'unit-title' },
        h('h3', { class: nationClass(spec.nation) }, unitName(a, spec.id, lang)),
        h('span', { class: 'muted' }, unitSubtitle(spec, lang)),
        tools.follow,
      ),
      tools.el,
      now,
      live,
      h(
        'div',
        { class: 'strips' },
        h('h4', {}, t(lang, 'app.insp.states-over-time')),
        strips.map((x) => x.el),
      ),
    );
  };

  /** Parts that change with the playhead. */
  const renderNow = (a: Analysis, replay: Replay, at: number, lang: Lang) => {
    if (!current) {
      overview.render(a, replay, at, lang);
      return;
    }
    const d = replay.durationS || 1;
    for (const head of heads) head.style.left = `${(Math.min(at, d) / d) * 100}%`;
    const frame = replay.frameAt(at, { trailS: 0, recentS: 0 });
    const u = frame.units.find((x) => x.spec.id === current);
    if (!u) return;
    tools.renderNow(a, frame, at, lang);
    const beliefs = replay.beliefsAt(current, at);
    const sig = `${lang}\u0000${signature(u, beliefs.length)}`;
    if (sig === detailSig) return;
    detailSig = sig;
    fill(
      now,
      h('h4', {}, t(lang, 'app.insp.state-at', { time: clockOf(a, at) })),
      h(
        'dl',
        { class: 'state-now' },
        REGIONS.map((r) =>
          h(
            'div',
            {},
            h('dt', {}, regionName(r, lang)),
            h('dd', {}, h('span', { class: 'state-chip', style: `--hue:${stateHue(u.state[r] ?? '')}` }, u.state[r] || '—')),
          ),
        ),
      ),
    );
    fill(live, radioSets(a, u, lang), emitters(a, u, lang), believes(a, beliefs, lang));
  };

  const renderAtPlayhead = () => {
    const s = store.getState();
    if (s.analysis && s.replay) renderNow(s.analysis, s.replay, s.t, s.lang);
  };
  const overviewPlaying = whilePlaying(store, renderAtPlayhead, 250);
  // Before the watches: the first runs at once, and a link may open with this tab hidden.
  let stale = false;
  const unsubs = [
    () => overviewPlaying.stop(),
    watch(
      store,
      (s) => [s.analysis, s.selectedUnits, s.lang] as const,
      ([a, sel, lang], s) => {
        renderUnits(a, sel, lang);
        renderUnit(a, s.replay, sel[0] ?? null, lang);
        if (a && s.replay) renderNow(a, s.replay, s.t, lang);
      },
      (x, y) => x[0] === y[0] && x[1] === y[1] && x[2] === y[2],
    ),
    watch(store, (s) => s.following, tools.showFollowing),
    watch(
      store,
      (s) => s.measure,
      (_m, s) => current && s.analysis && s.replay && tools.renderNow(s.analysis, s.replay.frameAt(s.t, { trailS: 0, recentS: 0 }), s.t, s.lang),
    ),
    watch(
      store,
      (s) => s.t,
      () => {
        // Behind another tab nothing is seen: catch up when the tab is shown again.
        if (root.closest('[hidden]')) {
          stale = true;
          return;
        }
        // The overview (every unit) follows a playing playhead four times a second: a change in
        // any of its rows lays the whole table out again (a thousand rows in a generated exercise).
        if (current) renderAtPlayhead();
        else overviewPlaying.run();
      },
    ),
  ];
  return {
    destroy: () => unsubs.forEach((u) => u()),
    shown() {
      if (!stale) return;
      stale = false;
      const s = store.getState();
      if (s.analysis && s.replay) renderNow(s.analysis, s.replay, s.t, s.lang);
    },
  };
}
