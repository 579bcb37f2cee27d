/**
 * Message sequence chart: units as lifelines, calls as arrows in time order, lost calls ending in
 * a cross labelled with the stage where they died. Arrows after the playhead are dimmed.
 * SVG built with createElementNS and textContent; "Copy as Mermaid" exports the same chart.
 */
import type { Analysis } from '../../core/analysis/report';
import { h, keepInView, s, watch, watchWords, type View } from '../dom';
import { clockOf, nationClass, shortName, stageClass, stageWord, unitName } from '../words';
import { sayContext } from '../i18n';
import { say, t as tr, type Lang } from '../../i18n';
import { sequenceModel, toMermaid, type SeqDelivery, type SeqMessage } from '../sequence-model';
import type { AppStore } from '../store';
import { saveSvgButton } from '../svg-export';
import { GUTTER, MIN_COL, ROW, TOP, arrowLayout, columnWidth, type ArrowLayout } from './sequence-layout';

/** Height of the lifeline heads (their own SVG, which stays in view while the chart scrolls). */
const HEAD = 42;

/** How many lines of Mermaid a text has (it ends with a newline). */
const lineCount = (text: string) => text.split('\n').length - 1;

/**
 * The chart's tools: "Copy as Mermaid" (with the text shown where the clipboard refuses) and
 * "Save SVG" (both of the chart's SVGs, stacked, as the picture).
 */
function sequenceTools(store: AppStore, chartBox: HTMLElement) {
  const copy = h('button', { type: 'button', class: 'copy' });
  const status = h('span', { class: 'muted small', role: 'status' });
  // The Mermaid text itself is an export for other tools: in English, like the JSON report.
  const mermaidBox = h('textarea', { class: 'mermaid-text', readonly: true, rows: 8, hidden: true, spellcheck: 'false', lang: 'en' });
  const lang = () => store.getState().lang;
  copy.addEventListener('click', async () => {
    const a = store.getState().analysis;
    if (!a) return;
    const text = toMermaid(a);
    mermaidBox.value = text;
    mermaidBox.hidden = false;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      status.textContent = tr(lang(), 'app.seq.copied', { n: lineCount(text) });
    } catch {
      status.textContent = tr(lang(), 'app.seq.no-clipboard');
      mermaidBox.select();
    }
  });
  const saveSvg = saveSvgButton(
    () => [...chartBox.querySelectorAll<SVGSVGElement>(':scope > svg')],
    () => `sequence-${store.getState().scenarioId || 'scenario'}${store.getState().account ? `-${store.getState().account}` : ''}.svg`,
    () => store.getState().analysis?.run.scenario.spec.title ?? '',
    { classes: ['future'], drop: '.seq-playhead' },
  );
  const word = (l: Lang, a: Analysis | null) => {
    copy.textContent = tr(l, 'app.seq.copy');
    mermaidBox.setAttribute('aria-label', tr(l, 'app.seq.mermaid'));
    saveSvg.textContent = tr(l, 'app-tools.svg.button');
    saveSvg.title = tr(l, 'app-tools.svg.title');
    saveSvg.disabled = !a;
  };
  /** A new run: the last run's Mermaid text and copy status go. */
  const reset = () => {
    mermaidBox.hidden = true;
    status.textContent = '';
  };
  return { bar: h('div', { class: 'seq-tools' }, copy, saveSvg, status), mermaidBox, word, reset };
}

