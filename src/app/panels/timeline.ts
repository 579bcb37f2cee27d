/**
 * Timeline: transport controls, speed, the scrubber with breakdown markers, the scenario clock,
 * and the keyboard shortcuts (Space, ←/→, [ ], Home/End). Reads the playhead from the store;
 * never reads the wall clock (the animation loop in clock.ts does that).
 */
import { h, watch, type View } from '../dom';
import { breakdownClass, breakdownLabel, clockOf, zoneLabel } from '../words';
import { SPEEDS, type AppStore } from '../store';
import { elapsedText, keyAction, markerPlaces, scrubberText, type KeyAction } from './timeline-model';

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
  const button = (label: string, text: string, keys: string, onClick: () => void, cls = '') => {
    const b = h('button', { type: 'button', 'aria-label': label, title: `${label} (${keys})`, 'aria-keyshortcuts': keys, class: cls }, text);
    b.addEventListener('click', onClick);
    return b;
  };
  const play = button('Play', '▶ Play', 'Space', () => act().togglePlay(), 'play');
  const prevBreakdown = button('Previous breakdown', '« Breakdown', '', () => act().jumpBreakdown(-1));
  const prevEvent = button('Previous event', '◀ Event', 'ArrowLeft', () => act().stepEvent(-1));
  const nextEvent = button('Next event', 'Event ▶', 'ArrowRight', () => act().stepEvent(1));
  const nextBreakdown = button('Next breakdown', 'Breakdown »', '', () => act().jumpBreakdown(1));
  for (const b of [prevBreakdown, nextBreakdown]) {
    b.removeAttribute('aria-keyshortcuts');
    b.title = b.getAttribute('aria-label')!;
  }
  const speed = h('select', { id: 'speed', 'aria-keyshortcuts': '[ ]', title: 'Playback speed ([ slower, ] faster)' });
  for (const x of SPEEDS) speed.append(h('option', { value: String(x), text: `${x}×` }));
  speed.addEventListener('change', () => act().setSpeed(Number(speed.value) as (typeof SPEEDS)[number]));

  const clock = h('output', { id: 'clock', class: 'clock', 'aria-label': 'Scenario clock' });
  const elapsed = h('span', { class: 'elapsed muted' });

  const scrubber = h('input', { type: 'range', min: 0, max: 0, step: 1, value: 0, 'aria-label': 'Playhead', id: 'playhead' });
  scrubber.addEventListener('input', () => act().seek(Number(scrubber.value)));
  const markers = h('div', { class: 'markers', role: 'group', 'aria-label': 'Breakdowns on the timeline' });
  const progress = h('div', { class: 'progress', 'aria-hidden': 'true' });

  root.append(
    h(
      'div',
      { class: 'transport', role: 'toolbar', 'aria-label': 'Transport' },
      prevBreakdown,
      prevEvent,
      play,
      nextEvent,
      nextBreakdown,
      h('label', { class: 'speed' }, h('span', {}, 'Speed'), speed),
      h('div', { class: 'clock-box' }, clock, elapsed),
    ),
    h('div', { class: 'scrub' }, markers, h('div', { class: 'track' }, progress, scrubber)),
  );

  const onKey = (ev: Event) => {
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
  keyTarget.addEventListener('keydown', onKey);

  let markerTimes: { analysis: unknown; list: { m: Element; t: number | undefined }[] } = { analysis: null, list: [] };
  const unsubs = [
    watch(
      store,
      (s) => s.playing,
      (playing) => {
        play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
        play.textContent = playing ? '❚❚ Pause' : '▶ Play';
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
    watch(
      store,
      (s) => s.replay,
      (replay, s) => {
        markers.replaceChildren();
        markerTimes = { analysis: null, list: [] };
        if (!replay || !s.analysis) return;
        const a = s.analysis;
        const d = replay.durationS;
        scrubber.max = String(d);
        const places = markerPlaces(replay.breakdowns, d);
        for (const [i, b] of replay.breakdowns.entries()) {
          const { pct, stacked: n } = places[i]!;
          const m = h('button', {
            type: 'button',
            class: `marker ${breakdownClass(b)}`,
            'aria-label': breakdownLabel(a, b),
            title: `${breakdownLabel(a, b)}\n${b.explanation}`,
            'data-breakdown': b.id,
            style: `left: calc(${pct.toFixed(3)}% + ${n * 9}px)`,
          });
          m.addEventListener('click', () => act().selectBreakdown(b.id));
          markers.append(m);
        }
      },
    ),
    watch(
      store,
      (s) => s.selectedBreakdown,
      (id) => {
        for (const m of markers.children) (m as HTMLElement).setAttribute('aria-pressed', String((m as HTMLElement).dataset.breakdown === id));
      },
    ),
    watch(
      store,
      (s) => [s.t, s.analysis] as const,
      ([t, a]) => {
        if (!a) return;
        const d = a.run.durationS;
        if (document.activeElement !== scrubber || Number(scrubber.value) !== Math.round(t)) scrubber.value = String(t);
        const text = `${clockOf(a, t)} ${zoneLabel(a)}`;
        clock.value = text;
        clock.textContent = text;
        elapsed.textContent = elapsedText(t, d);
        scrubber.setAttribute('aria-valuetext', scrubberText(text, t, d));
        progress.style.width = `${d > 0 ? (t / d) * 100 : 0}%`;
        if (markerTimes.analysis !== a) {
          // Each marker's time, looked up once per run (not a search of the breakdowns per marker per frame).
          const at = new Map(a.breakdowns.map((b) => [b.id, b.t]));
          markerTimes = { analysis: a, list: [...markers.children].map((m) => ({ m, t: at.get((m as HTMLElement).dataset.breakdown ?? '') })) };
        }
        for (const { m, t: bt } of markerTimes.list) if (bt !== undefined) m.classList.toggle('future', bt > t + 1e-6);
      },
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
  ];
  return {
    destroy() {
      keyTarget.removeEventListener('keydown', onKey);
      unsubs.forEach((u) => u());
    },
  };
}
