// The what-if, drill and compare tabs as pure view-models (data in, words out), in Node: the
// same words the tabs show, from runs the store makes. Expectations are read off the core's own
// results, not written down for a known scenario, except where the words are the point.
import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../src/app/store';
import type { UnitSpec } from '../../src/core/scenario/schema';
import {
  atModel,
  changeItems,
  crewChange,
  hailChange,
  hailChoices,
  isStale,
  linkChange,
  noiseChange,
  radioChange,
  radioNow,
  resultModel,
  savedScenario,
  unitOptions,
} from '../../src/app/training/whatif-model';
import { afterModel, decisionModel, drillOnScreen, feedbackModel, optionForKey, setupModel, summaryModel } from '../../src/app/training/drill-model';
import { accountChoice, compareModel, compareStatus, sayingAt } from '../../src/app/explore/compare-model';

const rok = () => createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });

describe('what-if view-model', () => {
  test('reading the form: a change, or why nothing would change', () => {
    expect(radioChange('ddg971', 'aero-vhf', ['123.1'], { power: '', picked: ['123.1'], listen: '' })).toMatch(/^Nothing changes/);
    expect(radioChange('ddg971', 'aero-vhf', ['123.1'], { power: '', picked: ['121.5', '123.1'], listen: '' })).toEqual({
      kind: 'radio',
      unit: 'ddg971',
      radio: 'aero-vhf',
      tuned: ['121.5', '123.1'],
    });
    // The same channels in another order are no change.
    expect(radioChange('u', 'r', ['a', 'b'], { power: 'off', picked: ['b', 'a'], listen: 'no' })).toEqual({
      kind: 'radio',
      unit: 'u',
      radio: 'r',
      powered: false,
      monitored: false,
    });
    expect(noiseChange('u', 'r', { floor: false, level: '5' })).toMatch(/between −200 and 0/);
    expect(noiseChange('u', 'r', { floor: false, level: '-90' })).toEqual({ kind: 'noise', unit: 'u', radio: 'r', noiseDb: -90 });
    expect(noiseChange('u', 'r', { floor: true, level: 'x' })).toEqual({ kind: 'noise', unit: 'u', radio: 'r', noiseDb: null });
    const crew = { id: 'u', crew: { languages: { en: 0.5 }, workload: 0.2 } } as unknown as UnitSpec;
    expect(crewChange(crew, { english: '0.5', workload: '0.2' })).toMatch(/^Nothing changes/);
    expect(crewChange(crew, { english: '2', workload: '0.2' })).toMatch(/from 0 to 1/);
    expect(crewChange(crew, { english: '0.5', workload: '0.9' })).toEqual({ kind: 'crew', unit: 'u', workload: 0.9 });
    const link = { id: 'hq', available: true, latencyS: 30 } as never;
    expect(linkChange(link, { state: '', delay: '30' })).toMatch(/^Nothing changes/);
    expect(linkChange(link, { state: '', delay: '-1' })).toMatch(/0 or more/);
    expect(linkChange(link, { state: 'down', delay: '30' })).toEqual({ kind: 'link', link: 'hq', available: false });
    expect(hailChange({ from: 'p1', to: '', channel: '', text: '' })).toBe('Pick the unit to call.');
    expect(hailChange({ from: 'p1', to: 'ddg971', channel: '', text: '  hello ' })).toEqual({ kind: 'hail', unit: 'p1', to: 'ddg971', text: 'hello' });
  });

  test("the pickers offer the run's own units, sets and channels, with a set as it is at the playhead", () => {
    const a = rok().getState().analysis!;
    const units = a.run.scenario.units;
    expect(unitOptions(a, 'radio').map(([id]) => id)).toEqual(units.filter((u) => u.radios.length).map((u) => u.id));
    const hail = hailChoices(a, 'p1');
    expect(hail.to.map(([id]) => id)).toEqual(units.filter((u) => u.id !== 'p1').map((u) => u.id));
    expect(hail.channels[0]).toEqual(['', 'As the procedure says']);
    const set = units.find((u) => u.id === 'ddg971')!.radios.find((r) => r.id === 'aero-vhf')!;
    expect(radioNow(a, 'ddg971', 'aero-vhf', 0)).toMatchObject({ powered: set.powered, monitored: set.monitored });
    expect(radioNow(a, 'ddg971', 'no-such-set', 0)).toBeNull();
    expect(atModel(a, 0).button).toBe('Add change at 14:54:00 (+0:00)');
    expect(atModel(null, 0)).toEqual({ button: 'Add change', line: '' });
  });

  test('the result in words, the stack, and the saved file, from a what-if the store ran', () => {
    const store = rok();
    const changes = [{ at: 0, change: { kind: 'radio' as const, unit: 'ddg971', radio: 'aero-vhf', tuned: ['121.5', '123.1'] } }];
    store.getState().runWhatIf(changes);
    const r = store.getState().whatIf!.last!;
    const m = resultModel(r);
    const c = r.comparison;
    expect(m.gone).toHaveLength(c.breakdowns.onlyA.length);
    expect(m.added).toHaveLength(c.breakdowns.onlyB.length);
    expect(m.summary).toBe(
      `${c.breakdowns.onlyA.length} breakdown${c.breakdowns.onlyA.length === 1 ? '' : 's'} gone, ${c.breakdowns.onlyB.length} new, ${c.breakdowns.both.length} in both. Exchanges completed: ${r.original.exchangesCompleted} → ${r.analysis.exchangesCompleted}.`,
    );
    expect(m.gone.map((x) => x.what)).toContain("JMSDF P-1's call on 121.5 to Gwanggaeto the Great: stopped at receivable");
    expect(m.calls.length).toBe(c.transmissions.differ.length + c.transmissions.onlyA.length + c.transmissions.onlyB.length);
    // The change takes effect at t=0: the first difference says so and gives only the what-if's side.
    expect(m.divergences[0]!.title).toBe('First difference at 14:54:00 (+0:00): a change takes effect');
    expect(m.divergences[0]!.lines.map((l) => l.side)).toEqual(['What-if: ']);
    expect(changeItems(r.original, changes)).toEqual([
      {
        time: '14:54:00 (+0:00)',
        words: 'ddg971: set aero-vhf, tuned to 121.5 + 123.1',
        remove: 'Remove change 1: ddg971: set aero-vhf, tuned to 121.5 + 123.1',
      },
    ]);
    expect(isStale(r, changes)).toBe(false);
    expect(isStale(r, [...changes])).toBe(false);
    expect(isStale(r, [])).toBe(true);
    expect(isStale(null, changes)).toBe(false);
    const saved = savedScenario(r, store.getState().scenarioText, 'VHF guard on!');
    expect(saved.name).toBe('dec-2018-noto-vhf-guard-on.yaml');
    expect(saved.text).toMatch(/^id: dec-2018-noto-vhf-guard-on$/m);
  });
});

