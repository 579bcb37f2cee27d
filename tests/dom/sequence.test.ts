import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';

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
    expect(arrows.map((g) => g.getAttribute('data-tx'))).toEqual(['tx-1', 'tx-2', 'tx-3', 'tx-4']);
    expect(chart(screen).getAttribute('aria-label')).toBe('Message sequence chart: 4 calls between JMSDF P-1, Gwanggaeto the Great, JMSDF headquarters');
    store.getState().setProcedure('jp-rok-2024');
    expect(within(chart(screen)).getAllByRole('listitem')).toHaveLength(store.getState().analysis!.run.transmissions.length);
    expect(within(chart(screen)).getAllByRole('listitem')).toHaveLength(10);
  });

  test('lost calls end in a cross labelled with the stage where they died', async () => {
    const { screen } = await openChart(mountApp());
    const arrows = within(chart(screen)).getAllByRole('listitem');
    const crossesOf = (tx: string) =>
      within(arrows.find((g) => g.getAttribute('data-tx') === tx)!)
        .queryAllByRole('img')
        .map((c) => c.getAttribute('aria-label'));
    expect(crossesOf('tx-1')).toEqual(['✗ receivable']);
    expect(crossesOf('tx-2')).toEqual([]);
    expect(crossesOf('tx-3')).toEqual(['✗ understood']);
    expect(crossesOf('tx-4')).toEqual(['✗ heard']);
    const tx1 = arrows[0]!;
    expect(tx1.querySelector('.cross text')!.textContent).toBe('receivable');
    // A lost call stops short of the recipient's lifeline; a delivered one reaches it with an arrowhead.
    expect(tx1.querySelector('.arrow')!.hasAttribute('marker-end')).toBe(false);
    expect(arrows[1]!.querySelector('.arrow')!.getAttribute('marker-end')).toBe('url(#seq-arrow)');
  });

  test('no crosses when every call got through', async () => {
    const { screen } = await openChart(mountApp({ scenario: 'dec-2018-noto', account: 'rok', procedure: 'jp-rok-2024' }));
    expect(within(chart(screen)).queryAllByRole('img')).toHaveLength(0);
  });

  test('arrows after the playhead are dimmed; clicking an arrow seeks to the call', async () => {
    const { screen, store, user } = await openChart(mountApp());
    store.getState().seek(600);
    const arrows = within(chart(screen)).getAllByRole('listitem');
    expect(arrows.map((g) => g.classList.contains('future'))).toEqual([false, false, false, true]);
    expect(arrows[2]!.classList.contains('current')).toBe(true);
    await user.click(arrows[3]!);
    expect(store.getState().t).toBe(650);
    expect(arrows.map((g) => g.classList.contains('future'))).toEqual([false, false, false, false]);
  });

  test('"Copy as Mermaid" puts the chart on the clipboard and shows the text', async () => {
    const { screen, user } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Sequence chart' }));
    await user.click(screen.getByRole('button', { name: 'Copy as Mermaid' }));
    const copied = await navigator.clipboard.readText();
    expect(copied.startsWith('sequenceDiagram\n')).toBe(true);
    expect(copied).toContain('p1-xddg971: 15:02:50 tx-1 on 121.5 (hail): ✗ receivable');
    const box = screen.getByRole('textbox', { name: 'Mermaid text' }) as HTMLTextAreaElement;
    expect(box.value).toBe(copied);
    expect(screen.getByText(/^Copied \d+ lines of Mermaid/)).toBeTruthy();
  });
});
