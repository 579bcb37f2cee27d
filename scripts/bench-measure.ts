/** What the headless bench scripts share: their options, CPU time of this process, medians. */
import { readFileSync } from 'node:fs';

export { arg } from './cli-arg.mjs';

/** CPU time of this process so far, ms (user + system): a shared machine's load inflates it much less than wall time. */
export const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * CPU time of the calling thread so far, ms, where Linux reports it (/proc/thread-self/stat, in
 * hundredths of a second); undefined elsewhere. Process CPU time also counts V8's background
 * threads, compiling (TurboFan) and collecting garbage in parallel, and that share is what swings
 * between rounds and between processes; the main thread's is the simulator's own work, steady.
 */
export function threadCpuMs(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/thread-self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field, stime the 15th.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
