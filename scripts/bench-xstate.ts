/**
 * The engine against bare XState, side by side in one process (issue 19's target: 1,000 units ×
 * 1 h, load + run + analyse, no more than 5× what XState alone takes for the same actors and
 * events).
 *
 *   node scripts/run-bundled.mjs scripts/bench-xstate.ts [--units 1000] [--repeat 3] [--json]
 *
 * (as `npm run bench` runs it: bundled, as the command line ships the core; `npx tsx` also runs it,
 * but tsx's keepNames wrappers make the simulator about a fifth dearer, see scripts/run-bundled.mjs)
 *
 * What is compared, each the median CPU time of --repeat rounds taken in turn (so a change in the
 * machine's load falls on both):
 *
 *   simulator   loadScenario + runScenario + analyse of the generated exercise (seed 1, one hour);
 *   bare XState the same unit machines (the run's own actors, with the context each started with)
 *               sent every event the run handed them, in the same order, by XState alone: no radio,
 *               motion, sensing, log or analysis (tests/bench/unit-events.ts). "Handed" includes
 *               the events the engine keeps from an actor because its machine has no transition
 *               for them in the state it is in (units/heeds.ts): bare XState still gets those, as
 *               it did before the engine skipped them, so skipping them cheapens the simulator
 *               only, not the figure it is divided by;
 *   floor       as many actors of a two-state machine sent as many events: what any XState
 *               program of this size pays, printed for scale only.
 *
 * The verdict is simulator / bare XState against 5×.
 */
// First, as in the command line and the app: zod without compiled parsers (see bench-phases.ts).
import '../src/cli/zod-jitless';
import { createActor, createMachine } from 'xstate';
import { generateScenario } from '../src/core/synthetic/generate';
import { loadScenario } from '../src/core/scenario/load';
import { runScenario } from '../src/core/engine/engine';
import { analyse } from '../src/core/analysis/report';
import { diskProcedures } from '../src/cli/files';
import { arg, cpuMs, median } from './bench-measure';
import { capture, replayEvents, type Captured } from '../tests/bench/unit-events';

const TARGET_RATIO = 5;

const timed = (f: () => unknown) => {
  const c = cpuMs();
  f();
  return cpuMs() - c;
};

const units = Number(arg('units', '1000'));
const repeat = Number(arg('repeat', '3'));
const yaml = generateScenario({ units, durationS: 3600, seed: 1 }).yaml;
const load = () => {
  const l = loadScenario({ file: 'synthetic.yaml', text: yaml }, diskProcedures, {});
  if (!l.scenario) throw new Error(l.diagnostics.map((d) => d.message).join('\n'));
  return l.scenario;
};

const captured: Captured = capture(load());

// A machine with nothing in it but a transition on every event: XState's own floor per event.
const toggle = createMachine({
  initial: 'a',
  states: { a: { on: { '*': 'b' } }, b: { on: { '*': 'a' } } },
});
function floor(c: Captured): void {
  for (const a of c.actors) {
    const actor = createActor(toggle).start();
    for (const e of a.events) actor.send(e as never);
  }
}

const simulator: number[] = [];
const bare: number[] = [];
const floors: number[] = [];
for (let i = 0; i < repeat; i++) {
  simulator.push(timed(() => analyse(runScenario(load()))));
  bare.push(timed(() => replayEvents(captured)));
  floors.push(timed(() => floor(captured)));
}

const figures = {
  units,
  actors: captured.actors.length,
  events: captured.events,
  sentByEngine: captured.sent,
  cpuMs: { simulator: median(simulator), bareXState: median(bare), floor: median(floors) },
  ratio: median(simulator) / median(bare),
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures));
} else {
  const f = figures.cpuMs;
  console.log(
    `${units} units × 1 h: ${figures.actors} actors, ${figures.events} events handed to units (the engine sent ${figures.sentByEngine} to their actors), CPU ms median of ${repeat}:`,
  );
  console.log(
    `  simulator (load + run + analyse) ${f.simulator.toFixed(0)}, bare XState (same actors and events) ${f.bareXState.toFixed(0)}, floor (two-state machine) ${f.floor.toFixed(0)}`,
  );
  console.log(
    `  target: simulator ≤ ${TARGET_RATIO}× bare XState: ${figures.ratio <= TARGET_RATIO ? 'met' : 'missed'} (${figures.ratio.toFixed(1)}×; ${(f.simulator / f.floor).toFixed(0)}× the floor)`,
  );
}
