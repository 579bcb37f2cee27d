// The architecture's rules, as `npm run lint` enforces them: the core is headless (no pixi, DOM,
// zustand or node: modules, nothing from the app or the command line) and deterministic (no wall
// clock, unseeded randomness, timers or locale-dependent calls). Each case is a line a
// contributor might write into a file under src/core/; the linter must refuse it, and must let the
// core's own ways of doing the same pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files';

// The rules are read from eslint.config.js; only type-aware parsing is turned off, because the
// probe file does not exist on disk.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/switch-exhaustiveness-check': 'off' },
  },
});

async function problems(code: string, file = 'src/core/radio/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const refused: [string, string, RegExp][] = [
  ['pixi', "import 'pixi.js';", /no-restricted-imports/],
  ['pixi by name', "import { Graphics } from 'pixi.js';\nexport const g = Graphics;", /no-restricted-imports/],
  ['zustand', "import { createStore } from 'zustand/vanilla';\nexport const s = createStore;", /no-restricted-imports/],
  ['a node: module', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /no-restricted-imports/],
  ['the app', "import { h } from '../../app/dom';\nexport const x = h;", /no-restricted-imports/],
  ['the command line', "import { ROOT } from '../../cli/files';\nexport const x = ROOT;", /no-restricted-imports/],
  ['Date.now', 'export const t = Date.now();', /wall clock/],
  ['Date.now with a space', 'export const t = Date.now ();', /wall clock/],
  ['new Date()', 'export const d = new Date();', /wall clock/],
  ['Math.random', 'export const r = Math.random();', /seeded Random/],
  ['setTimeout', 'setTimeout(() => {}, 10);', /owns the clock/],
  ['performance.now', 'export const t = performance.now();', /headless/],
  ['window', 'export const w = window.innerWidth;', /headless/],
  ['localeCompare', "export const c = 'a'.localeCompare('b');", /locale/],
  ['Intl.Collator', 'export const c = new Intl.Collator();', /locale/],
  ['toLocaleString', 'export const s = (1234).toLocaleString();', /locale/],
  ['local-time Date methods', "export const h = new Date('2018-12-20T15:00:00+09:00').getHours();", /time zone/],
];

describe('the core is headless and deterministic (eslint.config.js)', () => {
  it.each(refused)('refuses %s in src/core', async (_what, code, rule) => {
    const found = await problems(code);
    expect(found.join('\n')).toMatch(rule);
  });

  it('lets the core import itself, xstate, yaml and zod, and order and time things its own way', async () => {
    const code = [
      "import { setup } from 'xstate';",
      "import { parseDocument } from 'yaml';",
      "import { z } from 'zod';",
      "import { byCodePoint } from '../order';",
      "import { createRandom } from '../rng';",
      'export const all = [setup, parseDocument, z, createRandom];',
      "export const sorted = ['b', 'a'].sort(byCodePoint);",
      "export const start = Date.parse('2018-12-20T14:50:00+09:00') + new Date(0).getUTCHours();",
    ].join('\n');
    expect(await problems(code)).toEqual([]);
  });

  it('lets the app use what the core may not', async () => {
    expect(await problems("import { Graphics } from 'pixi.js';\nexport const t = [Graphics, Date.now(), window.innerWidth];", 'src/app/plot/probe.ts')).toEqual(
      [],
    );
  });
});

// Views send intents: a what-if, drill or comparison is a store action, so a view that imports the
// core's run functions is refused, while the store and the sweep's worker may.
describe('only the store and workers run the core (eslint.config.js)', () => {
  const views: [string, string, string][] = [
    ['simulate in a view', "import { simulate } from '../../core';\nexport const x = simulate;", 'src/app/training/probe.ts'],
    ['runDrill, renamed', "import { runDrill as drill } from '../../core/drill/drill';\nexport const x = drill;", 'src/app/training/probe.ts'],
    ['compareRuns in the compare tab', "import { compareRuns } from '../../core/compare/compare';\nexport const x = compareRuns;", 'src/app/beyond/probe.ts'],
    ['the re-runs of the fact test', "import { rerunner } from '../../core/compare/grounds';\nexport const x = rerunner;", 'src/app/explore/probe.ts'],
    [
      'runScenario and analyse in a panel',
      "import { runScenario, analyse } from '../../core';\nexport const x = [runScenario, analyse];",
      'src/app/panels/probe.ts',
    ],
    ['the whole core by namespace', "import * as core from '../core';\nexport const x = core;", 'src/app/probe.ts'],
    ['re-exporting simulate', "export { simulate } from '../../core';", 'src/app/training/probe.ts'],
  ];
  it.each(views)('refuses %s', async (_what, code, file) => {
    const found = await problems(code, file);
    expect(found.join('\n')).toMatch(/no-restricted-imports: .*Views send intents to the store/);
  });

  it('lets the store, its run module and the sweep worker run the core, and views use the rest of it', async () => {
    const run = "import { simulate } from '../core';\nimport { runDrill } from '../core/drill/drill';\nexport const x = [simulate, runDrill];";
    expect(await problems(run, 'src/app/store.ts')).toEqual([]);
    expect(await problems(run, 'src/app/store-runs.ts')).toEqual([]);
    expect(await problems("import { runRange } from '../../core/sweep/sweep';\nexport const x = runRange;", 'src/app/beyond/sweep.worker.ts')).toEqual([]);
    const view =
      "import { describeChange } from '../../core/whatif/whatif';\nimport type { Analysis } from '../../core/analysis/report';\nexport const x = describeChange;\nexport type A = Analysis;";
    expect(await problems(view, 'src/app/training/probe.ts')).toEqual([]);
  });
});

// The plot's geometry is pure (numbers in, numbers out, tested in Node); the layers draw it.
describe('the plot geometry is pure', () => {
  it.each([
    ['pixi', "import { Graphics } from 'pixi.js';\nexport const g = Graphics;"],
    ['a layer', "import { UnitsLayer } from '../layers/units';\nexport const l = UnitsLayer;"],
    ['the DOM', 'export const w = window.innerWidth;'],
  ])('refuses %s in src/app/plot/geometry', async (_what, code) => {
    expect((await problems(code, 'src/app/plot/geometry/probe.ts')).length).toBeGreaterThan(0);
  });

  it('lets it use the placer and the projection, and still refuses the core run functions', async () => {
    expect(
      await problems(
        "import type { Rect } from '../placer';\nimport { KM_PER_NM } from '../projection';\nexport type R = Rect;\nexport const k = KM_PER_NM;",
        'src/app/plot/geometry/probe.ts',
      ),
    ).toEqual([]);
    expect((await problems("import { simulate } from '../../../core';\nexport const s = simulate;", 'src/app/plot/geometry/probe.ts')).join('\n')).toMatch(
      /intents/,
    );
  });
});
