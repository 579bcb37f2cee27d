/**
 * The shipped procedures as loaded by the build (build/cli/procedures.json, made by
 * ./procedure-cache-build.ts): a command that runs a scenario would otherwise parse the YAML of its
 * procedure and of the chain it extends, and check them against the schema, every time, which in a
 * fresh process was a third of loading December 2018 (issue 19). An entry is used only while every
 * file it was made from reads exactly as it did, so an edited procedure is parsed again.
 */
import { SHIPPED_ID, type FileText, type ProcedureLoad } from '../core/procedure/load';

/** One shipped procedure's load and the files it was made from (the named one first). */
export interface CachedProcedure {
  /** Each file's path under the project, with `/`, and its text. */
  files: { path: string; text: string }[];
  /** The ProcedureLoad as JSON, with each file named by its `path`. */
  load: string;
  /**
   * Where the load holds one object in two places (rules share their procedure's list of
   * services): the first place, then the other, which JSON would make a copy.
   */
  shared: [DocKeys, DocKeys][];
}

/** Keys from the load down to a value inside it. */
export type DocKeys = (string | number)[];

export type ProcedureCache = Record<string, CachedProcedure>;

/**
 * The cached load of `ref` when `ft` is its shipped file and the rest of its chain reads as it
 * did, with each file named as this command names it (`displayOf`); else undefined. Each call
 * gives a new object, so a caller may change what it gets.
 */
export function cachedLoad(
  cache: ProcedureCache,
  ref: string,
  ft: FileText,
  readAt: (path: string) => FileText | undefined,
  displayOf: (path: string) => string,
): ProcedureLoad | undefined {
  if (!SHIPPED_ID.test(ref) || !Object.hasOwn(cache, ref) || ft.bytes !== undefined) return undefined;
  const { files, load } = cache[ref]!;
  const named = files[0]!;
  if (ft.file !== displayOf(named.path) || ft.text !== named.text) return undefined;
  for (const f of files.slice(1)) if (readAt(f.path)?.text !== f.text) return undefined;
  let json = load;
  // The build checked that each path appears in the load only as a whole string.
  for (const f of files) if (displayOf(f.path) !== f.path) json = json.split(JSON.stringify(f.path)).join(JSON.stringify(displayOf(f.path)));
  const parsed = JSON.parse(json) as ProcedureLoad;
  for (const [first, other] of cache[ref]!.shared) at(parsed, other.slice(0, -1))[other.at(-1)!] = at(parsed, first);
  return parsed;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a walk down keys the build recorded in this very value
function at(value: any, keys: DocKeys): any {
  for (const k of keys) value = value[k];
  return value;
}
