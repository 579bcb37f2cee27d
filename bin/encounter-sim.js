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
// command writes a fresh one as it exits.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { builtState, OUT_DIR } = require('../scripts/cli-state.cjs');

const root = join(__dirname, '..');
const { stale, manifest } = builtState(root);
if (stale === null) runBuilt(manifest);
else import('../scripts/build-cli.mjs').then(({ buildCli }) => buildCli(root)).then(() => runBuilt(builtState(root).manifest));

/** Runs build/cli/encounter-sim.js as Node runs a CommonJS file, with the code cache when there is one. */
function runBuilt(manifest) {
  const dir = join(root, OUT_DIR);
  const filename = join(dir, 'encounter-sim.js');
  // The bundle's first line (#!) is not JavaScript inside a function.
  const source = readFileSync(filename, 'utf8').replace(/^#!.*/, '');
  const cachePath = manifest?.codeCache ? join(dir, manifest.codeCache) : null;
  let cachedData;
  try {
    if (cachePath) cachedData = readFileSync(cachePath);
  } catch {
    // not written yet: this command writes it
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
  if (cachePath && (cachedData === undefined || script.cachedDataRejected)) process.once('exit', () => writeCodeCache(script, cachePath));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dir);
}

function writeCodeCache(script, path) {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, path);
  } catch {
    // a read-only install runs without the cache
  }
}
