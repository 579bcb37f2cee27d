/**
 * Soak: a day of simulated time with traffic, and what it does to memory.
 *
 *   npx tsx scripts/soak.ts [--units 60] [--hours 24] [--every 1] [--json]
 *
 * The engine runs a whole scenario in one synchronous call. To read memory while it runs, the
 * script adds probe actions to the generated exercise, one every `--every` simulated hours: each
 * is a `set-noise` on a radio no unit has, which the engine carries out as a no-op (nothing is
 * logged, nothing changes), and reading the probe's `unit` makes the script force a full GC and
 * read the heap. The run is made in a child process started with --expose-gc.
 *
 * The log is append-only by design, so the heap grows with the number of entries. What must stay
 * flat is the rest: working set = heap − (bytes per log entry × entries logged so far), the
 * engine's queue, actors and sensing index. Bytes per entry are measured at the end by dropping
 * the log and the transmissions.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { arg } from './bench-measure';

export interface SoakSample {
  hour: number;
  entries: number;
  heapMB: number;
  logMB: number;
  workingMB: number;
}

export interface SoakResult {
  units: number;
  hours: number;
  entries: number;
  transmissions: number;
  runS: number;
  bytesPerEntry: number;
  samples: SoakSample[];
  /** Working set growth from the first sample after warm-up to the last, MB. */
  growthAfterWarmupMB: number;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WARM_UP_H = 2;

async function child(units: number, hours: number, every: number): Promise<void> {
  const { generateScenario } = await import('../src/core/synthetic/generate');
  const { loadScenario } = await import('../src/core/scenario/load');
  const { runScenario } = await import('../src/core/engine/engine');
  const { diskProcedures } = await import('../src/cli/files');
  const gc = (globalThis as { gc?: () => void }).gc!;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const g = generateScenario({ units, durationS: hours * 3600, seed: 7 });
  const scenario = loadScenario({ file: 'soak.yaml', text: g.yaml }, diskProcedures, {}).scenario!;
  const probeUnit = scenario.units.find((u) => u.kind === 'ship')!.id;
  const samples: { hour: number; heap: number }[] = [];
  for (let h = every; h <= hours; h += every) {
    const atS = h * 3600 - 0.5; // between sensing steps, after everything else due that second
    scenario.script.push({
      id: `soak-probe-${h}`,
      index: scenario.script.length,
      do: 'set-noise',
      radio: 'soak-probe',
      noiseDb: null,
      atS,
      at: atS,
      get unit() {
        samples.push({ hour: h, heap: heap() });
        return probeUnit;
      },
    } as unknown as (typeof scenario.script)[number]);
  }
  // Let the loader's leftovers go (some are only released once the current job ends).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const base = heap();
  const t0 = performance.now();
  const run = runScenario(scenario, {});
  const runS = (performance.now() - t0) / 1000;
  const retained = heap();
  const entries = run.log.length;
  const transmissions = run.transmissions.length;
  const byHour = samples.map((s) => run.log.filter((e) => e.t <= s.hour * 3600 - 0.5).length);
  run.log.length = 0;
  run.transmissions.length = 0;
  const residual = heap();
  void [g, scenario];
  process.stdout.write(`SOAK-RESULT ${JSON.stringify({ entries, transmissions, runS, base, retained, residual, samples, byHour })}\n`);
}

export function soak(units: number, hours: number, every = 1): SoakResult {
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--no-flush-bytecode',
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      String(units),
      String(hours),
      String(every),
    ],
    { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('SOAK-RESULT '));
  if (!line) throw new Error(`soak child failed (${r.status}):\n${r.stderr.slice(-4000)}`);
  const res = JSON.parse(line.slice('SOAK-RESULT '.length)) as {
    entries: number;
    transmissions: number;
    runS: number;
    base: number;
    retained: number;
    residual: number;
    samples: { hour: number; heap: number }[];
    byHour: number[];
  };
  const mb = (b: number) => Math.round((b / 1048576) * 100) / 100;
  const bytesPerEntry = res.entries ? (res.retained - res.residual) / res.entries : 0;
  const samples = res.samples.map((s, i) => {
    const entries = res.byHour[i]!;
    const log = bytesPerEntry * entries;
    return { hour: s.hour, entries, heapMB: mb(s.heap - res.base), logMB: mb(log), workingMB: mb(s.heap - res.base - log) };
  });
  const after = samples.filter((s) => s.hour >= WARM_UP_H);
  return {
    units,
    hours,
    entries: res.entries,
    transmissions: res.transmissions,
    runS: Math.round(res.runS * 10) / 10,
    bytesPerEntry: Math.round(bytesPerEntry),
    samples,
    growthAfterWarmupMB: after.length >= 2 ? Math.round((after[after.length - 1]!.workingMB - after[0]!.workingMB) * 100) / 100 : 0,
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5]));
    return;
  }
  const result = soak(Number(arg('units', '60')), Number(arg('hours', '24')), Number(arg('every', '1')));
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  process.stdout.write(
    `${result.units} units, ${result.hours} h simulated: ${result.entries} log entries, ${result.transmissions} transmissions, run ${result.runS} s, ${result.bytesPerEntry} bytes per log entry\n`,
  );
  process.stdout.write('  hour   entries    heap MB   log MB   working set MB\n');
  for (const s of result.samples) {
    process.stdout.write(
      `  ${String(s.hour).padStart(4)}  ${String(s.entries).padStart(8)}  ${s.heapMB.toFixed(2).padStart(9)}  ${s.logMB.toFixed(2).padStart(7)}  ${s.workingMB.toFixed(2).padStart(9)}\n`,
    );
  }
  process.stdout.write(`working set growth after ${WARM_UP_H} h warm-up: ${result.growthAfterWarmupMB} MB\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
