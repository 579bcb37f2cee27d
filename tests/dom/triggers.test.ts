// The Triggers tab: every scripted trigger and procedure rule of the run, whether and when it
// fired (a time seeks to its log entry), and what held back the ones that never fired.
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { explainTriggers } from '../../src/core/analysis/triggers';
import { scenarioById } from '../../src/app/catalog';
import { mountApp } from './setup';

const dec = scenarioById('dec-2018-noto')!.text;
const withTriggers = dec.replace(
  'script:\n',
  'script:\n  - { id: too-close, unit: ddg971, on: { event: range-below, unit: p1, other: ddg971, rangeM: 100 }, do: judge, threatening: true }\n  - { id: close-enough, unit: ddg971, on: { event: range-below, unit: p1, other: ddg971, rangeM: 1000 }, do: judge, threatening: true }\n',
);

async function openTriggers(m: ReturnType<typeof mountApp>) {
  await m.user.click(m.screen.getByRole('tab', { name: 'Triggers' }));
  return m.screen.getByRole('tabpanel', { name: 'Triggers' });
}

describe('triggers tab', () => {
  test('lists every rule of the procedure with its status, and why the silent ones never fired', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    const panel = await openTriggers(m);
    const reports = explainTriggers(m.store.getState().analysis!);
    const rules = within(panel).getByRole('list', { name: 'Procedure rules' });
    const items = within(rules)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('trigger'));
    expect(items.map((li) => li.dataset.trigger)).toEqual(reports.filter((r) => r.kind === 'rule').map((r) => r.id));
    const sayAgain = items.find((li) => li.dataset.trigger === 'cues-2014/say-again')!;
    expect(sayAgain.dataset.status).toBe('never');
    expect(sayAgain.textContent).toContain('never fired');
    expect(within(sayAgain).getByText(/no call was recognised but not made out/).textContent).toMatch(/^Held back: /);
    const respond = items.find((li) => li.dataset.trigger === 'jp-rok-2024/respond-actively')!;
    expect(respond.dataset.status).toBe('fired');
    expect(within(respond).getAllByRole('button', { name: /^Seek to / }).length).toBeGreaterThan(0);
    // A rule units did not follow says so.
    expect(within(panel).getByText(/^Rules of jp-rok-2024$/)).toBeTruthy();
    expect(within(panel).getByText(/No script action in this scenario waits for an event/)).toBeTruthy();
  });

  test('clicking a firing time seeks to its log entry and marks it', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'practice-2018' });
    const panel = await openTriggers(m);
    const answer = within(panel)
      .getAllByRole('listitem')
      .find((li) => li.dataset.trigger === 'cues-2014/answer-calls')!;
    expect(answer.dataset.status).toBe('not-followed');
    expect(answer.textContent).toContain('not followed 3×');
    const report = explainTriggers(m.store.getState().analysis!).find((r) => r.id === 'cues-2014/answer-calls')!;
    const first = report.notFollowed[0]!;
    const button = within(answer).getAllByRole('button', { name: /^Seek to / })[0]!;
    expect(button.getAttribute('aria-label')).toMatch(/^Seek to \d\d:\d\d:\d\d: cues-2014\/answer-calls not followed — /);
    await m.user.click(button);
    const s = m.store.getState();
    expect(s.selectedEntry).toBe(first.entry);
    expect(s.t).toBe(first.t);
    expect(s.playing).toBe(false);
    expect(button.getAttribute('aria-current')).toBe('true');
    // The log marks the same entry.
    expect(m.root.querySelector('.log [aria-current="true"], .log .selected')).toBeTruthy();
  });

  test('scripted triggers: one that fired with its time, one held back by the closest approach', async () => {
    const m = mountApp();
    m.store.getState().openText('scenarios/dec-2018-noto.yaml', withTriggers, { account: 'rok' });
    const panel = await openTriggers(m);
    const scripts = within(panel).getByRole('list', { name: 'Scripted triggers' });
    const [tooClose, near] = within(scripts)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('trigger'));
    expect(tooClose!.dataset.trigger).toBe('too-close');
    expect(tooClose!.dataset.status).toBe('never');
    expect(tooClose!.textContent).toMatch(
      /Held back: JMSDF P-1 and Gwanggaeto the Great came no closer than 5\d\d m \(at \+\d+ s\); the trigger needs less than 100 m/,
    );
    expect(near!.dataset.status).toBe('fired');
    expect(within(near!).getByRole('button', { name: /^Seek to / }).textContent).toMatch(/^\d\d:\d\d:\d\d$/);
    // Each links to where it is written: the script entry's line in the scenario.
    const line = withTriggers.split('\n').findIndex((l) => l.includes('id: close-enough')) + 1;
    expect(within(near!).getByRole('button', { name: `dec-2018-noto.yaml:${line} — edit close-enough` }).textContent).toBe(`dec-2018-noto.yaml:${line}`);
    expect(within(panel).getByText(/^2 scripted triggers and \d+ rules: \d+ fired, \d+ never fired$/)).toBeTruthy();
  });

  test('"only those that never fired" hides the rest; a new run redraws the list', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    const panel = await openTriggers(m);
    const all = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('trigger')).length;
    await m.user.click(within(panel).getByRole('checkbox', { name: 'Only those that never fired' }));
    const left = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('trigger'));
    expect(left.length).toBeLessThan(all);
    expect(left.every((li) => ['never', 'not-followed'].includes(li.dataset.status!))).toBe(true);
    m.store.getState().setProcedure('cues-2014');
    expect(within(panel).getByText('Rules of cues-2014')).toBeTruthy();
  });
});
