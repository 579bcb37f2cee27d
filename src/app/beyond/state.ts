/**
 * What the Compare, Paths, Sweep tabs and the debrief export share: the comparison made last,
 * kept only while its side A is still the run on screen.
 */
import { createStore } from 'zustand/vanilla';
import type { Analysis } from '../../core/analysis/report';
import type { Comparison } from '../../core/compare/compare';

export interface MadeComparison {
  a: Analysis;
  b: Analysis;
  comparison: Comparison;
  /** Side B's settings as picked. */
  side: { account: string | null; procedure: string };
}

export interface BeyondState {
  made: MadeComparison | null;
}

export type BeyondStore = ReturnType<typeof createBeyondStore>;

export function createBeyondStore() {
  return createStore<BeyondState>()(() => ({ made: null }));
}

/** The comparison to show or export for `current`, or null when it was made for another run. */
export function comparisonFor(made: MadeComparison | null, current: Analysis | null): MadeComparison | null {
  return made && current && made.a === current ? made : null;
}

/** watch() for the beyond store: calls fn now and whenever the picked value changes. */
export function watchBeyond<T>(store: BeyondStore, pick: (s: BeyondState) => T, fn: (v: T) => void): () => void {
  let last = pick(store.getState());
  fn(last);
  return store.subscribe((s) => {
    const v = pick(s);
    if (Object.is(v, last)) return;
    last = v;
    fn(v);
  });
}
