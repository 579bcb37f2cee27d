// Drafts in localStorage (a fake here): autosave, Save, listing, a draft kept aside when a file
// is opened over it, the editor session, and storage failures that report instead of throwing.
// Also: the "new" templates are valid files as they come.
import { describe, expect, test } from 'vitest';
import { checkFile, kindOf } from '../../src/core/check';
import { bundledProcedures } from '../../src/app/catalog';
import { DRAFT_PREFIX, SESSION_KEY, createDraftStore, memoryStorage, type StorageLike } from '../../src/app/editor/drafts';
import { freshName, newProcedureText, newScenarioText } from '../../src/app/editor/templates';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, tick: (ms = 1000) => (t += ms) };
}

describe('drafts', () => {
  test('autosave keeps the working text per file name; Save also records the saved version', () => {
    const storage = memoryStorage();
    const c = clock();
    const drafts = createDraftStore(storage, c.now);
    expect(drafts.put('scenarios/a.yaml', 'id: a\n')).toBeNull();
    c.tick();
    drafts.put('procedures/p.yaml', 'id: p\nextends: cues-2014\n');
    expect(drafts.get('scenarios/a.yaml')).toMatchObject({ file: 'scenarios/a.yaml', text: 'id: a\n', saved: null, updated: 1_000, savedAt: null });
    c.tick();
    expect(drafts.save('scenarios/a.yaml', 'id: a\ntitle: A\n')).toBeNull();
    c.tick();
    drafts.put('scenarios/a.yaml', 'id: a\ntitle: A, edited\n');
    const a = drafts.get('scenarios/a.yaml')!;
    expect(a.text).toBe('id: a\ntitle: A, edited\n');
    expect(a.saved).toBe('id: a\ntitle: A\n');
    expect(a.savedAt).toBe(3_000);
    expect(a.updated).toBe(4_000);
    // Newest first.
    expect(drafts.list().map((d) => d.file)).toEqual(['scenarios/a.yaml', 'procedures/p.yaml']);
    expect([...storage.data.keys()].sort()).toEqual([`${DRAFT_PREFIX}procedures/p.yaml`, `${DRAFT_PREFIX}scenarios/a.yaml`]);
  });

  test('a new store over the same storage (a reload) finds every draft', () => {
    const storage = memoryStorage();
    createDraftStore(storage).put('scenarios/a.yaml', 'id: a\n');
    createDraftStore(storage).setSession({ open: true, file: 'scenarios/a.yaml' });
    const again = createDraftStore(storage);
    expect(again.get('scenarios/a.yaml')!.text).toBe('id: a\n');
    expect(again.session()).toEqual({ open: true, file: 'scenarios/a.yaml' });
    expect(JSON.parse(storage.getItem(SESSION_KEY)!)).toEqual({ open: true, file: 'scenarios/a.yaml' });
  });

  test("two tabs typing in one draft: the later write keeps the other tab's text aside, both ways, instead of the last typist winning", () => {
    const storage = memoryStorage();
    const c = clock();
    const tabA = createDraftStore(storage, c.now, 'A');
    const tabB = createDraftStore(storage, c.now, 'B');
    tabA.put('mine.yaml', 'start');
    expect(tabA.takeConflict('mine.yaml')).toBeNull();
    // Both tabs have the draft open.
    tabA.open('mine.yaml');
    tabB.open('mine.yaml');
    c.tick();
    tabA.put('mine.yaml', 'typed in A');
    expect(tabA.takeConflict('mine.yaml')).toBeNull();
    c.tick();
    tabB.put('mine.yaml', 'typed in B');
    expect(tabB.takeConflict('mine.yaml')).toEqual({ text: 'typed in A', updated: 2_000 });
    expect(tabB.takeConflict('mine.yaml')).toBeNull();
    expect(tabB.get('mine.yaml')).toMatchObject({ text: 'typed in B', replaced: { text: 'typed in A' } });
    // A types on: B's text is kept aside in turn.
    c.tick();
    tabA.put('mine.yaml', 'typed in A again');
    expect(tabA.takeConflict('mine.yaml')!.text).toBe('typed in B');
    expect(tabA.get('mine.yaml')).toMatchObject({ text: 'typed in A again', replaced: { text: 'typed in B' } });
    // A tab that goes on alone raises nothing more.
    tabA.put('mine.yaml', 'typed in A, third');
    expect(tabA.takeConflict('mine.yaml')).toBeNull();
    // A Save over the other tab's change keeps it too.
    tabB.save('mine.yaml', 'saved in B');
    expect(tabB.takeConflict('mine.yaml')!.text).toBe('typed in A, third');
  });

  test('a reload is no second tab: it takes the draft over without a conflict', () => {
    const storage = memoryStorage();
    createDraftStore(storage, Date.now, 'before').put('mine.yaml', 'before the reload');
    const after = createDraftStore(storage, Date.now, 'after');
    after.open('mine.yaml');
    after.put('mine.yaml', 'after the reload');
    expect(after.takeConflict('mine.yaml')).toBeNull();
  });

  test('opening a file over a different draft keeps that draft aside until it is forgotten', () => {
    const drafts = createDraftStore(memoryStorage(), clock().now);
    drafts.put('mine.yaml', 'old text');
    drafts.replaceWith('mine.yaml', 'opened text');
    expect(drafts.get('mine.yaml')).toMatchObject({ text: 'opened text', replaced: { text: 'old text' } });
    drafts.put('mine.yaml', 'opened text, edited');
    expect(drafts.get('mine.yaml')!.replaced!.text).toBe('old text');
    // Opening the same text again keeps what was kept aside.
    drafts.replaceWith('mine.yaml', 'opened text, edited');
    expect(drafts.get('mine.yaml')!.replaced!.text).toBe('old text');
    drafts.forgetReplaced('mine.yaml');
    expect(drafts.get('mine.yaml')!.replaced).toBeNull();
    drafts.remove('mine.yaml');
    expect(drafts.get('mine.yaml')).toBeNull();
  });

  test('a full or failing storage is reported, never thrown; unreadable entries are skipped', () => {
    const inner = memoryStorage();
    const full: StorageLike = {
      get length() {
        return inner.length;
      },
      key: (i) => inner.key(i),
      getItem: (k) => inner.getItem(k),
      removeItem: (k) => inner.removeItem(k),
      setItem: () => {
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      },
    };
    const drafts = createDraftStore(full);
    expect(drafts.put('a.yaml', 'x')).toMatch(/storage for this site is full: download the file/);
    expect(drafts.save('a.yaml', 'x')).toMatch(/full/);
    expect(() => drafts.setSession({ open: true, file: 'a.yaml' })).not.toThrow();
    inner.setItem(`${DRAFT_PREFIX}bad.yaml`, '{not json');
    inner.setItem(`${DRAFT_PREFIX}ok.yaml`, JSON.stringify({ text: 'id: ok' }));
    inner.setItem('someone-else', 'x');
    expect(drafts.list().map((d) => d.file)).toEqual(['ok.yaml']);
    const broken: StorageLike = {
      length: 1,
      key: () => {
        throw new Error('denied');
      },
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {},
      removeItem: () => {},
    };
    const d2 = createDraftStore(broken);
    expect(d2.list()).toEqual([]);
    expect(d2.get('a.yaml')).toBeNull();
    expect(d2.session()).toEqual({ open: false, file: null });
  });
});

