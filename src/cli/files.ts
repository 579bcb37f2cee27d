/** The command line's access to files: procedures by shipped id or by path, relative to the referring file. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isUnreadable, readInput } from './io';
import { dirname, resolve, relative, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_ID, type FileText, type ProcedureLoad, type ProcedureSource } from '../core/procedure/load';
import { cachedLoad, type ProcedureCache } from './procedure-cache';
import { parsedBefore } from './parsed-scenarios';
import { useParsedBefore } from '../core/yaml-source';

/** Set in the built command line (scripts/build-cli.mjs): where the build keeps the shipped procedures loaded. */
declare global {
  var __ENCOUNTER_SIM_PROCEDURE_CACHE__: string | undefined;
  /** Set in the built command line: where the build keeps the shipped scenarios parsed (./parsed-scenarios.ts). */
  var __ENCOUNTER_SIM_PARSED_SCENARIOS__: string | undefined;
}

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROCEDURES_DIR = join(ROOT, 'procedures');

const parsedScenarios = globalThis.__ENCOUNTER_SIM_PARSED_SCENARIOS__;
if (parsedScenarios) useParsedBefore((text, file) => parsedBefore(join(ROOT, parsedScenarios), text, file));

/** Paths in messages are relative to where the command was run, as editors expect. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel || p;
}

/**
 * A file's text for the loaders, read with a byte cap. A path that cannot be read at all (a folder,
 * a link loop) becomes an empty file whose refusal says why, at file:1:1; commands that take a
 * path from the user check it first with readInput (./io.ts) to say so before anything else.
 */
export function readText(path: string): FileText {
  const abs = resolve(path);
  const r = readInput(abs, displayPath(abs));
  if (isUnreadable(r)) throw new UnreadableFile(displayPath(abs), r.problem);
  return r;
}

/** Thrown by readText for a path a command did not check first; the commands' entry catches it as a message. */
export class UnreadableFile extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}:1:1: error: ${problem}`);
  }
}

let procedureCache: ProcedureCache | null | undefined;

/** The build's cache of the shipped procedures, read when a command first loads one; null when there is none. */
function shippedCache(): ProcedureCache | null {
  if (procedureCache === undefined) {
    const path = globalThis.__ENCOUNTER_SIM_PROCEDURE_CACHE__;
    try {
      procedureCache = path ? (JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as ProcedureCache) : null;
    } catch {
      procedureCache = null; // not there (a build being written) or not readable: every procedure is parsed
    }
  }
  return procedureCache;
}

function readShipped(path: string): FileText | undefined {
  try {
    return readText(join(ROOT, path));
  } catch {
    return undefined;
  }
}

/** Procedure `ref` from `cache` when its files on disk read as they did, named as this command names files. */
export function loadedFrom(cache: ProcedureCache, ref: string, ft: FileText): ProcedureLoad | undefined {
  return cachedLoad(cache, ref, ft, readShipped, (path) => displayPath(join(ROOT, path)));
}

export const diskProcedures: ProcedureSource = {
  read(ref, fromFile) {
    const shipped = join(PROCEDURES_DIR, `${ref}.yaml`);
    if (SHIPPED_ID.test(ref) && existsSync(shipped)) return readText(shipped);
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
  loadedBefore(ref, ft) {
    const cache = shippedCache();
    return cache ? loadedFrom(cache, ref, ft) : undefined;
  },
};
