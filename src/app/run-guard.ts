/**
 * A run that never finished. The app runs simulations on the page; a file that made a run hang
 * or crash the tab would, after a reload that restores the same drafts and link, do it again and
 * brick the app. So each run marks its start in storage and clears the mark when it ends; a mark
 * found at start-up means the last run never ended, and the app then opens without the last
 * draft and link (keeping every draft) and says so.
 */
import type { StorageLike } from './editor/drafts';

export const RUNNING_KEY = 'encounter-sim:running';

export interface UnfinishedRun {
  /** The file the run was made from. */
  file: string;
  /** The page's address then (its search part), to offer it again. */
  search: string;
}

function storage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** Runs `run` with the mark set; the mark stays only if the page dies inside it. */
export function guardedRun<T>(file: string, run: () => T, store: StorageLike | null = storage()): T {
  try {
    store?.setItem(RUNNING_KEY, JSON.stringify({ file, search: typeof window !== 'undefined' ? window.location.search : '' }));
  } catch {
    // No storage: nothing to guard against after a reload either.
  }
  try {
    return run();
  } finally {
    try {
      store?.removeItem(RUNNING_KEY);
    } catch {
      // As above.
    }
  }
}

/** The run that was under way when the page last stopped, once: the mark is cleared as it is read. */
export function takeUnfinishedRun(store: StorageLike | null = storage()): UnfinishedRun | null {
  try {
    const raw = store?.getItem(RUNNING_KEY) ?? null;
    if (raw === null) return null;
    store?.removeItem(RUNNING_KEY);
    const v = JSON.parse(raw) as Partial<UnfinishedRun>;
    return { file: typeof v.file === 'string' ? v.file : 'a file', search: typeof v.search === 'string' ? v.search : '' };
  } catch {
    return { file: 'a file', search: '' };
  }
}
