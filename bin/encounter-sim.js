#!/usr/bin/env node
// The encounter-sim command (package.json `bin`; every `npm run <command>` comes here too). It runs
// the built command line, build/cli/encounter-sim.js, rebuilding it first when the source is newer
// (a fresh clone before `npm ci`, a pull, an edit), so a command never compiles TypeScript unless
// the TypeScript changed, and never runs a build older than the source.
//
// The bundle runs through node:vm with V8's code cache (build/cli/encounter-sim.<key>.cache, named
// by the manifest after the bundle's bytes): the functions the last run compiled start compiled,
// instead of every command parsing two megabytes of JavaScript (issue 19). No cache yet, or one V8
// refuses (another Node version), and the command writes a fresh one as it exits.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { builtState, OUT_DIR } from '../scripts/cli-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let { stale, manifest } = builtState(root);
if (stale !== null) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli(root);
  manifest = builtState(root).manifest;
}
runBuilt(join(root, OUT_DIR), manifest?.codeCache);

/** Runs build/cli/encounter-sim.js as Node would run a CommonJS file, with the code cache when there is one. */
function runBuilt(dir, codeCache) {
  const filename = join(dir, 'encounter-sim.js');
  // The bundle's own first line (#!) is not JavaScript inside a function.
  const source = readFileSync(filename, 'utf8').replace(/^#!.*/, '');
  const cachePath = codeCache ? join(dir, codeCache) : null;
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
  try {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, path);
  } catch {
    // a read-only install runs without the cache
  }
}
