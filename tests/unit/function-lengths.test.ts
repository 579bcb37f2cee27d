// The app's views stay small (issue #12): no function over 150 lines, measured by
// scripts/function-lengths.ts with the TypeScript compiler. A long mount closure is where a view's
// unrelated jobs pile up; this keeps them split into view-models and thin DOM code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionLengths, overLimit } from '../../scripts/function-lengths';
import { ROOT } from '../../src/cli/files';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');

// A small source with every kind of function the script must see, of known lengths.
const FIXTURE = [
  'export function outer() {', // 1: outer spans lines 1–9
  '  const inner = () => {', // 2: inner spans 2–5
  '    return 1;',
  '  };',
  '',
  '  return inner;',
  '}',
  '',
  '',
  'class K {',
  '  constructor() {}',
  '  get g() { return 1; }',
  '  m() {',
  '    return 2;',
  '  }',
  '}',
  'const o = { f: function () { return 3; }, a: (x: number) => x };',
  'declare function bodiless(): void;',
].join('\n');

describe('function lengths (scripts/function-lengths.ts)', () => {
  it('measures declarations, arrows, methods, accessors and constructors, with their enclosing names', () => {
    const got = functionLengths('fixture.ts', FIXTURE).map((f) => `${f.name}@${f.line}:${f.lines}`);
    expect(got).toEqual(['outer@1:7', 'outer > inner@2:3', 'constructor@11:1', 'g@12:1', 'm@13:3', 'f@17:1', 'a@17:1']);
  });

  it('reports only what is over the limit, longest first, and the command exits 1 for it and 0 otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'function-lengths-'));
    writeFileSync(join(dir, 'long.ts'), `export function long() {\n${lines(20)}\n}\nexport const short = () => 1;\n`);
    writeFileSync(join(dir, 'longer.ts'), `export const longer = () => {\n${lines(30)}\n};\n`);
    writeFileSync(join(dir, 'types.d.ts'), `declare const x: number;\n`);
    const over = overLimit([dir], 21, dir);
    expect(over.map((f) => `${f.file}:${f.line} ${f.name} ${f.lines}`)).toEqual(['longer.ts:1 longer 32', 'long.ts:1 long 22']);
    expect(overLimit([dir], 32, dir)).toEqual([]);

    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/function-lengths.ts'), ...args], { encoding: 'utf8' });
    const failing = run(dir, '--max', '25');
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('longer.ts:1  longer');
    expect(failing.stdout).not.toContain('long.ts:1  long\n');
    expect(run(dir, '--max', '40').status).toBe(0);
    // Two child processes that load the TypeScript compiler: seconds each on a loaded machine.
  }, 120_000);

  // Views stay small: a pure view-model beside thin DOM code (issue 12).
  it('no function in src/app is over 150 lines', () => {
    const over = overLimit([join(ROOT, 'src/app')], 150, ROOT);
    expect(over.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`)).toEqual([]);
  });
});
