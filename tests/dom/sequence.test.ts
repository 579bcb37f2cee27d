import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';
import { isLost } from '../../src/app/sequence-model';
import { clock, hailOn, hailsToShip, outcomeOf } from './run-facts';

const chart = (screen: ReturnType<typeof mountApp>['screen']) => screen.getByRole('list', { name: /^Message sequence chart/ });

/** The chart shares a pane with the inspector; open its tab as a user would. */
async function openChart(m: ReturnType<typeof mountApp>) {
  await m.user.click(m.screen.getByRole('tab', { name: 'Sequence chart' }));
  return m;
}

describe('message sequence chart', () => {
  test('one arrow per call, in time order, with the units as lifelines', async () => {
    const { screen, user, store } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Sequence chart' }));
    const arrows = within(chart(screen)).getAllByRole('listitem');
    const txs = store.getState().analysis!.run.transmissions;
    expect(arrows).toHaveLength(txs.length);
    const inTimeOrder = [...txs].sort((p, q) => p.t - q.t).map((tx) => tx.id);
    expect(arrows.map((g) => g.getAttribute('data-tx'))).toEqual(inTimeOrder);
    expect(chart(screen).getAttribute('aria-label')).toBe(
      `Message sequence chart: ${txs.length} calls between JMSDF P-1, Gwanggaeto the Great, JMSDF headquarters`,
    );
    // The 2024 procedure adds the ship's answers and the headquarters' calls: the chart redraws with them.
    store.getState().setProcedure('jp-rok-2024');
    const more = store.getState().analysis!.run.transmissions.length;
    expect(more).toBeGreaterThan(txs.length);
    expect(within(chart(screen)).getAllByRole('listitem')).toHaveLength(more);
  });

  test('lost calls end in a cross labelled with the stage where they died', async () => {
    const { screen, store } = await openChart(mountApp());
    const a = store.getState().analysis!;
    const arrows = within(chart(screen)).getAllByRole('listitem');
    const arrowOf = (tx: string) => arrows.find((g) => g.getAttribute('data-tx') === tx)!;
    const crossesOf = (tx: string) =>
      within(arrowOf(tx))
        .queryAllByRole('img')
        .map((c) => c.getAttribute('aria-label'));
    const lostAt = (tx: string) => a.outcomes.filter((o) => o.tx.id === tx && isLost(o.failedAt)).map((o) => `✗ ${o.failedAt}`);
    for (const tx of a.run.transmissions) expect(crossesOf(tx.id)).toEqual(lostAt(tx.id));
    // Under the ROK account each of the three calls dies on its way to the ship, each at its own stage.
    const hails = hailsToShip(a);
    expect(hails.map((tx) => crossesOf(tx.id))).toEqual(hails.map((tx) => [`✗ ${outcomeOf(a, tx).failedAt}`]));
    expect(new Set(hails.map((tx) => outcomeOf(a, tx).failedAt)).size).toBe(hails.length);
    const first = arrowOf(hailOn(a, '121.5').id);
    expect(first.querySelector('.cross text')!.textContent).toBe(outcomeOf(a, hailOn(a, '121.5')).failedAt);
    // A lost call stops short of the recipient's lifeline; a delivered one reaches it with an arrowhead.
    expect(first.querySelector('.arrow')!.hasAttribute('marker-end')).toBe(false);
    const delivered = a.run.transmissions.find((tx) => lostAt(tx.id).length === 0)!;
    expect(delivered).toBeDefined();
    expect(arrowOf(delivered.id).querySelector('.arrow')!.getAttribute('marker-end')).toBe('url(#seq-arrow)');
  });

  test('no crosses when every call got through', async () => {
    const { screen } = await openChart(mountApp({ scenario: 'dec-2018-noto', account: 'rok', procedure: 'jp-rok-2024' }));
    expect(within(chart(screen)).queryAllByRole('img')).toHaveLength(0);
  });

  test('arrows after the playhead are dimmed; clicking an arrow seeks to the call', async () => {
    const { screen, store, user } = await openChart(mountApp());
    const txs = store.getState().analysis!.run.transmissions;
    const second = hailOn(store.getState().analysis!, '156.8');
    store.getState().seek(second.t);
    const arrows = within(chart(screen)).getAllByRole('listitem');
    const expected = txs.map((tx) => tx.t > second.t);
    expect(expected).toContain(true);
    expect(arrows.map((g) => g.classList.contains('future'))).toEqual(expected);
    expect(arrows[txs.indexOf(second)]!.classList.contains('current')).toBe(true);
    await user.click(arrows.at(-1)!);
    expect(store.getState().t).toBe(txs.at(-1)!.t);
    expect(arrows.map((g) => g.classList.contains('future'))).toEqual(txs.map(() => false));
  });

  test('"Copy as Mermaid" puts the chart on the clipboard and shows the text', async () => {
    const { screen, user, store } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Sequence chart' }));
    await user.click(screen.getByRole('button', { name: 'Copy as Mermaid' }));
    const copied = await navigator.clipboard.readText();
    expect(copied.startsWith('sequenceDiagram\n')).toBe(true);
    const a = store.getState().analysis!;
    const first = hailOn(a, '121.5');
    expect(copied).toContain(`p1-xddg971: ${clock(a, first.t)} ${first.id} on 121.5 (hail): ✗ ${outcomeOf(a, first).failedAt}`);
    const box = screen.getByRole('textbox', { name: 'Mermaid text' }) as HTMLTextAreaElement;
    expect(box.value).toBe(copied);
    expect(screen.getByText(/^Copied \d+ lines of Mermaid/)).toBeTruthy();
  });
});
