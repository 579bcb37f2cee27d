// Script actions that wait for an event (on:): which events set them off, and only once.
import { describe, expect, it } from 'vitest';
import { scriptBook, setOff } from '../../src/core/engine/scripts';
import type { Action } from '../../src/core/scenario/model';

const waiting = (id: string, on: Record<string, unknown>): Action =>
  ({ id, index: 0, unit: 'ship', do: 'judge', threatening: true, on: { afterS: 0, ...on } }) as unknown as Action;

describe('script actions waiting for an event', () => {
  it('fires on the event at the unit it names, once per run', () => {
    const book = scriptBook([waiting('a1', { event: 'radar-detected', unit: 'ship' })]);
    expect(setOff(book, 'radar-detected', 'other-ship', 'p1')).toEqual([]);
    expect(setOff(book, 'call-received', 'ship', 'p1')).toEqual([]);
    expect(setOff(book, 'radar-detected', 'ship', 'p1').map((a) => a.id)).toEqual(['a1']);
    expect(setOff(book, 'radar-detected', 'ship', 'p1')).toEqual([]);
  });

  it('waits for the other unit it names, and for a range below the one it gives', () => {
    const book = scriptBook([waiting('a1', { event: 'range-below', other: 'ship', rangeM: 1000 }), waiting('a2', { event: 'range-below', rangeM: 2000 })]);
    expect(setOff(book, 'range-below', 'p1', 'boat', 500).map((a) => a.id)).toEqual(['a2']);
    expect(setOff(book, 'range-below', 'p1', 'ship', 1500)).toEqual([]);
    expect(setOff(book, 'range-below', 'p1', 'ship', 900).map((a) => a.id)).toEqual(['a1']);
  });
});
