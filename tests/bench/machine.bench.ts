// Cost per event of the unit machines (issue #12, item 2): a run's events sent again to fresh
// actors of the machines the run used, so the figure is the machines' own (the interpreter's step,
// guards, transitions), apart from the engine. Divide the mean time by the event count printed.
import { bench, describe } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/core/scenario/load';
import { generateScenario } from '../../src/core/synthetic/generate';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { capture, replayEvents } from './unit-events';

const dec = loadScenario(readText(join(ROOT, 'scenarios/dec-2018-noto.yaml')), diskProcedures, { account: 'rok' }).scenario!;
const decEvents = capture(dec);
const big = process.env['SCALE_BENCH_UNITS'] === '100' ? 100 : 1000;
const synthetic = loadScenario({ file: 'synthetic.yaml', text: generateScenario({ units: big, durationS: 3600, seed: 1 }).yaml }, diskProcedures, {}).scenario!;
const bigEvents = capture(synthetic);
process.stdout.write(`unit events: December 2018 ${decEvents.events}, ${big}-unit hour ${bigEvents.events}\n`);

describe('unit machines: every event of a run, sent again to fresh actors', () => {
  bench(`December 2018 (rok, practice-2018): ${decEvents.events} events`, () => {
    replayEvents(decEvents);
  });
  bench(
    `${big} units × 1 hour: ${bigEvents.events} events`,
    () => {
      replayEvents(bigEvents);
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
