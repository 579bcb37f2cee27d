#!/usr/bin/env node
// The encounter-sim command (package.json `bin`; every `npm run <command>` comes here too). It runs
// the built command line, build/cli/encounter-sim.js, rebuilding it first when the source is newer
// (a fresh clone before `npm ci`, a pull, an edit), so a command never compiles TypeScript unless
// the TypeScript changed, and never runs a build older than the source.
//
// CommonJS (bin/package.json), because Node starts a CommonJS file sooner than an ES module, and
// every command pays for this file. The bundle runs through node:vm with V8's code cache
// (build/cli/encounter-sim.<key>.cache, which the manifest names after the bundle's bytes): the
// functions an earlier run compiled start compiled, instead of each command compiling a megabyte
// of JavaScript (issue 19). With no cache yet, or one V8 refuses (another Node version), the
// command writes a fresh one as it exits (scripts/cli-state.cjs runCached).
'use strict';
const { join } = require('node:path');
const { builtState, OUT_DIR, runCached } = require('../scripts/cli-state.cjs');

const root = join(__dirname, '..');
const { stale, manifest } = builtState(root);
if (stale === null) runBuilt(manifest);
else import('../scripts/build-cli.mjs').then(({ buildCli }) => buildCli(root)).then(() => runBuilt(builtState(root).manifest));

function runBuilt(manifest) {
  const dir = join(root, OUT_DIR);
  runCached(join(dir, 'encounter-sim.js'), manifest?.codeCache ? join(dir, manifest.codeCache) : null);
}
