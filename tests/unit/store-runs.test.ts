// The runs views ask for are store actions: a what-if, a drill and a comparison run in the store,
// land in its state, show in the main view, and a fault in one of them is a problem shown while
// the last good run stays. Expected results come from the core run here, not from this file.
import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../src/app/store';
import { runDrill } from '../../src/core/drill/drill';
import type { WhatIf } from '../../src/core/whatif/whatif';

const tuneGuard: WhatIf = { at: 0, change: { kind: 'radio', unit: 'ddg971', radio: 'aero-vhf', tuned: ['121.5', '123.1'] } };
/** A call to a unit the scenario does not have: the engine stops with an internal error. */
const broken: WhatIf = { at: 10, change: { kind: 'hail', unit: 'p1', to: 'nobody' } };

describe('runWhatIf', () => {
  test("runs the scenario's own run with the changes, compares, and shows the what-if in every view", () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    const original = store.getState().analysis!;
    store.getState().runWhatIf([tuneGuard]);
    const s = store.getState();
    const last = s.whatIf!.last!;
    expect(s.whatIf!.problems).toEqual([]);
    expect(last.original).toBe(original);
    expect(s.analysis).toBe(last.analysis);
    expect(s.shown).toEqual({ label: 'What-if: ddg971: set aero-vhf, tuned to 121.5 + 123.1', analysis: last.analysis, original });
    // The 121.5 call no longer stops at receivable.
    expect(last.comparison.breakdowns.onlyA.some((b) => b.kind === 'ladder' && b.stage === 'receivable')).toBe(true);
    expect(s.replay!.durationS).toBe(last.analysis.run.durationS);
  });

  test('an engine fault is a problem in the what-if slice; the last good what-if and the main view stay', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    store.getState().runWhatIf([tuneGuard]);
    const good = store.getState().whatIf!.last!;
    expect(() => store.getState().runWhatIf([broken])).not.toThrow();
    const s = store.getState();
    expect(s.whatIf!.last).toBe(good);
    expect(s.analysis).toBe(good.analysis);
    expect(s.whatIf!.problems).toHaveLength(1);
    expect(s.whatIf!.problems[0]).toMatchObject({ severity: 'error', file: 'scenarios/dec-2018-noto.yaml' });
    expect(s.whatIf!.problems[0]!.message).toMatch(/^the what-if stopped with an internal error: .*The last good run stays on screen\.$/);
    // The next good what-if clears the problem.
    store.getState().runWhatIf([tuneGuard]);
    expect(store.getState().whatIf!.problems).toEqual([]);
  });

  test('another account clears the what-if: it belonged to the old settings', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    store.getState().runWhatIf([tuneGuard]);
    const whatIf = store.getState().analysis;
    store.getState().setAccount('jp');
    const s = store.getState();
    expect(s.whatIf).toBeNull();
    expect(s.analysis).not.toBe(whatIf);
    expect(s.analysis!.run.scenario.account).toBe('jp');
    // The main view shows the new run itself, not a what-if in its place.
    expect(s.shown?.analysis === s.analysis).toBe(false);
  });
});

describe('drill actions', () => {
  test('start, answer as the procedure asks, read the feedback, go on: the store keeps the session and shows the drill run', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    const original = store.getState().analysis!;
    const model = runDrill(original.run.scenario, { unit: 'ddg971', choices: [], then: 'follow' });
    expect(model.decisions.length).toBeGreaterThanOrEqual(2);
    store.getState().startDrill('ddg971');
    for (const [i, d] of model.decisions.entries()) {
      let s = store.getState();
      expect(s.drill!.phase).toBe('decide');
      expect(s.shown!.label).toBe(`Drill as Gwanggaeto the Great: decision ${i + 1}`);
      expect(s.analysis).toBe(s.drill!.result!.analysis);
      expect(s.t).toBe(d.t);
      expect(s.drill!.result!.pending!.options.map((o) => o.id)).toEqual(d.options.map((o) => o.id));
      // Going on before answering does nothing.
      store.getState().continueDrill();
      expect(store.getState().drill!.phase).toBe('decide');
      store.getState().answerDrill(d.correct);
      s = store.getState();
      expect(s.drill!.phase).toBe('feedback');
      expect(s.drill!.choices).toEqual(model.decisions.slice(0, i + 1).map((x) => x.correct));
      expect(s.drill!.result!.decisions[i]!.right).toBe(true);
      expect(s.t).toBe(d.t);
      // A second answer while the feedback is read is not taken.
      store.getState().answerDrill(d.correct);
      expect(store.getState().drill!.choices).toHaveLength(i + 1);
      store.getState().continueDrill();
    }
    const s = store.getState();
    expect(s.drill!.phase).toBe('done');
    expect(s.shown!.label).toBe(`Drill as Gwanggaeto the Great: finished, ${model.decisions.length} of ${model.decisions.length} right`);
    expect(s.analysis!.exchangesCompleted).toBe(model.analysis.exchangesCompleted);
    // Back to the main view shows the scenario's run; "show the drill run" puts it back; stop ends it.
    store.getState().showAnalysis(null);
    expect(store.getState().analysis).toBe(original);
    store.getState().showDrillRun();
    expect(store.getState().analysis).toBe(s.drill!.result!.analysis);
    store.getState().stopDrill();
    expect(store.getState().drill).toBeNull();
    expect(store.getState().analysis).toBe(original);
  });

  test('a unit the scenario does not have is an error in the drill slice, not a crash', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'jp' });
    const original = store.getState().analysis;
    expect(() => store.getState().startDrill('nobody')).not.toThrow();
    const d = store.getState().drill!;
    expect(d.phase).toBe('error');
    expect(d.result).toBeNull();
    expect(d.problems[0]!.message).toMatch(/no unit "nobody"/);
    expect(store.getState().analysis).toBe(original);
  });
});

describe('runComparison', () => {
  test('compares the run on screen with side B, and again against every new A', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    store.getState().runComparison({ account: 'jp', procedure: 'practice-2018' });
    let c = store.getState().comparison!;
    expect(c.problems).toEqual([]);
    expect(c.made!.a).toBe(store.getState().analysis);
    expect(c.made!.comparison.a.account).toBe('rok');
    expect(c.made!.comparison.b.account).toBe('jp');
    expect(c.made!.comparison.facts.differ.length).toBeGreaterThan(0);
    store.getState().setProcedure('cues-2014');
    c = store.getState().comparison!;
    expect(c.made!.a).toBe(store.getState().analysis);
    expect(c.made!.comparison.a.procedure).toBe('cues-2014');
    expect(c.made!.comparison.b.procedure).toBe('practice-2018');
  });

  test('a side B that cannot run says why and leaves the last comparison for this A', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    store.getState().runComparison({ account: 'jp', procedure: 'practice-2018' });
    const good = store.getState().comparison!.made;
    store.getState().runComparison({ account: 'jp', procedure: 'no-such-procedure' });
    const c = store.getState().comparison!;
    expect(c.side.procedure).toBe('no-such-procedure');
    expect(c.made).toBe(good);
    expect(c.problems.map((d) => d.message).join('\n')).toMatch(/procedure "no-such-procedure" not found/);
    expect(c.problems.every((d) => d.severity === 'error')).toBe(true);
  });
});
