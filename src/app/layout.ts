/**
 * The screen: header with pickers; findings (breakdowns, scorecard, facts) on the left; the plot
 * in the centre above the inspector and sequence chart; the event log on the right; the
 * timeline along the bottom. Each panel only talks to the store.
 */
import { h, type View } from './dom';
import { mountBreakdowns } from './panels/breakdowns';
import { mountDiagnostics } from './panels/diagnostics';
import { mountHeader } from './panels/header';
import { mountInspector } from './panels/inspector';
import { mountLog } from './panels/log';
import { mountSequence } from './panels/sequence';
import { mountTimeline } from './panels/timeline';
import { createTabs } from './tabs';
import { MODE_TABS, mountModes } from './modes/index';
import { BEYOND_TABS, mountBeyond } from './beyond/index';
import { mountEditorEntry } from './editor/entry';
import { mountTriggers } from './editor/triggers-panel';
import type { AppStore } from './store';

export interface Layout extends View {
  /** Where the tactical plot mounts. */
  plot: HTMLElement;
}

export function mountLayout(root: HTMLElement, store: AppStore, keyTarget: Document | HTMLElement = document): Layout {
  const header = h('header', { class: 'app-header', role: 'banner' });
  const diagnostics = h('section', { class: 'diagnostics', 'aria-label': 'Problems in the input' });
  const findings = h('section', { class: 'panel findings', 'aria-labelledby': 'findings-h' }, h('h2', { id: 'findings-h', class: 'panel-title' }, 'Findings'));
  const plot = h('div', { id: 'plot', class: 'plot', role: 'region', 'aria-label': 'Tactical plot' });
  const shownHooks: Record<string, () => void> = {};
  const lower = createTabs(
    'Details',
    [
      { id: 'inspector', label: 'Unit inspector' },
      { id: 'sequence', label: 'Sequence chart' },
      ...MODE_TABS,
      ...BEYOND_TABS,
    ],
    'inspector',
    (id) => shownHooks[id]?.(),
  );
  const lowerPane = h('section', { class: 'panel lower', 'aria-label': 'Unit inspector, sequence chart and training modes' }, lower.root);
  const centre = h('main', { class: 'centre' }, plot, lowerPane);
  const log = h('section', { class: 'panel log', 'aria-labelledby': 'log-h' }, h('h2', { id: 'log-h', class: 'panel-title' }, 'Event log'));
  const timeline = h('footer', { class: 'timeline', role: 'region', 'aria-label': 'Timeline' });
  root.classList.add('app');
  root.replaceChildren(header, diagnostics, findings, centre, log, timeline);

  const sequence = mountSequence(lower.panels.sequence!, store);
  shownHooks.sequence = () => sequence.shown?.();
  const modes = mountModes(lower.panels, store, plot, keyTarget);
  Object.assign(shownHooks, modes.shownHooks);
  const findingsView = mountBreakdowns(findings, store, [{ id: 'triggers', label: 'Triggers' }]);
  const views: View[] = [
    mountHeader(header, store),
    mountDiagnostics(diagnostics, store),
    findingsView,
    mountInspector(lower.panels.inspector!, store),
    sequence,
    mountLog(log, store),
    mountTimeline(timeline, store, keyTarget),
    modes,
  ];
  // The editor (loaded on demand) takes a column of its own while open; the Triggers tab opens
  // a rule or trigger where it is written.
  const editor = mountEditorEntry(root, header, store);
  views.push(editor, mountTriggers(findingsView.panels.triggers!, store, { showSource: (file, line) => void editor.show(file, line) }));
  const beyond = mountBeyond(lower.panels, header, store);
  Object.assign(shownHooks, beyond.shownHooks);
  views.push(beyond);
  return {
    plot,
    destroy: () => views.forEach((v) => v.destroy()),
  };
}
