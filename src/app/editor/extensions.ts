/**
 * The CodeMirror setup of the editor: its look (dark highlight style and theme, wrapped lines
 * with a hanging indent), keys, completion, the lint gutter, and the hooks the editor listens on.
 *
 * Packages (all CodeMirror 6, all only in the editor's lazily loaded chunk):
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
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionSource } from '@codemirror/autocomplete';
import { tags } from '@lezer/highlight';

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

export interface EditorHooks {
  complete: CompletionSource;
  /** Ctrl+S / Cmd+S. */
  save(): void;
  /** Every update of the view (edits, cursor moves). */
  update(u: ViewUpdate): void;
}

/** Everything a file's EditorState is created with. */
export function editorExtensions(hooks: EditorHooks): Extension[] {
  return [
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
    autocompletion({ override: [hooks.complete], icons: false, activateOnTypingDelay: 80 }),
    keymap.of([
      { key: 'Mod-s', preventDefault: true, run: () => (hooks.save(), true) },
      ...closeBracketsKeymap,
      ...completionKeymap,
      ...lintKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      indentWithTab,
    ]),
    theme,
    // The text's accessible name is in the author's language: editor.ts sets it on relabel.
    EditorView.contentAttributes.of({ 'aria-describedby': 'editor-problems-h' }),
    EditorView.domEventHandlers({
      // Dropped files open in the editor (the page-level handler does it); never paste them in.
      drop: (ev) => !!ev.dataTransfer?.files?.length,
    }),
    EditorView.updateListener.of((u) => hooks.update(u)),
  ];
}
