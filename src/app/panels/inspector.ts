/**
 * Unit inspector: a list of units to pick from (so it works without the plot), and for the
 * selected unit its machine state now, its states over time with the playhead, its radio sets,
 * emitters, and what it believes about the others.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Replay, UnitFrame } from '../../core/replay/replay';
import { h, fill, watch, whilePlaying, type View } from '../dom';
import { clockOf, nationClass, shortName } from '../words';
import type { AppStore } from '../store';
import { overviewCells, setRow, signature, stateHue, unitSubtitle } from './inspector-model';

const REGIONS = ['posture', 'comms'] as const;

function strip(a: Analysis, replay: Replay, unit: string, region: string): { el: HTMLElement; head: HTMLElement } {
  const hist = replay.stateHistory(unit, region);
  const d = replay.durationS || 1;
  const words = hist.map((x) => `${x.state} from ${clockOf(a, x.t)}`).join(', ');
  const bar = h('div', { class: 'strip-bar', role: 'img', 'aria-label': `${region} over time: ${words || 'no states'}` });
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
  return { el: h('div', { class: 'strip' }, h('span', { class: 'strip-label' }, region), bar), head };
}

type Beliefs = ReturnType<Replay['beliefsAt']>;

/** The unit's radio sets: power, tuning, monitoring and modulation. */
function radioSets(u: UnitFrame): HTMLElement {
  const radios = u.spec.radios;
  return h(
    'section',
    { class: 'sets-box', 'aria-label': 'Radio sets' },
    h('h4', {}, 'Radio sets'),
    radios.length
      ? h(
          'table',
          { class: 'sets' },
          h('caption', { class: 'visually-hidden' }, `Radio sets of ${u.spec.name}`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Set', 'Power', 'Tuned', 'Monitored', 'Mod.'].map((x) => h('th', { scope: 'col' }, x)),
            ),
          ),
          h(
            'tbody',
            {},
            u.sets.map((set) => {
              const spec = radios.find((r) => r.id === set.id);
              const row = setRow(set);
              return h(
                'tr',
                { 'data-set': set.id },
                h('th', { scope: 'row', title: spec?.name ?? set.id }, set.id),
                h('td', { class: row.power }, row.power),
                h('td', { class: 'tuned' }, row.tuned),
                h('td', { class: set.monitored ? 'on' : 'off' }, row.monitored),
                h('td', {}, spec?.modulation ?? ''),
              );
            }),
          ),
        )
      : h('p', { class: 'muted' }, 'No radio sets.'),
  );
}

