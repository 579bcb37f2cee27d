/**
 * Drafts of scenario and procedure files, kept in localStorage per file name, so a reload or a
 * crash loses nothing. Every change is written at once (autosave); "Save" also records the text as
 * the saved version, so the author can tell and revert what changed since. Storage can fail (quota,
 * private mode, a disabled store): every call catches and reports instead of throwing.
 *
 * Pure apart from the Storage it is given: tests pass a fake.
 */
import { byCodePoint } from '../../core/order';

export interface Draft {
  /** File name as shown in diagnostics, e.g. "scenarios/dec-2018-noto.yaml" or "my-file.yaml". */
  file: string;
  /** Working text: what the editor shows, written on every change. */
  text: string;
  /** Text at the last explicit Save; null when never saved. */
  saved: string | null;
  /** Epoch ms of the last autosave and of the last Save. */
  updated: number;
  savedAt: number | null;
  /** A draft that an opened file replaced, kept so opening a file never loses one. */
  replaced?: { text: string; updated: number } | null;
  /** Which tab wrote this version, and its count there: another tab's write shows as a different stamp. */
  stamp?: string;
}

/** Which file the editor had open, so a reload reopens it. */
export interface EditorSession {
  open: boolean;
  file: string | null;
  /** Cursor offset in that file, to put the author back where they were. */
  cursor?: number;
}

/** The part of the Web Storage API drafts use (localStorage, or a fake in tests). */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DraftStore {
  list(): Draft[];
  get(file: string): Draft | null;
  /** Autosave: keeps `text` as the working text. Returns an error message, or null when stored. */
  put(file: string, text: string): string | null;
  /** Save: the working text becomes the saved version too. */
  save(file: string, text: string): string | null;
  /** Replaces the working text with an opened file's, keeping a differing draft in `replaced`. */
  replaceWith(file: string, text: string): string | null;
  /** Drops the draft kept aside by replaceWith. */
  forgetReplaced(file: string): void;
  /**
   * The draft as the editor opens it: from now on a write to it by another tab (two tabs on one
   * file) is noticed by this tab's next put or save, which keeps both texts.
   */
  open(file: string): Draft | null;
  /** The other tab's text that this tab's last put or save kept aside, once; null when there was no conflict. */
  takeConflict(file: string): { text: string; updated: number } | null;
  remove(file: string): void;
  session(): EditorSession;
  setSession(s: EditorSession): void;
}

export const DRAFT_PREFIX = 'encounter-sim:draft:';
export const SESSION_KEY = 'encounter-sim:editor';

function storageError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return "the browser's storage for this site is full: download the file to keep it";
  return `the draft could not be stored (${(e as Error)?.message ?? String(e)}): download the file to keep it`;
}

function parseDraft(raw: string | null, file: string): Draft | null {
  if (raw === null) return null;
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d?.text !== 'string') return null;
    return {
      file,
      text: d.text,
      saved: typeof d.saved === 'string' ? d.saved : null,
      updated: typeof d.updated === 'number' ? d.updated : 0,
      savedAt: typeof d.savedAt === 'number' ? d.savedAt : null,
      replaced: d.replaced && typeof d.replaced.text === 'string' ? { text: d.replaced.text, updated: Number(d.replaced.updated) || 0 } : null,
      ...(typeof d.stamp === 'string' ? { stamp: d.stamp } : {}),
    };
  } catch {
    return null;
  }
}

