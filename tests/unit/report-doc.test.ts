// docs/report.md cannot go stale: every key the JSON report writes is described there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files';
import { DEC_2018, DEMO, report } from './helpers';

const DOC = readFileSync(join(ROOT, 'docs/report.md'), 'utf8');

/** Every key of every object in the report, except those of values the scenario writes (fact values, per-account maps). */
function keysOf(v: unknown, out = new Set<string>(), free = false): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, out, free));
  else if (v && typeof v === 'object' && !free)
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      // An explanation's parameters are the message's, documented in its catalog (src/i18n/messages), not here.
      keysOf(x, out, ['value', 'byAccount', 'assumedIn', 'sourcesByAccount', 'params', 'causeParams', 'evidenceParams'].includes(k));
    }
  return out;
}

describe('docs/report.md', () => {
  it('describes every field of the JSON report', () => {
    const keys = new Set([
      ...keysOf(report(DEC_2018, { account: 'rok' })),
      ...keysOf(report(DEC_2018, { account: 'jp' })),
      ...keysOf(report(DEMO)),
      ...keysOf(report(join(ROOT, 'tests/fixtures/grounds.yaml'), { account: 'b' })),
    ]);
    expect(keys).toContain('assumptions');
    expect(keys).toContain('heardAs');
    const missing = [...keys].filter((k) => !DOC.includes(`| \`${k}\` |`));
    expect(missing, 'report fields without a row in docs/report.md').toEqual([]);
  });
});
