/**
 * The training modes under the plot (Step, Drill, What-if), and a banner over the plot that says
 * when the main view shows a drill or what-if run instead of the scenario's own run.
 */
import { h, watch, type View } from '../dom';
import type { AppStore } from '../store';
import { lazyTabs } from '../lazy';
import { tr } from '../i18n';
import { bannerLabel } from './banner';

/** `label` is the English; `code` the tab's name in every language (the layout's tabs say it). */
export const TRAINING_TABS = [
  { id: 'step', label: 'Step', code: 'app-tools.tab.step' },
  { id: 'drill', label: 'Drill', code: 'app-tools.tab.drill' },
  { id: 'whatif', label: 'What-if', code: 'app-tools.tab.whatif' },
] as const;

export interface ModeViews extends View {
  /** Per tab id: what to call when that tab is shown. */
  shownHooks: Record<string, () => void>;
  /** Starts loading the modes' code; settles when it is in. */
  prefetch(): Promise<void>;
}

/** The modes' views are loaded the first time one of their tabs is shown. */
export const loadTrainingPanels = () => import('./panels');

/** Mounts the modes into their tab panels and the banner just before `plot`. */
export function mountTraining(
  panels: Record<string, HTMLElement | undefined>,
  store: AppStore,
  plot: HTMLElement,
  keyTarget: Document | HTMLElement = document,
): ModeViews {
  const views: View[] = [];
  const tabs = lazyTabs(loadTrainingPanels, {
    step: { panel: panels.step, mount: (m, panel) => m.mountStep(panel, store) },
    drill: { panel: panels.drill, mount: (m, panel) => m.mountDrill(panel, store, keyTarget) },
    whatif: { panel: panels.whatif, mount: (m, panel) => m.mountWhatIf(panel, store) },
  });
  views.push(tabs);

  const text = h('span', { class: 'shown-text' });
  const back = h('button', { type: 'button', class: 'link-like' });
  back.addEventListener('click', () => store.getState().showAnalysis(null));
  const mainView = h('span', { class: 'muted' });
  const banner = h('div', { class: 'shown-banner', role: 'status', hidden: true }, mainView, text, back);
  plot.before(banner);
  views.push({
    destroy: watch(
      store,
      (s) => s.lang,
      () => {
        mainView.textContent = tr(store, 'app-tools.banner.main-view');
        back.textContent = tr(store, 'app-tools.banner.back');
      },
    ),
  });
  views.push({
    destroy: watch(
      store,
      (s) => bannerLabel(s),
      (label) => {
        banner.hidden = label === null;
        text.textContent = label ?? '';
        text.title = label ?? '';
      },
    ),
  });
  views.push({ destroy: () => banner.remove() });
  return { destroy: () => views.forEach((v) => v.destroy()), shownHooks: tabs.shownHooks, prefetch: tabs.prefetch };
}
