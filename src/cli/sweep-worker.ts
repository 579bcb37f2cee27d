/** The sweep's worker thread: built to build/cli/sweep-worker.js, so starting one compiles nothing. */
import { workerData } from 'node:worker_threads';
import { WORKER_KIND, workerMain, type WorkerInput } from './sweep-run';

if ((workerData as WorkerInput | undefined)?.kind === WORKER_KIND) workerMain(workerData as WorkerInput);
