// The editor's words as data (src/app/editor/editor-model.ts): what the author reads in the
// problems heading, the status line, the revert and save buttons, the picker and the notices.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics';
import type { Draft } from '../../src/app/editor/drafts';
import {
  appliedStatus,
  downloadName,
  draftRestoredNotice,
  failedStatus,
  hhmmss,
  isShippedAsIs,
  lookedStatus,
  offersRun,
  pickerChoice,
  pickerGroups,
  problemsHeading,
  revertOffer,
  revertTarget,
  savedStatus,
} from '../../src/app/editor/editor-model';

const problem = (severity: 'error' | 'warning'): Diagnostic => ({ file: 'a.yaml', line: 1, col: 1, severity, path: '', message: 'x' });
const draft = (over: Partial<Draft>): Draft => ({ file: 'scenarios/a.yaml', text: 'draft', saved: null, updated: 1_000, savedAt: null, ...over });
const shipped = { file: 'scenarios/a.yaml', text: 'shipped' };

describe('editor view-model', () => {
  it('counts errors and warnings in the problems heading, and says what they mean for the run', () => {
    expect(problemsHeading([])).toEqual({ title: 'Problems', note: 'None: the plot and panels show this file.' });
    expect(problemsHeading([problem('error')]).title).toBe('Problems (1 error)');
    const mixed = problemsHeading([problem('error'), problem('error'), problem('warning')]);
    expect(mixed.title).toBe('Problems (2 errors, 1 warning)');
    expect(mixed.note).toMatch(/keep the last good run/);
    expect(problemsHeading([problem('warning'), problem('warning')])).toEqual({
      title: 'Problems (0 errors, 2 warnings)',
      note: 'The file runs; these are worth a look.',
    });
  });

  it('says what a check did to the run on screen', () => {
    expect(lookedStatus([problem('error'), problem('warning'), problem('error')], false)).toBe('2 problem(s) in this procedure.');
    expect(lookedStatus([], true)).toBe('No problems: the scenario on screen runs under this procedure.');
    expect(lookedStatus([problem('warning')], false)).toMatch(/"Run with it"/);
    const at = Date.UTC(2026, 0, 1, 12, 34, 56);
    expect(appliedStatus('procedure', { ran: true, note: null }, [], at)).toBe(`Valid: the scenario on screen re-ran under this procedure at ${hhmmss(at)}.`);
    expect(appliedStatus('scenario', { ran: true, note: null }, [], at)).toBe(`Valid: the plot and panels re-ran at ${hhmmss(at)}.`);
    expect(appliedStatus('scenario', { ran: false, note: null }, [problem('error')], at)).toBe('1 problem: the plot keeps the last good run.');
    expect(appliedStatus('scenario', { ran: false, note: null }, [problem('error'), problem('error')], at)).toBe(
      '2 problems: the plot keeps the last good run.',
    );
    expect(appliedStatus('procedure', { ran: false, note: 'Open a scenario to see this procedure run.' }, [], at)).toBe(
      'Open a scenario to see this procedure run.',
    );
    expect(appliedStatus('scenario', { ran: false, note: null }, [problem('warning')], at)).toBe('Valid.');
    expect(hhmmss(at)).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('offers "Run with it" only for a valid procedure the run does not use', () => {
    expect(offersRun('procedure', false, false)).toBe(true);
    expect(offersRun('procedure', true, false)).toBe(false);
    expect(offersRun('procedure', false, true)).toBe(false);
    expect(offersRun('scenario', false, false)).toBe(false);
  });

  it('reports a failed handler without the problem file prefix, and keeps the draft', () => {
    expect(failedStatus('saving failed', 'quota')).toBe('saving failed: quota. Your draft is kept.');
  });

  it('offers a revert to the saved text first, then to the shipped file, and names the save state', () => {
    expect(revertOffer(draft({ saved: 'saved' }), shipped, 'edited')).toEqual({
      revert: { label: 'Revert to saved', title: `Go back to the text saved at ${hhmmss(1_000)}` },
      saveLabel: 'Save',
    });
    expect(revertTarget(draft({ saved: 'saved' }), shipped, 'edited')).toBe('saved');
    expect(revertOffer(draft({ saved: 'edited' }), shipped, 'edited').saveLabel).toBe('Saved');
    expect(revertOffer(draft({ saved: 'edited' }), shipped, 'edited').revert?.label).toBe('Revert to shipped');
    expect(revertTarget(draft({ saved: 'edited' }), shipped, 'edited')).toBe('shipped');
    expect(revertOffer(null, shipped, 'shipped')).toEqual({ revert: null, saveLabel: 'Save' });
    expect(revertTarget(null, undefined, 'mine')).toBeUndefined();
  });

  it('drops a draft that is back to the shipped text unless it was saved', () => {
    expect(isShippedAsIs(shipped, null, 'shipped')).toBe(true);
    expect(isShippedAsIs(shipped, draft({ saved: 'older' }), 'shipped')).toBe(false);
    expect(isShippedAsIs(shipped, null, 'edited')).toBe(false);
    expect(isShippedAsIs(undefined, null, 'shipped')).toBe(false);
  });

  it('names saves, downloads and restored drafts by the file name without its folder', () => {
    expect(savedStatus('scenarios/a.yaml', null, 0)).toBe(`Saved a.yaml as a draft at ${hhmmss(0)}. Download it to keep a file.`);
    expect(savedStatus('scenarios/a.yaml', 'storage is full', 0)).toBe('Not saved: storage is full.');
    expect(downloadName('scenarios/a.yml')).toBe('a.yaml');
    expect(downloadName('notes')).toBe('notes.yaml');
    expect(draftRestoredNotice('scenarios/a.yaml', draft({}), true)).toBe(
      `Your draft of a.yaml (autosaved ${hhmmss(1_000)}) is restored. "Revert to shipped" goes back to the original.`,
    );
    expect(draftRestoredNotice('mine.yaml', draft({}), false)).not.toMatch(/Revert/);
  });

  it('groups the picker: drafts (when any), shipped scenarios and procedures marked when drafted, and new files', () => {
    const none = pickerGroups([], [shipped], [{ file: 'procedures/p.yaml', text: '' }]);
    expect(none.map((g) => g.label)).toEqual(['Shipped scenarios', 'Shipped procedures', 'New']);
    const groups = pickerGroups([draft({ saved: 'draft' })], [shipped], []);
    expect(groups[0]).toEqual({
      label: 'Drafts in this browser',
      options: [{ value: 'file:scenarios/a.yaml', text: `scenarios/a.yaml — saved ${hhmmss(1_000)}` }],
    });
    expect(groups[1]!.options).toEqual([{ value: 'file:scenarios/a.yaml', text: 'scenarios/a.yaml (draft)' }]);
    expect(pickerGroups([draft({})], [], [])[0]!.options[0]!.text).toMatch(/— autosaved /);
    for (const g of groups) for (const o of g.options) expect(pickerChoice(o.value)).not.toBeNull();
    expect(pickerChoice('file:scenarios/a.yaml')).toEqual({ open: 'scenarios/a.yaml' });
    expect(pickerChoice('new:procedure')).toEqual({ create: 'procedure' });
    expect(pickerChoice('')).toBeNull();
  });
});
