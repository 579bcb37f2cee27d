// The command line's file access (src/cli/files.ts): a file over the size limit is refused by its
// real size on disk, without being read, at file:1:1 like every other diagnostic.
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { checkFile } from '../../src/core/check';
import { formatDiagnostic } from '../../src/core/diagnostics';
import { groupDigits, MAX_FILE_BYTES } from '../../src/core/limits';
import { diskProcedures, displayPath, readText } from '../../src/cli/files';
import { cli, DEC_2018, tempFile } from './helpers';

/** A scenario file half again over the limit, with an odd size so that no rounding hides it. */
const OVERSIZED_BYTES = MAX_FILE_BYTES * 1.5 + 35;
function oversized(name: string): { path: string; bytes: number } {
  const path = tempFile(name, `id: big\ntitle: Big\nnote: "${'x'.repeat(MAX_FILE_BYTES * 1.5 + 7)}"\n`);
  return { path, bytes: statSync(path).size };
}

const refusal = (path: string, bytes: number) =>
  `${displayPath(path)}:1:1: error[ES1001]: file is ${groupDigits(bytes)} bytes; the limit is ${groupDigits(MAX_FILE_BYTES)} bytes. Split the scenario into smaller ones (fewer units or a shorter span each), or remove long notes and unused material.`;

describe('a file over the size limit', () => {
  it('is refused with its real size in bytes, the limit and what to do, at file:1:1', () => {
    const { path, bytes } = oversized('big.yaml');
    expect(bytes).toBe(OVERSIZED_BYTES);
    expect(checkFile(readText(path), diskProcedures).map(formatDiagnostic)).toEqual([refusal(path, bytes)]);
  });

  it('is not read: readText hands on its size, not its text', () => {
    const { path, bytes } = oversized('big.yaml');
    expect(readText(path)).toEqual({ file: displayPath(path), text: '', bytes });
  });

  it('`npm run check` prints the real size (not the limit + 1) and exits 1', () => {
    const { path } = oversized('big.yaml');
    const r = cli('check', [path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${refusal(path, OVERSIZED_BYTES)}\n`);
  });

  it('as a procedure named by path, is refused the same way', () => {
    const { path, bytes } = oversized('big-procedure.yaml');
    const r = cli('sim', [DEC_2018, '--procedure', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(refusal(path, bytes));
  });
});
