// A run that never ended (the tab hung or crashed in it) is found at the next start-up, once, so
// the app can open without the file that stopped it; a run that ends leaves nothing behind.
import { describe, expect, test } from 'vitest';
import { memoryStorage } from '../../src/app/editor/drafts';
import { RUNNING_KEY, guardedRun, takeUnfinishedRun } from '../../src/app/run-guard';

describe('run guard', () => {
  test('the mark is there while a run is under way, and gone when it ends, even by an error', () => {
    const store = memoryStorage();
    const during = guardedRun('my.yaml', () => store.getItem(RUNNING_KEY), store);
    expect(JSON.parse(during!)).toMatchObject({ file: 'my.yaml' });
    expect(store.getItem(RUNNING_KEY)).toBeNull();
    expect(() =>
      guardedRun(
        'my.yaml',
        () => {
          throw new Error('engine fault');
        },
        store,
      ),
    ).toThrow('engine fault');
    expect(takeUnfinishedRun(store)).toBeNull();
  });

  test('a mark left by a page that died is reported once, with the file and the link of the time', () => {
    const store = memoryStorage();
    store.setItem(RUNNING_KEY, JSON.stringify({ file: 'runaway.yaml', search: '?scenario=x&t=12' }));
    expect(takeUnfinishedRun(store)).toEqual({ file: 'runaway.yaml', search: '?scenario=x&t=12' });
    expect(takeUnfinishedRun(store)).toBeNull();
  });

  test('a mark that cannot be read still counts as a run that never ended', () => {
    const store = memoryStorage();
    store.setItem(RUNNING_KEY, '{not json');
    expect(takeUnfinishedRun(store)).toEqual({ file: 'a file', search: '' });
  });
});
