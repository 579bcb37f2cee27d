/** The command line's access to files: procedures by shipped id or by path, relative to the referring file. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve, relative, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileText, ProcedureSource } from '../core/procedure/load';
import { MAX_FILE_BYTES } from '../core/yaml-source';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROCEDURES_DIR = join(ROOT, 'procedures');

/** Paths in messages are relative to where the command was run, as editors expect. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel || p;
}

export function readText(path: string): FileText {
  const abs = resolve(path);
  const size = statSync(abs).size;
  // Not read: the loaders refuse it by its size on disk, at file:1:1.
  if (size > MAX_FILE_BYTES) return { file: displayPath(abs), text: '', bytes: size };
  return { file: displayPath(abs), text: readFileSync(abs, 'utf8') };
}

export const diskProcedures: ProcedureSource = {
  read(ref, fromFile) {
    const shipped = join(PROCEDURES_DIR, `${ref}.yaml`);
    if (/^[a-z0-9-]+$/.test(ref) && existsSync(shipped)) return readText(shipped);
    const candidates = [resolve(dirname(resolve(fromFile)), ref), resolve(ref)];
    for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return readText(c);
    return undefined;
  },
  shippedIds() {
    return readdirSync(PROCEDURES_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
  },
};
