// Issue 7, Sweep tab. The worker's own functions, run in-process, give exactly what
// `npm run sweep` gives for the same seeds; and the tab shows a progress bar and a chart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { within, waitFor } from '@testing-library/dom';
import { mountApp } from './setup';
import {
  loadSweepScenarios,
  planTasks,
  runTasks,
  summariseSweep,
  DEFAULT_VARY_SPECS,
  type FromWorker,
  type SweepJob,
  type SweepTask,
} from '../../src/app/explore/sweep-run';
import { runSweep } from '../../src/cli/sweep';
import { sweepReport } from '../../src/core/sweep/output';
import { DEFAULT_VARY, parseVary } from '../../src/core/sweep/vary';
import type { RunRecord } from '../../src/core/sweep/sweep';

const ROOT = join(import.meta.dirname, '../..');
const FILE = 'scenarios/dec-2018-noto.yaml';

describe('sweep worker function against the CLI', () => {
  test('same seeds, same records and the same summaries (Wilson intervals included) as npm run sweep', async () => {
    const text = readFileSync(join(ROOT, FILE), 'utf8');
    const job: SweepJob = {
      file: { file: FILE, text },
      account: 'rok',
      procedures: ['practice-2018', 'jp-rok-2024'],
      runs: 24,
      seed: 1,
      vary: DEFAULT_VARY_SPECS,
    };
    // The app's default variation is the CLI's default --vary.
    expect(DEFAULT_VARY_SPECS).toEqual(parseVary(DEFAULT_VARY.join(',')));

    const scenarios = loadSweepScenarios(job);
    if ('error' in scenarios) throw new Error(scenarios.error);
    const records: RunRecord[][] = job.procedures.map(() => []);
    // As two workers would: each its share of the ranges, records put back by index.
    for (const share of planTasks(job, 2)) runTasks(scenarios, job, share, (p, list) => list.forEach((r) => (records[p]![r.index] = r)));
    const mine = summariseSweep(scenarios, records);

    const cli = await runSweep(
      { file: { file: FILE, text }, account: 'rok', procedures: job.procedures, runs: job.runs, seed: 1, vary: job.vary },
      { workers: 0 },
    );
    if ('diagnostics' in cli) throw new Error('cli sweep failed');
    expect(records).toEqual(cli.records);
    expect(mine).toEqual(cli.summaries);
    expect(JSON.stringify(sweepReport(cli.header, mine))).toBe(JSON.stringify(sweepReport(cli.header, cli.summaries)));
    // Not a vacuous match: the procedures differ and the interval is a real one.
    expect(mine[0]!.procedure).toBe('practice-2018');
    expect(mine[1]!.procedure).toBe('jp-rok-2024');
    expect(mine[1]!.completed.hi).toBeGreaterThan(mine[1]!.completed.lo);
  });
});

/** A Worker that does the worker's job in this thread, asynchronously, as sweep.worker.ts does. */
class InProcessWorker {
  static started = 0;
  private listeners: ((ev: { data: FromWorker }) => void)[] = [];
  constructor() {
    InProcessWorker.started++;
  }
  addEventListener(type: string, fn: (ev: { data: FromWorker }) => void) {
    if (type === 'message') this.listeners.push(fn);
  }
  postMessage({ job, tasks }: { job: SweepJob; tasks: SweepTask[] }) {
    const emit = (m: FromWorker) => this.listeners.forEach((l) => l({ data: m }));
    setTimeout(() => {
      const sc = loadSweepScenarios(job);
      if ('error' in sc) return emit({ type: 'error', message: sc.error });
      runTasks(sc, job, tasks, (p, records) => emit({ type: 'done', p, records }));
      emit({ type: 'finished' });
    }, 0);
  }
  terminate() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Sweep tab', () => {
  test('runs N varied runs under two procedures on workers, with a progress bar, then a chart and a table', async () => {
    vi.stubGlobal('Worker', InProcessWorker);
    vi.spyOn(navigator, 'hardwareConcurrency', 'get').mockReturnValue(2);
    InProcessWorker.started = 0;
    const { screen, user } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    await user.click(screen.getByRole('tab', { name: 'Sweep' }));
    const p = within(screen.getByRole('tabpanel', { name: 'Sweep' }));
    const runs = p.getByRole('spinbutton', { name: /Runs/ }) as HTMLInputElement;
    expect(runs.value).toBe('200');
    expect(runs.max).toBe('1000');
    await user.clear(runs);
    await user.type(runs, '1001');
    await user.click(p.getByRole('button', { name: 'Run sweep' }));
    expect(p.getByRole('status').textContent).toMatch(/from 1 to 1000/);

    await user.clear(runs);
    await user.type(runs, '12');
    await user.selectOptions(p.getByRole('combobox', { name: 'Against procedure' }), 'jp-rok-2024');
    await user.click(p.getByRole('button', { name: 'Run sweep' }));
    const bar = p.getByRole('progressbar', { name: 'Sweep progress' });
    await waitFor(() => expect(p.getByRole('img', { name: /^Sweep chart/ })).toBeTruthy(), { timeout: 20_000 });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(InProcessWorker.started).toBe(2); // one per core
    const chart = p.getByRole('img', { name: /^Sweep chart/ });
    expect(chart.getAttribute('aria-label')).toMatch(/practice-2018: .*; jp-rok-2024: /);
    // Per procedure: the legend swatch, then one bar per measure (completion and the seven stages), each with a whisker.
    expect(chart.querySelectorAll('rect.sweep-bar.p0').length).toBe(1 + 8);
    expect(chart.querySelectorAll('rect.sweep-bar.p1').length).toBe(1 + 8);
    expect(chart.querySelectorAll('g.sweep-row').length).toBe(2 * 8);
    expect(within(chart as unknown as HTMLElement).getByText('Every call exchange completed')).toBeTruthy();
    const table = p.getByRole('table', { name: 'Sweep results' });
    expect(within(table).getByRole('columnheader', { name: 'jp-rok-2024' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Breakdown at heard' })).toBeTruthy();
    expect(
      p.getByText(/npm run sweep -- scenarios\/dec-2018-noto.yaml --runs 12 --account rok --seed 1 --procedure practice-2018 --procedure jp-rok-2024/),
    ).toBeTruthy();
  });
});