/** `storage` defaults to window.localStorage when it can be reached; otherwise an in-memory store. */
export function createDraftStore(storage: StorageLike | null = defaultStorage(), now: () => number = Date.now, tab: string = newTabId()): DraftStore {
  const store: StorageLike = storage ?? memoryStorage();
  const key = (file: string) => `${DRAFT_PREFIX}${file}`;
  /** The stamp of each draft as this tab last read or wrote it ('' for no draft). */
  const seen = new Map<string, string>();
  const conflicts = new Map<string, { text: string; updated: number }>();
  let writes = 0;
  const write = (d: Draft): string | null => {
    try {
      const stamp = `${tab}#${++writes}`;
      store.setItem(key(d.file), JSON.stringify({ text: d.text, saved: d.saved, updated: d.updated, savedAt: d.savedAt, replaced: d.replaced ?? null, stamp }));
      seen.set(d.file, stamp);
      return null;
    } catch (e) {
      return storageError(e);
    }
  };
  const get = (file: string): Draft | null => {
    try {
      return parseDraft(store.getItem(key(file)), file);
    } catch {
      return null;
    }
  };
  /**
   * What this tab is about to overwrite, when another tab wrote the draft since this tab opened or
   * last wrote it: that text is kept aside (in `replaced`) instead of being lost to the last typist.
   */
  const otherTabsText = (file: string, d: Draft | null): { text: string; updated: number } | null => {
    const mine = seen.get(file);
    if (mine === undefined || !d || (d.stamp ?? '') === mine) return null;
    return { text: d.text, updated: d.updated };
  };
  return {
    open(file) {
      const d = get(file);
      seen.set(file, d?.stamp ?? '');
      return d;
    },
    takeConflict(file) {
      const c = conflicts.get(file) ?? null;
      conflicts.delete(file);
      return c;
    },
    list() {
      const out: Draft[] = [];
      try {
        for (let i = 0; i < store.length; i++) {
          const k = store.key(i);
          if (!k?.startsWith(DRAFT_PREFIX)) continue;
          const d = get(k.slice(DRAFT_PREFIX.length));
          if (d) out.push(d);
        }
      } catch {
        // An unreadable store lists nothing rather than breaking the editor.
      }
      return out.sort((a, b) => b.updated - a.updated || byCodePoint(a.file, b.file));
    },
    get,
    put(file, text) {
      const d = get(file);
      const theirs = otherTabsText(file, d);
      if (theirs) conflicts.set(file, theirs);
      return write({ file, text, saved: d?.saved ?? null, savedAt: d?.savedAt ?? null, updated: now(), replaced: theirs ?? d?.replaced ?? null });
    },
    save(file, text) {
      const d = get(file);
      const theirs = otherTabsText(file, d);
      if (theirs) conflicts.set(file, theirs);
      const t = now();
      return write({ file, text, saved: text, savedAt: t, updated: t, replaced: theirs ?? d?.replaced ?? null });
    },
    replaceWith(file, text) {
      const d = get(file);
      const keep = d && d.text !== text ? { text: d.text, updated: d.updated } : (d?.replaced ?? null);
      return write({ file, text, saved: d?.saved ?? null, savedAt: d?.savedAt ?? null, updated: now(), replaced: keep });
    },
    forgetReplaced(file) {
      const d = get(file);
      if (d?.replaced) write({ ...d, replaced: null });
    },
    remove(file) {
      try {
        store.removeItem(key(file));
      } catch {
        // Nothing to do: the draft stays, which loses nothing.
      }
    },
    session() {
      try {
        const raw = store.getItem(SESSION_KEY);
        const s = raw ? (JSON.parse(raw) as Partial<EditorSession>) : null;
        return {
          open: s?.open === true,
          file: typeof s?.file === 'string' ? s.file : null,
          ...(typeof s?.cursor === 'number' && s.cursor >= 0 ? { cursor: s.cursor } : {}),
        };
      } catch {
        return { open: false, file: null };
      }
    },
    setSession(s) {
      try {
        store.setItem(SESSION_KEY, JSON.stringify(s));
      } catch {
        // Losing the session only means the editor does not reopen by itself.
      }
    },
  };
}

/** A name for this page's tab: two tabs open on one draft tell their writes apart by it. */
function newTabId(): string {
  try {
    return globalThis.crypto.randomUUID().slice(0, 8);
  } catch {
    return `t${Math.floor(Math.random() * 1e9).toString(36)}`;
  }
}

function defaultStorage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null; // e.g. storage disabled by the browser's privacy settings
  }
}

/** A Storage in memory (tests, or a browser without localStorage). */
export function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}
