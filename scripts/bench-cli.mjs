// Benchmarks of issue 19 (benchmarks, not tests: they print figures and a verdict, never fail a build).
//
// (a) `encounter-sim sim scenarios/dec-2018-noto.yaml --format json`, the whole process, against
//     `node -e 0` on the same machine: target ≤ 4×. The two run alternately (paired), so a machine
//     that gets busier slows both; the verdict compares their medians. The sim's own warnings
//     (ES4019 on stderr) are what the command says, not what is measured, so both outputs are dropped.
// (b) December 2018 (rok account, practice-2018 procedure): loadScenario + runScenario + analyse,
//     the first call in a fresh Node process, so every function starts cold: target < 100 ms.
//     Importing the core and reading the file are outside the timing, which is the median over
//     fresh processes. The verdict is on the core as the command line ships it: bundled by esbuild
//     with the command line's own options (scripts/build-cli.mjs buildOptions: CommonJS, zod
//     jitless, catalogs beside it, the shipped procedures taken loaded from build/cli/procedures.json
//     rather than parsed), run through node:vm with a V8 code cache written by one earlier run, as
//     bin/encounter-sim.js runs its bundle (scripts/cli-state.cjs runCached), in
//     build/bench/first-call-cli.js. Printed beside it, not judged: the core as a program importing
//     it has it (an ES module bundle, no code cache, every procedure parsed), with zod jitless as
//     the app runs it and with zod's default as the tests import it; and the import times.
//     The command line keeps the shipped scenarios parsed (src/cli/parsed-scenarios.ts), so the
//     verdict's first call does not run the yaml library; two more lines say what a scenario the
//     build did not parse costs (December 2018 with a comment added at its end, so that its text
//     is not the kept one): the same first call, and its parseYamlSource alone, each the first
//     call in a fresh process, as the command line ships it.
//
// Usage: node scripts/bench-cli.mjs [runs] [--only a|b]   (default 10 runs of each)
import { spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleCore } from './bundle-core.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const RUNS = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--only') ?? 10);
const RATIO_TARGET = 4;
const FIRST_CALL_TARGET_MS = 100;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}

