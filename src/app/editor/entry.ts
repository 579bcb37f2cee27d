/**
 * The editor's small, always-loaded part: the "Edit" toggle in the header, the pane the editor
 * fills, opening files dropped anywhere on the page, and reopening the editor with its draft
 * after a reload. CodeMirror and the editor itself (./editor.ts) are loaded with a dynamic
 * import the first time they are needed, so the replay's first paint never waits for them.
 */
import { kindOf } from '../../core/check';
import type { Diagnostic } from '../../core/diagnostics';
import { wordsOf } from '../said';
import { addUserProcedure, shippedProcedures, shippedScenarios } from '../catalog';
import { h, type View } from '../dom';
import type { AppStore } from '../store';
import { createDraftStore, type DraftStore } from './drafts';
import type { Editor, EditorOptions } from './editor';

declare global {
  interface Window {
    /** Test and console hook: the editor's entry (open, close, the loaded editor). */
    encounterSimEditor?: EditorEntry;
  }
}

type EditorModule = { mountEditor: (pane: HTMLElement, store: AppStore, opts?: EditorOptions) => Editor };

export interface EditorEntry extends View {
  /** Shows the editor (loading it if needed) with `file`, or the last file, or the scenario on screen. */
  open(file?: string): Promise<Editor | null>;
  close(): void;
  /** Opens `file` in the editor with the cursor on `line`. */
  show(file: string, line: number): Promise<void>;
  /** The loaded editor, if any (tests and the console). */
  editor(): Editor | null;
}

export interface EditorEntryOptions {
  drafts?: DraftStore;
  win?: Window;
  load?: () => Promise<EditorModule>;
  /** Reopen the editor if it was open when the page was left (default true). */
  restore?: boolean;
  debounceMs?: number;
}

/** What the author reads when the editor's code could not be loaded, on the pane and in the problems. */
export function loadFailure(err: unknown): { notice: string; problem: Diagnostic } {
  const why = err instanceof Error ? err.message : String(err);
  return {
    notice: `The editor could not be loaded: ${why}. Your drafts are kept in this browser.`,
    problem: { file: 'editor', line: 1, col: 1, severity: 'error', path: '', message: `the editor could not be loaded: ${why}` },
  };
}

/**
 * Files dragged over the page show `overlay`; a dropped file goes to `onFile` (the page does not
 * navigate to it). Returns the function that stops watching.
 */
export function watchDroppedFiles(win: Window, overlay: HTMLElement, onFile: (file: File) => void): () => void {
  const hasFiles = (ev: DragEvent) => !!ev.dataTransfer && [...ev.dataTransfer.types].includes('Files');
  const onDragOver = (ev: DragEvent) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy';
    overlay.hidden = false;
  };
  const onDragLeave = (ev: DragEvent) => {
    if (!ev.relatedTarget) overlay.hidden = true;
  };
  const onDrop = (ev: DragEvent) => {
    overlay.hidden = true;
    const file = ev.dataTransfer?.files?.[0];
    if (!file) return;
    ev.preventDefault();
    onFile(file);
  };
  win.addEventListener('dragover', onDragOver);
  win.addEventListener('dragleave', onDragLeave);
  win.addEventListener('drop', onDrop);
  return () => {
    win.removeEventListener('dragover', onDragOver);
    win.removeEventListener('dragleave', onDragLeave);
    win.removeEventListener('drop', onDrop);
  };
}

const isShipped = (file: string) => [...shippedScenarios, ...shippedProcedures].some((e) => e.file === file);

/** Registers every procedure kept as a draft, so scenarios naming one by id or path run with it. */
export function registerDraftProcedures(drafts: DraftStore): number {
  let n = 0;
  for (const d of drafts.list()) {
    try {
      if (kindOf(d.text, d.file) === 'procedure') {
        addUserProcedure({ file: d.file, text: d.text });
        n++;
      }
    } catch {
      // A draft too broken to read is registered when it is opened and fixed.
    }
  }
  return n;
}

/** The editor's pane (hidden), the header's "Edit" toggle with its drafts badge, and the drop overlay. */
function entryElements() {
  const pane = h('section', { id: 'editor-pane', class: 'panel editor-pane', 'aria-label': 'Editor', hidden: true });
  const badge = h('span', { class: 'edit-badge', hidden: true });
  const toggleWords = h('span', {});
  const toggle = h(
    'button',
    { type: 'button', id: 'edit-toggle', class: 'toggle', 'aria-pressed': 'false', 'aria-controls': 'editor-pane' },
    toggleWords,
    badge,
  );
  const dropWords = h('p', {});
  const overlay = h('div', { class: 'drop-overlay', hidden: true, 'aria-hidden': 'true' }, dropWords);
  return { pane, badge, toggle, toggleWords, dropWords, overlay };
}

