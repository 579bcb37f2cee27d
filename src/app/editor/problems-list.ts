/**
 * The problems list under the text: a heading with the counts, a line on what they mean for the
 * run, and each problem as file:line:col, a button that puts the cursor there.
 */
import type { Diagnostic } from '../../core/diagnostics';
import { fill, h } from '../dom';
import { wordsIn, type Words } from '../said';
import { problemLine, problemsHeading } from './editor-model';

export interface ProblemsList {
  title: HTMLElement;
  note: HTMLElement;
  list: HTMLElement;
}

/** Renders `ds` in the author's language (each checker message from its code when it has one); `jump` is called with the problem whose button was pressed. */
export function renderProblems(el: ProblemsList, ds: readonly Diagnostic[], jump: (d: Diagnostic) => void, w: Words = wordsIn('en')): void {
  const { title, note } = problemsHeading(ds, w.lang);
  el.title.textContent = title;
  el.note.textContent = note;
  fill(
    el.list,
    ds.map((d) => {
      const button = h(
        'button',
        { type: 'button', class: 'problem-at', title: w('app-tools.editor.go-to-problem') },
        h('code', {}, problemLine(d, w.problem(d), w.lang)),
      );
      button.addEventListener('click', () => jump(d));
      return h('li', { class: `problem ${d.severity}` }, button);
    }),
  );
}
