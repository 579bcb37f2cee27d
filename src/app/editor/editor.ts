/**
 * The scenario and procedure editor (CodeMirror 6, YAML). Loaded on demand by ./entry.ts, so the
 * replay's first paint never waits for it.
 *
 * - Open a shipped file, a draft, a file from disk or a dropped file, or start from a template.
 * - Problems inline as you type: the same checker as `npm run check` (checkFile), shown through
 *   @codemirror/lint after a short pause, and listed below the text as file:line:col.
 * - Completion from the JSON Schema and the document (./completion.ts).
 * - Each valid edit re-runs the plot and panels (./run-draft.ts); broken text keeps the last good run.
 * - Every change is autosaved as a draft (./drafts.ts); Save marks a version; Download writes a file.
 * Every handler is guarded: a failure is shown as a problem, and the draft is never dropped.
 *
 * Packages (all CodeMirror 6, all only in this lazily loaded chunk):
 *   @codemirror/state, /view     the editor itself (document, selection, rendering, input)
 *   @codemirror/commands         keys: undo history, Ctrl+Z, indent with Tab, line editing
 *   @codemirror/language         indentation on input, bracket matching, syntax highlighting
 *   @codemirror/lang-yaml        the YAML parser and highlighting
 *   @codemirror/lint             problems inline, in the gutter and on hover
 *   @codemirror/autocomplete     completion pop-up; closing brackets and quotes
 *   @lezer/highlight             the highlight tags our dark style colours (a CodeMirror dependency
 *                                already; declared because this file imports it)
 */
