/**
 * Fingerprints of what the simulator says about generated exercises: a hash of each run's log,
 * transmissions and final states, and of its analysis. A change meant only to make the simulator
 * faster keeps every line the same; compare the output before and after (the golden outputs pin
 * the shipped scenarios, this pins exercises large enough to reach the engine's scale paths).
 *
 *   node scripts/run-bundled.mjs scripts/log-hash.ts [--units 1000,300,100,40] [--seeds 1,2]
 */
import { createHash } from 'node:crypto';
import { generateScenario } from '../src/core/synthetic/generate';
import { loadScenario } from '../src/core/scenario/load';
import { runScenario } from '../src/core/engine/engine';
import { analyse } from '../src/core/analysis/report';
import { diskProcedures } from '../src/cli/files';
import { arg } from './bench-measure';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

const sizes = arg('units', '1000,300,100,40').split(',').map(Number);
const seeds = arg('seeds', '1,2').split(',').map(Number);
for (const units of sizes)
  for (const seed of seeds) {
    const variants = [
      { name: 'default', opts: {} },
      { name: 'busy', opts: { hailEveryS: 60, fireControlShare: 0.5, allCallsPerHour: 12 } },
      { name: '2024', opts: { procedure: 'jp-rok-2024' } },
      // Escalation ladders: ROK ships warn foreign aircraft, so every sweep weighs each ship against each aircraft.
      { name: 'ladders', opts: { procedure: 'rok-2019-guideline' } },
    ];
    for (const v of variants) {
      if (units >= 1000 && v.name !== 'default') continue;
      const yaml = generateScenario({ units, durationS: 3600, seed, ...v.opts }).yaml;
      const loaded = loadScenario({ file: 'synthetic.yaml', text: yaml }, diskProcedures, {});
      if (!loaded.scenario) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
      const run = runScenario(loaded.scenario);
      const analysis = analyse(run);
      const { scenario: _s, ...rest } = run;
      console.log(
        `${String(units).padStart(5)} units seed ${seed} ${v.name.padEnd(7)} entries ${String(run.log.length).padStart(7)}  run ${hash(rest)}  analysis ${hash({ ...analysis, run: undefined })}`,
      );
    }
  }
