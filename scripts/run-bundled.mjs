// Runs a bench script as the command line runs the core: bundled by esbuild, not through tsx.
// tsx compiles each file with esbuild's keepNames, which wraps every function made at run time in
// a naming call; the 1,000-unit hour took about a fifth more CPU that way than as the command
// line ships it (session 12, docs/performance.md), so a bench of the simulator's cost would
// measure the wrapper.
//
// Usage: node scripts/run-bundled.mjs scripts/bench-phases.ts [its arguments]
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleCore } from './bundle-core.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script?.endsWith('.ts')) {
  console.error('usage: node scripts/run-bundled.mjs <script.ts> [arguments]');
  process.exit(2);
}
const out = join(ROOT, 'build/bench', basename(script).replace(/\.ts$/, '.mjs'));
await bundleCore(ROOT, `import ${JSON.stringify(`./${script.replace(/^\.\//, '')}`)};`, out);
// The script reads its options from process.argv, as when run directly.
process.argv = [process.argv[0], out, ...args];
await import(pathToFileURL(out).href);
