// The command line's build keeps the shipped procedures loaded (build/cli/procedures.json), so a
// command does not parse them again: what a command gets from it must be what parsing the files
// gives, and an edited file must be parsed again.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, DEC_2018 } from './helpers';
import { diskProcedures, loadedFrom, ROOT } from '../../src/cli/files';
import { cachedLoad, type ProcedureCache } from '../../src/cli/procedure-cache';
import { procedureCacheJson, sharedObjects } from '../../src/cli/procedure-cache-build';
import { loadProcedure, type ProcedureSource } from '../../src/core/procedure/load';
import { PROCEDURE_CACHE } from '../../scripts/build-cli.mjs';

const SLOW = { timeout: 120_000 };

function freshCache(): ProcedureCache {
  return JSON.parse(procedureCacheJson(ROOT)) as ProcedureCache;
}

describe('the shipped procedures kept loaded by the build', () => {
  it('give every shipped procedure as loading its files does: the same values, the same objects shared', () => {
    const cache = freshCache();
    const shipped = diskProcedures.shippedIds();
    expect(Object.keys(cache).sort()).toEqual(shipped);
    for (const id of shipped) {
      // Running from the source there is no build to take procedures from: this loads the files.
      const parsed = loadProcedure(id, DEC_2018, diskProcedures);
      expect(parsed.procedure, id).toBeDefined();
      const cached = loadedFrom(cache, id, diskProcedures.read(id, DEC_2018)!);
      expect(cached, id).toStrictEqual(parsed);
      expect(sharedObjects(cached), id).toEqual(sharedObjects(parsed));
    }
  });

  it('are what the built command line holds, made from the procedure files as they are now', SLOW, () => {
    expect(spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT }).status).toBe(0); // rebuilds first if a file is newer
    expect(readFileSync(join(ROOT, PROCEDURE_CACHE), 'utf8')).toBe(procedureCacheJson(ROOT));
  });

  it('are not used for a procedure whose file, or a file it extends, reads otherwise now', () => {
    const cache = freshCache();
    const ft = diskProcedures.read('practice-2018', DEC_2018)!;
    expect(loadedFrom(cache, 'practice-2018', ft)).toBeDefined();
    expect(loadedFrom(cache, 'practice-2018', { ...ft, text: `${ft.text}\n# edited\n` })).toBeUndefined();
    const [named, base] = cache['practice-2018']!.files;
    expect(base!.path).toBe('procedures/cues-2014.yaml');
    const editedBase = { ...cache, 'practice-2018': { ...cache['practice-2018']!, files: [named!, { ...base!, text: `${base!.text} ` }] } };
    expect(loadedFrom(editedBase, 'practice-2018', ft)).toBeUndefined();
    // A file of that name that is not the shipped one (read from elsewhere) is not it either.
    expect(loadedFrom(cache, 'practice-2018', { ...ft, file: 'elsewhere/practice-2018.yaml' })).toBeUndefined();
  });

  it('name each file as the command names it when run from another folder', () => {
    const cache = freshCache();
    const absolute = (path: string) => join(ROOT, path);
    const read = (path: string) => ({ file: absolute(path), text: readFileSync(absolute(path), 'utf8') });
    const source: ProcedureSource = { read: (ref) => read(`procedures/${ref}.yaml`), shippedIds: () => diskProcedures.shippedIds() };
    const parsed = loadProcedure('jp-rok-2024', DEC_2018, source);
    const cached = cachedLoad(cache, 'jp-rok-2024', read('procedures/jp-rok-2024.yaml'), read, absolute);
    expect(cached).toStrictEqual(parsed);
    expect(cached!.procedure!.rules.map((r) => r.file)).toContain(absolute('procedures/cues-2014.yaml'));
  });
});