import { EditorState, RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from '@codemirror/commands';
import { HighlightStyle, bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { tags } from '@lezer/highlight';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../../core/diagnostics';
import { kindOf, type FileKind } from '../../core/check';
import { loadProcedure } from '../../core/procedure/load';
import { addUserProcedure, bundledProcedures, shippedProcedures, shippedScenarios, type CatalogEntry } from '../catalog';
import { download as saveFile, h, fill, type View } from '../dom';
import { yamlTitle } from '../format';
import type { AppStore } from '../store';
import { completeAt, type CompletionEnv } from './completion';
import { createDraftStore, type Draft, type DraftStore } from './drafts';
import { toEditorDiagnostics } from './lint';
import { applyDraft, checkDraft, internalProblem, type Checked } from './run-draft';
import { freshName, newProcedureText, newScenarioText } from './templates';

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

type Origin = 'shipped' | 'draft' | 'disk' | 'drop' | 'new';

const MAX_OPEN_BYTES = 2_000_000;
const SHIPPED: CatalogEntry[] = [...shippedScenarios, ...shippedProcedures];
const shippedByFile = (file: string) => SHIPPED.find((e) => e.file === file);
const baseName = (file: string) => file.replace(/^.*\//, '');
const hhmmss = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

// ------------------------------------------------------------------ look

const highlight = HighlightStyle.define([
  { tag: [tags.definition(tags.propertyName), tags.propertyName], color: '#7dd3fc' },
  { tag: [tags.string, tags.special(tags.string)], color: '#fcd9a0' },
  { tag: tags.content, color: '#e6edf4' },
  { tag: [tags.lineComment, tags.comment], color: '#8aa0b4', fontStyle: 'italic' },
  { tag: [tags.keyword, tags.meta], color: '#c4b5fd' },
  { tag: [tags.labelName, tags.typeName], color: '#f9a8d4' },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace], color: '#9fb1c2' },
]);

const theme = EditorView.theme(
  {
    '&': { color: '#e6edf4', backgroundColor: '#0c1620', height: '100%', fontSize: '12.5px' },
    '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, monospace", lineHeight: '1.45' },
    '.cm-content': { caretColor: '#ffd84d' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#ffd84d', borderLeftWidth: '2px' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#264f78 !important' },
    '.cm-activeLine': { backgroundColor: '#13212e' },
    '.cm-gutters': { backgroundColor: '#0c1620', color: '#6f8498', borderRight: '1px solid #25384b' },
    '.cm-activeLineGutter': { backgroundColor: '#13212e', color: '#e6edf4' },
    '.cm-matchingBracket': { backgroundColor: '#25384b', outline: '1px solid #3d5a76' },
    '.cm-tooltip': { backgroundColor: '#152331', color: '#e6edf4', border: '1px solid #3d5a76' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#174447', color: '#e6edf4' },
    '.cm-completionDetail': { color: '#9fb1c2', fontStyle: 'normal', marginLeft: '1em' },
    '.cm-completionInfo': { maxWidth: '320px' },
    '.cm-diagnostic': { padding: '4px 8px' },
    '.cm-diagnostic-error': { borderLeft: '4px solid #ff7a7a' },
    '.cm-diagnostic-warning': { borderLeft: '4px solid #fbbf24' },
    '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy #ff7a7a', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
    '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy #fbbf24', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  },
  { dark: true },
);

/**
 * Long lines wrap, and a wrapped line continues under its own text rather than at the margin
 * (a hanging indent as deep as the line's indentation and "- " markers), so YAML stays readable
 * in a narrow column.
 */
const hangingIndent = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = this.build(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = this.build(u.view);
    }
    build(view: EditorView): DecorationSet {
      const b = new RangeSetBuilder<Decoration>();
      for (const { from, to } of view.visibleRanges) {
        for (let pos = from; pos <= to;) {
          const line = view.state.doc.lineAt(pos);
          const n = /^[ ]*(?:- +)*/.exec(line.text)![0].length;
          if (n > 0) b.add(line.from, line.from, Decoration.line({ attributes: { style: `padding-left: calc(${n}ch + 6px); text-indent: -${n}ch` } }));
          pos = line.to + 1;
        }
      }
      return b.finish();
    }
  },
  { decorations: (v) => v.decorations },
);

// ------------------------------------------------------------------ the editor

export function mountEditor(pane: HTMLElement, store: AppStore, opts: EditorOptions = {}): Editor {
  const drafts = opts.drafts ?? createDraftStore();
  // Short enough that problems and the re-run follow within ~0.3 s of the last key, long enough
  // not to check (≈20–120 ms for the shipped files) between the keys of a word.
  const debounceMs = opts.debounceMs ?? 200;
  let current: { file: string; kind: FileKind; origin: Origin } | null = null;
  const states = new Map<string, EditorState>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastChecked: { file: string; text: string; checked: Checked } | null = null;
  /** The procedure text last run, and the run it gave: an unchanged procedure never re-runs. */
  let lastProcedureRun: { file: string; text: string; analysis: unknown } | null = null;
  let destroyed = false;

  // --- DOM
  const fileName = h('code', { class: 'editor-file', title: '' });
  const kindChip = h('span', { class: 'chip editor-kind' });
  const status = h('p', { class: 'editor-status', role: 'status', 'aria-live': 'polite' });
  const picker = h('select', { id: 'editor-pick', 'aria-label': 'Open in the editor' });
  const fileInput = h('input', { type: 'file', id: 'editor-open-file', accept: '.yaml,.yml,text/yaml', class: 'visually-hidden' });
  const openLabel = h('label', { for: 'editor-open-file', class: 'button-like', title: 'Open a .yaml file from disk in the editor' }, 'Open file…');
  const saveBtn = h('button', { type: 'button', title: 'Keep this text as the saved draft (Ctrl+S)' }, 'Save');
  const downloadBtn = h('button', { type: 'button', title: 'Download this text as a .yaml file' }, 'Download');
  const revertBtn = h('button', { type: 'button', hidden: true }, 'Revert');
  const runBtn = h('button', { type: 'button', hidden: true, title: 'Re-run the scenario on screen under this procedure' }, 'Run with it');
  const closeBtn = h(
    'button',
    { type: 'button', class: 'editor-close', 'aria-label': 'Close the editor', title: 'Close the editor (drafts are kept)' },
    'Close',
  );
  const notice = h('div', { class: 'editor-notice', hidden: true });
  const host = h('div', { class: 'editor-host' });
  const problemsTitle = h('h3', { class: 'editor-problems-title', id: 'editor-problems-h' }, 'Problems');
  const problemsNote = h('p', { class: 'editor-problems-note muted small' });
  const problems = h('ol', { class: 'editor-problems', 'aria-labelledby': 'editor-problems-h' });
  pane.replaceChildren(
    h(
      'div',
      { class: 'editor-head' },
      h('h2', { class: 'panel-title', id: 'editor-h' }, 'Editor'),
      fileName,
      kindChip,
      h('span', { class: 'spacer' }),
      closeBtn,
    ),
    h(
      'div',
      { class: 'editor-tools', role: 'toolbar', 'aria-label': 'Editor file actions' },
      picker,
      openLabel,
      fileInput,
      saveBtn,
      downloadBtn,
      runBtn,
      revertBtn,
    ),
    status,
    notice,
    host,
    h(
      'section',
      { class: 'editor-problems-box', 'aria-labelledby': 'editor-problems-h' },
      h('div', { class: 'editor-problems-head' }, problemsTitle, problemsNote),
      problems,
    ),
  );
  pane.setAttribute('aria-labelledby', 'editor-h');

  // --- guarded handlers: a failure is reported, never thrown into the page
  const report = (what: string, err: unknown) => {
    console.error(`editor: ${what}`, err);
    const problem = internalProblem(current?.file ?? 'editor', what, err);
    try {
      renderProblems([...(lastChecked?.checked.diagnostics ?? []), problem]);
      status.textContent = `${what}: ${problem.message.replace(/^[^:]*: /, '')}. Your draft is kept.`;
      store.setState({ diagnostics: [...store.getState().diagnostics, problem] });
    } catch {
      // Nothing more can be done; the draft is already in storage.
    }
  };
  const guard =
    <A extends unknown[]>(what: string, fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        report(what, err);
      }
    };

  // --- completion
  const env = (): CompletionEnv => ({
    kind: current?.kind ?? 'scenario',
    procedures: () => {
      const out = shippedProcedures.map((p) => ({ id: p.id, title: yamlTitle(p.text) ?? '' }));
      for (const d of drafts.list()) {
        const id = baseName(d.file).replace(/\.ya?ml$/, '');
        if (out.some((p) => p.id === id)) continue;
        try {
          if (kindOf(d.text, d.file) === 'procedure') out.push({ id, title: yamlTitle(d.text) ?? 'draft' });
        } catch {
          // An unreadable draft is simply not offered.
        }
      }
      return out;
    },
    rulesOf: (ref) => {
      try {
        return loadProcedure(ref, current?.file ?? 'procedures/x.yaml', bundledProcedures).procedure?.rules.map((r) => ({ id: r.id, title: r.title })) ?? [];
      } catch {
        return [];
      }
    },
  });
  const completionSource = (cx: CompletionContext): CompletionResult | null => {
    try {
      const r = completeAt(cx.state.doc.toString(), cx.pos, env());
      if (!r || !r.options.length) return null;
      if (!cx.explicit && r.from === cx.pos) {
        // Unasked, only offer what the schema or document knows for a value (enums, ids), not every key.
        if (r.context.kind === 'key') return null;
        const useful = r.options.filter((o) => (o.boost ?? 0) >= 0);
        if (!useful.length) return null;
      }
      // Typing a quote inserts its closing twin (closeBrackets): a quoted choice replaces both.
      const quote = r.context.prefix[0];
      const to = (quote === '"' || quote === "'") && cx.state.sliceDoc(r.to, r.to + 1) === quote ? r.to + 1 : r.to;
      return {
        from: r.from,
        to,
        options: r.options.map((o) => ({
          label: o.label,
          apply: o.apply ?? o.label,
          type: o.type,
          ...(o.detail ? { detail: o.detail } : {}),
          ...(o.info ? { info: o.info } : {}),
          ...(o.boost ? { boost: o.boost } : {}),
        })),
        validFor: /^["']?[\w$.-]*["']?$/,
      };
    } catch (err) {
      console.error('editor: completion failed', err);
      return null;
    }
  };

  // --- checking and running
  /** The run on screen uses this procedure file. */
  const runsUnder = (file: string) => store.getState().analysis?.run.scenario.procedure.file === file;
  const renderProblems = (ds: readonly Diagnostic[]) => {
    const errors = ds.filter((d) => d.severity === 'error').length;
    const warnings = ds.length - errors;
    problemsTitle.textContent = ds.length
      ? `Problems (${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''})`
      : 'Problems';
    problemsNote.textContent = errors
      ? 'The plot and panels keep the last good run until these are fixed.'
      : ds.length
        ? 'The file runs; these are worth a look.'
        : 'None: the plot and panels show this file.';
    fill(
      problems,
      ds.map((d) => {
        const jump = h('button', { type: 'button', class: 'problem-at', title: 'Go to this place in the text' }, h('code', {}, formatDiagnostic(d)));
        jump.addEventListener(
          'click',
          guard('could not go to the problem', () => {
            if (d.file !== current?.file) return;
            const doc = view.state.doc;
            const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
            const pos = Math.min(line.from + Math.max(0, d.col - 1), line.to);
            view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
            view.focus();
          }),
        );
        return h('li', { class: `problem ${d.severity}` }, jump);
      }),
    );
  };

  /**
   * Checks the text now; 'apply' then runs it (an edit), 'look' only registers a valid procedure
   * without re-running the scenario on screen (a procedure opened to read, e.g. from a rule link).
   */
  const checkNow = (mode: 'apply' | 'look' = 'apply') => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (!current || destroyed) return;
    const { file } = current;
    const text = view.state.doc.toString();
    const checked = checkDraft(file, text);
    lastChecked = { file, text, checked };
    if (current.kind !== checked.kind) {
      current.kind = checked.kind;
      kindChip.textContent = checked.kind;
    }
    const mine = toEditorDiagnostics(checked.diagnostics, view.state.doc, file);
    view.dispatch(
      setDiagnostics(
        view.state,
        mine.map((d) => ({ from: d.from, to: d.to, severity: d.severity, message: d.message, source: d.source })),
      ),
    );
    renderProblems(checked.diagnostics);
    const errors = hasErrors(checked.diagnostics);
    const s = store.getState();
    const onScreen =
      checked.kind === 'scenario'
        ? s.scenarioFile === file && s.scenarioText === text
        : lastProcedureRun?.file === file && lastProcedureRun.text === text && lastProcedureRun.analysis === s.analysis && s.analysis !== null;
    runBtn.hidden = checked.kind !== 'procedure' || errors || runsUnder(file);
    if (mode === 'look' && checked.kind === 'procedure') {
      if (!errors) addUserProcedure({ file, text });
      status.textContent = errors
        ? `${checked.diagnostics.filter((d) => d.severity === 'error').length} problem(s) in this procedure.`
        : onScreen || s.analysis?.run.scenario.procedure.file === file
          ? 'No problems: the scenario on screen runs under this procedure.'
          : 'No problems. Edit it, or "Run with it", to see the scenario on screen run under it.';
      return;
    }
    if (!errors && onScreen) {
      // Already what the run shows: only the problems list may need clearing.
      if (s.diagnostics.some((d) => d.severity === 'error')) store.setState({ diagnostics: checked.diagnostics });
      status.textContent = 'No problems: the plot and panels show this file.';
      return;
    }
    const outcome = applyDraft(store, file, text, checked);
    runBtn.hidden = checked.kind !== 'procedure' || errors || runsUnder(file);
    if (outcome.ran) {
      if (checked.kind === 'procedure') lastProcedureRun = { file, text, analysis: store.getState().analysis };
      status.textContent =
        checked.kind === 'procedure'
          ? `Valid: the scenario on screen re-ran under this procedure at ${hhmmss(Date.now())}.`
          : `Valid: the plot and panels re-ran at ${hhmmss(Date.now())}.`;
    } else if (errors) {
      const n = checked.diagnostics.filter((d) => d.severity === 'error').length;
      status.textContent = `${n} problem${n === 1 ? '' : 's'}: the plot keeps the last good run.`;
    } else status.textContent = outcome.note ?? 'Valid.';
    if (outcome.diagnostics.length !== checked.diagnostics.length) renderProblems(outcome.diagnostics);
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(guard('checking the file failed', checkNow), debounceMs);
  };

  // --- drafts
  const autosave = (file: string, text: string) => {
    const shipped = shippedByFile(file);
    const d = drafts.get(file);
    if (shipped && shipped.text === text && !d?.saved) {
      drafts.remove(file); // back to the shipped text: nothing to keep
      refreshRevert();
      return;
    }
    const err = drafts.put(file, text);
    if (err) {
      status.textContent = `Not autosaved: ${err}.`;
      notice.hidden = false;
      fill(notice, h('p', {}, `This draft could not be kept in the browser: ${err}.`));
    }
    refreshRevert();
  };

  const refreshRevert = () => {
    if (!current) return;
    const d = drafts.get(current.file);
    const text = view.state.doc.toString();
    const shipped = shippedByFile(current.file);
    if (d?.saved !== null && d?.saved !== undefined && d.saved !== text) {
      revertBtn.hidden = false;
      revertBtn.textContent = 'Revert to saved';
      revertBtn.title = `Go back to the text saved at ${hhmmss(d.savedAt ?? d.updated)}`;
    } else if (shipped && shipped.text !== text) {
      revertBtn.hidden = false;
      revertBtn.textContent = 'Revert to shipped';
      revertBtn.title = `Go back to ${shipped.file} as it ships (your draft is kept in the undo history)`;
    } else revertBtn.hidden = true;
    saveBtn.textContent = d?.saved === text ? 'Saved' : 'Save';
  };

  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    yaml(),
    syntaxHighlighting(highlight),
    EditorView.lineWrapping,
    hangingIndent,
    indentUnit.of('  '),
    EditorState.tabSize.of(2),
    lintGutter(),
    autocompletion({ override: [completionSource], icons: false, activateOnTypingDelay: 80 }),
    keymap.of([
      { key: 'Mod-s', preventDefault: true, run: () => (saveNow(), true) },
      ...closeBracketsKeymap,
      ...completionKeymap,
      ...lintKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      indentWithTab,
    ]),
    theme,
    EditorView.contentAttributes.of({ 'aria-label': 'YAML text', 'aria-describedby': 'editor-problems-h' }),
    EditorView.domEventHandlers({
      // Dropped files open in the editor (the page-level handler does it); never paste them in.
      drop: (ev) => !!ev.dataTransfer?.files?.length,
    }),
    EditorView.updateListener.of((u) => {
      if ((u.docChanged || u.selectionSet) && current) rememberCursor();
      if (!u.docChanged || !current) return;
      if (!notice.hidden && !notice.querySelector('button')) notice.hidden = true; // read: make room
      try {
        autosave(current.file, u.state.doc.toString());
      } catch (err) {
        report('autosave failed', err);
      }
      // No "checking…" in the live region: it would be read out on every key press.
      schedule();
    }),
  ];

  const view = new EditorView({ parent: host, state: EditorState.create({ doc: '', extensions }) });

  // Where the cursor is, kept with the session (at most twice a second) so a reload returns there.
  let cursorTimer: ReturnType<typeof setTimeout> | null = null;
  const writeCursor = () => {
    cursorTimer = null;
    if (current) drafts.setSession({ open: !pane.hidden, file: current.file, cursor: view.state.selection.main.head });
  };
  const rememberCursor = () => {
    if (cursorTimer === null) cursorTimer = setTimeout(writeCursor, 500);
  };

  const setFile = (file: string, text: string, origin: Origin, message: string | null, cursor?: number, mode: 'apply' | 'look' = 'apply') => {
    if (timer !== null) checkNow(); // finish the pending check of the file being left
    if (current) states.set(current.file, view.state);
    const known = states.get(file);
    const state = known && known.doc.toString() === text ? known : EditorState.create({ doc: text, extensions });
    view.setState(state);
    let kind: FileKind = 'scenario';
    try {
      kind = kindOf(text, file);
    } catch {
      // Broken beyond reading: treat as a scenario; the checker says what is wrong.
    }
    current = { file, kind, origin };
    fileName.textContent = file;
    fileName.title = file;
    kindChip.textContent = kind;
    drafts.setSession({ open: true, file, ...(cursor !== undefined ? { cursor } : {}) });
    if (cursor !== undefined && cursor > 0) {
      const at = Math.min(cursor, view.state.doc.length);
      view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    }
    refreshPicker();
    if (message) {
      notice.hidden = false;
      fill(notice, h('p', {}, message));
    } else {
      notice.hidden = true;
      notice.replaceChildren();
    }
    refreshRevert();
    checkNow(mode);
  };

  const offerReplaced = (file: string, d: Draft | null) => {
    if (!d?.replaced) return;
    const restore = h('button', { type: 'button' }, 'Restore that draft');
    const forget = h('button', { type: 'button' }, 'Forget it');
    restore.addEventListener(
      'click',
      guard('could not restore the draft', () => {
        const keep = drafts.get(file)?.replaced;
        if (!keep || current?.file !== file) return;
        // The opened text becomes the one kept aside, so nothing is lost either way.
        drafts.replaceWith(file, keep.text);
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: keep.text }, annotations: isolateHistory.of('full') });
        notice.hidden = true;
        status.textContent = `Restored the draft from ${hhmmss(keep.updated)}; the opened text is kept aside and in the undo history.`;
      }),
    );
    forget.addEventListener(
      'click',
      guard('could not forget the draft', () => {
        drafts.forgetReplaced(file);
        notice.hidden = true;
      }),
    );
    notice.hidden = false;
    fill(notice, h('p', {}, `${baseName(file)} had a different draft here (from ${hhmmss(d.replaced.updated)}); it is kept. `, restore, ' ', forget));
  };

  /** A shipped file: from the catalog, or a procedure bundled beside the scenarios. */
  const bundledFile = (file: string): CatalogEntry | undefined => {
    const known = shippedByFile(file);
    if (known) return known;
    try {
      const ft = bundledProcedures.read(file, '');
      return ft && ft.file === file && !drafts.get(file) ? { id: baseName(file).replace(/\.ya?ml$/, ''), file, text: ft.text } : undefined;
    } catch {
      return undefined;
    }
  };

  const openByName = (file: string): boolean => {
    const d = drafts.get(file);
    const shipped = bundledFile(file);
    const session = drafts.session();
    const cursor = session.file === file ? session.cursor : undefined;
    // Opening a procedure to read it does not change the run; editing it does.
    if (d) {
      setFile(
        file,
        d.text,
        'draft',
        `Your draft of ${baseName(file)} (autosaved ${hhmmss(d.updated)}) is restored.${shipped ? ' "Revert to shipped" goes back to the original.' : ''}`,
        cursor,
        'look',
      );
      offerReplaced(file, d);
      return true;
    }
    if (shipped) {
      setFile(file, shipped.text, 'shipped', null, cursor, 'look');
      return true;
    }
    return false;
  };

  const openText = (file: string, text: string, origin: 'disk' | 'drop') => {
    const err = drafts.replaceWith(file, text);
    setFile(file, text, origin, err ? `Opened ${file}, but it could not be kept as a draft: ${err}.` : null, undefined, 'look');
    if (!err) offerReplaced(file, drafts.get(file));
  };

  const openFile = async (f: File, origin: 'disk' | 'drop' = 'disk') => {
    try {
      if (f.size > MAX_OPEN_BYTES) throw new Error(`${f.name} is ${f.size} bytes; the limit is ${MAX_OPEN_BYTES}`);
      if (!/\.ya?ml$/i.test(f.name) && f.type && !/yaml|text/.test(f.type)) throw new Error(`${f.name} is not a YAML file`);
      const text = await f.text();
      openText(f.name, text, origin);
    } catch (err) {
      report(`could not open ${f.name}`, err);
    }
  };

  const openNew = (kind: FileKind) => {
    const taken = (file: string) => !!drafts.get(file) || !!shippedByFile(file);
    const { file, id } = freshName(kind, taken);
    const text = kind === 'scenario' ? newScenarioText(id) : newProcedureText(id);
    drafts.put(file, text);
    setFile(
      file,
      text,
      'new',
      kind === 'scenario'
        ? `New scenario ${id}, from the routine CUES exchange. Change it; the plot follows.`
        : `New procedure ${id}, extending cues-2014. The scenario on screen runs under it while you edit.`,
    );
  };

  const saveNow = guard('saving failed', () => {
    if (!current) return;
    const text = view.state.doc.toString();
    const err = drafts.save(current.file, text);
    status.textContent = err ? `Not saved: ${err}.` : `Saved ${baseName(current.file)} as a draft at ${hhmmss(Date.now())}. Download it to keep a file.`;
    refreshRevert();
    refreshPicker();
  });

  const download = guard('download failed', () => {
    if (!current) return;
    const name = baseName(current.file).replace(/(\.ya?ml)?$/i, '.yaml');
    saveFile(view.state.doc.toString(), name, 'text/yaml');
    status.textContent = `Downloaded ${name}.`;
  });

  const revert = guard('revert failed', () => {
    if (!current) return;
    const d = drafts.get(current.file);
    const text = view.state.doc.toString();
    const target = d?.saved !== null && d?.saved !== undefined && d.saved !== text ? d.saved : shippedByFile(current.file)?.text;
    if (target === undefined) return;
    // A change, not a new state: Ctrl+Z brings the draft back.
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: target }, annotations: isolateHistory.of('full') });
    status.textContent = 'Reverted. Ctrl+Z brings your text back.';
  });

  // --- picker
  const refreshPicker = () => {
    const ds = drafts.list();
    const opt = (value: string, text: string) => h('option', { value, text });
    const draftFiles = new Set(ds.map((d) => d.file));
    fill(
      picker,
      opt('', 'Open…'),
      ds.length
        ? h(
            'optgroup',
            { label: 'Drafts in this browser' },
            ds.map((d) => opt(`file:${d.file}`, `${d.file} — ${d.saved === d.text ? 'saved' : 'autosaved'} ${hhmmss(d.updated)}`)),
          )
        : null,
      h(
        'optgroup',
        { label: 'Shipped scenarios' },
        shippedScenarios.map((s) => opt(`file:${s.file}`, `${s.file}${draftFiles.has(s.file) ? ' (draft)' : ''}`)),
      ),
      h(
        'optgroup',
        { label: 'Shipped procedures' },
        shippedProcedures.map((p) => opt(`file:${p.file}`, `${p.file}${draftFiles.has(p.file) ? ' (draft)' : ''}`)),
      ),
      h(
        'optgroup',
        { label: 'New' },
        opt('new:scenario', 'New scenario (from the CUES control exchange)'),
        opt('new:procedure', 'New procedure (extends cues-2014)'),
      ),
    );
    picker.value = '';
  };

  picker.addEventListener(
    'change',
    guard('could not open the file', () => {
      const v = picker.value;
      picker.value = '';
      if (v.startsWith('file:')) openByName(v.slice(5));
      else if (v === 'new:scenario') openNew('scenario');
      else if (v === 'new:procedure') openNew('procedure');
    }),
  );
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (f) void openFile(f, 'disk');
  });
  saveBtn.addEventListener('click', () => saveNow());
  downloadBtn.addEventListener('click', () => download());
  revertBtn.addEventListener('click', () => revert());
  runBtn.addEventListener(
    'click',
    guard('could not run the scenario under this procedure', () => checkNow('apply')),
  );
  closeBtn.addEventListener('click', () => {
    try {
      if (timer !== null) checkNow();
    } catch (err) {
      report('checking the file failed', err);
    }
    drafts.setSession({ open: false, file: current?.file ?? null, cursor: view.state.selection.main.head });
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
      if (timer !== null) checkNow();
    } catch {
      // leaving the page
    }
  };
  window.addEventListener('pagehide', flushOnHide);
  // "Run with it" is offered while the run on screen uses another procedure.
  const unwatch = store.subscribe((st, prev) => {
    if (st.analysis === prev.analysis || !current || current.kind !== 'procedure') return;
    runBtn.hidden = runsUnder(current.file) || hasErrors(lastChecked?.file === current.file ? lastChecked.checked.diagnostics : []);
  });
  refreshPicker();
  renderProblems([]);

  return {
    view,
    file: () => current?.file ?? null,
    openByName: (file) => {
      try {
        return openByName(file);
      } catch (err) {
        report(`could not open ${file}`, err);
        return false;
      }
    },
    openText: guard('could not open the text', openText),
    openFile,
    openNew: guard('could not start a new file', openNew),
    flush: guard('checking the file failed', () => checkNow()),
    save: () => saveNow(),
    focus: () => view.focus(),
    goTo: guard('could not go to the line', (line: number, col = 1) => {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(1, Math.floor(line) || 1), doc.lines));
      const at = Math.min(l.from + Math.max(0, col - 1), l.to);
      view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    }),
    destroy() {
      destroyed = true;
      if (timer !== null) clearTimeout(timer);
      if (cursorTimer !== null) clearTimeout(cursorTimer);
      window.removeEventListener('pagehide', flushOnHide);
      unwatch();
      view.destroy();
    },
  };
}
