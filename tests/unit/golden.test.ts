// Golden outputs: what the program says for every shipped scenario, account and procedure at a
// fixed seed (report, timeline, debrief, failure paths, log hash), the checker's words on every
// shipped file, December 2018 account against account, the 1,000-unit exercise's hashes and the
// random sequence, against the files committed under tests/golden/out/. A change of behaviour
// shows here first; `npm run golden:update` rewrites them, and the commit says why.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files';
import { GOLDEN_DIR, goldenOutputs, syntheticHashes } from '../golden/outputs';

const base = join(ROOT, GOLDEN_DIR);
const committed = (rel: string) => (existsSync(join(base, rel)) ? readFileSync(join(base, rel), 'utf8') : null);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [relative(base, p).split('\\').join('/')];
  });
}

/** The first line that differs, with its neighbours, so a failure says what changed. */
function firstDifference(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}:\n  committed: ${JSON.stringify(a[at] ?? '(end of file)')}\n  now:       ${JSON.stringify(b[at] ?? '(end of file)')}`;
}

const outputs = goldenOutputs();

describe('golden outputs (npm run golden:update rewrites them)', () => {
  it('covers every shipped scenario, account and procedure, and nothing stale is committed', () => {
    const made = [...outputs.keys(), 'synthetic.json'].sort();
    expect(filesUnder(base).sort()).toEqual(made);
    // December 2018 under both accounts and every procedure (its own is practice-2018).
    for (const account of ['jp', 'rok'])
      for (const p of ['own-procedure', 'cues-2014', 'jp-rok-2024']) expect(made).toContain(`dec-2018-noto/${account}.${p}.report.json`);
  });

  for (const [rel, text] of outputs) {
    it(rel, () => {
      const want = committed(rel);
      if (want === null) throw new Error(`${GOLDEN_DIR}/${rel} is not committed; run npm run golden:update`);
      if (want !== text)
        throw new Error(
          `${GOLDEN_DIR}/${rel} differs from what the program says now, ${firstDifference(want, text)}\nIf the change is meant, run npm run golden:update and give the reason in the commit message.`,
        );
    });
  }

  // About 10 s alone; minutes on a loaded 2-core machine. A correctness check, not a timing one.
  it('synthetic.json: the 1,000-unit exercise logs and reports the same', { timeout: 600_000 }, () => {
    expect(JSON.parse(committed('synthetic.json') ?? '{}')).toEqual(syntheticHashes());
  });
});
