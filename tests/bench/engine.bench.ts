// Headless speed: load + run + analyse, and seeking the replay. Targets (issue #8): December 2018
// headless under 50 ms; a seek under one 60 Hz frame (16 ms).
import { bench, describe } from 'vitest';
import { join } from 'node:path';
import { simulate } from '../../src/core';
import { loadScenario } from '../../src/core/scenario/load';
import { runScenario } from '../../src/core/engine/engine';
import { analyse } from '../../src/core/analysis/report';
import { buildReplay } from '../../src/core/replay/replay';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';

const demo = readText(join(ROOT, 'scenarios/demo-ladder.yaml'));
const dec = readText(join(ROOT, 'scenarios/dec-2018-noto.yaml'));
const loadedDec = loadScenario(dec, diskProcedures, { account: 'rok' }).scenario!;
const replay = buildReplay(analyse(runScenario(loadedDec)));
let i = 0;

describe('headless run', () => {
  bench('demonstration scenario: load, run, analyse', () => {
    simulate(demo, diskProcedures, {});
  });
  bench('December 2018 (rok, practice-2018): load, run, analyse', () => {
    simulate(dec, diskProcedures, { account: 'rok' });
  });
  bench('December 2018: run and analyse an already loaded scenario', () => {
    analyse(runScenario(loadedDec));
  });
});

describe('replay', () => {
  bench('seek: frame at a random time in December 2018', () => {
    i = (i * 1103515245 + 12345) % 2147483648;
    replay.frameAt((i / 2147483648) * replay.durationS);
  });
  bench('index a run for replay (after each switch of account or procedure)', () => {
    buildReplay(analyse(runScenario(loadedDec)));
  });
});