describe('templates', () => {
  test('a new scenario is the control exchange under a new id, and passes the checker', () => {
    const text = newScenarioText('harbour-drill');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/scenario.schema.json');
    expect(text).toMatch(/^id: harbour-drill$/m);
    expect(text).toContain('name: JS Teruzuki');
    expect(kindOf(text, 'scenarios/harbour-drill.yaml')).toBe('scenario');
    expect(checkFile({ file: 'scenarios/harbour-drill.yaml', text }, bundledProcedures)).toEqual([]);
  });

  test('a new procedure extends cues-2014, overrides its reply rule, and passes the checker', () => {
    const text = newProcedureText('my-rules');
    expect(text).toMatch(/^id: my-rules$/m);
    expect(text).toMatch(/^extends: cues-2014$/m);
    expect(text).toContain('  - id: answer-calls\n    type: reply');
    expect(kindOf(text, 'procedures/my-rules.yaml')).toBe('procedure');
    expect(checkFile({ file: 'procedures/my-rules.yaml', text }, bundledProcedures)).toEqual([]);
  });

  test('new file names do not collide with drafts or shipped files', () => {
    const taken = new Set(['scenarios/new-scenario.yaml', 'scenarios/new-scenario-2.yaml']);
    expect(freshName('scenario', (f) => taken.has(f))).toEqual({ file: 'scenarios/new-scenario-3.yaml', id: 'new-scenario-3' });
    expect(freshName('procedure', (f) => taken.has(f))).toEqual({ file: 'procedures/new-procedure.yaml', id: 'new-procedure' });
  });
});
