/**
 * npm run golden:update — rewrites the committed golden outputs (tests/golden/out/) from the
 * program as it is now, and removes outputs nothing produces any more. Review the diff like code
 * and give the reason for every change in the commit message; `tests/unit/golden.test.ts` fails
 * until the committed files match what the program says.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../src/cli/files';
import { GOLDEN_DIR, goldenOutputs } from '../tests/golden/outputs';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

const base = join(ROOT, GOLDEN_DIR);
mkdirSync(base, { recursive: true });
const outputs = goldenOutputs({ synthetic: true });
let written = 0;
let removed = 0;
for (const [rel, text] of outputs) {
  const p = join(base, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  written++;
}
for (const p of filesUnder(base)) {
  if (!outputs.has(relative(base, p).split('\\').join('/'))) {
    rmSync(p);
    removed++;
  }
}
console.log(`${written} golden outputs written to ${GOLDEN_DIR}/, ${removed} stale removed; review with git diff ${GOLDEN_DIR}`);
