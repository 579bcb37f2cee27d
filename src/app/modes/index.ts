/**
 * The training modes under the plot (Step, Drill, What-if), and a banner over the plot that says
 * when the main view shows a drill or what-if run instead of the scenario's own run.
 */
import { h, watch, type View } from '../dom';
import type { AppStore } from '../store';
import { mountDrill } from './drill';
import { mountStep } from './step';
import { mountWhatIf } from './whatif';
import { shownLabel } from './shared';

export const MODE_TABS = [
  { id: 'step', label: 'Step' },
  { id: 'drill', label: 'Drill' },
  { id: 'whatif', label: 'What-if' },
] as const;

export interface ModeViews extends View {
  /** Per tab id: what to call when that tab is shown. */
  shownHooks: Record<string, () => void>;
}

/** Mounts the modes into their tab panels and the banner just before `plot`. */
export function mountModes(panels: Record<string, HTMLElement | undefined>, store: AppStore, plot: HTMLElement, keyTarget: Document | HTMLElement = document): ModeViews {
  const views: View[] = [];
  const hooks: Record<string, () => void> = {};
  if (panels.step) {
    const v = mountStep(panels.step, store);
    views.push(v);
    hooks.step = () => v.shown?.();
  }
  if (panels.drill) views.push(mountDrill(panels.drill, store, keyTarget));
  if (panels.whatif) views.push(mountWhatIf(panels.whatif, store));

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
  return { destroy: () => views.forEach((v) => v.destroy()), shownHooks: hooks };
}
