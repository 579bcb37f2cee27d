// Benchmarks of issue 19 (benchmarks, not tests: they print figures and a verdict, never fail a build).
//
// (a) `encounter-sim sim scenarios/dec-2018-noto.yaml --format json`, the whole process, against
//     `node -e 0` on the same machine: target ≤ 4×. The two run alternately (paired), so a machine
//     that gets busier slows both; the verdict compares their medians. The sim's own warnings
//     (ES4019 on stderr) are what the command says, not what is measured, so both outputs are dropped.
// (b) December 2018 (rok account, practice-2018 procedure): loadScenario + runScenario + analyse,
//     the first call in a fresh Node process, so every function starts cold: target < 100 ms.
//     The core is bundled by esbuild (build/bench/first-call*.mjs: the core with its TypeScript
//     catalogs, as the app and a program importing it have it), so no TypeScript is compiled in
//     the process; importing the bundle and reading the file are outside the timing, which is the
//     median over fresh processes. The verdict is on zod jitless, as the command line and the app
//     run it; zod's default is printed beside it, as is the import time.
//
// Usage: node scripts/bench-cli.mjs [runs] [--only a|b]   (default 10 runs of each)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** The process each run of (b) is: import the core, read the file, then time the first call. */
const FIRST_CALL = `
const t0 = performance.now();
const core = await import(process.argv[1]);
const imported = performance.now() - t0;
const ft = core.readText(process.argv[2]);
const t1 = performance.now();
const loaded = core.loadScenario(ft, core.diskProcedures, { account: 'rok', procedure: 'practice-2018' });
if (!loaded.scenario) throw new Error('December 2018 did not load');
const analysis = core.analyse(core.runScenario(loaded.scenario, {}));
const firstCall = performance.now() - t1;
if (!analysis) throw new Error('no analysis');
process.stdout.write(JSON.stringify({ imported, firstCall }));
`;

/** Bundles the core for (b); `jitless` puts src/cli/zod-jitless.ts first, as the command line has it. */
async function bundleCore(out, jitless) {
  const { build } = await import('esbuild');
  const r = await build({
    absWorkingDir: ROOT,
    stdin: {
      contents: [
        ...(jitless ? ["import './src/cli/zod-jitless';"] : []),
        "export { loadScenario } from './src/core/scenario/load';",
        "export { runScenario } from './src/core/engine/engine';",
        "export { analyse } from './src/core/analysis/report';",
        "export { diskProcedures, readText } from './src/cli/files';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" },
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, r.outputFiles[0].contents);
}

async function benchFirstCall() {
  // The command line and the app (src/app/csp.ts) both run zod jitless; the tests and a program
  // importing the core get zod's default, which compiles a fast path on each schema's first parse.
  const variants = [
    { label: 'zod jitless, as the command line and the app run it', out: join(ROOT, 'build/bench/first-call-jitless.mjs'), jitless: true },
    { label: "zod's default (compiled parsers), as the tests import it", out: join(ROOT, 'build/bench/first-call.mjs'), jitless: false },
  ];
  for (const v of variants) await bundleCore(v.out, v.jitless);
  const scenario = join(ROOT, 'scenarios/dec-2018-noto.yaml');
  const runs = variants.map(() => []);
  for (let i = 0; i < RUNS; i++)
    variants.forEach((v, k) => runs[k].push(JSON.parse(node(['--input-type=module', '-e', FIRST_CALL, pathToFileURL(v.out).href, scenario]))));
  console.log('(b) December 2018 (rok, practice-2018): load + run + analyse, first call in a fresh process (core bundled by esbuild)');
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
    `first call ${first.toFixed(0)} ms (target < ${FIRST_CALL_TARGET_MS} ms, as shipped: jitless): ${first < FIRST_CALL_TARGET_MS ? 'met' : 'missed'}`,
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
