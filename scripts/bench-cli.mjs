// Benchmark of issue 19's first target: `encounter-sim sim` on December 2018 with --format json,
// the whole process, against `node -e 0` on the same machine. The two run alternately (paired),
// so a machine that gets busier slows both; the verdict compares their medians.
// Usage: node scripts/bench-cli.mjs [runs]   (default 10 each)
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv[2] ?? 10);
const TARGET = 4;
const commands = [
  { label: 'node -e 0', args: ['-e', '0'] },
  {
    label: 'encounter-sim sim scenarios/dec-2018-noto.yaml --format json',
    args: ['bin/encounter-sim.js', 'sim', 'scenarios/dec-2018-noto.yaml', '--format', 'json'],
  },
];

function wall(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}

wall(commands[1].args); // builds the command line if the source is newer, outside the timing
const times = commands.map(() => []);
for (let i = 0; i < RUNS; i++) commands.forEach((c, k) => times[k].push(wall(c.args)));
const [bare, sim] = times.map(median);
for (const [k, c] of commands.entries()) console.log(`${median(times[k]).toFixed(0).padStart(6)} ms median of ${RUNS}  ${c.label}`);
const ratio = sim / bare;
console.log(`sim / node -e 0 = ${ratio.toFixed(1)}× (target ≤ ${TARGET}×): ${ratio <= TARGET ? 'met' : 'missed'}`);