/** The unit's emitters (radars and the like): type, mode and target. */
function emitters(a: Analysis, u: UnitFrame): HTMLElement {
  return h(
    'section',
    { class: 'emitters-box', 'aria-label': 'Emitters' },
    h('h4', {}, 'Emitters'),
    u.emitters.length
      ? h(
          'table',
          { class: 'emitters' },
          h('caption', { class: 'visually-hidden' }, `Emitters of ${u.spec.name}`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Emitter', 'Type', 'Mode', 'Target'].map((x) => h('th', { scope: 'col' }, x)),
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
                h('td', {}, em.target ? shortName(a, em.target) : '—'),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No emitters.'),
  );
}

/** What the unit has learnt about the others, with when. */
function believes(a: Analysis, beliefs: Beliefs): HTMLElement {
  return h(
    'section',
    { class: 'beliefs-box', 'aria-label': 'Believes' },
    h('h4', {}, 'Believes'),
    beliefs.length
      ? h(
          'ul',
          { class: 'beliefs' },
          beliefs.map((b) => h('li', {}, h('span', { class: 'time' }, clockOf(a, b.t)), ' ', b.about ? `about ${shortName(a, b.about)}: ` : '', b.what)),
        )
      : h('p', { class: 'muted' }, 'Nothing learnt about the others yet.'),
  );
}

/**
 * With no unit selected: every unit's state at the playhead, one line each. The table is built
 * once per run and its rows are updated in place when their unit's state changes (a generated
 * exercise has a thousand rows, and while playing some unit changes state every frame).
 */
function createOverview() {
  const el = h('div', { class: 'overview' });

  let overviewRows: { analysis: Analysis; rows: { sig: string; posture: HTMLElement; comms: HTMLElement; radars: HTMLElement }[] } | null = null;
  const renderOverview = (a: Analysis, replay: Replay, t: number) => {
    const frame = replay.frameAt(t, { trailS: 0, recentS: 0 });
    if (!overviewRows || overviewRows.analysis !== a || overviewRows.rows.length !== frame.units.length || !el.firstChild) {
      const rows: NonNullable<typeof overviewRows>['rows'] = [];
      fill(
        el,
        h(
          'table',
          { class: 'sets overview-table' },
          h('caption', { class: 'visually-hidden' }, 'All units now'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Unit', 'Posture', 'Comms', 'Radars'].map((x) => h('th', { scope: 'col' }, x)),
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
                h('th', { scope: 'row', class: `who ${nationClass(u.spec.nation)}` }, shortName(a, u.spec.id)),
                row.posture,
                row.comms,
                row.radars,
              );
            }),
          ),
        ),
      );
      overviewRows = { analysis: a, rows };
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

export function mountInspector(root: HTMLElement, store: AppStore): View {
  const unitList = h('div', { class: 'unit-list', role: 'group', 'aria-label': 'Units' });
  const details = h('div', { class: 'unit-details', 'aria-live': 'off' });
  root.append(unitList, details);
  let heads: HTMLElement[] = [];
  let detailSig = '';
  let current: string | null = null;
  const now = h('div', { class: 'now' });
  const live = h('div', { class: 'live' });

  const renderUnits = (a: Analysis | null, selected: string[]) => {
    unitList.replaceChildren();
    if (!a) return;
    for (const u of a.run.scenario.units) {
      const b = h(
        'button',
        { type: 'button', class: `unit-pick ${nationClass(u.nation)}`, 'aria-pressed': String(selected.includes(u.id)), title: u.name },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        h('span', { class: 'unit-name' }, shortName(a, u.id)),
      );
      b.addEventListener('click', () => store.getState().selectUnit(selected.includes(u.id) && selected.length === 1 ? null : u.id));
      unitList.append(b);
    }
  };

  const overview = createOverview();

  /** Parts that depend on the unit and the run, not on the playhead. */
  const renderUnit = (a: Analysis | null, replay: Replay | null, id: string | null) => {
    heads = [];
    detailSig = '';
    current = id;
    if (!a || !replay) {
      details.replaceChildren();
      return;
    }
    if (!id) {
      fill(details, h('p', { class: 'muted small' }, 'All units at the playhead; pick one for its sets, emitters and beliefs.'), overview.el);
      return;
    }
    const spec = a.run.scenario.units.find((u) => u.id === id);
    if (!spec) {
      fill(details, h('p', { class: 'muted' }, `No unit "${id}" in this run.`));
      return;
    }
    const strips = REGIONS.map((r) => strip(a, replay, id, r));
    heads = strips.map((x) => x.head);
    fill(
      details,
      h('div', { class: 'unit-title' }, h('h3', { class: nationClass(spec.nation) }, spec.name), h('span', { class: 'muted' }, unitSubtitle(spec))),
      now,
      live,
      h(
        'div',
        { class: 'strips' },
        h('h4', {}, 'States over time'),
        strips.map((x) => x.el),
      ),
    );
  };

  /** Parts that change with the playhead. */
  const renderNow = (a: Analysis, replay: Replay, t: number) => {
    if (!current) {
      overview.render(a, replay, t);
      return;
    }
    const d = replay.durationS || 1;
    for (const head of heads) head.style.left = `${(Math.min(t, d) / d) * 100}%`;
    const frame = replay.frameAt(t, { trailS: 0, recentS: 0 });
    const u = frame.units.find((x) => x.spec.id === current);
    if (!u) return;
    const beliefs = replay.beliefsAt(current, t);
    const sig = signature(u, beliefs.length);
    if (sig === detailSig) return;
    detailSig = sig;
    fill(
      now,
      h('h4', {}, `Machine state at ${clockOf(a, t)}`),
      h(
        'dl',
        { class: 'state-now' },
        REGIONS.map((r) =>
          h('div', {}, h('dt', {}, r), h('dd', {}, h('span', { class: 'state-chip', style: `--hue:${stateHue(u.state[r] ?? '')}` }, u.state[r] || '—'))),
        ),
      ),
    );
    fill(live, radioSets(u), emitters(a, u), believes(a, beliefs));
  };

  const renderAtPlayhead = () => {
    const s = store.getState();
    if (s.analysis && s.replay) renderNow(s.analysis, s.replay, s.t);
  };
  const overviewPlaying = whilePlaying(store, renderAtPlayhead, 250);
  const unsubs = [
    () => overviewPlaying.stop(),
    watch(
      store,
      (s) => [s.analysis, s.selectedUnits] as const,
      ([a, sel], s) => {
        renderUnits(a, sel);
        renderUnit(a, s.replay, sel[0] ?? null);
        if (a && s.replay) renderNow(a, s.replay, s.t);
      },
      (x, y) => x[0] === y[0] && x[1] === y[1],
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
  let stale = false;
  return {
    destroy: () => unsubs.forEach((u) => u()),
    shown() {
      if (!stale) return;
      stale = false;
      const s = store.getState();
      if (s.analysis && s.replay) renderNow(s.analysis, s.replay, s.t);
    },
  };
}
