/**
 * The training modes under the plot (Step, Drill, What-if), and a banner over the plot that says
 * when the main view shows a drill or what-if run instead of the scenario's own run.
 */
import { h, watch, type View } from '../dom';
import type { AppStore } from '../store';
import { lazyTabs } from '../lazy';
import { shownLabel } from './shared';

export const TRAINING_TABS = [
  { id: 'step', label: 'Step' },
  { id: 'drill', label: 'Drill' },
  { id: 'whatif', label: 'What-if' },
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
  const back = h('button', { type: 'button', class: 'link-like' }, 'Back to scenario run');
  back.addEventListener('click', () => store.getState().showAnalysis(null));
  const banner = h('div', { class: 'shown-banner', role: 'status', hidden: true }, h('span', { class: 'muted' }, 'Main view: '), text, back);
  plot.before(banner);
  views.push({
    destroy: watch(
      store,
      (s) => shownLabel(s),
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
