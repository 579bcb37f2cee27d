/**
 * The off-page run: the same simulate() the page would call, in a worker, so a file that makes
 * the engine run away (or run out of memory) stops this worker and not the page.
 */
import { simulate } from '../../core';
import { addUserProcedure, bundledProcedures, shippedScenarios } from '../catalog';
import type { RunRequest, RunResult } from './request';

type Reply = { id: number; result: RunResult } | { id: number; error: string };
const post = (m: Reply) => (self as unknown as { postMessage(m: Reply): void }).postMessage(m);

self.addEventListener('message', (ev: MessageEvent<{ id: number; req: RunRequest } | { warm: true }>) => {
  if ('warm' in ev.data) {
    // A first run compiles the engine's hot paths; do it before the author's first edit needs them.
    const shipped = shippedScenarios[0];
    if (shipped) simulate({ file: shipped.file, text: shipped.text }, bundledProcedures, { seed: 1 } as never);
    return;
  }
  const { id, req } = ev.data;
  try {
    for (const p of req.userProcedures) addUserProcedure(p);
    const result = simulate({ file: req.file, text: req.text }, bundledProcedures, {
      account: req.account,
      procedure: req.procedure || undefined,
      seed: req.seed,
    } as never);
    post({ id, result });
  } catch (e) {
    post({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
