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
