/**
 * Sweep tab: N varied runs of the scenario under two procedures (the one in force and a pick),
 * spread over Web Workers, with a progress bar; then a chart of the exchange-completed rate with
 * its 95% Wilson interval, and the rate of a breakdown at each stage of the ladder, per procedure.
 * Drawn as inline SVG with text nodes only. Same seeds, same numbers as `npm run sweep`.
 */
import type { ProcedureSummary, Rate, RunRecord } from '../../core/sweep/sweep';
import { describeVary } from '../../core/sweep/vary';
import { shippedProcedures } from '../catalog';
import { h, s, fill, watch, type View } from '../dom';
import type { AppStore } from '../store';
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
const rateWords = (r: Rate) => `${pct(r.rate)} (${r.k}/${r.n}; 95% interval ${pct(r.lo)}–${pct(r.hi)})`;

/** Rows of the chart: completion first, then each stage of the ladder. */
function rows(summaries: ProcedureSummary[]): { label: string; rates: Rate[] }[] {
  const first = summaries[0]!;
  return [
    { label: 'Every call exchange completed', rates: summaries.map((x) => x.completed) },
    ...first.stages.map((st, i) => ({ label: `Breakdown at ${st.id.replace(/^stage:/, '')}`, rates: summaries.map((x) => x.stages[i]!) })),
  ];
}

/** The chart: one row per measure, one bar per procedure, whiskers for the 95% interval. */
export function sweepChart(summaries: ProcedureSummary[]): SVGSVGElement {
  const data = rows(summaries);
  const labelW = 190;
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
    'aria-label': `Sweep chart: ${summaries.map((p) => `${p.procedure}: ${rateWords(p.completed)} of runs completed every exchange`).join('; ')}`,
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
      const g = s('g', { class: 'sweep-row' }, s('title', {}, `${summaries[pi]!.procedure}: ${row.label.toLowerCase()} in ${rateWords(r)}`));
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
function sweepTable(summaries: ProcedureSummary[]): HTMLTableElement {
  return h(
    'table',
    { class: 'cmp-table sweep-table', 'aria-label': 'Sweep results' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Measure'),
        summaries.map((p) => h('th', { scope: 'col' }, p.procedure)),
      ),
    ),
    h(
      'tbody',
      {},
      rows(summaries).map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, r.label),
          r.rates.map((x) => h('td', {}, rateWords(x))),
        ),
      ),
    ),
  );
}

export function renderSweep(out: HTMLElement, res: SweepOutcome, file: string): void {
  const j = res.job;
  const cli = `npm run sweep -- ${file} --runs ${j.runs}${j.account ? ` --account ${j.account}` : ''} --seed ${j.seed}${j.procedures.map((p) => ` --procedure ${p}`).join('')}`;
  fill(
    out,
    h(
      'p',
      { class: 'muted' },
      `${j.runs} runs per procedure, seed ${j.seed}, varying ${describeVary(j.vary)}. ${j.runs * j.procedures.length} runs in ${res.seconds.toFixed(1)} s on ${res.workers} worker${res.workers === 1 ? '' : 's'}.`,
    ),
    h('div', { class: 'sweep-chart-box' }, sweepChart(res.summaries)),
    h('p', { class: 'muted' }, 'Bars: share of runs; whiskers: 95% Wilson interval. The same numbers on the command line: ', h('code', {}, cli)),
    h('details', {}, h('summary', {}, 'Numbers'), sweepTable(res.summaries)),
  );
}

export function mountSweep(root: HTMLElement, store: AppStore): View {
  const runsInput = h('input', { type: 'number', id: 'sweep-runs', min: 1, max: MAX_RUNS, step: 1, value: 200, class: 'sweep-runs' });
  const otherSel = h('select', { id: 'sweep-procedure' });
  for (const p of shippedProcedures) otherSel.append(h('option', { value: p.id, text: p.id }));
  const go = h('button', { type: 'button', class: 'primary' }, 'Run sweep');
  const cancel = h('button', { type: 'button', hidden: true }, 'Stop');
  const bar = h(
    'div',
    {
      class: 'sweep-progress',
      role: 'progressbar',
      'aria-label': 'Sweep progress',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': 0,
      hidden: true,
    },
    h('div', { class: 'sweep-progress-fill' }),
  );
  const status = h('p', { class: 'muted', role: 'status' });
  const out = h(
    'div',
    { class: 'sweep-out' },
    h(
      'p',
      { class: 'muted' },
      'Runs the scenario many times with seeded variation (noise, crews, links) under the procedure in force and another, and charts how often the exchange completes and where calls break down.',
    ),
  );
  const against = h('span', { class: 'muted' });
  root.append(
    h(
      'div',
      { class: 'mode-bar', role: 'group', 'aria-label': 'Sweep settings' },
      h('label', { class: 'picker inline' }, h('span', {}, `Runs (1–${MAX_RUNS})`), runsInput),
      against,
      h('label', { class: 'picker inline' }, h('span', {}, 'Against procedure'), otherSel),
      go,
      cancel,
    ),
    bar,
    status,
    out,
  );
  let abort: AbortController | null = null;

  go.addEventListener('click', async () => {
    const st = store.getState();
    const a = st.analysis;
    if (!a) return;
    const runs = Math.round(Number(runsInput.value));
    if (!Number.isFinite(runs) || runs < 1 || runs > MAX_RUNS) {
      status.textContent = `Runs must be a whole number from 1 to ${MAX_RUNS}.`;
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
    status.textContent = `Running ${runs * procedures.length} runs on ${workers} workers…`;
    try {
      const res = await runSweepInWorkers(
        job,
        workers,
        (done, total) => {
          const v = Math.round((done / total) * 100);
          bar.setAttribute('aria-valuenow', String(v));
          bar.setAttribute('aria-valuetext', `${done} of ${total} runs`);
          (bar.firstChild as HTMLElement).style.width = `${v}%`;
        },
        abort.signal,
      );
      status.textContent = `Done: ${runs * procedures.length} runs.`;
      renderSweep(out, res, st.scenarioFile);
    } catch (err) {
      status.textContent = `The sweep did not finish: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      go.disabled = false;
      cancel.hidden = true;
      abort = null;
    }
  });
  cancel.addEventListener('click', () => abort?.abort());

  const unsub = watch(
    store,
    (x) => x.analysis,
    (a) => {
      if (!a) return;
      const current = a.run.scenario.procedure.id;
      against.textContent = `${current} against`;
      if (otherSel.value === current || !otherSel.value) otherSel.value = shippedProcedures.find((p) => p.id !== current)?.id ?? current;
    },
  );
  return {
    destroy: () => {
      unsub();
      abort?.abort();
    },
  };
}
