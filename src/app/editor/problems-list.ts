/**
 * The problems list under the text: a heading with the counts, a line on what they mean for the
 * run, and each problem as file:line:col, a button that puts the cursor there.
 */
import { formatDiagnostic, type Diagnostic } from '../../core/diagnostics';
import { fill, h } from '../dom';
import { problemsHeading } from './editor-model';

export interface ProblemsList {
  title: HTMLElement;
  note: HTMLElement;
  list: HTMLElement;
}

/** Renders `ds`; `jump` is called with the problem whose button was pressed. */
export function renderProblems(el: ProblemsList, ds: readonly Diagnostic[], jump: (d: Diagnostic) => void): void {
  const { title, note } = problemsHeading(ds);
  el.title.textContent = title;
  el.note.textContent = note;
  fill(
    el.list,
    ds.map((d) => {
      const button = h('button', { type: 'button', class: 'problem-at', title: 'Go to this place in the text' }, h('code', {}, formatDiagnostic(d)));
      button.addEventListener('click', () => jump(d));
      return h('li', { class: `problem ${d.severity}` }, button);
    }),
  );
}
