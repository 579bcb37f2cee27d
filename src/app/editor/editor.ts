/**
 * The scenario and procedure editor (CodeMirror 6, YAML). Loaded on demand by ./entry.ts, so the
 * replay's first paint never waits for it.
 *
 * - Open a shipped file, a draft, a file from disk or a dropped file, or start from a template
 *   (./opening.ts, ./picker.ts).
 * - Problems inline as you type: the same checker as `npm run check` (checkFile), shown through
 *   @codemirror/lint after a short pause, and listed below the text as file:line:col
 *   (./checking.ts, ./problems-list.ts).
 * - Completion from the JSON Schema and the document (./completion.ts, ./completion-source.ts).
 * - Each valid edit re-runs the plot and panels (./run-draft.ts); broken text keeps the last good run.
 * - Every change is autosaved as a draft (./drafts.ts, ./draft-actions.ts); Save marks a version;
 *   Download writes a file.
 * Every handler is guarded (./editor-context.ts): a failure is shown as a problem, and the draft is
 * never dropped. The words the author reads are ./editor-model.ts; the CodeMirror setup is ./extensions.ts.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { hasErrors } from '../../core/diagnostics';
import type { FileKind } from '../../core/check';
import { shippedProcedures, shippedScenarios } from '../catalog';
import type { View } from '../dom';
import type { AppStore } from '../store';
import { createChecker } from './checking';
import { completionSource } from './completion-source';
import { createDraftActions } from './draft-actions';
import { createDraftStore, type DraftStore } from './drafts';
import { createEditorContext, type EditorSession } from './editor-context';
import { buildEditorPane } from './editor-pane';
import { editorExtensions } from './extensions';
import { createOpeners, shippedByFile } from './opening';
import { mountPicker } from './picker';
import { doing } from './run-draft';
import { kindWords } from './editor-model';
import { wordsOf } from '../said';
import { t } from '../../i18n';

export interface EditorOptions {
  drafts?: DraftStore;
  /** Pause after typing before checking and re-running (ms). */
  debounceMs?: number;
  /** Called when the user closes the editor. */
  onClose?: () => void;
}

export interface Editor extends View {
  view: EditorView;
  /** File open now, e.g. "scenarios/dec-2018-noto.yaml". */
  file(): string | null;
  /** Opens a file by name: a draft if there is one, else the shipped file. False if neither exists. */
  openByName(file: string): boolean;
  /** Opens text from outside (disk, drop). */
  openText(file: string, text: string, origin: 'disk' | 'drop'): void;
  openFile(file: File, origin?: 'disk' | 'drop'): Promise<void>;
  openNew(kind: FileKind): void;
  /** Checks and re-runs now instead of after the pause. */
  flush(): void;
  save(): void;
  focus(): void;
  /** Puts the cursor at a 1-based line and column, in view. */
  goTo(line: number, col?: number): void;
}

