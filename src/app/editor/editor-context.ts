/**
 * What the editor's parts share: the open file and what was last checked and run, the pane's
 * elements, the view, and the guard every handler runs in (a failure is shown as a problem and
 * in the status line, never thrown into the page; the draft is already in storage).
 */
import type { EditorState, Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { FileKind } from '../../core/check';
import type { Diagnostic } from '../../core/diagnostics';
import type { Explanation } from '../../core/explain';
import type { Lang } from '../../i18n';
import type { AppStore } from '../store';
import { wordsOf } from '../said';
import type { DraftStore } from './drafts';
import { failedStatus, type Origin } from './editor-model';
import type { EditorPane } from './editor-pane';
import { renderProblems } from './problems-list';
import { doing, internalProblem, problemError, type Checked } from './run-draft';

export interface EditorSession {
  current: { file: string; kind: FileKind; origin: Origin } | null;
  /** Each file's editor state (text, undo history, selection) since it was opened in this page. */
  states: Map<string, EditorState>;
  lastChecked: { file: string; text: string; checked: Checked } | null;
  /** The procedure text last run, and the run it gave: an unchanged procedure never re-runs. */
  lastProcedureRun: { file: string; text: string; analysis: unknown } | null;
  destroyed: boolean;
}

export interface EditorContext {
  store: AppStore;
  drafts: DraftStore;
  el: EditorPane;
  view: EditorView;
  /** What every file's EditorState is created with. */
  extensions: Extension[];
  session: EditorSession;
  /** The author's language now (the store's). */
  lang(): Lang;
  /** `what`: what the editor was doing (./run-draft.ts doing()). */
  report(what: Explanation, err: unknown): void;
  guard<A extends unknown[]>(what: Explanation, fn: (...args: A) => void): (...args: A) => void;
  renderProblems(ds: readonly Diagnostic[]): void;
  /** The run on screen uses this procedure file. */
  runsUnder(file: string): boolean;
}

export function createEditorContext(parts: Pick<EditorContext, 'store' | 'drafts' | 'el' | 'view' | 'extensions' | 'session'>): EditorContext {
  const { store, el, view, session } = parts;
  const report = (what: Explanation, err: unknown) => {
    const problem = internalProblem(session.current?.file ?? 'editor', what, err);
    console.error(`editor: ${problem.message}`, err);
    try {
      ctx.renderProblems([...(session.lastChecked?.checked.diagnostics ?? []), problem]);
      el.status.textContent = failedStatus(wordsOf(store).say(what), problemError(problem), store.getState().lang);
      store.setState({ diagnostics: [...store.getState().diagnostics, problem] });
    } catch {
      // Nothing more can be done; the draft is already in storage.
    }
  };
  const guard =
    <A extends unknown[]>(what: Explanation, fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        report(what, err);
      }
    };
  const jump = guard(doing('go-to-problem'), (d: Diagnostic) => {
    if (d.file !== session.current?.file) return;
    const doc = view.state.doc;
    const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
    const pos = Math.min(line.from + Math.max(0, d.col - 1), line.to);
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  });
  let lastProblems: readonly Diagnostic[] = [];
  // The list again in the author's language when it changes.
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang && !session.destroyed) ctx.renderProblems(lastProblems);
  });
  const ctx: EditorContext = {
    ...parts,
    report,
    guard,
    lang: () => store.getState().lang,
    renderProblems: (ds) => {
      lastProblems = ds;
      renderProblems({ title: el.problemsTitle, note: el.problemsNote, list: el.problems }, ds, jump, wordsOf(store));
    },
    runsUnder: (file) => store.getState().analysis?.run.scenario.procedure.file === file,
  };
  return ctx;
}
