/**
 * A sweep worker: gets the job and its share of run ranges, posts each range's records as it
 * finishes (for the progress bar), then 'finished'.
 */
import { loadSweepScenarios, runTasks, type FromWorker, type SweepJob, type SweepTask } from './sweep-run';

const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

self.addEventListener('message', (ev: MessageEvent<{ job: SweepJob; tasks: SweepTask[] }>) => {
  try {
    const { job, tasks } = ev.data;
    const scenarios = loadSweepScenarios(job);
    if ('error' in scenarios) {
      post({ type: 'error', message: scenarios.error });
      return;
    }
    runTasks(scenarios, job, tasks, (p, records) => post({ type: 'done', p, records }));
    post({ type: 'finished' });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});
