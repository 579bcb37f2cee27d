import { describe, expect, test, vi } from 'vitest';
import { momentQuery, openMoment, readUrl, syncUrl } from '../../src/app/url';
import { createAppStore } from '../../src/app/store';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/files';

describe('URL moment', () => {
  test('reads scenario, account, procedure and t from the query string', () => {
    expect(readUrl('?scenario=dec-2018-noto&account=jp&procedure=jp-rok-2024&t=545.5')).toEqual({
      scenario: 'dec-2018-noto',
      account: 'jp',
      procedure: 'jp-rok-2024',
      t: 545.5,
    });
    expect(readUrl('')).toEqual({});
  });

  test('ignores values that cannot be ids or times', () => {
    expect(readUrl('?scenario=../../etc&account=%3Cscript%3E&t=-4')).toEqual({});
    expect(readUrl('?t=abc&procedure=')).toEqual({});
  });

  test('writes the moment back so that reading it gives the same moment', () => {
    const q = momentQuery({ scenarioId: 'dec-2018-noto', account: 'rok', procedure: 'cues-2014', t: 605.04 });
    expect(q).toBe('?scenario=dec-2018-noto&account=rok&procedure=cues-2014&t=605');
    expect(readUrl(q)).toEqual({ scenario: 'dec-2018-noto', account: 'rok', procedure: 'cues-2014', t: 605 });
    expect(momentQuery({ scenarioId: 'x', account: null, procedure: 'p', t: 0 })).toBe('?scenario=x&procedure=p&t=0');
  });

  test("keeps the reader's language: lang= is read back as written, and only a language we have", () => {
    const q = momentQuery({ scenarioId: 'dec-2018-noto', account: 'jp', procedure: 'cues-2014', t: 12, lang: 'ja' });
    expect(q).toBe('?scenario=dec-2018-noto&account=jp&procedure=cues-2014&t=12&lang=ja');
    expect(readUrl(q)).toEqual({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'cues-2014', t: 12, lang: 'ja' });
    expect(readUrl('?lang=ko').lang).toBe('ko');
    expect(readUrl('?lang=fr')).toEqual({});
    expect(readUrl('?lang=JA')).toEqual({});
  });

  test("opening a URL without lang= takes the browser's language; with it, the URL's", () => {
    const store = createAppStore();
    openMoment(store, '?scenario=dec-2018-noto', ['ko-KR', 'en']);
    expect(store.getState().lang).toBe('ko');
    openMoment(store, '?scenario=dec-2018-noto&lang=ja', ['ko-KR']);
    expect(store.getState().lang).toBe('ja');
    openMoment(store, '', ['fr-FR']);
    expect(store.getState().lang).toBe('en');
  });

  test('opening a URL opens that moment', () => {
    const store = createAppStore();
    openMoment(store, '?scenario=dec-2018-noto&account=rok&procedure=jp-rok-2024&t=545');
    const s = store.getState();
    expect([s.scenarioId, s.account, s.procedure, s.t]).toEqual(['dec-2018-noto', 'rok', 'jp-rok-2024', 545]);
    expect(s.analysis!.run.scenario.procedure.id).toBe('jp-rok-2024');
    expect(s.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('a URL naming an account the scenario lacks opens the default run and says why', () => {
    const store = createAppStore();
    openMoment(store, '?scenario=dec-2018-noto&account=us&t=60');
    const s = store.getState();
    expect(s.analysis).not.toBeNull();
    expect(s.account).not.toBe('us');
    expect(s.t).toBe(60);
    const errors = s.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message).join('\n')).toContain('no account "us"');
  });
});

/** The part of a window syncUrl uses: the address, history.replaceState and pagehide. */
function fakeWindow() {
  const listeners = new Map<string, () => void>();
  const win = {
    location: { pathname: '/', search: '', hash: '' },
    history: {
      state: null,
      replaceState(_state: unknown, _title: string, url: string) {
        win.location.search = url.slice(url.indexOf('?'));
      },
    },
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  return { win, pagehide: () => listeners.get('pagehide')?.() };
}

describe('URL sync', () => {
  test('a new run is in the address at once; the moving playhead only every interval', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok', procedure: 'practice-2018' });
      const { win } = fakeWindow();
      const sync = syncUrl(store, win as unknown as Window, 400);
      expect(readUrl(win.location.search)).toMatchObject({ scenario: 'dec-2018-noto', account: 'rok', procedure: 'practice-2018', t: 0 });
      // A reload right after switching procedure must open the new one: no timer in between.
      store.getState().setProcedure('jp-rok-2024');
      expect(readUrl(win.location.search).procedure).toBe('jp-rok-2024');
      store.getState().seek(300);
      expect(readUrl(win.location.search).t).toBe(0);
      vi.advanceTimersByTime(400);
      expect(readUrl(win.location.search)).toMatchObject({ procedure: 'jp-rok-2024', t: 300 });
      // A new language is in the address at once too, with the rest of the moment.
      store.getState().setLang('ko');
      expect(readUrl(win.location.search)).toMatchObject({ procedure: 'jp-rok-2024', t: 300, lang: 'ko' });
      sync.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  test('leaving the page writes the playhead that has not been written yet', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore({ scenario: 'dec-2018-noto', account: 'jp' });
      const { win, pagehide } = fakeWindow();
      const sync = syncUrl(store, win as unknown as Window, 400);
      store.getState().seek(612.5);
      pagehide();
      expect(readUrl(win.location.search).t).toBe(612.5);
      sync.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  test('what `npm start` opens with no query is what README.md says it opens', () => {
    const store = createAppStore();
    openMoment(store, '', ['en']);
    const s = store.getState();
    expect([s.scenarioId, s.procedure, s.account]).toEqual(['dec-2018-noto', 'practice-2018', 'jp']);
    // No account was asked for: the first the file lists stands, as the README says (not picked for its nation).
    expect(Object.keys(s.analysis!.run.scenario.spec.accounts)[0]).toBe(s.account);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(
      "`npm start` opens December 2018 under the procedure its file names (`practice-2018`) with no account asked for. The scenario gives no neutral value for the facts the two accounts dispute, so, as with `npm run sim` without `--account`, the first account the file lists stands: `jp`, Japan's.",
    );
  });
});

describe('URL view (issue 17 item 4)', () => {
  test('the selected breakdown and units and the open tabs ride along, only where they differ from a fresh run', () => {
    const base = { scenarioId: 'dec-2018-noto', account: 'rok', procedure: 'practice-2018', t: 610 };
    expect(momentQuery({ ...base, selectedBreakdown: null, selectedUnits: [], openTabs: { findings: 'breakdowns', details: 'inspector' } })).toBe(
      '?scenario=dec-2018-noto&account=rok&procedure=practice-2018&t=610',
    );
    const q = momentQuery({
      ...base,
      selectedBreakdown: 'B2',
      selectedUnits: ['ddg971', 'p1'],
      openTabs: { findings: 'facts', details: 'sequence' },
      lang: 'ja',
    });
    expect(q).toBe('?scenario=dec-2018-noto&account=rok&procedure=practice-2018&t=610&breakdown=B2&unit=ddg971%2Cp1&findings=facts&details=sequence&lang=ja');
    expect(readUrl(q)).toEqual({
      scenario: 'dec-2018-noto',
      account: 'rok',
      procedure: 'practice-2018',
      t: 610,
      lang: 'ja',
      breakdown: 'B2',
      units: ['ddg971', 'p1'],
      tabs: { findings: 'facts', details: 'sequence' },
    });
  });

  test('a breakdown of a what-if or drill run on screen is left out: the link opens the scenario run, whose ids differ', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    const s = store.getState();
    store.getState().selectBreakdown(s.replay!.breakdowns[0]!.id);
    expect(readUrl(momentQuery(store.getState())).breakdown).toBe(s.replay!.breakdowns[0]!.id);
    // Any other analysis shown in its place stands for a what-if or drill run here.
    const other = createAppStore({ scenario: 'dec-2018-noto', account: 'jp' }).getState().analysis!;
    store.getState().showAnalysis(other, 'What-if');
    store.getState().selectBreakdown(store.getState().replay!.breakdowns[0]!.id);
    expect(store.getState().selectedBreakdown).not.toBeNull();
    expect(readUrl(momentQuery(store.getState())).breakdown).toBeUndefined();
  });

  test('values that cannot be ids are not read, one by one', () => {
    expect(readUrl('?breakdown=%3Cb%3E&unit=../x,p1,&findings=a%20b&details=sequence')).toEqual({ units: ['p1'], tabs: { details: 'sequence' } });
  });

  test('opening a link puts back its breakdown, then its own units and playhead; ids the run lacks are dropped', () => {
    const store = createAppStore();
    const probe = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    const bd = probe.getState().replay!.breakdowns[0]!;
    openMoment(store, `?scenario=dec-2018-noto&account=rok&t=${bd.t + 5}&breakdown=${bd.id}&unit=ghost,p1&details=sequence`, ['en']);
    const s = store.getState();
    expect([s.selectedBreakdown, s.t]).toEqual([bd.id, bd.t + 5]);
    expect(s.selectedUnits).toEqual(['p1']);
    expect(s.openTabs).toEqual({ findings: 'breakdowns', details: 'sequence' });
    // Without the new keys a link opens as before: nothing selected, the first tabs.
    const plain = createAppStore();
    openMoment(plain, '?scenario=dec-2018-noto&account=rok&t=60', ['en']);
    const p = plain.getState();
    expect([p.selectedBreakdown, p.selectedUnits, p.openTabs, p.t]).toEqual([null, [], { findings: 'breakdowns', details: 'inspector' }, 60]);
  });

  test('a new selection or tab is in the address at once', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    const { win } = fakeWindow();
    const sync = syncUrl(store, win as unknown as Window, 400);
    store.getState().selectUnit('p1');
    expect(readUrl(win.location.search).units).toEqual(['p1']);
    store.getState().showTab('findings', 'scorecard');
    expect(readUrl(win.location.search).tabs).toEqual({ findings: 'scorecard' });
    sync.stop();
  });
});

describe('URL presentation and theme (issue 17 item 1)', () => {
  test('present=1 and theme=light ride along only when set, and read back as written', () => {
    const base = { scenarioId: 'dec-2018-noto', account: 'rok', procedure: 'practice-2018', t: 605 };
    expect(momentQuery({ ...base, presenting: false, theme: 'dark' })).toBe('?scenario=dec-2018-noto&account=rok&procedure=practice-2018&t=605');
    const q = momentQuery({ ...base, presenting: true, theme: 'light' });
    expect(q).toBe('?scenario=dec-2018-noto&account=rok&procedure=practice-2018&t=605&present=1&theme=light');
    expect(readUrl(q)).toMatchObject({ present: true, theme: 'light' });
    // Anything else is ignored: a link cannot ask for a theme the app lacks.
    expect(readUrl('?present=yes&theme=purple')).toEqual({});
  });

  test('a link with present=1&theme=light opens in presentation mode, light; toggling writes the address at once', () => {
    const store = createAppStore();
    openMoment(store, '?scenario=dec-2018-noto&account=rok&present=1&theme=light', ['en']);
    expect([store.getState().presenting, store.getState().theme]).toEqual([true, 'light']);
    const { win } = fakeWindow();
    const sync = syncUrl(store, win as unknown as Window, 400);
    store.getState().present(false);
    expect(readUrl(win.location.search).present).toBeUndefined();
    store.getState().present();
    expect(readUrl(win.location.search).present).toBe(true);
    store.getState().setTheme('dark');
    expect(readUrl(win.location.search).theme).toBeUndefined();
    sync.stop();
  });
});

describe('URL breakdown filter (issue 17 item 5)', () => {
  test('the findings list’s kind, call and grouping ride along, only when set, and read back as written', () => {
    const base = { scenarioId: 'dec-2018-noto', account: null, procedure: '', t: 0 };
    expect(momentQuery({ ...base, breakdownFilter: { kind: null, call: null, group: 'none' } })).not.toContain('bd-');
    const q = momentQuery({ ...base, breakdownFilter: { kind: 'acted-on', call: 'tx-3', group: 'call' } });
    expect(q).toContain('bd-kind=acted-on&bd-call=tx-3&bd-group=call');
    expect(readUrl(q).breakdownFilter).toEqual({ kind: 'acted-on', call: 'tx-3', group: 'call' });
    // Procedure findings about no call have a key of their own; a grouping we do not have is dropped.
    expect(readUrl('?bd-call=-&bd-group=unit').breakdownFilter).toEqual({ call: '-' });
    expect(readUrl('?bd-kind=%3Cscript%3E').breakdownFilter).toBeUndefined();
  });

  test('opening a link puts the filter back in the store', () => {
    const store = createAppStore();
    openMoment(store, '?scenario=dec-2018-noto&account=rok&bd-kind=omission&bd-group=kind', ['en']);
    expect(store.getState().breakdownFilter).toEqual({ kind: 'omission', call: null, group: 'kind' });
  });
});
