// Issue 19's two command-line targets measured against another checkout in the same minutes
// (a benchmark, not a test): each round runs, one after the other, `node -e 0`, the other
// checkout's `encounter-sim sim` of December 2018 as JSON, this one's, then the first call of
// load + run + analyse in a fresh process as each checkout's scripts/bench-cli.mjs (b) judges it,
// so a machine that gets busier slows both alike. It prints medians of wall time and of CPU time
// (user + system, from /usr/bin/time for whole processes, process.cpuUsage for the first call),
// since on a shared machine CPU time moves less with the load than wall time does.
//
// The other checkout needs its command line built and its (b) bundle made: run its
// `node scripts/bench-cli.mjs 1 --only b` once. Its first call is what it ships when its bench
// made that (build/bench/first-call-cli.js with its code cache, as in this checkout), else the ES
// module it judged (build/bench/first-call-jitless.mjs, procedures parsed); this checkout's is what
// it ships, so run this checkout's bench-cli.mjs once too.
//
// Usage: node scripts/bench-cli-against.mjs <other checkout> [runs]   (default 10 runs)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OTHER = resolve(process.argv[2] ?? '');
const RUNS = Number(process.argv[3] ?? 10);
const SCENARIO = 'scenarios/dec-2018-noto.yaml';
const SIM = ['bin/encounter-sim.js', 'sim', SCENARIO, '--format', 'json'];
const OTHER_SHIPPED = existsSync(join(OTHER, 'build/bench/first-call-cli.cache'));
const OTHER_CORE = join(OTHER, OTHER_SHIPPED ? 'build/bench/first-call-cli.js' : 'build/bench/first-call-jitless.mjs');
const SHIPPED_CORE = join(ROOT, 'build/bench/first-call-cli.js');
for (const f of [join(OTHER, 'bin/encounter-sim.js'), OTHER_CORE, SHIPPED_CORE])
  if (!existsSync(f)) throw new Error(`${f} is missing: see the usage at the top of this file`);

const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** A whole process under /usr/bin/time: wall and CPU milliseconds, and what it wrote on stdout. */
function timed(args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  const [e, u, s] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall: e * 1000, cpu: (u + s) * 1000, stdout: r.stdout };
}

/** bench-cli.mjs (b)'s process, with the CPU time of the first call beside its wall time. */
const FIRST_CALL = `
import { createRequire } from 'node:module';
const [bundle, scenario, codeCache] = process.argv.slice(1);
const core = codeCache
  ? createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('./scripts/cli-state.cjs').runCached(bundle, codeCache)
  : await import(bundle);
const ft = core.readText(scenario);
const c0 = process.cpuUsage();
const t0 = performance.now();
const loaded = core.loadScenario(ft, core.diskProcedures, { account: 'rok', procedure: 'practice-2018' });
if (!loaded.scenario) throw new Error('December 2018 did not load');
if (!core.analyse(core.runScenario(loaded.scenario, {}))) throw new Error('no analysis');
const wall = performance.now() - t0;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ wall, cpu: (c.user + c.system) / 1000 }));
`;
const firstCall = (args) => JSON.parse(timed(['--input-type=module', '-e', FIRST_CALL, ...args], ROOT).stdout);

console.log(`load average ${loads()}, ${RUNS} rounds; other checkout ${OTHER}`);
const bare = [];
const sim = { other: [], here: [] };
const first = { other: [], here: [] };
for (let i = 0; i < RUNS; i++) {
  bare.push(timed(['-e', '0'], ROOT));
  sim.other.push(timed(SIM, OTHER));
  sim.here.push(timed(SIM, ROOT));
  first.other.push(
    firstCall(
      OTHER_SHIPPED
        ? [OTHER_CORE, join(OTHER, SCENARIO), join(OTHER, 'build/bench/first-call-cli.cache')]
        : [pathToFileURL(OTHER_CORE).href, join(OTHER, SCENARIO)],
    ),
  );
  first.here.push(firstCall([SHIPPED_CORE, join(ROOT, SCENARIO), join(ROOT, 'build/bench/first-call-cli.cache')]));
}
const m = (xs, k) => median(xs.map((x) => x[k]));
const ms = (xs, k) => `${m(xs, k).toFixed(0)} ms`;
console.log(`(a) node -e 0: wall ${ms(bare, 'wall')}, CPU ${ms(bare, 'cpu')}`);
for (const [label, xs] of [
  ['other', sim.other],
  ['this ', sim.here],
]) {
  const ratio = m(xs, 'wall') / m(bare, 'wall');
  console.log(`(a) ${label} sim: wall ${ms(xs, 'wall')} = ${ratio.toFixed(2)}× node -e 0 (target ≤ 4×), CPU ${ms(xs, 'cpu')}`);
}
const otherIs = OTHER_SHIPPED ? 'as it ships it' : 'its ES module, procedures parsed';
console.log(`(b) other first call (${otherIs}): wall ${ms(first.other, 'wall')}, CPU ${ms(first.other, 'cpu')}`);
console.log(`(b) this  first call (as the command line ships it):    wall ${ms(first.here, 'wall')}, CPU ${ms(first.here, 'cpu')} (target < 100 ms wall)`);
console.log(`load average ${loads()} at the end`);
