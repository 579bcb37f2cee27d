// Runs the app makes off the page: a file the author brings runs through the off-page runner (a
// worker in the browser) while the page keeps the last good run; Stop, the time limit and a dead
// worker each end it with words and lose nothing; shipped files still run at once on the page.
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { simulate } from '../../src/core';
import { diagnosticMessage } from '../../src/core/diagnostics';
import { bundledProcedures } from '../../src/app/catalog';
import { RunStopped, type OffPageRunner, type RunRequest, type RunResult } from '../../src/app/off-page/request';
import { workerRunner } from '../../src/app/off-page/worker-runner';
import { createAppStore } from '../../src/app/store';

const shipped = readFileSync('scenarios/control-cues-exchange.yaml', 'utf8');
/** The same scenario as an author's draft: any change makes it a file the app did not ship. */
const draft = shipped.replace(/^durationS: \d+/m, 'durationS: 600');

/** A runner the test settles by hand: it records each request and waits. */
function handRunner() {
  const calls: { req: RunRequest; resolve(r: RunResult): void; reject(e: Error): void }[] = [];
  const runner: OffPageRunner & { calls: typeof calls } = {
    limitS: 120,
    calls,
    run: (req) => new Promise<RunResult>((resolve, reject) => calls.push({ req, resolve, reject })),
    stop: vi.fn(() => calls.at(-1)?.reject(new RunStopped('stopped'))),
  };
  return runner;
}

/** What the worker would answer: the same simulate() on the same request. */
const answer = (req: RunRequest): RunResult =>
  simulate({ file: req.file, text: req.text }, bundledProcedures, { account: req.account, seed: req.seed } as never);

