/** Problems with the input (bad file): listed as file:line:col, while the last good run stays on screen. */
import { formatDiagnostic } from '../../core/diagnostics';
import { h, fill, watch, type View } from '../dom';
import type { AppStore } from '../store';

export function mountDiagnostics(root: HTMLElement, store: AppStore): View {
  root.hidden = true;
  const unsub = watch(
    store,
    (s) => s.diagnostics,
    (ds, s) => {
      const errors = ds.filter((d) => d.severity === 'error');
      root.hidden = errors.length === 0;
      root.setAttribute('role', 'alert');
      if (!errors.length) {
        root.replaceChildren();
        return;
      }
      const dismiss = h('button', { type: 'button', class: 'dismiss' }, 'Dismiss');
      dismiss.addEventListener('click', () => store.setState({ diagnostics: ds.filter((d) => d.severity !== 'error') }));
      fill(
        root,
        h(
          'div',
          { class: 'diag-head' },
          h('h2', {}, `${errors.length} problem${errors.length === 1 ? '' : 's'} in the input`),
          h('span', { class: 'muted' }, s.analysis ? 'The last good run stays on screen.' : 'Nothing could be run.'),
          dismiss,
        ),
        h(
          'ul',
          { class: 'diag-list', 'aria-label': 'Problems' },
          errors.map((d) => h('li', {}, h('code', {}, formatDiagnostic(d)))),
        ),
      );
    },
  );
  return { destroy: unsub };
}
