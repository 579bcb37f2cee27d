// The core is headless and deterministic: no pixi, DOM, zustand, wall clock or unseeded randomness.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../../src/cli/files';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const core = files(join(ROOT, 'src/core'));
const importsOf = (src: string) =>
  [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe('the headless core', () => {
  it('has files to check', () => expect(core.length).toBeGreaterThan(20));

  it.each(core.map((f) => [relative(ROOT, f), f]))('%s imports only the core and its allowed libraries', (_name, file) => {
    const src = readFileSync(file, 'utf8');
    for (const spec of importsOf(src)) {
      if (spec.startsWith('.')) {
        expect(join(file, '..', spec).startsWith(join(ROOT, 'src/core'))).toBe(true);
        continue;
      }
      expect(['xstate', 'yaml', 'zod']).toContain(spec.split('/')[0]);
    }
  });

  it.each(core.map((f) => [relative(ROOT, f), f]))('%s reads no wall clock and draws no unseeded random numbers', (_name, file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/Date\.now\(|Math\.random\(|setTimeout\(|setInterval\(|performance\.now\(|new Date\(\)/);
    expect(code).not.toMatch(/\b(window|document|navigator)\./);
  });
});
