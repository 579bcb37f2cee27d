/**
 * Sweep tab: N varied runs of the scenario under two procedures (the one in force and a pick),
 * spread over Web Workers, with a progress bar; then a chart of the exchange-completed rate with
 * its 95% Wilson interval, and the rate of a breakdown at each stage of the ladder, per procedure.
 * Drawn as inline SVG with text nodes only. Same seeds, same numbers as `npm run sweep`.
 */
import type { ProcedureSummary, Rate, RunRecord } from '../../core/sweep/sweep';
import { describeVary } from '../../core/sweep/vary';
import { wordsIn, wordsOf, type Words } from '../said';
import { shippedProcedures } from '../catalog';
import { h, s, fill, watch, type View } from '../dom';
import type { AppStore } from '../store';
import { saveSvgButton } from '../svg-export';
import { DEFAULT_VARY_SPECS, loadSweepScenarios, planTasks, summariseSweep, type FromWorker, type SweepJob } from './sweep-run';

export const MAX_RUNS = 1000;

export interface SweepOutcome {
  job: SweepJob;
  summaries: ProcedureSummary[];
  seconds: number;
  workers: number;
}

/** Runs the job on `workers` Web Workers; resolves with the summaries. */
export function runSweepInWorkers(
  job: SweepJob,
  workers: number,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<SweepOutcome> {
  const started = performance.now();
  const loaded = loadSweepScenarios(job);
  if ('error' in loaded) return Promise.reject(new Error(loaded.error));
  const plans = planTasks(job, workers);
  const total = job.runs * job.procedures.length;
  const records: RunRecord[][] = job.procedures.map(() => new Array<RunRecord>(job.runs));
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let finished = 0;
    let failed = false;
    const stop = () => pool.forEach((w) => w.terminate());
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      stop();
      reject(err);
    };
    signal?.addEventListener('abort', () => fail(new Error('stopped')));
    for (const tasks of plans) {
      const w = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
      pool.push(w);
      w.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        if (failed) return;
        if (m.type === 'error') return fail(new Error(m.message));
        if (m.type === 'done') {
          for (const r of m.records) records[m.p]![r.index] = r;
          done += m.records.length;
          onProgress(done, total);
          return;
        }
        w.terminate();
        if (++finished === plans.length)
          resolve({ job, summaries: summariseSweep(loaded, records), seconds: (performance.now() - started) / 1000, workers: plans.length });
      });
      w.addEventListener('error', (ev) => fail(new Error(ev.message || 'a sweep worker failed to start')));
      w.postMessage({ job, tasks });
    }
  });
}