describe('runs off the page', () => {
  test('a shipped scenario runs at once on the page; a draft goes to the runner while the last good run stays', async () => {
    const runner = handRunner();
    const store = createAppStore({ scenario: 'control-cues-exchange' }, { offPage: runner });
    const shippedRun = store.getState().analysis;
    expect(shippedRun).not.toBeNull();
    expect(runner.calls).toHaveLength(0);

    store.getState().openText('draft.yaml', draft);
    expect(runner.calls).toHaveLength(1);
    expect(runner.calls[0]!.req).toMatchObject({ file: 'draft.yaml', text: draft });
    expect(store.getState().running?.file).toBe('draft.yaml');
    expect(store.getState().analysis).toBe(shippedRun);
    expect(store.getState().scenarioText).toBe(shipped);

    runner.calls[0]!.resolve(answer(runner.calls[0]!.req));
    await store.getState().settled();
    expect(store.getState().running).toBeNull();
    expect(store.getState().scenarioFile).toBe('draft.yaml');
    expect(store.getState().analysis?.run.durationS).toBe(600);
  });

  test('Stop ends the run with words; the last good run and its settings stay', async () => {
    const runner = handRunner();
    const store = createAppStore({ scenario: 'control-cues-exchange' }, { offPage: runner });
    const shippedRun = store.getState().analysis;
    store.getState().openText('draft.yaml', draft);
    store.getState().stopRun();
    await store.getState().settled();
    expect(runner.stop).toHaveBeenCalled();
    expect(store.getState().running).toBeNull();
    expect(store.getState().analysis).toBe(shippedRun);
    expect(store.getState().scenarioFile).toBe('scenarios/control-cues-exchange.yaml');
    expect(store.getState().diagnostics.map((d) => d.message)).toEqual(['the run of draft.yaml was stopped. The last good run stays on screen.']);
    // The same problem in the reader's language, from its code.
    expect(diagnosticMessage(store.getState().diagnostics[0]!, 'ja')).toBe('draft.yaml の実行を中止しました。直前の正常な実行が画面に残ります。');
  });

  test('a run past the limit, or a worker that died, says so and how to fix it', async () => {
    for (const [e, words] of [
      [new RunStopped('limit'), /did not finish within 120 s.*Shorten the duration, raise environment\.stepS, or use fewer units/],
      [new RunStopped('crashed', 'out of memory'), /stopped its worker \(out of memory\)/],
    ] as const) {
      const runner = handRunner();
      const store = createAppStore({ scenario: 'control-cues-exchange' }, { offPage: runner });
      store.getState().openText('draft.yaml', draft);
      runner.calls[0]!.reject(e);
      await store.getState().settled();
      expect(store.getState().diagnostics[0]?.message).toMatch(words);
      expect(store.getState().diagnostics[0]).toMatchObject({ file: 'draft.yaml', line: 1, col: 1, severity: 'error' });
    }
  });

  test('a later run wins: the answer to an earlier one never reaches the screen', async () => {
    const runner = handRunner();
    const store = createAppStore({ scenario: 'control-cues-exchange' }, { offPage: runner });
    store.getState().openText('first.yaml', draft);
    store.getState().openText('second.yaml', draft.replace('durationS: 600', 'durationS: 300'));
    runner.calls[1]!.resolve(answer(runner.calls[1]!.req));
    await store.getState().settled();
    runner.calls[0]!.resolve(answer(runner.calls[0]!.req));
    await Promise.resolve();
    expect(store.getState().scenarioFile).toBe('second.yaml');
    expect(store.getState().analysis?.run.durationS).toBe(300);
  });

  test('going back to a shipped scenario on the page ends a run under way', async () => {
    const runner = handRunner();
    const store = createAppStore({ scenario: 'control-cues-exchange' }, { offPage: runner });
    store.getState().openText('draft.yaml', draft);
    store.getState().open({ scenario: 'dec-2018-noto' });
    expect(runner.stop).toHaveBeenCalled();
    expect(store.getState().running).toBeNull();
    expect(store.getState().scenarioId).toBe('dec-2018-noto');
    await store.getState().settled();
    // No word of the stopped draft: the superseded run ends silently.
    expect(store.getState().diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

/** A stand-in for a module worker: it records what is posted and is told what to answer. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: { id: number; req: RunRequest }[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: { id: number; req: RunRequest }) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

describe('the worker runner', () => {
  const req: RunRequest = { file: 'a.yaml', text: draft, account: null, procedure: '', seed: 1, userProcedures: [] };
  const make = () => new FakeWorker() as unknown as Worker;

  test('answers with the worker’s result and keeps the worker for the next run', async () => {
    FakeWorker.made = [];
    const runner = workerRunner(120, make);
    const p = runner.run(req);
    const w = FakeWorker.made[0]!;
    w.reply({ id: w.posted[0]!.id, result: { diagnostics: [] } });
    await expect(p).resolves.toEqual({ diagnostics: [] });
    void runner.run(req);
    expect(FakeWorker.made).toHaveLength(1);
  });

  test('stops a runaway at the limit by ending its worker, and starts a fresh one next time', async () => {
    vi.useFakeTimers();
    try {
      FakeWorker.made = [];
      const runner = workerRunner(5, make);
      const p = runner.run(req);
      const caught = p.catch((e: unknown) => e);
      vi.advanceTimersByTime(5000);
      const e = await caught;
      expect(e).toBeInstanceOf(RunStopped);
      expect((e as RunStopped).reason).toBe('limit');
      expect(FakeWorker.made[0]!.terminated).toBe(true);
      void runner.run(req).catch(() => {});
      expect(FakeWorker.made).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a new run does not wait behind one under way: that worker is ended', async () => {
    FakeWorker.made = [];
    const runner = workerRunner(120, make);
    const first = runner.run(req).catch((e: unknown) => e);
    void runner.run(req).catch(() => {});
    expect(((await first) as RunStopped).reason).toBe('superseded');
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
  });

  test('a worker that dies (out of memory) ends the run with its message', async () => {
    FakeWorker.made = [];
    const runner = workerRunner(120, make);
    const p = runner.run(req).catch((e: unknown) => e);
    FakeWorker.made[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    const e = (await p) as RunStopped;
    expect([e.reason, e.message]).toEqual(['crashed', 'out of memory']);
  });
});
