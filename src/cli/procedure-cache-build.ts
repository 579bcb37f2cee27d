/**
 * Makes build/cli/procedures.json (see ./procedure-cache.ts): every shipped procedure loaded as
 * the command line loads it, kept when the load has no diagnostics, read only shipped files, and
 * comes back from JSON exactly as it went in. Run by scripts/build-cli.mjs; not part of a command.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadProcedure, SHIPPED_ID, type FileText, type ProcedureSource } from '../core/procedure/load';
import { cachedLoad, type CachedProcedure, type DocKeys, type ProcedureCache } from './procedure-cache';

/** Every string in `value` (keys too) that contains `path` is `path` itself: then renaming the file is a swap of whole strings. */
function namedOnlyWhole(value: unknown, path: string): boolean {
  if (typeof value === 'string') return value === path || !value.includes(path);
  if (Array.isArray(value)) return value.every((v) => namedOnlyWhole(v, path));
  if (value !== null && typeof value === 'object') return Object.entries(value).every(([k, v]) => !k.includes(path) && namedOnlyWhole(v, path));
  return true;
}

/** Each object met again in `value`, as [where it was met first, where again]; the walk does not go inside it twice. */
export function sharedObjects(value: unknown): [DocKeys, DocKeys][] {
  const firstAt = new Map<object, DocKeys>();
  const shared: [DocKeys, DocKeys][] = [];
  const walk = (v: unknown, keys: DocKeys): void => {
    if (v === null || typeof v !== 'object') return;
    const first = firstAt.get(v);
    if (first) {
      shared.push([first, keys]);
      return;
    }
    firstAt.set(v, keys);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...keys, i]));
    else for (const [k, x] of Object.entries(v)) walk(x, [...keys, k]);
  };
  walk(value, []);
  return shared;
}

function cacheOne(root: string, id: string, shipped: string[]): CachedProcedure | undefined {
  const files: CachedProcedure['files'] = [];
  let shippedOnly = true;
  const source: ProcedureSource = {
    read(ref): FileText | undefined {
      const path = `procedures/${ref}.yaml`;
      if (!SHIPPED_ID.test(ref) || !existsSync(join(root, path))) {
        shippedOnly = false;
        return undefined;
      }
      const text = readFileSync(join(root, path), 'utf8');
      files.push({ path, text });
      return { file: path, text };
    },
    shippedIds: () => shipped,
  };
  const load = loadProcedure(id, join(root, 'scenario.yaml'), source);
  if (!shippedOnly || !load.procedure || load.diagnostics.length > 0) return undefined;
  if (!files.every((f) => namedOnlyWhole(load, f.path))) return undefined;
  const entry: CachedProcedure = { files, load: JSON.stringify(load), shared: sharedObjects(load) };
  // What a command would get back: the same values (none JSON cannot hold), with the same objects shared.
  const back = cachedLoad(
    { [id]: entry },
    id,
    { file: files[0]!.path, text: files[0]!.text },
    (p) => ({ file: p, text: readFileSync(join(root, p), 'utf8') }),
    (p) => p,
  );
  if (!isDeepStrictEqual(back, load) || !isDeepStrictEqual(sharedObjects(back), entry.shared)) return undefined;
  return entry;
}

/** The cache of the procedures shipped under `root`, as the JSON text build/cli/procedures.json holds. */
export function procedureCacheJson(root: string): string {
  const shipped = readdirSync(join(root, 'procedures'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
  const cache: ProcedureCache = {};
  for (const id of shipped) {
    const entry = cacheOne(root, id, shipped);
    if (entry) cache[id] = entry;
  }
  return JSON.stringify(cache);
}