export function mountEditorEntry(app: HTMLElement, header: HTMLElement, store: AppStore, opts: EditorEntryOptions = {}): EditorEntry {
  const win = opts.win ?? window;
  const drafts = opts.drafts ?? createDraftStore();
  const load = opts.load ?? (() => import('./editor'));
  const { pane, badge, toggle, toggleWords, dropWords, overlay } = entryElements();
  (header.querySelector('.pickers') ?? header).append(toggle);
  app.append(pane, overlay);

  let editor: Editor | null = null;
  let loading: Promise<Editor | null> | null = null;
  let destroyed = false;

  const refreshBadge = () => {
    const n = drafts.list().length;
    const w = wordsOf(store);
    toggleWords.textContent = w('app-tools.editor.edit');
    toggle.title = w('app-tools.editor.edit-title');
    dropWords.textContent = w('app-tools.editor.drop');
    badge.hidden = n === 0;
    badge.textContent = String(n);
    toggle.setAttribute('aria-label', w('app-tools.editor.edit-label', { n }));
  };
  const unwatchLang = store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) refreshBadge();
  });

  const showPane = (on: boolean) => {
    pane.hidden = !on;
    app.classList.toggle('editing', on);
    toggle.setAttribute('aria-pressed', String(on));
    // The plot sizes itself to its box; tell it the box changed.
    win.dispatchEvent(new Event('resize'));
  };

  const fail = (err: unknown) => {
    console.error('editor could not be loaded', err);
    const { notice, problem } = loadFailure(err);
    pane.replaceChildren(h('p', { class: 'editor-failed', role: 'alert' }, notice));
    store.setState({ diagnostics: [...store.getState().diagnostics, problem] });
  };

  const ensure = (): Promise<Editor | null> => {
    if (editor) return Promise.resolve(editor);
    if (!loading) {
      pane.replaceChildren(h('p', { class: 'muted editor-loading' }, 'Loading the editor…'));
      loading = load()
        .then((m) => {
          if (destroyed) return null;
          editor = m.mountEditor(pane, store, {
            drafts,
            ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}),
            onClose: () => close(),
          });
          document.body.dataset.editor = 'ready';
          return editor;
        })
        .catch((err) => {
          loading = null;
          fail(err);
          return null;
        });
    }
    return loading;
  };

  const open = async (file?: string): Promise<Editor | null> => {
    showPane(true);
    const ed = await ensure();
    if (!ed) return null;
    try {
      const s = store.getState();
      const session = drafts.session();
      const wanted = file ?? ed.file() ?? session.file ?? null;
      const opened = wanted ? ed.openByName(wanted) : false;
      if (!opened && !ed.file()) {
        // The scenario on screen: shipped or a draft by name, otherwise its text as opened.
        if (!(s.scenarioFile && ed.openByName(s.scenarioFile)) && s.scenarioText) ed.openText(s.scenarioFile || 'scenario.yaml', s.scenarioText, 'disk');
      }
      refreshBadge();
    } catch (err) {
      console.error('editor: could not open a file', err);
    }
    return ed;
  };

  const close = () => {
    showPane(false);
    drafts.setSession({ ...drafts.session(), open: false, file: editor?.file() ?? drafts.session().file });
    refreshBadge();
    toggle.focus();
  };

  toggle.addEventListener('click', () => {
    if (pane.hidden) void open().then((ed) => ed?.focus());
    else close();
  });

  // --- files dropped anywhere on the page
  const unwatchDrops = watchDroppedFiles(win, overlay, (file) => void open().then((ed) => ed?.openFile(file, 'drop').then(refreshBadge)));

  // --- after a reload: procedures kept as drafts are known again, and an open editor reopens
  const startup = setTimeout(() => {
    try {
      registerDraftProcedures(drafts);
      refreshBadge();
      const session = drafts.session();
      if ((opts.restore ?? true) && session.open && session.file && (drafts.get(session.file) || isShipped(session.file))) void open(session.file);
    } catch (err) {
      console.error('editor: restoring the session failed', err);
    }
  }, 0);
  refreshBadge();

  const entry: EditorEntry = {
    open,
    close,
    async show(file, line) {
      const ed = await open(file);
      if (ed?.file() === file) ed.goTo(line);
    },
    editor: () => editor,
    destroy() {
      destroyed = true;
      clearTimeout(startup);
      unwatchDrops();
      unwatchLang();
      editor?.destroy();
      pane.remove();
      overlay.remove();
      toggle.remove();
      if (win.encounterSimEditor === entry) delete win.encounterSimEditor;
    },
  };
  win.encounterSimEditor = entry;
  return entry;
}
