/**
 * Compare, Paths and Sweep tabs and the debrief export (issue 7). Layout adds EXPLORE_TABS to a
 * tab group and calls mountExplore with its panels and the header. The tabs' code and the debrief
 * writer are loaded when first used (issue 8: JavaScript at first load); the Export button is
 * in the header from the start.
 */
import { download, h, watch, type View } from '../dom';
import { lazyTabs } from '../lazy';
import type { AppStore } from '../store';
import { currentComparison } from './state';
import { tr } from '../i18n';
import { mountDataExport } from '../data-export';

/** `label` is the English; `code` the tab's name in every language (the layout's tabs say it). */
export const EXPLORE_TABS = [
  { id: 'compare', label: 'Compare', code: 'app-tools.tab.compare' },
  { id: 'paths', label: 'Paths', code: 'app-tools.tab.paths' },
  { id: 'sweep', label: 'Sweep', code: 'app-tools.tab.sweep' },
] as const;

/** The tabs' views, loaded the first time one of them is shown. */
export const loadExplorePanels = () => import('./panels');

export function mountExplore(
  panels: Record<string, HTMLElement | undefined>,
  header: HTMLElement,
  store: AppStore,
): View & { shownHooks: Record<string, () => void>; prefetch(): Promise<void> } {
  const tabs = lazyTabs(loadExplorePanels, {
    compare: { panel: panels.compare, mount: (m, panel) => m.mountCompare(panel, store) },
    paths: { panel: panels.paths, mount: (m, panel) => m.mountPaths(panel, store) },
    sweep: { panel: panels.sweep, mount: (m, panel) => m.mountSweep(panel, store) },
  });
  const views: View[] = [tabs, mountExportButton(header, store), mountDataExport(header, store)];
  return { shownHooks: tabs.shownHooks, prefetch: tabs.prefetch, destroy: () => views.forEach((v) => v.destroy()) };
}

/** "Export debrief" in the header; the debrief writer (export.ts and the core's debrief) loads on the first click. */
function mountExportButton(header: HTMLElement, store: AppStore): View {
  const button = h('button', { type: 'button', class: 'export-debrief' });
  button.addEventListener('click', () => {
    import('../debrief-export').then(
      ({ exportDebrief }) => {
        const made = exportDebrief(store);
        if (made) download(made.html, made.name, 'text/html');
      },
      (err: unknown) => console.warn('the debrief export could not be loaded:', err),
    );
  });
  (header.querySelector('.pickers') ?? header).append(button);
  const label = () => {
    const withCmp = currentComparison(store.getState());
    button.textContent = tr(store, 'app-tools.export.button');
    button.title = tr(store, withCmp ? 'app-tools.export.title-compare' : 'app-tools.export.title');
    button.disabled = !store.getState().analysis;
  };
  const unsubs = [
    watch(
      store,
      (s) => [s.analysis, currentComparison(s), s.lang] as const,
      label,
      (x, y) => x[0] === y[0] && x[1] === y[1] && x[2] === y[2],
    ),
  ];
  return {
    destroy: () => {
      unsubs.forEach((u) => u());
      button.remove();
    },
  };
}
