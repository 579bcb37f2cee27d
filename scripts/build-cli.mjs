// Builds the command line: src/cli/encounter-sim.ts and the sweep's worker thread bundled by
// esbuild into build/cli/*.js, so no command compiles TypeScript when it starts (issue 19).
// Run by `npm ci`/`npm install` (package.json `prepare`), by `npm run build:cli`, and by
// bin/encounter-sim.js whenever scripts/cli-state.mjs finds the build older than the source.
//
// What a command pays for before it does anything is the bundle's size (read, then compiled or
// its code cache deserialised), so the bundle holds only what a command runs: the message
// catalogs go beside it as one JSON file per language, read when a message in that language is
// first needed (src/i18n/catalog-cli.ts), and zod's error texts in other languages are left out.
// The shipped procedures go beside it loaded (procedures.json, src/cli/procedure-cache.ts), so a
// command that runs a scenario does not parse their YAML again.
// The bundles are CommonJS so that bin/encounter-sim.js can run the main one through node:vm
// with V8's code cache (build/cli/encounter-sim.<key>.cache), which ES modules cannot use in Node 20.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleSource } from './bundle-core.mjs';
import { CODE_CACHE_SUFFIX, hashOf, MANIFEST, OUT_DIR, OUTPUTS, writeManifest } from './cli-state.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The catalog module the command line is built with instead of src/i18n/catalog.ts. */
const CLI_CATALOG = 'src/i18n/catalog-cli.ts';
/** The shipped procedures loaded beforehand (src/cli/procedure-cache.ts), beside the bundle. */
export const PROCEDURE_CACHE = `${OUT_DIR}/procedures.json`;
/** Tells src/cli/files.ts where that cache is; a bundle of the core without it parses every procedure. */
export const PROCEDURE_CACHE_DEFINE = { 'globalThis.__ENCOUNTER_SIM_PROCEDURE_CACHE__': JSON.stringify(PROCEDURE_CACHE) };
/** The shipped scenarios parsed beforehand (src/cli/parsed-scenarios.ts), one file each, beside the bundle. */
export const PARSED_SCENARIOS = `${OUT_DIR}/scenarios`;
/** What the build runs once so that the code cache holds the functions a simulation compiles. */
const WARM_UP = ['sim', 'scenarios/dec-2018-noto.yaml', '--format', 'json'];

/** Swaps the catalogs for the lazily read JSON files and drops zod's `locales` namespace. */
function cliPlugin(root) {
  return {
    name: 'encounter-sim-cli',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'encounter-sim-empty' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'encounter-sim-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
      // yaml's Node build asks process.env whether to log, once per token its parser takes: a call
      // into the C++ side that was about 12 % of parsing a 1,000-unit exercise. Its default build
      // is the same code without that line (the Node build's only other difference: warnings go
      // through process.emitWarning rather than console.warn, both to stderr).
      const yamlDefault = join(dirname(createRequire(join(root, 'package.json')).resolve('yaml/package.json')), 'browser/index.js');
      b.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlDefault }));
      b.onResolve({ filter: /^\.\/catalog$/ }, (args) => (/[\\/]src[\\/]i18n$/.test(args.resolveDir) ? { path: join(root, CLI_CATALOG) } : undefined));
    },
  };
}

/** The esbuild options; `outdir` is where the files would go (nothing is written by esbuild itself). */
export function buildOptions(root = ROOT) {
  return {
    absWorkingDir: root,
    entryPoints: { 'encounter-sim': 'src/cli/encounter-sim.ts', 'sweep-worker': 'src/cli/sweep-worker.ts' },
    outdir: join(root, OUT_DIR),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [cliPlugin(root)],
    // Tells src/cli/sweep-run.ts to start build/cli/sweep-worker.js rather than the TypeScript.
    define: {
      'globalThis.__ENCOUNTER_SIM_BUILT__': 'true',
      'import.meta.url': '__encounterSimUrl',
      'import.meta.resolve': 'undefined',
      ...PROCEDURE_CACHE_DEFINE,
      'globalThis.__ENCOUNTER_SIM_PARSED_SCENARIOS__': JSON.stringify(PARSED_SCENARIOS),
    },
    // The file's own URL, which the sources read as import.meta.url.
    banner: { js: "var __encounterSimUrl = require('node:url').pathToFileURL(__filename).href;" },
    // Folds the constant above, so the built command line holds no path back to tsx.
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
  };
}

/** The exports of `contents` (TypeScript importing from the source), bundled and imported here, with the source files it read. */
async function runSource(root, contents) {
  const { text, inputs } = await bundleSource(root, contents);
  // Node's own modules are imported by name from a data: URL as from anywhere; the bundle needs no other.
  const code = `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(join(root, 'package.json'))});\n${text}`;
  const exports = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return { exports, inputs };
}

