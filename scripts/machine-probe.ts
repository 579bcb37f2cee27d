/**
 * How fast this machine runs JavaScript at the moment: the CPU time of one fixed piece of work.
 *
 * On a virtual machine whose host is busy, CPU time is not a property of the program alone. This
 * machine's kernel reports no steal time (/proc/stat's steal column stays 0), so time the host
 * gives to others is counted as ours: the same probe measured 35 ms and 85 ms a few seconds
 * apart, and identical 1,000-unit rounds 3.6 s and 9.0 s. Timing the probe next to each round
 * tells a round slowed by the program from one slowed by the machine.
 *
 * The probe runs in a process of its own. In the bench's process its CPU time took in V8's
 * background threads sweeping the rounds' garbage (process CPU time counts every thread), and
 * grew from 41 to 183 ms over five rounds while the rounds themselves stayed within 5.1–6.1 s.
 */
import { execFileSync } from 'node:child_process';

/**
 * The work: a small copy of the simulator's mix (objects, string keys in a Map, floating-point
 * arithmetic, a sort), deterministic, allocating nothing per round. Sent to the probe's process
 * as source, so it may use nothing outside itself.
 */
function work(rounds: number): number {
  const size = 4096;
  const table = new Map<string, { i: number; x: number; y: number }>();
  const keys: string[] = [];
  const pool: { i: number; x: number; y: number }[] = [];
  for (let k = 0; k < size; k++) {
    keys.push(`unit-${k}`);
    pool.push({ i: k, x: 0.5, y: 0.5 });
  }
  const row = pool.slice(0, 256);
  const byY = (a: { y: number }, b: { y: number }) => a.y - b.y;
  let seed = 1;
  let sum = 0;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < size; k++) {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      const x = (seed & 0xffff) / 65_536;
      const o = pool[(k * 7 + r) % size]!;
      o.x = x;
      o.y = Math.sqrt(x * x + (k & 255));
      table.set(keys[(k * 13 + r) % size]!, o);
      sum += o.y;
    }
    row.sort(byY);
    sum += row[0]!.x + table.size;
  }
  return sum;
}

/** Rounds of `work` in one probe: about 40 ms of CPU on this machine when its host is quiet. */
const ROUNDS = 480;

/** What the probe's process runs: the work until optimised, then once measured; it prints the CPU ms. */
const PROGRAM = `const work = ${work.toString()};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let sink = 0;
for (let i = 0; i < 3; i++) sink += work(${ROUNDS});
const c = cpu();
sink += work(${ROUNDS});
console.log(Number.isNaN(sink) ? -1 : cpu() - c);`;

/** CPU milliseconds the probe takes now, measured in a process of its own. */
export function probeMs(): number {
  return Number(execFileSync(process.execPath, ['-e', PROGRAM], { encoding: 'utf8' }).trim());
}
