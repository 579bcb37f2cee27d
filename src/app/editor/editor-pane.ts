/**
 * The editor pane's elements: head (file name, kind, Close), toolbar (picker, Open file…, Save,
 * Download, Run with it, Revert), status line, notice, the text's host and the problems box. Only
 * building: ./editor.ts wires them.
 */
import { fill, h } from '../dom';
import { wordsIn, type Words } from '../said';

export type EditorPane = ReturnType<typeof buildEditorPane>;

/** Builds the pane; `label(w)` (called here in English, and again on a change of language) writes its fixed words. */
export function buildEditorPane(pane: HTMLElement) {
  const el = {
    fileName: h('code', { class: 'editor-file', title: '' }),
    kindChip: h('span', { class: 'chip editor-kind' }),
    status: h('p', { class: 'editor-status', role: 'status', 'aria-live': 'polite' }),
    picker: h('select', { id: 'editor-pick' }),
    fileInput: h('input', { type: 'file', id: 'editor-open-file', accept: '.yaml,.yml,text/yaml', class: 'visually-hidden' }),
    openLabel: h('label', { for: 'editor-open-file', class: 'button-like' }),
    saveBtn: h('button', { type: 'button' }),
    downloadBtn: h('button', { type: 'button' }),
    revertBtn: h('button', { type: 'button', hidden: true }),
    runBtn: h('button', { type: 'button', hidden: true }),
    closeBtn: h('button', { type: 'button', class: 'editor-close' }),
    notice: h('div', { class: 'editor-notice', hidden: true }),
    host: h('div', { class: 'editor-host' }),
    heading: h('h2', { class: 'panel-title', id: 'editor-h' }),
    tools: h('div', { class: 'editor-tools', role: 'toolbar' }),
    problemsTitle: h('h3', { class: 'editor-problems-title', id: 'editor-problems-h' }),
    problemsNote: h('p', { class: 'editor-problems-note muted small' }),
    problems: h('ol', { class: 'editor-problems', 'aria-labelledby': 'editor-problems-h' }),
    label(w: Words): void {
      const say = (name: string) => w(`app-tools.editor.${name}`);
      el.heading.textContent = say('title');
      el.tools.setAttribute('aria-label', say('toolbar'));
      el.picker.setAttribute('aria-label', say('picker'));
      el.openLabel.title = say('open-file-title');
      el.openLabel.textContent = say('open-file');
      // Named on the input too: its label is a styled button that a hidden pane hides with it.
      el.fileInput.setAttribute('aria-label', say('open-file'));
      // The text's scroll box takes the keyboard (axe: a scroll region must be focusable and named).
      const scroller = el.host.querySelector<HTMLElement>('.cm-scroller');
      if (scroller) {
        scroller.tabIndex = 0;
        scroller.setAttribute('aria-label', say('text-label'));
      }
      el.saveBtn.title = say('save-title');
      el.downloadBtn.title = say('download-title');
      el.downloadBtn.textContent = say('download');
      el.runBtn.title = say('run-title');
      el.runBtn.textContent = say('run');
      el.closeBtn.setAttribute('aria-label', say('close-label'));
      el.closeBtn.title = say('close-title');
      el.closeBtn.textContent = say('close');
      // Until a file is open (then ./draft-actions.ts says Save or Saved, and which Revert).
      el.saveBtn.textContent = say('save');
      if (el.revertBtn.hidden) el.revertBtn.textContent = say('revert');
    },
  };
  const en = wordsIn('en');
  el.label(en);
  el.problemsTitle.textContent = en('app-tools.editor.problems');
  el.tools.append(el.picker, el.openLabel, el.fileInput, el.saveBtn, el.downloadBtn, el.runBtn, el.revertBtn);
  pane.replaceChildren(
    h('div', { class: 'editor-head' }, el.heading, el.fileName, el.kindChip, h('span', { class: 'spacer' }), el.closeBtn),
    el.tools,
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
