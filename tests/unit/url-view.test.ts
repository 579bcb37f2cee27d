// The area framed on the plot rides in a shared link as kilometres about the scenario's centre,
// so a colleague's screen of another size frames the same sea (the e2e share-view test checks
// the plot itself).
import { describe, expect, test } from 'vitest';
import { momentQuery, openMoment, parseView, readUrl } from '../../src/app/url';
import { createAppStore } from '../../src/app/store';

describe('framed area in the link', () => {
  test('written to 10 m and read back as the same box', () => {
    const plotView = { x0: -12.3456, y0: 4.001, x1: 20.5, y1: 30.129 };
    const q = momentQuery({ scenarioId: 'dec-2018-noto', account: 'rok', procedure: 'cues-2014', t: 5, plotView });
    expect(q).toContain('view=-12.35%2C4%2C20.5%2C30.13');
    expect(readUrl(q).view).toEqual({ x0: -12.35, y0: 4, x1: 20.5, y1: 30.13 });
  });

  test('no framed area, no view= (the plot frames the encounter)', () => {
    expect(momentQuery({ scenarioId: 'x', account: null, procedure: 'p', t: 0, plotView: null })).not.toContain('view');
  });

  test.each([
    ['1,2,3', 'three numbers'],
    ['1,2,3,4,5', 'five numbers'],
    ['a,2,3,4', 'a word'],
    ['5,0,1,4', 'x1 left of x0'],
    ['0,5,4,1', 'y1 above y0'],
    ['0,0,0,0', 'an empty box'],
    ['0,0,1e9,1', 'a box beyond the earth'],
    ['0,,1,1', 'a missing number'],
  ])('a bad view= (%s: %s) is dropped and the rest of the link still opens', (text) => {
    expect(parseView(text)).toBeUndefined();
    expect(readUrl(`?scenario=dec-2018-noto&t=3&view=${encodeURIComponent(text)}`)).toEqual({ scenario: 'dec-2018-noto', t: 3 });
  });

  test('opening a link puts its area in the store; opening another scenario forgets it', async () => {
    const store = createAppStore();
    await openMoment(store, '?scenario=dec-2018-noto&account=rok&t=100&view=-5,-4,6,7', ['en']);
    expect(store.getState().plotView).toEqual({ x0: -5, y0: -4, x1: 6, y1: 7 });
    expect(store.getState().t).toBe(100);
    // The same scenario under the other account keeps the sea framed.
    store.getState().setAccount('jp');
    expect(store.getState().plotView).toEqual({ x0: -5, y0: -4, x1: 6, y1: 7 });
    store.getState().open({ scenario: 'jan-2019-flyby' });
    expect(store.getState().scenarioId).toBe('jan-2019-flyby');
    expect(store.getState().plotView).toBeNull();
  });
});