const pct = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.1 ? 1 : 0)}%`;
const rateWords = (w: Words, r: Rate) => w('app-tools.sweep.rate', { rate: pct(r.rate), k: r.k, n: r.n, lo: pct(r.lo), hi: pct(r.hi) });

/** Rows of the chart: completion first, then each stage of the ladder (its name through terms.stage.*). */
function rows(w: Words, summaries: ProcedureSummary[]): { label: string; rates: Rate[] }[] {
  const first = summaries[0]!;
  return [
    { label: w('app-tools.sweep.completed'), rates: summaries.map((x) => x.completed) },
    ...first.stages.map((st, i) => ({
      label: w('app-tools.sweep.breakdown-at', { stage: w.stage(st.id.replace(/^stage:/, '')) }),
      rates: summaries.map((x) => x.stages[i]!),
    })),
  ];
}

/** A label's width in px, estimated: Latin letters about 0.6 em (bold 0.66), CJK characters a full em. */
function textWidth(text: string, px: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : bold ? 0.66 : 0.6;
  return em * px;
}

/** The chart: one row per measure, one bar per procedure, whiskers for the 95% interval. */
export function sweepChart(summaries: ProcedureSummary[], w: Words = wordsIn('en')): SVGSVGElement {
  const data = rows(w, summaries);
  // Wide enough for the longest label (the first is bold), so none is cut off at the left edge.
  const labelW = Math.max(190, ...data.map((r, i) => Math.ceil(textWidth(r.label, 13, i === 0)) + 16));
  const plotW = 380;
  const valueW = 70;
  const barH = 13;
  const gap = 10;
  const top = 34;
  const rowH = summaries.length * barH + gap;
  const width = labelW + plotW + valueW;
  const height = top + data.length * rowH + 26;
  const x = (v: number) => labelW + v * plotW;
  const svg = s('svg', {
    class: 'sweep-chart',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': w('app-tools.sweep.chart', {
      procedures: summaries.map((p) => w('app-tools.sweep.chart-one', { procedure: p.procedure, rate: rateWords(w, p.completed) })).join('; '),
    }),
  });
  // Legend.
  summaries.forEach((p, i) => {
    const lx = labelW + i * 190;
    svg.append(
      s('rect', { x: lx, y: 6, width: 12, height: 12, class: `sweep-bar p${i}` }),
      s('text', { x: lx + 17, y: 16, class: 'sweep-legend' }, p.procedure),
    );
  });
  // Grid and axis.
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    const gx = x(v);
    svg.append(
      s('line', { x1: gx, x2: gx, y1: top - 4, y2: height - 22, class: 'sweep-grid' }),
      s('text', { x: gx, y: height - 8, class: 'sweep-axis', 'text-anchor': 'middle' }, `${v * 100}%`),
    );
  }
  data.forEach((row, ri) => {
    const y0 = top + ri * rowH;
    svg.append(
      s('text', { x: labelW - 8, y: y0 + (summaries.length * barH) / 2 + 4, class: `sweep-label${ri === 0 ? ' main' : ''}`, 'text-anchor': 'end' }, row.label),
    );
    row.rates.forEach((r, pi) => {
      const y = y0 + pi * barH;
      const cy = y + barH / 2;
      const g = s(
        'g',
        { class: 'sweep-row' },
        s('title', {}, w('app-tools.sweep.bar-title', { procedure: summaries[pi]!.procedure, measure: row.label.toLowerCase(), rate: rateWords(w, r) })),
      );
      g.append(
        s('rect', { x: x(0), y: y + 1, width: Math.max(r.rate * plotW, r.k ? 1.5 : 0), height: barH - 2, class: `sweep-bar p${pi}` }),
        s('line', { x1: x(r.lo), x2: x(r.hi), y1: cy, y2: cy, class: 'sweep-whisker' }),
        s('line', { x1: x(r.lo), x2: x(r.lo), y1: cy - 4, y2: cy + 4, class: 'sweep-whisker' }),
        s('line', { x1: x(r.hi), x2: x(r.hi), y1: cy - 4, y2: cy + 4, class: 'sweep-whisker' }),
        s('text', { x: labelW + plotW + 8, y: cy + 4, class: 'sweep-value' }, pct(r.rate)),
      );
      svg.append(g);
    });
  });
  return svg;
}

/** The same numbers as a table (screen readers, copying into a report). */
function sweepTable(w: Words, summaries: ProcedureSummary[]): HTMLTableElement {
  return h(
    'table',
    { class: 'cmp-table sweep-table', 'aria-label': w('app-tools.sweep.results') },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, w('app-tools.sweep.measure')),
        summaries.map((p) => h('th', { scope: 'col' }, p.procedure)),
      ),
    ),
    h(
      'tbody',
      {},
      rows(w, summaries).map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, r.label),
          r.rates.map((x) => h('td', {}, rateWords(w, x))),
        ),
      ),
    ),
  );
}

export function renderSweep(out: HTMLElement, res: SweepOutcome, file: string, w: Words = wordsIn('en')): void {
  const j = res.job;
  const chart = sweepChart(res.summaries, w);
  const base = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  const saveSvg = saveSvgButton(
    () => [chart],
    () => `sweep-${base}-${j.runs}-runs.svg`,
    () => w('app-tools.sweep.results'),
  );
  saveSvg.textContent = w('app-tools.svg.button');
  saveSvg.title = w('app-tools.svg.title');
  const cli = `npm run sweep -- ${file} --runs ${j.runs}${j.account ? ` --account ${j.account}` : ''} --seed ${j.seed}${j.procedures.map((p) => ` --procedure ${p}`).join('')}`;
  fill(
    out,
    h(
      'p',
      { class: 'muted' },
      w('app-tools.sweep.done-line', {
        runs: j.runs,
        seed: j.seed,
        vary: describeVary(j.vary),
        total: j.runs * j.procedures.length,
        seconds: res.seconds.toFixed(1),
        workers: res.workers,
      }),
    ),
    h('div', { class: 'sweep-chart-box' }, chart),
    h('p', {}, saveSvg),
    h('p', { class: 'muted' }, w('app-tools.sweep.legend'), h('code', {}, cli)),
    h('details', {}, h('summary', {}, w('app-tools.sweep.numbers')), sweepTable(w, res.summaries)),
  );
}

export function mountSweep(root: HTMLElement, store: AppStore): View {
  const runsInput = h('input', { type: 'number', id: 'sweep-runs', min: 1, max: MAX_RUNS, step: 1, value: 200, class: 'sweep-runs' });
  const otherSel = h('select', { id: 'sweep-procedure' });
  for (const p of shippedProcedures) otherSel.append(h('option', { value: p.id, text: p.id }));
  const say = (name: string, params?: Parameters<Words>[1]) => wordsOf(store)(`app-tools.sweep.${name}`, params);
  const go = h('button', { type: 'button', class: 'primary' });
  const cancel = h('button', { type: 'button', hidden: true });
  const bar = h(
    'div',
    {
      class: 'sweep-progress',
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': 0,
      hidden: true,
    },
    h('div', { class: 'sweep-progress-fill' }),
  );
  const status = h('p', { class: 'muted', role: 'status' });
  const intro = h('p', { class: 'muted' });
  const out = h('div', { class: 'sweep-out' }, intro);
  const against = h('span', { class: 'muted' });
  const runsLabel = h('span', {});
  const otherLabel = h('span', {});
  const settings = h(
    'div',
    { class: 'mode-bar', role: 'group' },
    h('label', { class: 'picker inline' }, runsLabel, runsInput),
    against,
    h('label', { class: 'picker inline' }, otherLabel, otherSel),
    go,
    cancel,
  );
  root.append(settings, bar, status, out);
  let shown: { res: SweepOutcome; file: string } | null = null;
  /** The fixed words, and a result on screen, again when the reader's language changes. */
  const label = () => {
    go.textContent = say('run');
    cancel.textContent = say('stop');
    bar.setAttribute('aria-label', say('progress'));
    intro.textContent = say('intro');
    settings.setAttribute('aria-label', say('settings'));
    runsLabel.textContent = say('runs', { max: MAX_RUNS });
    otherLabel.textContent = say('against-procedure');
    const a = store.getState().analysis;
    if (a) against.textContent = say('against', { procedure: a.run.scenario.procedure.id });
    if (shown) renderSweep(out, shown.res, shown.file, wordsOf(store));
  };
  let abort: AbortController | null = null;

  go.addEventListener('click', async () => {
    const st = store.getState();
    const a = st.analysis;
    if (!a) return;
    const runs = Math.round(Number(runsInput.value));
    if (!Number.isFinite(runs) || runs < 1 || runs > MAX_RUNS) {
      status.textContent = say('runs-range', { max: MAX_RUNS });
      runsInput.focus();
      return;
    }
    const current = a.run.scenario.procedure.id;
    const procedures = otherSel.value && otherSel.value !== current ? [current, otherSel.value] : [current];
    const job: SweepJob = {
      file: { file: st.scenarioFile, text: st.scenarioText },
      account: a.run.scenario.account,
      procedures,
      runs,
      seed: a.run.scenario.spec.seed,
      vary: DEFAULT_VARY_SPECS,
    };
    const workers = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
    abort = new AbortController();
    go.disabled = true;
    cancel.hidden = false;
    bar.hidden = false;
    bar.setAttribute('aria-valuenow', '0');
    (bar.firstChild as HTMLElement).style.width = '0%';
    status.textContent = say('running', { runs: runs * procedures.length, workers });
    try {
      const res = await runSweepInWorkers(
        job,
        workers,
        (done, total) => {
          const v = Math.round((done / total) * 100);
          bar.setAttribute('aria-valuenow', String(v));
          bar.setAttribute('aria-valuetext', say('progress-value', { done, total }));
          (bar.firstChild as HTMLElement).style.width = `${v}%`;
        },
        abort.signal,
      );
      status.textContent = say('done', { runs: runs * procedures.length });
      shown = { res, file: st.scenarioFile };
      renderSweep(out, res, st.scenarioFile, wordsOf(store));
    } catch (err) {
      status.textContent = say('failed', { error: err instanceof Error ? err.message : String(err) });
    } finally {
      go.disabled = false;
      cancel.hidden = true;
      abort = null;
    }
  });
  cancel.addEventListener('click', () => abort?.abort());

  const unsubs = [
    watch(
      store,
      (x) => x.analysis,
      (a) => {
        if (!a) return;
        const current = a.run.scenario.procedure.id;
        against.textContent = say('against', { procedure: current });
        if (otherSel.value === current || !otherSel.value) otherSel.value = shippedProcedures.find((p) => p.id !== current)?.id ?? current;
      },
    ),
    watch(store, (x) => x.lang, label),
  ];
  return {
    destroy: () => {
      unsubs.forEach((u) => u());
      abort?.abort();
    },
  };
}
