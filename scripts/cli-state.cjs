// Whether build/cli (the built command line) was built from the source as it is now. Plain
// CommonJS with Node's own modules only: bin/encounter-sim.js asks before every command, so it
// must load fast and before anything is built (./cli-state.mjs gives the same to ES modules).
// Checked cheaply by modification time; a file newer than the build is hashed, so a checkout that
// rewrites a file with the same bytes rebuilds nothing.
'use strict';
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, sep } = require('node:path');

const OUT_DIR = 'build/cli';
const OUTPUTS = ['encounter-sim.js', 'sweep-worker.js'];
const MANIFEST = 'manifest.json';
/** Ends the name of the main bundle's V8 code cache, which the manifest names (`codeCache`). */
const CODE_CACHE_SUFFIX = '.cache';

function hashOf(path) {
  // node:crypto is loaded only when a file needs hashing: most commands never do.
  return require('node:crypto').createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Why the built command line under `root` is out of date ("not built", "src/cli/sim.ts changed"),
 * or null when it is current. A copy without the source (nothing to build from) is always current.
 */
function staleReason(root) {
  return builtState(root).stale;
}

/** staleReason's answer (`stale`) with the manifest it read (null when there is none). */
function builtState(root) {
  const dir = join(root, OUT_DIR);
  let manifest = null;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    // no build, or one being written: judged below
  }
  if (!existsSync(join(root, 'src/cli/encounter-sim.ts'))) return { stale: null, manifest };
  return { stale: staleAgainst(root, manifest), manifest };
}

function staleAgainst(root, manifest) {
  if (manifest === null) return 'not built';
  const dir = join(root, OUT_DIR);
  for (const out of OUTPUTS) if (!existsSync(join(dir, out))) return `${OUT_DIR}/${out} is missing`;
  let touched = false;
  // Every command stats every input (some 150 files): the paths are joined by hand, which costs
  // less than path.join's normalising each one, and a missing file is an answer, not an exception.
  const base = root.endsWith(sep) ? root : root + sep;
  for (const [rel, hash] of Object.entries(manifest.inputs)) {
    const st = statSync(base + rel, { throwIfNoEntry: false });
    if (st === undefined) return `${rel} is gone`;
    if (st.mtimeMs <= manifest.builtAt) continue;
    if (hashOf(base + rel) !== hash) return `${rel} changed`;
    touched = true;
  }
  // Same bytes under a newer time: note the time, so the next command need not hash them again.
  if (touched) writeManifest(root, { ...manifest, builtAt: Date.now() });
  return null;
}

/** Writes the manifest whole (a temporary file renamed), so a command starting meanwhile never reads half of it. */
function writeManifest(root, manifest) {
  const path = join(root, OUT_DIR, MANIFEST);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(tmp, path);
}

/**
 * Runs a built CommonJS bundle as Node runs a CommonJS file, through node:vm with V8's code cache
 * at `cachePath` when there is one (null: none), and gives its exports. With no cache yet, or one
 * V8 refuses (another Node version), the process writes a fresh one as it exits. The command line
 * runs its bundle so (bin/encounter-sim.js), and scripts/bench-cli.mjs its bundle of the core.
 */
function runCached(filename, cachePath) {
  const { createRequire } = require('node:module');
  const { dirname } = require('node:path');
  const { Script } = require('node:vm');
  // The bundle's first line (#!) is not JavaScript inside a function.
  const source = readFileSync(filename, 'utf8').replace(/^#!.*/, '');
  let cachedData;
  try {
    if (cachePath) cachedData = readFileSync(cachePath);
  } catch {
    // not written yet: this process writes it
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
  if (cachePath && (cachedData === undefined || script.cachedDataRejected)) process.once('exit', () => writeCodeCache(script, cachePath));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
  return module.exports;
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

module.exports = { OUT_DIR, OUTPUTS, MANIFEST, CODE_CACHE_SUFFIX, hashOf, staleReason, builtState, writeManifest, runCached };
