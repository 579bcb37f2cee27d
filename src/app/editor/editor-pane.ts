/**
 * The editor pane's elements: head (file name, kind, Close), toolbar (picker, Open file…, Save,
 * Download, Run with it, Revert), status line, notice, the text's host and the problems box. Only
 * building: ./editor.ts wires them.
 */
import { fill, h } from '../dom';

export type EditorPane = ReturnType<typeof buildEditorPane>;

export function buildEditorPane(pane: HTMLElement) {
  const el = {
    fileName: h('code', { class: 'editor-file', title: '' }),
    kindChip: h('span', { class: 'chip editor-kind' }),
    status: h('p', { class: 'editor-status', role: 'status', 'aria-live': 'polite' }),
    picker: h('select', { id: 'editor-pick', 'aria-label': 'Open in the editor' }),
    fileInput: h('input', { type: 'file', id: 'editor-open-file', accept: '.yaml,.yml,text/yaml', class: 'visually-hidden' }),
    openLabel: h('label', { for: 'editor-open-file', class: 'button-like', title: 'Open a .yaml file from disk in the editor' }, 'Open file…'),
    saveBtn: h('button', { type: 'button', title: 'Keep this text as the saved draft (Ctrl+S)' }, 'Save'),
    downloadBtn: h('button', { type: 'button', title: 'Download this text as a .yaml file' }, 'Download'),
    revertBtn: h('button', { type: 'button', hidden: true }, 'Revert'),
    runBtn: h('button', { type: 'button', hidden: true, title: 'Re-run the scenario on screen under this procedure' }, 'Run with it'),
    closeBtn: h('button', { type: 'button', class: 'editor-close', 'aria-label': 'Close the editor', title: 'Close the editor (drafts are kept)' }, 'Close'),
    notice: h('div', { class: 'editor-notice', hidden: true }),
    host: h('div', { class: 'editor-host' }),
    problemsTitle: h('h3', { class: 'editor-problems-title', id: 'editor-problems-h' }, 'Problems'),
    problemsNote: h('p', { class: 'editor-problems-note muted small' }),
    problems: h('ol', { class: 'editor-problems', 'aria-labelledby': 'editor-problems-h' }),
  };
  pane.replaceChildren(
    h(
      'div',
      { class: 'editor-head' },
      h('h2', { class: 'panel-title', id: 'editor-h' }, 'Editor'),
      el.fileName,
      el.kindChip,
      h('span', { class: 'spacer' }),
      el.closeBtn,
    ),
    h(
      'div',
      { class: 'editor-tools', role: 'toolbar', 'aria-label': 'Editor file actions' },
      el.picker,
      el.openLabel,
      el.fileInput,
      el.saveBtn,
      el.downloadBtn,
      el.runBtn,
      el.revertBtn,
    ),
    el.status,
    el.notice,
    el.host,
    h(
      'section',
      { class: 'editor-problems-box', 'aria-labelledby': 'editor-problems-h' },
      h('div', { class: 'editor-problems-head' }, el.problemsTitle, el.problemsNote),
      el.problems,
    ),
  );
  pane.setAttribute('aria-labelledby', 'editor-h');
  return el;
}

/** Shows a notice above the text (words and, optionally, buttons); with nothing to show, hides and empties it. */
export function showNotice(notice: HTMLElement, ...content: (string | Node)[]): void {
  if (content.length) {
    notice.hidden = false;
    fill(notice, h('p', {}, ...content));
  } else {
    notice.hidden = true;
    notice.replaceChildren();
  }
}