/** The messages of each language, by area, from the TypeScript catalogs (bundled and run once, here; vite.config.ts too). */
export async function catalogsByLang(root) {
  const { exports, inputs } = await runSource(root, "export { AREAS } from './src/i18n/catalog';");
  const byLang = {};
  for (const [area, messages] of Object.entries(exports.AREAS)) for (const [lang, m] of Object.entries(messages)) (byLang[lang] ??= {})[area] = m;
  return { byLang, inputs };
}

/** The shipped procedures loaded by the source's loader (src/cli/procedure-cache-build.ts), with the files read. */
async function procedureCache(root) {
  const { exports, inputs } = await runSource(root, "export { procedureCacheJson } from './src/cli/procedure-cache-build';");
  const shipped = readdirSync(join(root, 'procedures')).filter((f) => f.endsWith('.yaml'));
  return { json: exports.procedureCacheJson(root), inputs: [...inputs, ...shipped.map((f) => `procedures/${f}`)] };
}

/** The shipped scenarios parsed by the source's parser (src/cli/parsed-scenarios-build.ts), with the files read. */
async function parsedScenarios(root) {
  const { exports, inputs } = await runSource(root, "export { parsedScenariosJson } from './src/cli/parsed-scenarios-build';");
  const shipped = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  return { byName: exports.parsedScenariosJson(root), inputs: [...inputs, ...shipped.map((f) => `scenarios/${f}`)] };
}

function writeWhole(path, contents, mode) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents, mode === undefined ? undefined : { mode });
  renameSync(tmp, path);
}

/**
 * Builds, then writes each file whole (a temporary file renamed over it), catalogs and worker
 * first and the manifest last, so that a command starting meanwhile runs the old build or the
 * new, never half.
 */
export async function buildCli(root = ROOT, { warmUp = false } = {}) {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const result = await build(buildOptions(root));
  const catalogs = await catalogsByLang(root);
  const procedures = await procedureCache(root);
  const scenarios = await parsedScenarios(root);
  const dir = join(root, OUT_DIR);
  mkdirSync(dir, { recursive: true });
  // build/cli/*.js are CommonJS whatever the package's "type".
  writeWhole(join(dir, 'package.json'), '{ "type": "commonjs" }\n');
  for (const [lang, areas] of Object.entries(catalogs.byLang)) writeWhole(join(dir, `messages.${lang}.json`), JSON.stringify(areas));
  writeWhole(join(root, PROCEDURE_CACHE), procedures.json);
  const files = [...result.outputFiles].sort((a, b) => (a.path.endsWith('sweep-worker.js') ? -1 : b.path.endsWith('sweep-worker.js') ? 1 : 0));
  for (const f of files) writeWhole(f.path, f.contents, 0o755);
  // A code cache is only good for the very bytes it was made from: V8 itself checks no more than the length.
  const main = files.find((f) => f.path.endsWith('encounter-sim.js'));
  const codeCache = `encounter-sim.${createHash('sha256').update(main.contents).digest('hex').slice(0, 16)}${CODE_CACHE_SUFFIX}`;
  for (const f of readdirSync(dir)) if (f.endsWith(CODE_CACHE_SUFFIX) && f !== codeCache) rmSync(join(dir, f), { force: true });
  // What the build was made from: our sources by hash; the packages through the lock file.
  const sources = [...Object.keys(result.metafile.inputs), ...catalogs.inputs, ...procedures.inputs, ...scenarios.inputs].filter(
    (p) => !p.includes('node_modules/') && !p.startsWith('<') && !p.includes(':'),
  );
  const inputs = {};
  for (const rel of [
    ...new Set([...sources, 'package-lock.json', 'scripts/build-cli.mjs', 'scripts/bundle-core.mjs', 'scripts/cli-state.cjs', 'scripts/cli-state.mjs']),
  ].sort())
    inputs[rel] = hashOf(join(root, rel));
  writeManifest(root, { builtAt, outputs: OUTPUTS, codeCache, inputs });
  // The first command writes the code cache; this one simulates, so the cache holds what simulating compiles.
  // The scenarios' kept parses are written after it, so that it parses December 2018 and the cache
  // holds the yaml library's code too, for the scenarios the build did not parse.
  const keptDir = join(root, PARSED_SCENARIOS);
  rmSync(keptDir, { recursive: true, force: true });
  if (warmUp) spawnSync(process.execPath, [join(root, 'bin/encounter-sim.js'), ...WARM_UP], { cwd: root, stdio: 'ignore' });
  mkdirSync(keptDir, { recursive: true });
  for (const [name, json] of Object.entries(scenarios.byName)) writeWhole(join(keptDir, `${name}.json`), json);
  return { files: files.map((f) => relative(root, f.path)), manifest: `${OUT_DIR}/${MANIFEST}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files } = await buildCli(ROOT, { warmUp: true });
  process.stdout.write(`built ${files.join(', ')}\n`);
}
