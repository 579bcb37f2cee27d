/**
 * The screen: header with pickers; findings (breakdowns, scorecard, facts) on the left; the plot
 * in the centre above the inspector and sequence chart; the event log on the right; the
 * timeline along the bottom. Each panel only talks to the store.
 */
import { h, watch, type View } from './dom';
import { t } from '../i18n';
import { mountBreakdowns } from './panels/breakdowns';
import { mountDiagnostics } from './panels/diagnostics';
import { mountRunStatus } from './panels/run-status';
import { mountHeader } from './panels/header';
import { mountInspector } from './panels/inspector';
import { mountLog } from './panels/log';
import { mountTimeline } from './panels/timeline';
import { mountPresent } from './panels/present';
import { createStoreTabs, type TabSpec } from './tabs';
import { TRAINING_TABS, mountTraining } from './training/index';
import { EXPLORE_TABS, mountExplore } from './explore/index';
import { mountEditorEntry } from './editor/entry';
import { lazyTabs } from './lazy';
import { DEFAULT_TABS, type AppStore } from './store';

/** The Triggers tab's view, loaded the first time the tab is shown. */
export const loadTriggersPanel = () => import('./editor/triggers-panel');
/** The sequence chart's view, loaded the first time its tab is shown. */
export const loadSequencePanel = () => import('./panels/sequence');

export interface Layout extends View {
  /** Where the tactical plot mounts. */
  plot: HTMLElement;
  /** Fetches the code of the tabs not in the first load (modes, Compare/Paths/Sweep, Triggers); settles when it is in. */
  prefetch(): Promise<void>;
}

export function mountLayout(root: HTMLElement, store: AppStore, keyTarget: Document | HTMLElement = document): Layout {
  const header = h('header', { class: 'app-header', role: 'banner' });
  const diagnostics = h('section', { class: 'diagnostics' });
  const findingsTitle = h('h2', { id: 'findings-h', class: 'panel-title' });
  const findings = h('section', { class: 'panel findings', 'aria-labelledby': 'findings-h' }, findingsTitle);
  const plot = h('div', { id: 'plot', class: 'plot', role: 'region' });
  const shownHooks: Record<string, () => void> = {};
  const lower = createStoreTabs(
    store,
    'details',
    'Details',
    [{ id: 'inspector', label: 'Unit inspector' }, { id: 'sequence', label: 'Sequence chart' }, ...TRAINING_TABS, ...EXPLORE_TABS],
    DEFAULT_TABS.details,
    (id) => shownHooks[id]?.(),
  );
  const lowerPane = h('section', { class: 'panel lower' }, lower.root);
  const centre = h('main', { class: 'centre' }, plot, lowerPane);
  const logTitle = h('h2', { id: 'log-h', class: 'panel-title' });
  const log = h('section', { class: 'panel log', 'aria-labelledby': 'log-h' }, logTitle);
  const timeline = h('footer', { class: 'timeline', role: 'region' });
  // The layout's own words, in the reader's language; `<html lang>` follows it (fonts, screen readers).
  const unwordLayout = watch(
    store,
    (s) => s.lang,
    (lang) => {
      root.ownerDocument.documentElement.lang = lang;
      diagnostics.setAttribute('aria-label', t(lang, 'app.layout.problems'));
      findingsTitle.textContent = t(lang, 'app.layout.findings');
      plot.setAttribute('aria-label', t(lang, 'app.layout.plot'));
      lower.setName(t(lang, 'app.layout.details'));
      lower.setLabel('inspector', t(lang, 'app.tab.inspector'));
      lower.setLabel('sequence', t(lang, 'app.tab.sequence'));
      // The modes' and explore tabs' labels, where their specs name a message code (app-tools.*).
      for (const spec of [...TRAINING_TABS, ...EXPLORE_TABS] as TabSpec[]) if (spec.code) lower.setLabel(spec.id, t(lang, spec.code));
      lowerPane.setAttribute('aria-label', t(lang, 'app.layout.lower'));
      logTitle.textContent = t(lang, 'app.layout.log');
      timeline.setAttribute('aria-label', t(lang, 'app.layout.timeline'));
    },
  );
  root.classList.add('app');
  const runStatus = h('div', {});
  root.replaceChildren(header, diagnostics, findings, centre, log, timeline, runStatus);

  // The sequence chart, like the tabs after it, is not in the first load (see lazy.ts).
  const sequence = lazyTabs(loadSequencePanel, { sequence: { panel: lower.panels.sequence, mount: (m, panel) => m.mountSequence(panel, store) } });
  Object.assign(shownHooks, sequence.shownHooks);
  const training = mountTraining(lower.panels, store, plot, keyTarget);
  Object.assign(shownHooks, training.shownHooks);
  const inspector = mountInspector(lower.panels.inspector!, store);
  shownHooks.inspector = () => inspector.shown?.();
  // The Triggers tab's view (and the core's trigger explanation) loads on first show.
  let findingsHooks: Record<string, () => void> = {};
  const findingsView = mountBreakdowns(findings, store, [{ id: 'triggers', label: 'Triggers', code: 'app.tab.triggers' }], (id) => findingsHooks[id]?.());
  const views: View[] = [
    { destroy: unwordLayout },
    lower,
    mountHeader(header, store),
    mountDiagnostics(diagnostics, store),
    mountRunStatus(runStatus, store),
    findingsView,
    inspector,
    sequence,
    mountLog(log, store),
    mountTimeline(timeline, store, keyTarget),
    training,
    mountPresent(root, header, plot, store, keyTarget),
  ];
  // The editor (loaded on demand) takes a column of its own while open; the Triggers tab opens
  // a rule or trigger where it is written.
  const editor = mountEditorEntry(root, header, store);
  const triggers = lazyTabs(loadTriggersPanel, {
    triggers: {
      panel: findingsView.panels.triggers,
      mount: (m, panel) => m.mountTriggers(panel, store, { showSource: (file, line) => void editor.show(file, line) }),
    },
  });
  findingsHooks = triggers.shownHooks;
  findings.querySelector('[role="tablist"]')?.addEventListener('pointerover', () => void triggers.prefetch(), { once: true });
  findings.querySelector('[role="tablist"]')?.addEventListener('focusin', () => void triggers.prefetch(), { once: true });
  views.push(editor, triggers);
  const explore = mountExplore(lower.panels, header, store);
  Object.assign(shownHooks, explore.shownHooks);
  views.push(explore);
  // A link may open a tab whose view loads on first show: the tabs were made (and that tab shown)
  // before the hooks that load it were in place, so it is shown once more now.
  shownHooks[store.getState().openTabs.details]?.();
  findingsHooks[store.getState().openTabs.findings]?.();
  // The sequence chart's, the modes' and the Compare/Paths/Sweep tabs' code is not in the first
  // load: main.ts fetches it once the plot is up, and the pointer or the keyboard coming to the tab
  // list asks for it sooner.
  const prefetchLower = () => Promise.all([sequence.prefetch(), training.prefetch(), explore.prefetch()]).then(() => {});
  const tablist = lower.root.querySelector('[role="tablist"]');
  tablist?.addEventListener('pointerover', () => void prefetchLower(), { once: true });
  tablist?.addEventListener('focusin', () => void prefetchLower(), { once: true });
  return {
    plot,
    prefetch: () => Promise.all([prefetchLower(), triggers.prefetch()]).then(() => {}),
    destroy: () => views.forEach((v) => v.destroy()),
  };
}