export function mountSequence(root: HTMLElement, store: AppStore): View {
  const lang = () => store.getState().lang;
  const chartBox = h('div', { class: 'seq-scroll' });
  const tools = sequenceTools(store, chartBox);
  root.append(tools.bar, chartBox, tools.mermaidBox);

  let groups: { m: SeqMessage; g: SVGGElement }[] = [];
  let playLine: SVGLineElement | null = null;
  let lastCount = -1;

  let COL = MIN_COL;
  let participants = 0;
  const fitCol = () => columnWidth(participants, chartBox.clientWidth);

  const build = (a: Analysis | null) => {
    const l = lang();
    tools.word(l, a);
    chartBox.replaceChildren();
    groups = [];
    playLine = null;
    lastCount = -1;
    if (!a) return;
    const model = sequenceModel(a);
    participants = model.participants.length;
    COL = fitCol();
    if (!model.messages.length) {
      chartBox.append(h('p', { class: 'muted' }, tr(l, 'app.seq.no-calls')));
      return;
    }
    const x = new Map(model.participants.map((p, i) => [p.id, GUTTER + COL / 2 + i * COL]));
    const width = GUTTER + model.participants.length * COL + 10;
    const height = TOP + model.messages.length * ROW + 12;
    const head = s('svg', { class: 'seq-head', width, height: HEAD, viewBox: `0 0 ${width} ${HEAD}`, 'aria-hidden': 'true' });
    const svg = s('svg', {
      class: 'seq',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'list',
      'aria-label': tr(l, 'app.seq.chart', { n: model.messages.length, units: model.participants.map((p) => shortName(a, p.id, l)) }),
    });
    svg.append(
      s(
        'defs',
        {},
        s(
          'marker',
          { id: 'seq-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
          s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }),
        ),
      ),
    );
    for (const p of model.participants) {
      const px = x.get(p.id)!;
      head.append(
        s(
          'g',
          { class: `lifeline ${nationClass(p.nation)}` },
          s('title', {}, p.name),
          s('rect', { x: px - COL / 2 + 4, y: 3, width: COL - 8, height: 36, rx: 4 }),
          lifelineLabel(shortName(a, p.id, l), px),
        ),
      );
      svg.append(s('g', { class: `lifeline ${nationClass(p.nation)}`, 'aria-hidden': 'true' }, s('line', { x1: px, y1: 0, x2: px, y2: height })));
    }
    model.messages.forEach((m, i) => {
      const g = messageGroup(a, m, arrowLayout(m, i, x, COL, tr(l, `app.tx-kind.${m.kind}`)), x, width, l, () => store.getState().selectEntry(m.entry));
      svg.append(g);
      groups.push({ m, g });
    });
    playLine = s('line', { class: 'seq-playhead', x1: 0, x2: width, y1: TOP, y2: TOP, 'aria-hidden': 'true' });
    svg.append(playLine);
    chartBox.append(head, svg);
  };

  const follow = (t: number, force = false) => {
    let count = 0;
    for (const { m } of groups) if (m.t <= t + 1e-6) count++;
    if (count === lastCount && !force) return;
    lastCount = count;
    groups.forEach(({ g }, i) => {
      g.classList.toggle('future', i >= count);
      g.classList.toggle('current', i === count - 1);
    });
    const y = TOP + count * ROW + 2;
    playLine?.setAttribute('y1', String(y));
    playLine?.setAttribute('y2', String(y));
    const current = groups[Math.max(0, count - 1)]?.g;
    if (current && !chartBox.closest('[hidden]')) keepInView(chartBox, current);
  };

  const unsubs = [
    watchWords(
      store,
      (st) => st.analysis,
      (a, st) => {
        tools.reset();
        build(a);
        follow(st.t);
      },
    ),
    watch(
      store,
      (st) => st.t,
      (t) => follow(t),
    ),
  ];
  /** Lays the chart out again when the pane's width calls for another lifeline spacing. */
  const refit = () => {
    if (participants && fitCol() !== COL) {
      build(store.getState().analysis);
      follow(store.getState().t, true);
    }
  };
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => refit()) : null;
  resize?.observe(chartBox);
  return {
    destroy() {
      unsubs.forEach((u) => u());
      resize?.disconnect();
    },
    shown() {
      refit();
      follow(store.getState().t, true);
    },
  };
}

