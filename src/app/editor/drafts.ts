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
    };
  } catch {
    return null;
  }
}

/** `storage` defaults to window.localStorage when it can be reached; otherwise an in-memory store. */
export function createDraftStore(storage: StorageLike | null = defaultStorage(), now: () => number = Date.now): DraftStore {
  const store: StorageLike = storage ?? memoryStorage();
  const key = (file: string) => `${DRAFT_PREFIX}${file}`;
  const write = (d: Draft): string | null => {
    try {
      store.setItem(key(d.file), JSON.stringify({ text: d.text, saved: d.saved, updated: d.updated, savedAt: d.savedAt, replaced: d.replaced ?? null }));
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
  return {
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
      return write({ file, text, saved: d?.saved ?? null, savedAt: d?.savedAt ?? null, updated: now(), replaced: d?.replaced ?? null });
    },
    save(file, text) {
      const d = get(file);
      const t = now();
      return write({ file, text, saved: text, savedAt: t, updated: t, replaced: d?.replaced ?? null });
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