function node(nodeArgs) {
  const r = spawnSync(process.execPath, nodeArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} exited ${r.status}\n${r.stderr}`);
  return r.stdout;
}

function wall(nodeArgs) {
  const t0 = process.hrtime.bigint();
  node(nodeArgs);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function benchCommand() {
  const commands = [
    { label: 'node -e 0', args: ['-e', '0'] },
    {
      label: 'encounter-sim sim scenarios/dec-2018-noto.yaml --format json',
      args: ['bin/encounter-sim.js', 'sim', 'scenarios/dec-2018-noto.yaml', '--format', 'json'],
    },
  ];
  wall(commands[1].args); // builds the command line (and its code cache) if the source is newer, outside the timing
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((c, k) => times[k].push(wall(c.args)));
  const [bare, sim] = times.map(median);
  console.log('(a) the sim command, whole process, paired with node -e 0');
  for (const [k, c] of commands.entries()) console.log(`${median(times[k]).toFixed(0).padStart(6)} ms median of ${RUNS}  ${c.label}`);
  const ratio = sim / bare;
  console.log(`sim / node -e 0 = ${ratio.toFixed(1)}× (target ≤ ${RATIO_TARGET}×): ${ratio <= RATIO_TARGET ? 'met' : 'missed'}`);
}

/**
 * The process each run of (b) is: import the core, read the file, then time the first call. With a
 * code cache (argv[3]) the core is a CommonJS bundle run as the command line runs its own.
 */
const FIRST_CALL = `
import { createRequire } from 'node:module';
const [bundle, scenario, codeCache, mode] = process.argv.slice(1);
const t0 = performance.now();
const core = codeCache
  ? createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('./scripts/cli-state.cjs').runCached(bundle, codeCache)
  : await import(bundle);
const imported = performance.now() - t0;
const read = core.readText(scenario);
const ft = mode === 'first' ? read : { ...read, text: read.text + '# edited\\n' };
const t1 = performance.now();
if (mode === 'parse') {
  if (core.parseYamlSource(ft.text, ft.file).diagnostics.length) throw new Error('December 2018 did not parse');
  process.stdout.write(JSON.stringify({ imported, firstCall: performance.now() - t1 }));
  process.exit(0);
}
const loaded = core.loadScenario(ft, core.diskProcedures, { account: 'rok', procedure: 'practice-2018' });
if (!loaded.scenario) throw new Error('December 2018 did not load');
const analysis = core.analyse(core.runScenario(loaded.scenario, {}));
const firstCall = performance.now() - t1;
if (!analysis) throw new Error('no analysis');
process.stdout.write(JSON.stringify({ imported, firstCall }));
`;

const CORE = [
  "export { loadScenario } from './src/core/scenario/load';",
  "export { runScenario } from './src/core/engine/engine';",
  "export { analyse } from './src/core/analysis/report';",
  "export { diskProcedures, readText } from './src/cli/files';",
  "export { parseYamlSource } from './src/core/yaml-source';",
];

/** Bundles the core as a program importing it has it; `jitless` puts src/cli/zod-jitless.ts first, as the app has it. */
const bundleCoreAs = (out, jitless) => bundleCore(ROOT, [...(jitless ? ["import './src/cli/zod-jitless';"] : []), ...CORE].join('\n'), out);

/** Bundles the core as the command line ships it (see the header), and removes a code cache of an older bundle. */
async function bundleCoreAsShipped(out, codeCache) {
  const { build } = await import('esbuild');
  const { buildOptions } = await import('./build-cli.mjs');
  const { entryPoints: _, outdir: __, ...options } = buildOptions(ROOT);
  const r = await build({
    ...options,
    stdin: { contents: ["import './src/cli/zod-jitless';", ...CORE].join('\n'), resolveDir: ROOT, loader: 'ts', sourcefile: 'first-call-cli.ts' },
    outfile: out,
  });
  mkdirSync(dirname(out), { recursive: true });
  // The catalogs the bundle reads from beside itself, as the command line's are.
  for (const f of readdirSync(join(ROOT, 'build/cli'))) if (/^messages\.[a-z]+\.json$/.test(f)) copyFileSync(join(ROOT, 'build/cli', f), join(dirname(out), f));
  const bytes = r.outputFiles[0].contents;
  if (!existsSync(out) || !Buffer.from(readFileSync(out)).equals(Buffer.from(bytes))) {
    writeFileSync(out, bytes);
    rmSync(codeCache, { force: true });
  }
}

async function benchFirstCall() {
  node(['bin/encounter-sim.js', '--help']); // builds the command line (build/cli/procedures.json) if the source is newer
  const shipped = { out: join(ROOT, 'build/bench/first-call-cli.js'), codeCache: join(ROOT, 'build/bench/first-call-cli.cache') };
  const variants = [
    { label: 'as the command line ships it (code cache, shipped procedures loaded by the build, zod jitless)', out: shipped.out, codeCache: shipped.codeCache },
    {
      label: 'the same, December 2018 edited so that its parse is not the one kept: load + run + analyse',
      out: shipped.out,
      codeCache: shipped.codeCache,
      mode: 'edited',
    },
    { label: 'the same, edited: its parseYamlSource alone', out: shipped.out, codeCache: shipped.codeCache, mode: 'parse' },
    {
      label: 'an ES module importing the core, procedures parsed, zod jitless (as the app runs zod)',
      out: join(ROOT, 'build/bench/first-call-jitless.mjs'),
      jitless: true,
    },
    {
      label: "an ES module importing the core, procedures parsed, zod's default (as the tests import it)",
      out: join(ROOT, 'build/bench/first-call.mjs'),
      jitless: false,
    },
  ];
  await bundleCoreAsShipped(shipped.out, shipped.codeCache);
  for (const v of variants.filter((v) => !v.codeCache)) await bundleCoreAs(v.out, v.jitless);
  const scenario = join(ROOT, 'scenarios/dec-2018-noto.yaml');
  const args = (v) => [
    '--input-type=module',
    '-e',
    FIRST_CALL,
    v.codeCache ? v.out : pathToFileURL(v.out).href,
    scenario,
    v.codeCache ?? '',
    v.mode ?? 'first',
  ];
  // Writes the code cache, as the command line's build does with its warm-up run, which parses
  // December 2018 before the build keeps its parse: the cache holds the yaml library's code too.
  node(args(variants[1]));
  const runs = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) variants.forEach((v, k) => runs[k].push(JSON.parse(node(args(v)))));
  console.log('(b) December 2018 (rok, practice-2018): load + run + analyse, first call in a fresh process');
  variants.forEach((v, k) => {
    const imported = median(runs[k].map((x) => x.imported));
    console.log(
      `${median(runs[k].map((x) => x.firstCall))
        .toFixed(0)
        .padStart(6)} ms median of ${RUNS}  ${v.label} (import beforehand: ${imported.toFixed(0)} ms, not counted)`,
    );
  });
  const first = median(runs[0].map((x) => x.firstCall));
  console.log(
    `first call ${first.toFixed(0)} ms (target < ${FIRST_CALL_TARGET_MS} ms, as the command line ships it): ${first < FIRST_CALL_TARGET_MS ? 'met' : 'missed'}`,
  );
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, ${RUNS} runs`,
);
if (only !== 'b') benchCommand();
if (only !== 'a') await benchFirstCall();
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end`,
);
