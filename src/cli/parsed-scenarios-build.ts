/**
 * Makes build/cli/scenarios/ (see ./parsed-scenarios.ts): the parse of every shipped scenario that
 * parses with no problem and comes back from JSON exactly as it went in. Run by
 * scripts/build-cli.mjs; not part of a command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parsedForLater } from '../core/yaml-source';
import type { KeptParse } from './parsed-scenarios';
import { sharedObjects } from './procedure-cache-build';

/** Each shipped scenario's kept parse as JSON, by file name (scenarios/*.yaml). */
export function parsedScenariosJson(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(root, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const text = readFileSync(join(root, 'scenarios', name), 'utf8');
    const parsed = parsedForLater(text);
    if (!parsed) continue;
    const kept: KeptParse = { text, parsed };
    const json = JSON.stringify(kept);
    // JSON would turn NaN, -0 and a missing key position into something else, and copy an object an alias shares.
    if (!isDeepStrictEqual(JSON.parse(json), kept) || sharedObjects(parsed.value).length > 0) continue;
    out[name] = json;
  }
  return out;
}
