import { describe, expect, test } from 'vitest';
import { fireEvent, within } from '@testing-library/dom';
import { mountApp } from './setup';
import { clock } from './run-facts';

describe('timeline', () => {
  test('the play button starts and pauses playback and says which it will do', async () => {
    const { store, user, screen } = mountApp();
    const play = screen.getByRole('button', { name: 'Play' });
    await user.click(play);
    expect(store.getState().playing).toBe(true);
    expect(play).toHaveProperty('textContent', '❚❚ Pause');
    expect(screen.getByRole('button', { name: 'Pause' })).toBe(play);
    await user.click(play);
    expect(store.getState().playing).toBe(false);
    expect(screen.getByRole('button', { name: 'Play' })).toBe(play);
  });

  test('Space toggles play, ] and [ change speed, shown in the speed picker', async () => {
    const { store, user, screen } = mountApp();
    const speed = screen.getByRole('combobox', { name: 'Speed' }) as HTMLSelectElement;
    expect(speed.value).toBe('8');
    await user.keyboard(' ');
    expect(store.getState().playing).toBe(true);
    await user.keyboard(' ');
    expect(store.getState().playing).toBe(false);
    await user.keyboard(']');
    expect(store.getState().speed).toBe(16);
    expect(speed.value).toBe('16');
    await user.keyboard('[[[[[[');
    expect(store.getState().speed).toBe(2);
    expect(speed.value).toBe('2');
  });

  test('shortcuts stay out of the way while a picker has focus', async () => {
    const { store, user, screen } = mountApp();
    screen.getByRole('combobox', { name: 'Account' }).focus();
    await user.keyboard(']');
    await user.keyboard('{ArrowRight}');
    expect(store.getState().speed).toBe(8);
    expect(store.getState().t).toBe(0);
  });

  test('Right and Left step between events, Home and End go to the ends; the clock follows', async () => {
    const { store, user, screen } = mountApp();
    const clock = screen.getByRole('status', { name: 'Scenario clock' });
    expect(clock.textContent).toBe('14:54:00 JST/KST');
    const next = store.getState().replay!.nextEventTime(0)!;
    await user.keyboard('{ArrowRight}');
    expect(store.getState().t).toBe(next);
    expect(next).toBeGreaterThan(0);
    await user.keyboard('{End}');
    expect(store.getState().t).toBe(1200);
    expect(clock.textContent).toBe('15:14:00 JST/KST');
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().t).toBeLessThan(1200);
    await user.keyboard('{Home}');
    expect(store.getState().t).toBe(0);
  });

  test('each breakdown has a marker named for it; clicking one seeks there', async () => {
    const { store, user, screen } = mountApp();
    const markers = within(screen.getByRole('group', { name: 'Breakdowns on the timeline' })).getAllByRole('button');
    expect(markers).toHaveLength(store.getState().analysis!.breakdowns.length);
    // The first breakdown on the delivery ladder: a call lost on its way to the ship.
    const a = store.getState().analysis!;
    const b = a.breakdowns.find((x) => x.kind === 'ladder')!;
    expect(b.t).toBeGreaterThan(0);
    const marker = screen.getByRole('button', { name: `Breakdown ${b.id} at ${clock(a, b.t)}: stopped at ${b.stage}` });
    await user.click(marker);
    expect(store.getState().t).toBe(b.t);
    expect(store.getState().selectedBreakdown).toBe(b.id);
    expect((screen.getByRole('slider', { name: 'Playhead' }) as HTMLInputElement).value).toBe(String(b.t));
    expect(screen.getByRole('status', { name: 'Scenario clock' }).textContent).toBe(`${clock(a, b.t)} JST/KST`);
    expect(marker.getAttribute('aria-pressed')).toBe('true');
  });

  test('the step and breakdown buttons move the playhead', async () => {
    const { store, user, screen } = mountApp();
    await user.click(screen.getByRole('button', { name: 'Next breakdown' }));
    const first = store.getState().analysis!.breakdowns.find((b) => b.t > 0)!;
    expect(store.getState().t).toBe(first.t);
    await user.click(screen.getByRole('button', { name: 'Next event' }));
    expect(store.getState().t).toBeGreaterThan(first.t);
    await user.click(screen.getByRole('button', { name: 'Previous event' }));
    expect(store.getState().t).toBe(first.t);
  });

  test('dragging the scrubber seeks', () => {
    const { store, screen } = mountApp();
    const slider = screen.getByRole('slider', { name: 'Playhead' }) as HTMLInputElement;
    expect(slider.max).toBe('1200');
    fireEvent.input(slider, { target: { value: '605' } });
    expect(store.getState().t).toBe(605);
    expect(screen.getByRole('status', { name: 'Scenario clock' }).textContent).toBe('15:04:05 JST/KST');
  });
});
