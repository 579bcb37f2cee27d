/**
 * Timeline: transport controls, speed, the scrubber with breakdown markers, the scenario clock,
 * and the keyboard shortcuts (Space, ←/→, [ ], Home/End). Reads the playhead from the store;
 * never reads the wall clock (the animation loop in clock.ts does that).
 */
import { h, watch, watchWords, type View } from '../dom';
import { breakdownClass, breakdownLabel, clockOf, zoneLabel } from '../words';
import { breakdownText } from './breakdowns';
import { t as tr, type Lang } from '../../i18n';
import { SPEEDS, type AppStore } from '../store';
import { elapsedText, keyAction, markerPlaces, scrubberText, timeTicks, type KeyAction } from './timeline-model';
import { zoneOf } from '../../core/format/clock';
import type { Analysis } from '../../core/analysis/report';

/** Carries out a keyboard shortcut on the playhead. */
function perform(store: AppStore, action: KeyAction): void {
  const s = store.getState();
  switch (action) {
    case 'toggle-play':
      return s.togglePlay();
    case 'next-event':
      return s.stepEvent(1);
    case 'previous-event':
      return s.stepEvent(-1);
    case 'faster':
      return s.faster();
    case 'slower':
      return s.slower();
    case 'start':
      return s.seek(0);
    case 'end':
      return s.seek(s.replay?.durationS ?? 0);
  }
}

export function mountTimeline(root: HTMLElement, store: AppStore, keyTarget: Document | HTMLElement = document): View {
  const act = () => store.getState();
  /** Each button's label and text by message code; written again when the language changes. */
  const worded: { el: HTMLButtonElement; label: string; text: string; keys: string }[] = [];
  const button = (label: string, text: string, keys: string, onClick: () => void, cls = '') => {
    const b = h('button', { type: 'button', 'aria-keyshortcuts': keys || null, class: cls });
    b.addEventListener('click', onClick);
    worded.push({ el: b, label, text, keys });
    return b;
  };
  const play = button('app.tl.play', 'app.tl.play-button', 'Space', () => act().togglePlay(), 'play');
  const prevBreakdown = button('app.tl.prev-breakdown', 'app.tl.prev-breakdown-button', '', () => act().jumpBreakdown(-1));
  const prevEvent = button('app.tl.prev-event', 'app.tl.prev-event-button', 'ArrowLeft', () => act().stepEvent(-1));
  const nextEvent = button('app.tl.next-event', 'app.tl.next-event-button', 'ArrowRight', () => act().stepEvent(1));
  const nextBreakdown = button('app.tl.next-breakdown', 'app.tl.next-breakdown-button', '', () => act().jumpBreakdown(1));
  const speed = h('select', { id: 'speed', 'aria-keyshortcuts': '[ ]' });
  for (const x of SPEEDS) speed.append(h('option', { value: String(x), text: `${x}×` }));
  speed.addEventListener('change', () => act().setSpeed(Number(speed.value) as (typeof SPEEDS)[number]));
  const speedWord = h('span', {});

  const clock = h('output', { id: 'clock', class: 'clock' });
  const elapsed = h('span', { class: 'elapsed muted' });

  const scrubber = h('input', { type: 'range', min: 0, max: 0, step: 1, value: 0, id: 'playhead' });
  scrubber.addEventListener('input', () => act().seek(Number(scrubber.value)));
  const markers = h('div', { class: 'markers', role: 'group' });
  const progress = h('div', { class: 'progress', 'aria-hidden': 'true' });
  const transport = h(
    'div',
    { class: 'transport', role: 'toolbar' },
    prevBreakdown,
    prevEvent,
    play,
    nextEvent,
    nextBreakdown,
    h('label', { class: 'speed' }, speedWord, speed),
    h('div', { class: 'clock-box' }, clock, elapsed),
  );
  // Clock-time ticks under the scrubber: seen, not read out (the scrubber says its time itself).
  const ticks = h('div', { class: 'time-ticks', 'aria-hidden': 'true' });
  root.append(transport, h('div', { class: 'scrub' }, markers, h('div', { class: 'track' }, progress, scrubber), ticks));

  /** The words that do not depend on the run, in the reader's language. */
  const wordControls = (lang: Lang, playing: boolean) => {
    for (const w of worded) {
      const pause = playing && w.el === play;
      const label = tr(lang, pause ? 'app.tl.pause' : w.label);
      w.el.setAttribute('aria-label', label);
      w.el.title = w.keys ? tr(lang, 'app.tl.with-keys', { label, keys: w.keys }) : label;
      w.el.textContent = tr(lang, pause ? 'app.tl.pause-button' : w.text);
    }
    speed.title = tr(lang, 'app.tl.speed-title');
    speedWord.textContent = tr(lang, 'app.tl.speed');
    clock.setAttribute('aria-label', tr(lang, 'app.tl.clock'));
    scrubber.setAttribute('aria-label', tr(lang, 'app.tl.playhead'));
    markers.setAttribute('aria-label', tr(lang, 'app.tl.markers'));
    transport.setAttribute('aria-label', tr(lang, 'app.tl.transport'));
  };

  const onKey = keyHandler(store);
  keyTarget.addEventListener('keydown', onKey);

  let markerTimes: { analysis: unknown; list: { m: Element; t: number | undefined }[] } = { analysis: null, list: [] };
  const unsubs = [
    watchWords(
      store,
      (s) => s.playing,
      (playing, s) => {
        wordControls(s.lang, playing);
        play.classList.toggle('playing', playing);
      },
    ),
    watch(
      store,
      (s) => s.speed,
      (v) => {
        speed.value = String(v);
      },
    ),
    watchWords(
      store,
      (s) => s.replay,
      (replay, s) => {
        markers.replaceChildren();
        markerTimes = { analysis: null, list: [] };
        renderTicks(ticks, replay && s.analysis, replay?.durationS ?? 0);
        if (!replay || !s.analysis) return;
        const a = s.analysis;
        const d = replay.durationS;
        scrubber.max = String(d);
        const places = markerPlaces(replay.breakdowns, d);
        for (const [i, b] of replay.breakdowns.entries()) {
          const { pct, offsetPx } = places[i]!;
          const m = h('button', {
            type: 'button',
            class: `marker ${breakdownClass(b)}`,
            'aria-label': breakdownLabel(a, b, s.lang),
            title: `${breakdownLabel(a, b, s.lang)}\n${breakdownText(a, b, s.lang)}`,
            'data-breakdown': b.id,
            style: `left: calc(${pct.toFixed(3)}% + ${offsetPx}px)`,
          });
          m.addEventListener('click', () => act().selectBreakdown(b.id));
          markers.append(m);
        }
      },
    ),
    watch(
      store,
      (s) => [s.selectedBreakdown, s.replay, s.lang] as const,
      ([id]) => {
        for (const m of markers.children) (m as HTMLElement).setAttribute('aria-pressed', String((m as HTMLElement).dataset.breakdown === id));
      },
      (x, y) => x[0] === y[0] && x[1] === y[1] && x[2] === y[2],
    ),
    watch(
      store,
      (s) => [s.t, s.analysis, s.lang] as const,
      ([t, a, lang]) => {
        if (!a) return;
        const d = a.run.durationS;
        if (document.activeElement !== scrubber || Number(scrubber.value) !== Math.round(t)) scrubber.value = String(t);
        const text = `${clockOf(a, t)} ${zoneLabel(a)}`;
        clock.value = text;
        clock.textContent = text;
        elapsed.textContent = elapsedText(t, d);
        scrubber.setAttribute('aria-valuetext', scrubberText(text, t, d, lang));
        progress.style.width = `${d > 0 ? (t / d) * 100 : 0}%`;
        if (markerTimes.analysis !== a) {
          // Each marker's time, looked up once per run (not a search of the breakdowns per marker per frame).
          const at = new Map(a.breakdowns.map((b) => [b.id, b.t]));
          markerTimes = { analysis: a, list: [...markers.children].map((m) => ({ m, t: at.get((m as HTMLElement).dataset.breakdown ?? '') })) };
        }
        for (const { m, t: bt } of markerTimes.list) if (bt !== undefined) m.classList.toggle('future', bt > t + 1e-6);
      },
      (x, y) => x[0] === y[0] && x[1] === y[1] && x[2] === y[2],
    ),
  ];
  return {
    destroy() {
      keyTarget.removeEventListener('keydown', onKey);
      unsubs.forEach((u) => u());
    },
  };
}

