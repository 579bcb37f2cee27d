/**
 * Off-page runs in one module worker, replaced whenever a run must end early: a new run while
 * one is under way (the old one may be a runaway, so waiting behind it is no option), the
 * author's Stop, the time limit, or a crash. Terminating a worker is the only way to stop
 * JavaScript that does not yield, which is the point.
 */
import { RunStopped, type OffPageRunner, type RunResult } from './request';

type Reply = { id: number; result: RunResult } | { id: number; error: string };

/** Long enough for the largest file the limits admit on a slow machine; a runaway is stopped after it. */
export const RUN_LIMIT_S = 120;

export function workerRunner(
  limitS = RUN_LIMIT_S,
  make = () => new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' }),
): OffPageRunner & { warm(): void } {
  let worker: Worker | null = null;
  let nextId = 1;
  let current: { id: number; reject(e: Error): void; timer: ReturnType<typeof setTimeout> } | null = null;

  const kill = () => {
    worker?.terminate();
    worker = null;
  };
  const end = (e: RunStopped) => {
    if (!current) return;
    const c = current;
    current = null;
    clearTimeout(c.timer);
    kill();
    c.reject(e);
  };

  return {
    limitS,
    run(req) {
      end(new RunStopped('superseded'));
      const w = (worker ??= make());
      const id = nextId++;
      return new Promise<RunResult>((resolve, reject) => {
        const timer = setTimeout(() => end(new RunStopped('limit')), limitS * 1000);
        current = { id, reject, timer };
        w.onmessage = (ev: MessageEvent<Reply>) => {
          if (ev.data.id !== id || current?.id !== id) return;
          clearTimeout(timer);
          current = null;
          if ('error' in ev.data) reject(new Error(ev.data.error));
          else resolve(ev.data.result);
        };
        w.onerror = (ev) => {
          ev.preventDefault();
          end(new RunStopped('crashed', ev.message || 'the worker stopped'));
        };
        w.postMessage({ id, req });
      });
    },
    stop() {
      end(new RunStopped('stopped'));
    },
    warm() {
      if (worker) return;
      worker = make();
      worker.postMessage({ warm: true });
    },
  };
}