describe('drill view-model', () => {
  test('setup, decision, keys, feedback and summary follow the store session', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    const setup = setupModel(store.getState().analysis);
    expect(setup.units.map((u) => u.id)).toEqual(['p1', 'ddg971', 'jmsdf-hq', 'rokn-hq']);
    expect(setup.intro).toMatch(/^Play one unit under jp-rok-2024 \(account jp\)\./);
    expect(setupModel(null)).toEqual({ units: [], intro: '' });

    store.getState().startDrill('ddg971');
    let s = store.getState();
    const d = s.drill!;
    const a = d.result!.analysis;
    const q = decisionModel(a, d)!;
    const pending = d.result!.pending!;
    expect(q.heading).toMatch(/^Decision 1 at \d\d:\d\d:\d\d \(\+\d+:\d\d\): /);
    expect(q.prompt).toBe(pending.prompt);
    expect(q.options.map((o) => o.id)).toEqual(pending.options.map((o) => o.id));
    expect(q.options[0]!.key).toBe('1');
    expect(drillOnScreen(s)).toBe(true);
    expect(feedbackModel(a, d)).toBeNull();
    expect(optionForKey(d, '1')).toBe(pending.options[0]!.id);
    expect(optionForKey(d, String(pending.options.length + 1))).toBeNull();
    expect(optionForKey(d, 'x')).toBeNull();

    store.getState().answerDrill(pending.correct);
    s = store.getState();
    const f = feedbackModel(s.drill!.result!.analysis, s.drill!)!;
    expect(f.right).toBe(true);
    expect(f.text).toMatch(/^ Decision 1 at .*: /);
    expect(f.text).not.toMatch(/Right:/);
    expect(optionForKey(s.drill!, '1')).toBeNull(); // no decision is open while the feedback is read
    const after = afterModel(s.drill!)!;
    expect(after.chosen).toMatch(/^You chose: "/);
    expect(after.next).toBe('Next decision ▶');

    // Leave the rest unanswered by stopping: the summary of a finished drill comes from its result.
    const full = createAppStore({ scenario: 'control-cues-exchange' });
    full.getState().startDrill('rok-ddh');
    const first = full.getState().drill!.result!.pending!;
    full.getState().answerDrill(first.correct);
    full.getState().continueDrill();
    const done = full.getState().drill!;
    expect(done.phase).toBe('done');
    const sum = summaryModel(done.result!.analysis, done)!;
    expect(sum.heading).toBe('Drill finished: 1 of 1 right');
    expect(sum.full).toBe(true);
    expect(sum.decisions).toHaveLength(1);
    expect(sum.decisions[0]!.verdict).toBe('Right');
    expect(sum.calls.length).toBe(done.result!.analysis.outcomes.filter((o) => o.tx.from === 'rok-ddh' || o.unit === 'rok-ddh').length);
  });
});

