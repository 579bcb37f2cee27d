// Issue 17 item 1: presentation mode and the light theme. The header's buttons and the P key
// toggle presentation mode, Esc leaves it, P is ignored while typing; the caption shows the
// selected breakdown in the findings panel's words, in the reader's language; both ride in a link.
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp, mountLink, type Mounted } from './setup';
import { momentQuery } from '../../src/app/url';
import { breakdownText } from '../../src/app/panels/breakdowns';

const presentButton = (m: Mounted) => m.root.querySelector<HTMLButtonElement>('.present-toggle')!;
const caption = (m: Mounted) => m.root.querySelector<HTMLElement>('.present-caption')!;
/** The failed 121.5 MHz call under the ROK account: the breakdown a trainer shows. */
const failed121 = (m: Mounted) => m.store.getState().analysis!.breakdowns.find((b) => b.kind === 'ladder' && b.stage === 'receivable')!;

describe('presentation mode', () => {
  test('the header button enters and leaves it; the app says so with its class and the button with aria-pressed', async () => {
    const m = mountApp();
    const button = m.screen.getByRole('button', { name: 'Present' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await m.user.click(button);
    expect(m.store.getState().presenting).toBe(true);
    expect(m.root.classList.contains('presenting')).toBe(true);
    // The same button, now saying how to leave.
    expect(presentButton(m).textContent).toBe('Leave presentation (Esc)');
    expect(presentButton(m).getAttribute('aria-pressed')).toBe('true');
    await m.user.click(presentButton(m));
    expect(m.store.getState().presenting).toBe(false);
    expect(m.root.classList.contains('presenting')).toBe(false);
  });

  test('P toggles it and Esc leaves it; P typed into a text field is only typing', async () => {
    const m = mountApp();
    document.body.focus();
    await m.user.keyboard('p');
    expect(m.store.getState().presenting).toBe(true);
    await m.user.keyboard('{Escape}');
    expect(m.store.getState().presenting).toBe(false);
    await m.user.keyboard('P');
    expect(m.store.getState().presenting).toBe(true);
    await m.user.keyboard('p');
    expect(m.store.getState().presenting).toBe(false);
    // Typing in a text field: no toggle.
    const field = document.createElement('input');
    field.type = 'text';
    m.root.append(field);
    await m.user.click(field);
    await m.user.keyboard('pp');
    expect(field.value).toBe('pp');
    expect(m.store.getState().presenting).toBe(false);
  });

  test('the caption shows the selected breakdown as the findings panel words it, in the reader’s language', async () => {
    const m = mountApp();
    const b = failed121(m);
    m.store.getState().present(true);
    expect(caption(m).classList.contains('empty')).toBe(true);
    expect(caption(m).textContent).toContain('No breakdown selected');
    await m.user.click(within(m.root.querySelector<HTMLElement>('.findings')!).getByRole('button', { name: new RegExp(`\\b${b.id} \\d\\d:\\d\\d:\\d\\d$`) }));
    const a = m.store.getState().analysis!;
    expect(caption(m).classList.contains('empty')).toBe(false);
    expect(caption(m).textContent).toContain(`${b.id} · 15:04:05`);
    expect(caption(m).textContent).toContain(breakdownText(a, b, 'en'));
    expect(caption(m).textContent).toContain('121.5');
    m.store.getState().setLang('ja');
    expect(caption(m).textContent).toContain(breakdownText(a, b, 'ja'));
    expect(caption(m).textContent).not.toContain(breakdownText(a, b, 'en'));
  });
});

describe('light theme', () => {
  test('the header toggle switches the page to the light theme and back', async () => {
    const m = mountApp();
    const button = m.screen.getByRole('button', { name: 'Light theme' });
    await m.user.click(button);
    expect(m.store.getState().theme).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await m.user.click(button);
    expect(m.store.getState().theme).toBe('dark');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe('a link to a presentation', () => {
  test('the app in presentation mode, light, at a breakdown gives a link that opens the same', async () => {
    const m = mountApp();
    const b = failed121(m);
    m.store.getState().selectBreakdown(b.id);
    await m.user.click(m.screen.getByRole('button', { name: 'Present' }));
    await m.user.click(m.screen.getByRole('button', { name: 'Light theme' }));
    const link = momentQuery(m.store.getState());
    expect(link).toContain('present=1');
    expect(link).toContain('theme=light');
    m.store.getState().present(false);
    m.store.getState().setTheme('dark');

    const there = await mountLink(link);
    const s = there.store.getState();
    expect([s.presenting, s.theme, s.selectedBreakdown]).toEqual([true, 'light', b.id]);
    expect(there.root.classList.contains('presenting')).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(caption(there).textContent).toContain(b.id);
  });
});

describe('leaving with Esc', () => {
  test('Esc leaves presentation mode from the speed picker too, and does nothing when not presenting', async () => {
    const m = mountApp();
    m.store.getState().present(true);
    const speed = m.root.querySelector<HTMLSelectElement>('.timeline select')!;
    speed.focus();
    await m.user.keyboard('{Escape}');
    expect(m.store.getState().presenting).toBe(false);
    await m.user.keyboard('{Escape}');
    expect(m.store.getState().presenting).toBe(false);
  });
});