/** A call's row: its time, the arrow (with a cross where it was lost), its label; Enter or a click picks it. */
function messageGroup(a: Analysis, m: SeqMessage, at: ArrowLayout, x: ReadonlyMap<string, number>, width: number, lang: Lang, pick: () => void): SVGGElement {
  const { y, x1, far, x2, dir, reach } = at;
  const stage = (st: SeqDelivery['reached']) => (st ? stageWord(st, lang) : tr(lang, 'app.nothing'));
  const words = m.deliveries
    .map((d) =>
      d.failedAt
        ? tr(lang, 'app.seq.lost', { stage: stage(d.failedAt), unit: shortName(a, d.unit, lang) })
        : tr(lang, 'app.seq.reached', { stage: stage(d.reached), unit: shortName(a, d.unit, lang) }),
    )
    .join(tr(lang, 'app.seq.separator'));
  const g = s('g', {
    class: `msg ${m.deliveries.some((d) => d.lost) ? 'lost' : ''}`,
    role: 'listitem',
    tabindex: 0,
    'data-tx': m.tx,
    'aria-label': tr(lang, 'app.seq.row', {
      time: clockOf(a, m.t),
      tx: m.tx,
      from: unitName(a, m.from, lang),
      to: unitName(a, m.to, lang),
      channel: m.channel,
      kind: tr(lang, `app.tx-kind.${m.kind}`),
      words: words || tr(lang, 'app.seq.no-outcome'),
    }),
  });
  // The tooltip quotes what was said on the air, as it was said.
  g.append(s('title', {}, `${m.tx} ${clockOf(a, m.t)}\n${m.text}`));
  g.append(s('rect', { class: 'hit', x: 0, y: y - ROW / 2 - 4, width, height: ROW }));
  g.append(s('text', { class: 'when', x: 6, y: y + 4 }, clockOf(a, m.t)));
  g.append(
    s('line', {
      class: 'arrow',
      x1,
      y1: y,
      x2: reach < 1 ? x2 : x2 - dir * 2,
      y2: y,
      ...(reach < 1 ? {} : { 'marker-end': 'url(#seq-arrow)' }),
    }),
  );
  g.append(s('text', { class: 'label', x: (x1 + far) / 2, y: y - 6, 'text-anchor': 'middle' }, at.label));
  for (const d of m.deliveries) {
    if (!d.failedAt) continue;
    const tx = x.get(d.unit);
    if (tx === undefined) continue;
    const cx = m.to === 'all' || !d.lost ? tx : x2;
    g.append(cross(a, d, cx, y, dir, lang));
  }
  g.addEventListener('click', pick);
  g.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      ev.stopPropagation();
      pick();
    }
  });
  return g;
}

/** A lifeline's name on one line, or two when it is long ("Gwanggaeto / the Great"). */
function lifelineLabel(name: string, x: number): SVGTextElement {
  const words = name.split(/\s+/);
  if (name.length <= 16 || words.length < 2) return s('text', { x, y: 25, 'text-anchor': 'middle' }, name.length > 20 ? `${name.slice(0, 19)}…` : name);
  let best = 1;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ').length;
    const b = words.slice(i).join(' ').length;
    const cur = Math.max(words.slice(0, best).join(' ').length, words.slice(best).join(' ').length);
    if (Math.max(a, b) < cur) best = i;
  }
  return s(
    'text',
    { x, y: 17, 'text-anchor': 'middle' },
    s('tspan', { x, dy: 0 }, words.slice(0, best).join(' ')),
    s('tspan', { x, dy: 15 }, words.slice(best).join(' ')),
  );
}

function cross(a: Analysis, d: SeqDelivery, cx: number, y: number, dir: number, lang: Lang): SVGGElement {
  const r = 6;
  const stage = d.failedAt ? stageWord(d.failedAt, lang) : '';
  const cause = d.why ? say(lang, d.why, sayContext(a)) : (d.cause ?? '');
  return s(
    'g',
    { class: `cross ${stageClass(d.failedAt)}`, role: 'img', 'aria-label': tr(lang, 'app.bd.tag', { stage }) },
    s('title', {}, tr(lang, 'app.seq.cause', { stage, cause })),
    s('line', { x1: cx - r, y1: y - r, x2: cx + r, y2: y + r }),
    s('line', { x1: cx - r, y1: y + r, x2: cx + r, y2: y - r }),
    s('text', { x: cx + dir * (r + 4), y: y + 16, 'text-anchor': dir > 0 ? 'start' : 'end' }, stage),
  );
}
