// The 1,000-unit hour (load + run + analyse) of this checkout against another one, both in one
// process and taken in turn, round after round (a benchmark, not a test). Separate runs of
// bench-phases swing by about ±10 % on the same code on this shared machine, more than most single
// changes save; in one process the two sides share the machine's state minute by minute, and the
// order alternates each round so neither always runs after the other's garbage.
//
// Each checkout's core is bundled with esbuild from its own source into its build/bench/, and each
// round's scenario text is new (a comment naming the round), so every load parses.
//
// Usage: node scripts/bench-phases-against.mjs <other checkout> [--units 1000] [--rounds 6]
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleCore } from './bundle-core.mjs';
import { arg } from './cli-arg.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OTHER = process.argv[2] && !process.argv[2].startsWith('--') ? resolve(process.argv[2]) : undefined;
if (!OTHER) {
  console.error('usage: node scripts/bench-phases-against.mjs <other checkout> [--units 1000] [--rounds 6]');
  process.exit(2);
}
const UNITS = Number(arg('units', '1000'));
const ROUNDS = Number(arg('rounds', '6'));
const PHASES = ['load', 'run', 'analyse', 'total'];

const CORE = [
  "export { generateScenario } from './src/core/synthetic/generate';",
  "export { loadScenario } from './src/core/scenario/load';",
  "export { runScenario } from './src/core/engine/engine';",
  "export { analyse } from './src/core/analysis/report';",
  "export { diskProcedures } from './src/cli/files';",
].join('\n');

/** The checkout's core as one ES module, built from its own source with this checkout's esbuild. */
async function bundle(root) {
  const out = join(root, 'build/bench/phases-core.mjs');
  await bundleCore(root, CORE, out);
  return import(pathToFileURL(out).href);
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const sides = [
  { name: 'this', core: await bundle(ROOT), figures: Object.fromEntries(PHASES.map((p) => [p, []])) },
  { name: 'other', core: await bundle(OTHER), figures: Object.fromEntries(PHASES.map((p) => [p, []])) },
];
const yaml = sides[0].core.generateScenario({ units: UNITS, durationS: 3600, seed: 1 }).yaml;
const loadAtStart = loadavg()[0];
for (let round = 0; round < ROUNDS; round++) {
  for (const side of round % 2 ? [...sides].reverse() : sides) {
    const { core, figures } = side;
    const c0 = cpuMs();
    const loaded = core.loadScenario({ file: 'synthetic.yaml', text: `${yaml}# ${side.name}, round ${round}\n` }, core.diskProcedures, {});
    if (!loaded.scenario) throw new Error(`${side.name}: the exercise did not load`);
    const c1 = cpuMs();
    const run = core.runScenario(loaded.scenario);
    const c2 = cpuMs();
    core.analyse(run);
    const c3 = cpuMs();
    figures.load.push(c1 - c0);
    figures.run.push(c2 - c1);
    figures.analyse.push(c3 - c2);
    figures.total.push(c3 - c0);
  }
}
console.log(
  `${UNITS} units × 1 h, CPU ms, median of ${ROUNDS} rounds taken in turn in one process (load average ${loadAtStart.toFixed(1)} → ${loadavg()[0].toFixed(1)})`,
);
console.log(`  this:  ${ROOT}\n  other: ${OTHER}`);
for (const p of PHASES) {
  const [a, b] = sides.map((s) => median(s.figures[p]));
  console.log(
    `  ${p.padEnd(8)} this ${Math.round(a).toString().padStart(6)}  other ${Math.round(b).toString().padStart(6)}  this / other ${(a / b).toFixed(2)}`,
  );
}
