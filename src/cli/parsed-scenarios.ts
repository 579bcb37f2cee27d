/**
 * The shipped scenarios as the build parsed them (build/cli/scenarios/<file>.json, made by
 * ./parsed-scenarios-build.ts): in a fresh process the `yaml` library's parse of December 2018
 * runs cold in V8's interpreter and was most of loading it (issue 19). A kept parse is found by
 * the file's name and used only when the text reads exactly as the one it was made from; any
 * other text, an edited scenario or an author's own, is parsed.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ParsedBefore } from '../core/yaml-source';

/** One kept parse: the text it was made from and what the parse gave. */
export interface KeptParse {
  text: string;
  parsed: ParsedBefore;
}

/** Where the build keeps the parse of a file named `name` (its name without folders). */
export function keptParsePath(dir: string, name: string): string {
  return join(dir, `${name}.json`);
}

/** The parse kept in `dir` for `text`, found by the file's name; undefined when none was kept or the text differs. */
export function parsedBefore(dir: string, text: string, file: string): ParsedBefore | undefined {
  const name = basename(file);
  if (!name.endsWith('.yaml')) return undefined;
  let kept: KeptParse;
  try {
    kept = JSON.parse(readFileSync(keptParsePath(dir, name), 'utf8')) as KeptParse;
  } catch {
    return undefined; // none kept for this name (or a build being written): the text is parsed
  }
  return kept.text === text ? kept.parsed : undefined;
}
