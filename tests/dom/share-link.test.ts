// Issue 17 item 4: a moment is complete when shared. "Copy link" gives the address of the view on
// screen, and opening that address shows the same view.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp, mountLink, unmount, type Mounted } from './setup';

/** Puts a clipboard in place of the browser's (user-event installs its own at setup). */
function stubClipboard(writeText: ((text: string) => Promise<void>) | null) {
  Object.defineProperty(window.navigator, 'clipboard', { value: writeText ? { writeText } : undefined, configurable: true });
}

afterEach(() => vi.restoreAllMocks());

const findings = (m: Mounted) => m.root.querySelector<HTMLElement>('.findings')!;
const details = (m: Mounted) => m.root.querySelector<HTMLElement>('.lower')!;
const openTab = (panel: HTMLElement) => within(panel).getByRole('tab', { selected: true }).id;

/** A view that differs from what a run opens with in every part a link keeps. */
async function setUpView(m: Mounted) {
  const s = m.store.getState();
  const bd = s.replay!.breakdowns[1]!;
  await m.user.click(within(findings(m)).getByRole('button', { name: new RegExp(`\\b${bd.id} \\d\\d:\\d\\d:\\d\\d$`) }));
  expect(m.store.getState().selectedBreakdown).toBe(bd.id);
  // After picking the breakdown, the reader picks one unit of their own and moves the playhead on.
  const unit = s.analysis!.run.scenario.units.find((u) => !bd.units.includes(u.id))!.id;
  m.store.getState().selectUnit(unit);
  m.store.getState().seek(bd.t + 42.5);
  await m.user.click(m.screen.getByRole('tab', { name: 'Scorecard' }));
  await m.user.click(m.screen.getByRole('tab', { name: 'Sequence chart' }));
  return { breakdown: bd.id, unit, t: bd.t + 42.5 };
}

describe('Copy link', () => {
  test('the link the button copies opens the same view: time, breakdown, unit and both open tabs', async () => {
    const a = mountApp();
    const view = await setUpView(a);
    const writeText = vi.fn((_text: string) => Promise.resolve());
    stubClipboard(writeText);
    await a.user.click(a.screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(a.root.querySelector('.copy-link-said')!.textContent).toBe('Link copied');
    expect(a.root.querySelector('.copy-link-said')!.getAttribute('role')).toBe('status');
    const link = new URL(writeText.mock.calls[0]![0]);
    expect(link.pathname).toBe(window.location.pathname);
    unmount(a);

    const b = await mountLink(link.search);
    const s = b.store.getState();
    expect([s.scenarioId, s.account]).toEqual(['dec-2018-noto', 'rok']);
    expect(s.selectedBreakdown).toBe(view.breakdown);
    expect(s.selectedUnits).toEqual([view.unit]);
    expect(s.t).toBe(view.t);
    expect(s.openTabs).toEqual({ findings: 'scorecard', details: 'sequence' });
    // The panels show it, not only the store: the link's tabs are the ones open.
    expect(openTab(findings(b))).toBe('findings-tab-scorecard');
    expect(openTab(details(b))).toBe('details-tab-sequence');
    expect(b.root.querySelector(`[data-breakdown="${view.breakdown}"]`)!.getAttribute('aria-current')).toBe('true');
  });

  test('ids the run does not have are left out, and the rest of the link still opens', async () => {
    const m = await mountLink('?scenario=dec-2018-noto&account=rok&t=100&breakdown=B999&unit=ghost,ddg971&findings=nowhere&details=sequence');
    const s = m.store.getState();
    expect([s.scenarioId, s.account, s.t]).toEqual(['dec-2018-noto', 'rok', 100]);
    expect(s.selectedBreakdown).toBeNull();
    expect(s.selectedUnits).toEqual(['ddg971']);
    expect(openTab(findings(m))).toBe('findings-tab-breakdowns');
    expect(openTab(details(m))).toBe('details-tab-sequence');
    // The store says what is shown, so the address written next no longer names the missing tab.
    expect(s.openTabs).toEqual({ findings: 'breakdowns', details: 'sequence' });
  });

  test('where the clipboard refuses, the address is shown in a field to copy by hand', async () => {
    const m = mountApp();
    await setUpView(m);
    const writeText = vi.fn((_text: string) => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    stubClipboard(writeText);
    await m.user.click(m.screen.getByRole('button', { name: 'Copy link' }));
    const field = m.screen.getByRole('textbox', { name: 'Link to this view' }) as HTMLInputElement;
    expect(field.closest('label')!.hidden).toBe(false);
    expect(field.value).toBe(writeText.mock.calls[0]![0]);
    expect(field.readOnly).toBe(true);
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
    expect(m.screen.queryByText('Link copied')).toBeNull();
    expect(new URL(field.value).searchParams.get('findings')).toBe('scorecard');

    // No clipboard at all (an insecure origin): the same field.
    unmount(m);
    const n = mountApp();
    stubClipboard(null);
    await n.user.click(n.screen.getByRole('button', { name: 'Copy link' }));
    const again = n.screen.getByRole('textbox', { name: 'Link to this view' }) as HTMLInputElement;
    expect(new URL(again.value).searchParams.get('scenario')).toBe('dec-2018-noto');
  });
});
