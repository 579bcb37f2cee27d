// How the training modes name a unit in their pickers and lines: by name, with the scenario's id
// only where two units share a name.
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/core';
import { diskProcedures, readText } from '../../src/cli/files';
import { unitWords } from '../../src/app/training/shared';

const FILE = 'scenarios/control-cues-exchange.yaml';
const run = (text: string) => simulate({ file: FILE, text }, diskProcedures, { seed: 1 } as never).analysis!;

describe('unit words in the training modes', () => {
  test('a unit is named as a watch-keeper would name it, in the reader language, without the id', () => {
    const a = run(readText(FILE).text);
    expect(unitWords(a, 'jp-dd')).toBe('JS Teruzuki');
    expect(unitWords(a, 'jp-dd', 'ja')).toBe('てるづき');
    expect(unitWords(a, 'rok-ddh', 'ko')).toBe('양만춘');
  });

  test('two units with the same name are told apart by their ids, in that language only', () => {
    // Both ships called "Teruzuki" in English; their Japanese and Korean names still differ.
    const a = run(readText(FILE).text.replace('name: Yang Man-chun', 'name: JS Teruzuki'));
    expect(unitWords(a, 'jp-dd')).toBe('JS Teruzuki (jp-dd)');
    expect(unitWords(a, 'rok-ddh')).toBe('JS Teruzuki (rok-ddh)');
    expect(unitWords(a, 'rok-ddh', 'ja')).toBe('ヤン・マンチュン');
  });
});
