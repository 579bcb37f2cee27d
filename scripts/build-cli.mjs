// Builds the command line: src/cli/encounter-sim.ts and the sweep's worker thread bundled by
// esbuild into build/cli/*.js, so no command compiles TypeScript when it starts (issue 19).
// Run by `npm ci`/`npm install` (package.json `prepare`), by `npm run build:cli`, and by
// bin/encounter-sim.js whenever scripts/cli-state.mjs finds the build older than the source.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashOf, MANIFEST, OUT_DIR, OUTPUTS, writeManifest } from './cli-state.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The esbuild options; `outdir` is where the files would go (nothing is written by esbuild itself). */
export function buildOptions(root = ROOT) {
  return {
    absWorkingDir: root,
    entryPoints: { 'encounter-sim': 'src/cli/encounter-sim.ts', 'sweep-worker': 'src/cli/sweep-worker.ts' },
    outdir: join(root, OUT_DIR),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Tells src/cli/sweep-run.ts to start build/cli/sweep-worker.js rather than the TypeScript.
    define: { 'globalThis.__ENCOUNTER_SIM_BUILT__': 'true' },
    // Bundled CommonJS packages may require() Node's own modules, which ESM has no require for.
    banner: { js: "import { createRequire as __encounterSimRequire } from 'node:module';\nconst require = __encounterSimRequire(import.meta.url);" },
    // Folds the constant above, so the built command line holds no path back to tsx.
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
  };
}

/**
 * Builds, then writes each file whole (a temporary file renamed over it), worker first and the
 * manifest last, so that a command starting meanwhile runs the old build or the new, never half.
 */
export async function buildCli(root = ROOT) {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const result = await build(buildOptions(root));
  const dir = join(root, OUT_DIR);
  mkdirSync(dir, { recursive: true });
  const files = [...result.outputFiles].sort((a, b) => (a.path.endsWith('sweep-worker.js') ? -1 : b.path.endsWith('sweep-worker.js') ? 1 : 0));
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents, { mode: 0o755 });
    renameSync(tmp, f.path);
  }
  // What the build was made from: our sources by hash; the packages through the lock file.
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'));
  const inputs = {};
  for (const rel of [...sources, 'package-lock.json', 'scripts/build-cli.mjs', 'scripts/cli-state.mjs'].sort()) inputs[rel] = hashOf(join(root, rel));
  writeManifest(root, { builtAt, outputs: OUTPUTS, inputs });
  return { files: files.map((f) => relative(root, f.path)), manifest: `${OUT_DIR}/${MANIFEST}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files } = await buildCli();
  process.stdout.write(`built ${files.join(', ')}\n`);
}
