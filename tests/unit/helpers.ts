import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { simulate, buildReport } from '../../src/core';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import type { LoadOptions } from '../../src/core/scenario/load';
import type { RunOptions } from '../../src/core/engine/engine';

export const DEC_2018 = join(ROOT, 'scenarios/dec-2018-noto.yaml');
export const DEMO = join(ROOT, 'scenarios/demo-ladder.yaml');
export const CONTROL = join(ROOT, 'scenarios/control-cues-exchange.yaml');

export function analyse(path: string, opts: LoadOptions & RunOptions = {}) {
  const ft = readText(path);
  return analyseText(ft.file, ft.text, opts);
}

/** As analyse, for scenario text a test wrote or edited; `file` is where its relative paths resolve from. */
export function analyseText(file: string, text: string, opts: LoadOptions & RunOptions = {}) {
  const r = simulate({ file, text }, diskProcedures, opts);
  if (!r.analysis) throw new Error(`could not load ${file}:\n${r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n')}`);
  return r.analysis;
}

export function report(path: string, opts: LoadOptions & RunOptions = {}) {
  return buildReport(analyse(path, opts));
}

/** Writes a file in a fresh temporary folder and returns its path. */
export function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-test-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** The encounter-sim command (package.json `bin`), which every `npm run <command>` runs. */
export const BIN = join(ROOT, 'bin/encounter-sim.js');

/** Runs a command the way `npm run <command>` does, without npm's own output. */
export function cli(script: 'sim' | 'check' | 'drill' | 'compare' | 'sweep' | 'paths' | 'debrief' | 'machine' | 'schema', args: string[]) {
  const r = spawnSync(process.execPath, [BIN, script, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
