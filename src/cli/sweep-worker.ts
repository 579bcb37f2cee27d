/** The sweep's worker thread: built to build/cli/sweep-worker.js, so starting one compiles nothing. */
// First, as in the command's main thread: a worker loads its scenario once per procedure, so zod's
// compiled parsers would cost it more than they save (./zod-jitless.ts).
import './zod-jitless';
import { workerData } from 'node:worker_threads';
import { WORKER_KIND, workerMain, type WorkerInput } from './sweep-run';

if ((workerData as WorkerInput | undefined)?.kind === WORKER_KIND) workerMain(workerData as WorkerInput);
