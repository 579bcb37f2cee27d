// The command line's build keeps the shipped scenarios parsed (build/cli/scenarios/), so a command
// does not run the yaml library cold on them again: what a command gets from a kept parse (the
// value, each path's line and column, every diagnostic after) must be what parsing the text gives,
// and a text that reads otherwise must be parsed.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './helpers';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { keptParsePath, parsedBefore, type KeptParse } from '../../src/cli/parsed-scenarios';
import { parsedScenariosJson } from '../../src/cli/parsed-scenarios-build';
import { checkFile } from '../../src/core/check';
import { loadScenario } from '../../src/core/scenario/load';
import { parsedForLater, parseYamlSource, useParsedBefore, type DocPath, type SourceDoc } from '../../src/core/yaml-source';
import { PARSED_SCENARIOS } from '../../scripts/build-cli.mjs';

const SLOW = { timeout: 120_000 };
const SCENARIOS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

afterEach(() => useParsedBefore(undefined));

/** Every path to a value in `value`, each with a child that is not there, an index past the end and a key that is not there. */
function pathsOf(value: unknown, path: DocPath = []): DocPath[] {
  const out: DocPath[] = [path, [...path, 'not-there'], [...path, 999], [...path, 0]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  return out;
}

function placesOf(doc: SourceDoc): unknown[] {
  return pathsOf(doc.value).map((p) => [p, doc.locate(p), doc.locate(p, true)]);
}

/** `text` parsed, and then again through a parse kept from before that has come back from JSON. */
function bothWays(text: string, file: string): { parsed: SourceDoc; kept: SourceDoc } {
  const parsed = parseYamlSource(text, file).doc;
  const kept = JSON.parse(JSON.stringify(parsedForLater(text))) as ReturnType<typeof parsedForLater>;
  expect(kept, file).toBeDefined();
  useParsedBefore((t) => (t === text ? kept : undefined));
  const fromKept = parseYamlSource(text, file);
  useParsedBefore(undefined);
  expect(fromKept.diagnostics).toEqual([]);
  return { parsed, kept: fromKept.doc };
}

describe('the shipped scenarios kept parsed by the build', () => {
  it('give every scenario the value, and every path (those not there too) the line and column, that parsing its text gives', () => {
    for (const name of SCENARIOS) {
      const { parsed, kept } = bothWays(readFileSync(join(ROOT, 'scenarios', name), 'utf8'), `scenarios/${name}`);
      expect(kept.value, name).toStrictEqual(parsed.value);
      expect(placesOf(kept), name).toEqual(placesOf(parsed));
    }
  });

  it('place paths alike in the shapes the scenarios do not have: pairs in a list, keys that are lists, empty values, an empty file', () => {
    const texts = ['', '# only a comment\n', 'a:\n  - [x: 1, y]\n  - ? [k]\n    : v\nb:\nc: {d: , e: [1, [2, {f: g}]]}\n', '- - - 1\n  - 2\n- ? a\n'];
    for (const text of texts) {
      const { parsed, kept } = bothWays(text, 'shapes.yaml');
      expect(kept.value).toStrictEqual(parsed.value);
      const paths = [...pathsOf(parsed.value), ['a', 0, 0], ['a', 0, 0, 'x'], ['a', 1], ['a', 1, 'k'], ['c', 'e', 1, 1, 'f'], [0, 0, 0], [1, 'a']];
      for (const p of paths) {
        expect(kept.locate(p), JSON.stringify([text, p])).toEqual(parsed.locate(p));
        expect(kept.locate(p, true), JSON.stringify([text, p])).toEqual(parsed.locate(p, true));
      }
    }
  });

  it('load and check every scenario with the same diagnostics, in the same order, as parsing it', () => {
    const kept = Object.values(parsedScenariosJson(ROOT)).map((json) => JSON.parse(json) as KeptParse);
    const dec = readText(join(ROOT, 'scenarios/dec-2018-noto.yaml'));
    const loads = () => [
      ...SCENARIOS.map((name) => checkFile(readText(join(ROOT, 'scenarios', name)), diskProcedures)),
      ...['jp', 'rok'].map((account) => loadScenario(dec, diskProcedures, { account }).diagnostics),
    ];
    const parsed = loads();
    const used = new Set<string>();
    useParsedBefore((text) => {
      const k = kept.find((x) => x.text === text);
      if (k) used.add(text);
      return k && (JSON.parse(JSON.stringify(k.parsed)) as KeptParse['parsed']);
    });
    expect(loads()).toEqual(parsed);
    expect(used.size).toBe(SCENARIOS.length);
    expect(parsed.flat().length).toBeGreaterThan(0);
  });

  it('are not used for a text that reads otherwise, and are for the same text under another folder', () => {
    const dir = join(ROOT, PARSED_SCENARIOS);
    const byName = parsedScenariosJson(ROOT);
    const kept = JSON.parse(byName['dec-2018-noto.yaml']!) as KeptParse;
    const lookUp = (text: string, file: string) => {
      // The built files may be older than the source while this runs: ask the fresh ones.
      const name = file.split('/').at(-1)!;
      return Object.hasOwn(byName, name) && (JSON.parse(byName[name]!) as KeptParse).text === text
        ? (JSON.parse(byName[name]!) as KeptParse).parsed
        : undefined;
    };
    expect(keptParsePath(dir, 'dec-2018-noto.yaml')).toBe(join(dir, 'dec-2018-noto.yaml.json'));
    expect(lookUp(kept.text, 'elsewhere/dec-2018-noto.yaml')).toEqual(kept.parsed);
    expect(lookUp(`${kept.text}# edited\n`, 'scenarios/dec-2018-noto.yaml')).toBeUndefined();
    expect(parsedBefore(dir, kept.text, 'dec-2018-noto.yml')).toBeUndefined();
    expect(parsedBefore(dir, `${kept.text} `, 'dec-2018-noto.yaml')).toBeUndefined();
  });

  it('are what the built command line holds, made from the scenario files as they are now', SLOW, () => {
    expect(spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT }).status).toBe(0); // rebuilds first if a file is newer
    const byName = parsedScenariosJson(ROOT);
    expect(Object.keys(byName).sort()).toEqual(SCENARIOS);
    const dir = join(ROOT, PARSED_SCENARIOS);
    expect(readdirSync(dir).sort()).toEqual(SCENARIOS.map((n) => `${n}.json`));
    for (const name of SCENARIOS) expect(readFileSync(keptParsePath(dir, name), 'utf8'), name).toBe(byName[name]);
  });
});