describe('compare view-model', () => {
  test('account B defaults to the other account; a kept pick that became A is replaced', () => {
    const a = rok().getState().analysis!;
    expect(accountChoice(a, '')).toMatchObject({ value: 'jp', disabled: false });
    expect(accountChoice(a, 'rok').value).toBe('jp');
    expect(accountChoice(a, 'jp').options.map(([id]) => id)).toEqual(['jp', 'rok']);
    expect(accountChoice(null, '')).toEqual({ options: [['', 'no disputed accounts']], value: '', disabled: true });
  });

  test('status, columns, rows and seek targets from a comparison the store made', () => {
    const store = rok();
    expect(compareStatus(store.getState().comparison, store.getState().analysis)).toBe('');
    store.getState().runComparison({ account: 'jp', procedure: 'practice-2018' });
    const s = store.getState();
    const made = s.comparison!.made!;
    const c = made.comparison;
    expect(compareStatus(s.comparison, s.analysis)).toBe(`A: ${c.a.label} · B: ${c.b.label} · seed 1`);
    // Made for another run: nothing to say about it.
    expect(compareStatus(s.comparison, made.b)).toBe('');
    const m = compareModel(made);
    expect(m.facts).toHaveLength(c.facts.differ.length);
    expect(m.columns.map((x) => x.rows.length)).toEqual([c.breakdowns.onlyA.length, c.breakdowns.onlyB.length]);
    // Side A's rows select the breakdown in the main view; side B's only seek.
    expect(m.columns[0].rows.every((r, i) => r.seek.select === c.breakdowns.onlyA[i]!.id)).toBe(true);
    expect(m.columns[1].rows.every((r) => r.seek.select === undefined)).toBe(true);
    expect(m.divergence!.seek.t).toBe(c.firstDivergence!.t);
    expect(m.divergence!.seek.label).toMatch(/^First divergence at \d\d:\d\d:\d\d$/);
    expect(m.calls).toHaveLength(c.transmissions.differ.length);
    expect(sayingAt(made.a, -1)).toBe('nothing yet');
    expect(sayingAt(made.a, made.a.run.durationS)).toMatch(/^\d\d:\d\d:\d\d /);

    store.getState().runComparison({ account: 'rok', procedure: 'practice-2018' });
    expect(compareStatus(store.getState().comparison, store.getState().analysis)).toMatch(/^B is the same run as A/);
    store.getState().runComparison({ account: 'jp', procedure: 'nope' });
    expect(compareStatus(store.getState().comparison, store.getState().analysis)).toMatch(/^Side B could not run: procedure "nope" not found/);
  });
});
