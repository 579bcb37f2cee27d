import { describe, expect, test } from 'vitest';
import { momentQuery, openMoment, readUrl } from '../../src/app/url';
import { createAppStore } from '../../src/app/store';

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
