// The control scenario: a routine exchange must raise no alarms under any shipped procedure.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/files';
import { report, CONTROL } from './helpers';

const procedures = readdirSync(join(ROOT, 'procedures')).map((f) => f.replace(/\.yaml$/, ''));

describe('control: a routine CUES exchange', () => {
  it('ships at least the three procedures of the contract', () => {
    expect(procedures).toEqual(expect.arrayContaining(['practice-2018', 'cues-2014', 'jp-rok-2024']));
  });
  it.each(procedures)('has zero breakdowns and a completed exchange under %s', (procedure) => {
    const r = report(CONTROL, { procedure });
    expect(r.breakdowns).toEqual([]);
    expect(r.summary.exchangesCompleted).toBe(1);
    expect(r.compliance.filter((c) => c.status === 'violated')).toEqual([]);
  });
});