/** Labelled clock-time ticks along the run (timeline-model.ts picks where). */
function renderTicks(el: HTMLElement, a: Analysis | null, durationS: number): void {
  el.replaceChildren();
  if (!a) return;
  const start = a.run.scenario.spec.start;
  for (const tick of timeTicks(Date.parse(start), zoneOf(start).offsetMin, durationS)) {
    // Near either end the label hangs inwards, so it is not cut by the panel's edge.
    const edge = tick.pct < 4 ? ' start' : tick.pct > 96 ? ' end' : '';
    el.append(h('span', { class: `tick${edge}`, style: `left:${tick.pct.toFixed(3)}%`, 'data-t': String(tick.t) }, tick.label));
  }
}

/** The transport's keys (Space, arrows, [ ], Home, End), wherever the focus is not typing. */
function keyHandler(store: AppStore): (ev: Event) => void {
  return (ev: Event) => {
    const e = ev as KeyboardEvent;
    const target = e.target as HTMLElement | null;
    const action = keyAction({
      key: e.key,
      modified: e.altKey || e.ctrlKey || e.metaKey,
      defaultPrevented: e.defaultPrevented,
      tag: target?.tagName ?? '',
      type: (target as HTMLInputElement | null)?.type ?? '',
      role: target?.getAttribute?.('role') ?? null,
      editable: !!target?.isContentEditable,
    });
    if (!action) return;
    perform(store, action);
    e.preventDefault();
  };
}
