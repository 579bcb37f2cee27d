// Neutral by default: a scenario whose accounts belong to different sides does not make one of
// them the run with no account, and where its no-account value is one side's, it says so and why.
// (jan-2019-flyby arrived defaulting to the ROK's account and to Japan's values, unlabelled.)
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { ROOT } from '../../src/cli/files';

interface Doc {
  defaultAccount?: string;
  accounts?: Record<string, { side?: string }>;
  facts?: Record<string, { values: Record<string, unknown>; assumed?: Record<string, string> }>;
}

const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, doc: parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')) as Doc }));
const twoSided = scenarios.filter(({ doc }) => new Set(Object.values(doc.accounts ?? {}).map((a) => a.side ?? '?')).size > 1);

describe('scenarios whose accounts belong to different sides', () => {
  it('there are some to judge', () => {
    expect(twoSided.map((s) => s.file)).toEqual(expect.arrayContaining(['dec-2018-noto.yaml', 'jan-2019-flyby.yaml']));
  });

  for (const { file, doc } of twoSided) {
    it(`${file}: no account is the default, and a no-account value that is one account's is labelled`, () => {
      expect(doc.defaultAccount, 'defaultAccount makes one side the run with no account').toBeUndefined();
      for (const [id, f] of Object.entries(doc.facts ?? {})) {
        if (!('default' in f.values)) continue;
        const sameAs = Object.keys(doc.accounts ?? {}).filter((a) => a in f.values && isDeepStrictEqual(f.values[a], f.values['default']));
        const accounts = Object.keys(doc.accounts ?? {}).filter((a) => a in f.values);
        // A value every account shares is common ground; one only some accounts give is a choice.
        if (sameAs.length && sameAs.length < accounts.length)
          expect(f.assumed?.['default'], `fact ${id}: the no-account value is ${sameAs.join(', ')}'s; say why under assumed.default`).toBeTruthy();
      }
    });
  }
});
