#!/usr/bin/env node
// The encounter-sim command (package.json `bin`; every `npm run <command>` comes here too). It runs
// the built command line, build/cli/encounter-sim.js, rebuilding it first when the source is newer
// (a fresh clone before `npm ci`, a pull, an edit), so a command never compiles TypeScript unless
// the TypeScript changed, and never runs a build older than the source.
import { fileURLToPath } from 'node:url';
import { staleReason } from '../scripts/cli-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const why = staleReason(root);
if (why !== null) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli(root);
}
await import('../build/cli/encounter-sim.js');
