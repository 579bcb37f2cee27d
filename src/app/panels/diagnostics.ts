/** Problems with the input (bad file): listed as file:line:col, while the last good run stays on screen. */
import { formatDiagnostic, type Diagnostic } from '../../core/diagnostics';
import { h, fill, watchWords, type View } from '../dom';
import { say, t, type Lang } from '../../i18n';

/** file:line:col: severity: message, the message from its code in the reader's language when the checker gave one. */
function diagnosticLine(d: Diagnostic, lang: Lang): string {
  return d.code ? formatDiagnostic({ ...d, message: say(lang, { code: d.code, params: d.params ?? {} }) }) : formatDiagnostic(d);
}
import type { AppStore } from '../store';

export function mountDiagnostics(root: HTMLElement, store: AppStore): View {
  root.hidden = true;
  const unsub = watchWords(
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
      const lang = s.lang;
      const dismiss = h('button', { type: 'button', class: 'dismiss' }, t(lang, 'app.dismiss'));
      dismiss.addEventListener('click', () => store.setState({ diagnostics: ds.filter((d) => d.severity !== 'error') }));
      fill(
        root,
        h(
          'div',
          { class: 'diag-head' },
          h('h2', {}, t(lang, 'app.diag.count', { n: errors.length })),
          h('span', { class: 'muted' }, t(lang, s.analysis ? 'app.diag.kept' : 'app.diag.nothing')),
          dismiss,
        ),
        h(
          'ul',
          { class: 'diag-list', 'aria-label': t(lang, 'app.diag.list') },
          errors.map((d) => h('li', {}, h('code', {}, diagnosticLine(d, lang)))),
        ),
      );
    },
  );
  return { destroy: unsub };
}
