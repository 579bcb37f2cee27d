// What an edit does to the run on screen: valid text re-runs through the store, broken text only
// shows the checker's problems (exactly checkFile's, as `npm run check` prints them) and keeps the
// last good run; a procedure draft is registered and the scenario on screen runs under it.
import { describe, expect, test } from 'vitest';
import { checkFile } from '../../src/core/check';
import { bundledProcedures, scenarioById } from '../../src/app/catalog';
import { createAppStore } from '../../src/app/store';
import { applyDraft, checkDraft, userProcedureRef } from '../../src/app/editor/run-draft';
import { newProcedureText, newScenarioText } from '../../src/app/editor/templates';

const control = scenarioById('control-cues-exchange')!.text;
const FILE = 'scenarios/control-cues-exchange.yaml';

describe('applying a draft', () => {
  test('a valid edit re-runs the plot and panels with it', () => {
    const store = createAppStore({ scenario: 'control-cues-exchange' });
    const before = store.getState().analysis;
    const out = applyDraft(store, FILE, control.replace('name: JS Teruzuki', 'name: JS Fuyuzuki'));
    expect(out).toMatchObject({ kind: 'scenario', ran: true, diagnostics: [] });
    const s = store.getState();
    expect(s.analysis).not.toBe(before);
    expect(s.analysis!.run.scenario.units.find((u) => u.id === 'jp-dd')!.name).toBe('JS Fuyuzuki');
    expect(s.scenarioFile).toBe(FILE);
    expect(s.diagnostics).toEqual([]);
  });

  test('broken text shows exactly what the checker says and keeps the last good run', () => {
    const store = createAppStore({ scenario: 'control-cues-exchange' });
    const good = store.getState().analysis;
    const text = control.replace('to: rok-ddh', 'to: rok-dd');
    const out = applyDraft(store, FILE, text);
    expect(out.ran).toBe(false);
    expect(out.diagnostics).toEqual(checkFile({ file: FILE, text }, bundledProcedures));
    expect(store.getState().diagnostics).toEqual(out.diagnostics);
    expect(store.getState().diagnostics[0]).toMatchObject({ line: 63, col: 9, severity: 'error' });
    expect(store.getState().analysis).toBe(good);
    // Fixing it runs again and clears the problems.
    expect(applyDraft(store, FILE, control.replace('name: JS Teruzuki', 'name: JS Fuyuzuki')).ran).toBe(true);
    expect(store.getState().diagnostics).toEqual([]);
  });

  test('a scenario without the account on screen runs with none instead of failing', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    const out = applyDraft(store, 'scenarios/new-scenario.yaml', newScenarioText('new-scenario'));
    expect(out.ran).toBe(true);
    expect(store.getState().account).toBeNull();
    expect(store.getState().scenarioId).toBe('new-scenario');
    // …and a scenario that has it keeps it.
    applyDraft(store, 'scenarios/dec-2018-noto.yaml', scenarioById('dec-2018-noto')!.text);
    store.getState().setAccount('jp');
    applyDraft(store, 'scenarios/dec-2018-noto.yaml', scenarioById('dec-2018-noto')!.text.replace('name: JMSDF P-1', 'name: JMSDF P-1 (edited)'));
    expect(store.getState().account).toBe('jp');
  });

  test('a procedure draft is registered and the scenario on screen re-runs under it', () => {
    const store = createAppStore({ scenario: 'control-cues-exchange' });
    // The reply rule asks for no answer: the exchange is no longer completed.
    const text = newProcedureText('quiet-replies')
      .replace('answer: true', 'answer: false')
      .replace('message: "RECEIVED, UNDERSTOOD. {answer}"', 'message: RECEIVED');
    expect(checkDraft('procedures/quiet-replies.yaml', text)).toEqual({ kind: 'procedure', diagnostics: [] });
    expect(store.getState().analysis!.exchangesCompleted).toBe(1);
    const out = applyDraft(store, 'procedures/quiet-replies.yaml', text);
    expect(out).toMatchObject({ kind: 'procedure', ran: true });
    const s = store.getState();
    expect(s.procedure).toBe('quiet-replies');
    expect(s.analysis!.run.scenario.procedure.chain).toEqual(['cues-2014', 'quiet-replies']);
    expect(s.analysis!.exchangesCompleted).toBe(0);
    // Registered: a scenario naming it by id, or by path, runs with it.
    expect(bundledProcedures.read('quiet-replies', FILE)?.text).toBe(text);
    expect(bundledProcedures.read(userProcedureRef('procedures/quiet-replies.yaml'), FILE)?.text).toBe(text);
    const byId = control.replace('procedure: cues-2014', 'procedure: quiet-replies');
    expect(checkFile({ file: 'scenarios/uses-it.yaml', text: byId }, bundledProcedures)).toEqual([]);
  });

  test('a broken procedure is not registered, and its problems are listed', () => {
    const store = createAppStore({ scenario: 'control-cues-exchange' });
    const good = store.getState().analysis;
    const out = applyDraft(store, 'procedures/half-done.yaml', newProcedureText('half-done').replace('type: reply', 'type: replied'));
    expect(out.ran).toBe(false);
    expect(out.diagnostics.some((d) => d.severity === 'error' && d.file === 'procedures/half-done.yaml')).toBe(true);
    expect(bundledProcedures.read('half-done', FILE)).toBeUndefined();
    expect(store.getState().analysis).toBe(good);
  });

  test('a failure inside the run is reported as a problem, not thrown', () => {
    const store = createAppStore({ scenario: 'control-cues-exchange' });
    store.setState({
      openText: () => {
        throw new Error('boom');
      },
    });
    const out = applyDraft(store, FILE, control.replace('name: JS Teruzuki', 'name: X'));
    expect(out.ran).toBe(false);
    expect(out.diagnostics.at(-1)).toMatchObject({ file: FILE, line: 1, col: 1, severity: 'error', message: 'the run stopped on this file: boom' });
    expect(store.getState().diagnostics).toEqual([out.diagnostics.at(-1)]);
  });
});
