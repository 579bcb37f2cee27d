// Output does not depend on the machine's locale: the same scenario gives the same bytes under
// C and under Danish, whose collation sorts "aa" after "z" (and upper case first). Run as child
// processes, because the locale is read once, when a process starts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files';
import { generateScenario } from '../../src/core/synthetic/generate';

const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-locale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Japanese ships renamed aa-…: first by code point, last in Danish. The exercise's calls to all
// stations reach units of both names, so their outcomes are sorted across the two.
const file = join(dir, 'aa-units.yaml');
writeFileSync(file, generateScenario({ units: 12, durationS: 1800, seed: 3, allCallsPerHour: 4 }).yaml.replace(/\bjp-ship/g, 'aa-ship'));

function sim(locale: string, format: string): string {
  const r = spawnSync(process.execPath, ['bin/encounter-sim.js', 'sim', file, '--format', format], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: locale, LANG: locale },
  });
  expect(r.status).toBe(0);
  // Warnings (stderr) are sorted too.
  return `${r.stdout}\n--- stderr\n${r.stderr}`;
}

it.each(['json', 'text', 'md'])('sim --format %s writes the same bytes under LC_ALL=da_DK.UTF-8 as under C.UTF-8', (format) => {
  const c = sim('C.UTF-8', format);
  expect(c).toContain('aa-ship');
  expect(sim('da_DK.UTF-8', format)).toBe(c);
});
