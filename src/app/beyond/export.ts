/**
 * "Export debrief" in the header: the run on screen as one self-contained HTML file (the core's
 * debriefHtml, which escapes every piece of scenario text), with the comparison when one was
 * made for this run. Downloaded through a Blob and a[download]; nothing leaves the browser.
 */
import { debriefHtml } from '../../core/debrief/html';
import { download, h, watch, type View } from '../dom';
import type { AppStore } from '../store';
import { comparisonFor, watchBeyond, type BeyondStore } from './state';

const slug = (x: string) => x.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'run';

export function debriefFileName(store: AppStore): string {
  const s = store.getState();
  const a = s.analysis;
  const sc = a?.run.scenario;
  return `debrief-${slug(s.scenarioId || sc?.spec.id || 'scenario')}${sc?.account ? `-${slug(sc.account)}` : ''}-${slug(sc?.procedure.id ?? 'run')}.html`;
}

/** The debrief of the run on screen (with the comparison if one was made for it). */
export function exportDebrief(store: AppStore, beyond: BeyondStore): { name: string; html: string } | null {
  const a = store.getState().analysis;
  if (!a) return null;
  const made = comparisonFor(beyond.getState().made, a);
  return { name: debriefFileName(store), html: debriefHtml(a, made ? { comparison: made.comparison } : {}) };
}

export function mountExport(header: HTMLElement, store: AppStore, beyond: BeyondStore): View {
  const button = h('button', { type: 'button', class: 'export-debrief', title: 'Download a self-contained HTML debrief of this run' }, 'Export debrief');
  button.addEventListener('click', () => {
    const made = exportDebrief(store, beyond);
    if (!made) return;
    download(made.html, made.name, 'text/html');
  });
  (header.querySelector('.pickers') ?? header).append(button);
  const label = () => {
    const withCmp = comparisonFor(beyond.getState().made, store.getState().analysis);
    button.title = withCmp ? 'Download a self-contained HTML debrief of this run, with the comparison' : 'Download a self-contained HTML debrief of this run';
    button.disabled = !store.getState().analysis;
  };
  const unsubs = [watch(store, (s) => s.analysis, label), watchBeyond(beyond, (s) => s.made, label)];
  return { destroy: () => { unsubs.forEach((u) => u()); button.remove(); } };
}