export function mountEditor(pane: HTMLElement, store: AppStore, opts: EditorOptions = {}): Editor {
  const drafts = opts.drafts ?? createDraftStore();
  // Short enough that problems and the re-run follow within ~0.3 s of the last key, long enough
  // not to check (≈20–120 ms for the shipped files) between the keys of a word.
  const debounceMs = opts.debounceMs ?? 200;
  const session: EditorSession = { current: null, states: new Map(), lastChecked: null, lastProcedureRun: null, destroyed: false };
  const el = buildEditorPane(pane);
  // The extensions call back into the parts made below; none is called before they exist.
  const extensions = editorExtensions({
    complete: completionSource(() => session.current, drafts),
    save: () => actions.save(),
    update: (u) => onUpdate(u),
  });
  const view = new EditorView({ parent: el.host, state: EditorState.create({ doc: '', extensions }) });
  const ctx = createEditorContext({ store, drafts, el, view, extensions, session });
  const { guard, report } = ctx;
  const checker = createChecker(ctx, debounceMs);
  const picker = mountPicker(
    el.picker,
    drafts,
    { scenarios: shippedScenarios, procedures: shippedProcedures },
    ctx.lang,
    guard(doing('open-file'), (choice) => {
      if ('open' in choice) openers.openByName(choice.open);
      else openers.openNew(choice.create);
    }),
  );
  const actions = createDraftActions(ctx, shippedByFile, () => picker.refresh());
  const openers = createOpeners(ctx, checker, actions, () => picker.refresh());

  // Where the cursor is, kept with the session (at most twice a second) so a reload returns there.
  let cursorTimer: ReturnType<typeof setTimeout> | null = null;
  const writeCursor = () => {
    cursorTimer = null;
    if (session.current) drafts.setSession({ open: !pane.hidden, file: session.current.file, cursor: view.state.selection.main.head });
  };
  const onUpdate = (u: ViewUpdate) => {
    const current = session.current;
    if ((u.docChanged || u.selectionSet) && current && cursorTimer === null) cursorTimer = setTimeout(writeCursor, 500);
    if (!u.docChanged || !current) return;
    if (!el.notice.hidden && !el.notice.querySelector('button')) el.notice.hidden = true; // read: make room
    try {
      actions.autosave(current.file, u.state.doc.toString());
    } catch (err) {
      report(doing('autosave'), err);
    }
    // No "checking…" in the live region: it would be read out on every key press.
    checker.schedule();
  };

  el.fileInput.addEventListener('change', () => {
    const f = el.fileInput.files?.[0];
    el.fileInput.value = '';
    if (f) void openers.openFile(f, 'disk');
  });
  el.saveBtn.addEventListener('click', () => actions.save());
  el.downloadBtn.addEventListener('click', () => actions.download());
  el.revertBtn.addEventListener('click', () => actions.revert());
  el.runBtn.addEventListener(
    'click',
    guard(doing('run-under'), () => checker.checkNow('apply')),
  );
  el.closeBtn.addEventListener('click', () => {
    try {
      if (checker.pending()) checker.checkNow();
    } catch (err) {
      report(doing('check'), err);
    }
    drafts.setSession({ open: false, file: session.current?.file ?? null, cursor: view.state.selection.main.head });
    opts.onClose?.();
  });
  const flushOnHide = () => {
    // Autosave is immediate; this finishes a pending check so the run matches the text, and
    // notes where the cursor is.
    try {
      if (cursorTimer !== null) {
        clearTimeout(cursorTimer);
        writeCursor();
      }
      if (checker.pending()) checker.checkNow();
    } catch {
      // leaving the page
    }
  };
  window.addEventListener('pagehide', flushOnHide);
  // "Run with it" is offered while the run on screen uses another procedure.
  const unwatch = store.subscribe((st, prev) => {
    if (st.lang !== prev.lang) relabel();
    const current = session.current;
    if (st.analysis === prev.analysis || !current || current.kind !== 'procedure') return;
    const last = session.lastChecked;
    el.runBtn.hidden = ctx.runsUnder(current.file) || hasErrors(last?.file === current.file ? last.checked.diagnostics : []);
  });
  /** The pane's words in the author's language (the file's text is never translated). */
  const relabel = () => {
    el.label(wordsOf(store));
    view.contentDOM.setAttribute('aria-label', t(ctx.lang(), 'app-tools.editor.text'));
    picker.refresh();
    actions.refreshRevert();
    if (session.current) el.kindChip.textContent = kindWords(session.current.kind, ctx.lang());
  };
  relabel();
  ctx.renderProblems([]);

  return {
    view,
    file: () => session.current?.file ?? null,
    openByName: (file) => {
      try {
        return openers.openByName(file);
      } catch (err) {
        report(doing('open-named', { file }), err);
        return false;
      }
    },
    openText: guard(doing('open-text'), openers.openText),
    openFile: openers.openFile,
    openNew: guard(doing('new-file'), openers.openNew),
    flush: guard(doing('check'), () => checker.checkNow()),
    save: () => actions.save(),
    focus: () => view.focus(),
    goTo: guard(doing('go-to-line'), (line: number, col = 1) => {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(1, Math.floor(line) || 1), doc.lines));
      const at = Math.min(l.from + Math.max(0, col - 1), l.to);
      view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    }),
    destroy() {
      session.destroyed = true;
      checker.cancel();
      if (cursorTimer !== null) clearTimeout(cursorTimer);
      window.removeEventListener('pagehide', flushOnHide);
      unwatch();
      view.destroy();
    },
  };
}
