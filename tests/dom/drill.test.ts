// Role-play drill in the app: the student plays a unit, answers each decision with a button or
// a number key, gets feedback citing the rule, and ends with a score and a summary. The expected
// answers come from the core (a drill that follows the procedure), not from this file.
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { runDrill } from '../../src/core/drill/drill';
import { mountApp, type Mounted } from './setup';
import { say } from '../../src/i18n';
import { isExplanation } from '../../src/core/explain';
import { sayContext } from '../../src/app/i18n';

async function startDrill(m: Mounted, unit: string) {
  await m.user.click(m.screen.getByRole('tab', { name: 'Drill' }));
  const panel = m.screen.getByRole('tabpanel', { name: 'Drill' });
  await m.user.selectOptions(within(panel).getByRole('combobox', { name: 'Play as' }), unit);
  await m.user.click(within(panel).getByRole('button', { name: 'Start drill' }));
  return panel;
}

const options = (panel: HTMLElement) => within(within(panel).getByRole('list', { name: 'What do you do?' })).getAllByRole('button');

describe('drill', () => {
  test('as the destroyer under jp-rok-2024, choosing as the procedure asks every time ends with full marks and a summary', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    const original = m.store.getState().analysis!;
    const model = runDrill(original.run.scenario, { unit: 'ddg971', choices: [], then: 'follow' });
    expect(model.decisions.length).toBeGreaterThanOrEqual(2);
    const panel = await startDrill(m, 'ddg971');
    // Only units the procedure binds can be played: not the coast-guard ship or the fishing boat.
    const playable = within(within(panel).getByRole('combobox', { name: 'Play as', hidden: true })).getAllByRole('option', { hidden: true });
    expect(playable.map((o) => (o as HTMLOptionElement).value)).toEqual(['p1', 'ddg971', 'jmsdf-hq', 'rokn-hq']);

    for (const [i, d] of model.decisions.entries()) {
      // The decision is on screen with its time and situation; the main view stops there.
      const heading = within(panel).getByRole('heading', { level: 4, name: new RegExp(`^Decision ${i + 1} at `) });
      expect(document.activeElement).toBe(heading);
      const s = m.store.getState();
      expect(s.t).toBe(d.t);
      expect(s.analysis!.run.durationS).toBe(d.t);
      expect(s.analysis).not.toBe(original);
      // The situation as the panel words it: units by name (the record's English keeps ids).
      const prompt = isExplanation(d.promptWhy) ? say('en', d.promptWhy, sayContext(s.analysis)) : d.prompt;
      expect(within(panel).getByText(prompt)).toBeTruthy();
      expect(prompt).not.toMatch(/\b(ddg971|rokn-hq|jmsdf-hq)\b/);
      const buttons = options(panel);
      expect(buttons.map((b) => b.textContent!.replace(/^\d/, ''))).toEqual(d.options.map((o) => o.label));
      const right = d.options.findIndex((o) => o.id === d.correct);
      // Alternate between a click and the number key.
      if (i % 2 === 0) await m.user.click(within(panel).getByRole('button', { name: d.options[right]!.label }));
      else await m.user.keyboard(String(right + 1));
      // Feedback at once, with the playhead back on the decision just answered.
      const feedback = within(panel).getByRole('status');
      expect(feedback.textContent).toContain('Right.');
      expect(feedback.textContent).toContain(d.rule!);
      expect(m.store.getState().t).toBe(d.t);
      const next = within(panel).getByRole('button', { name: i + 1 < model.decisions.length ? 'Next decision ▶' : 'See the summary ▶' });
      expect(document.activeElement).toBe(next);
      // Enter on the focused button, or a click.
      if (i % 2 === 0) await m.user.keyboard('{Enter}');
      else await m.user.click(next);
    }

    const score = within(panel).getByRole('heading', { name: `Drill finished: ${model.decisions.length} of ${model.decisions.length} right` });
    expect(document.activeElement).toBe(score);
    const list = within(panel).getByRole('list', { name: 'Your decisions' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(model.decisions.length);
    for (const [i, li] of items.entries()) {
      expect(li.textContent).toContain('Right');
      expect(li.textContent).toContain(model.decisions[i]!.rule!);
    }
    // The run the student made is the one on screen, and the call was answered.
    const shown = m.store.getState().analysis!;
    expect(shown.exchangesCompleted).toBe(model.analysis.exchangesCompleted);
    expect(shown.exchangesCompleted).toBeGreaterThan(0);
    expect(within(panel).getByText(/, none of them from your answers \(/)).toBeTruthy();
    const calls = within(panel).getByRole('list', { name: 'Calls to and from you' });
    expect(calls.textContent).toMatch(/JMSDF P-1 → Gwanggaeto the Great on 121\.5 \(hail\): got through/);
    expect(m.screen.getByText(/^Drill as Gwanggaeto the Great: finished, 3 of 3 right$/)).toBeTruthy();

    // Retry starts the same drill again from the first decision.
    await m.user.click(within(panel).getByRole('button', { name: 'Retry' }));
    expect(within(panel).getByRole('heading', { level: 4, name: /^Decision 1 at / })).toBeTruthy();
    expect(m.store.getState().t).toBe(model.decisions[0]!.t);
  });

  test('saying nothing to the incoming call is scored wrong, with feedback citing respond-actively', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    const panel = await startDrill(m, 'ddg971');
    // Answer as the procedure asks until the call comes in.
    const model = runDrill(m.store.getState().shown!.original.run.scenario, { unit: 'ddg971', choices: [], then: 'follow' });
    for (const d of model.decisions) {
      if (/A call for you/.test(within(panel).getByRole('heading', { level: 4 }).textContent!)) break;
      await m.user.click(within(panel).getByRole('button', { name: d.options.find((o) => o.id === d.correct)!.label }));
      await m.user.click(within(panel).getByRole('button', { name: 'Next decision ▶' }));
    }
    const heading = within(panel).getByRole('heading', { level: 4 });
    expect(heading.textContent).toMatch(/A call for you/);
    expect(within(panel).getByText(/^JMSDF P-1 calls on 121\.5: "GWANGGAETO THE GREAT/)).toBeTruthy();
    await m.user.click(within(panel).getByRole('button', { name: 'Say nothing' }));
    const feedback = within(panel).getByRole('status');
    expect(feedback.textContent).toContain('Not what the procedure asks.');
    expect(feedback.textContent).toContain('You chose "Say nothing"');
    expect(feedback.textContent).toContain('(jp-rok-2024/respond-actively)');
    expect(within(panel).getByText(/score 1\/2/)).toBeTruthy();
    expect(feedback.textContent).toMatch(/the procedure asks: "Answer on 121\.5: "RECEIVED, UNDERSTOOD/);
  });

  test('works on the control scenario with no scenario-specific code, and lists only units the procedure binds', async () => {
    const m = mountApp({ scenario: 'control-cues-exchange' });
    await m.user.click(m.screen.getByRole('tab', { name: 'Drill' }));
    const panel = m.screen.getByRole('tabpanel', { name: 'Drill' });
    const units = within(within(panel).getByRole('combobox', { name: 'Play as' }))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(units).toEqual(
      m.store
        .getState()
        .analysis!.run.scenario.units.filter((u) => u.kind !== 'vessel')
        .map((u) => u.id),
    );
    const panelAfter = await startDrill(m, 'rok-ddh');
    const buttons = options(panelAfter);
    const model = runDrill(m.store.getState().shown!.original.run.scenario, { unit: 'rok-ddh', choices: [], then: 'follow' });
    const right = model.decisions[0]!.options.findIndex((o) => o.id === model.decisions[0]!.correct);
    expect(buttons.length).toBe(model.decisions[0]!.options.length);
    await m.user.keyboard(String(right + 1));
    await m.user.keyboard('{Enter}');
    expect(within(panelAfter).getByRole('heading', { name: 'Drill finished: 1 of 1 right' })).toBeTruthy();
    // Going back shows the scenario's own run again.
    await m.user.click(within(panelAfter).getByRole('button', { name: 'Play another unit' }));
    expect(m.store.getState().shown).toBeNull();
    expect(m.screen.queryByText(/^Drill as/)).toBeNull();
  });
});
