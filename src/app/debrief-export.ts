/**
 * "Export debrief" (the button is in explore/index.ts; this module loads on its first click): the
 * run on screen as one self-contained HTML file (the core's debriefHtml, which escapes every
 * piece of scenario text), with the comparison when one was made for this run. Downloaded
 * through a Blob and a[download]; nothing leaves the browser.
 */
import { debriefHtml } from '../core/debrief/html';
import type { AppStore } from './store';
import { currentComparison } from './explore/state';

const slug = (x: string) =>
  x
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'run';

export function debriefFileName(store: AppStore): string {
  const s = store.getState();
  const a = s.analysis;
  const sc = a?.run.scenario;
  return `debrief-${slug(s.scenarioId || sc?.spec.id || 'scenario')}${sc?.account ? `-${slug(sc.account)}` : ''}-${slug(sc?.procedure.id ?? 'run')}.html`;
}

/** The debrief of the run on screen (with the comparison if one was made for it). */
export function exportDebrief(store: AppStore): { name: string; html: string } | null {
  const a = store.getState().analysis;
  if (!a) return null;
  const made = currentComparison(store.getState());
  // The debrief in the reader's language (the core's debriefHtml takes `lang` as issue 16 converts it).
  const options = { ...(made ? { comparison: made.comparison } : {}), lang: store.getState().lang } as Parameters<typeof debriefHtml>[1];
  return { name: debriefFileName(store), html: debriefHtml(a, options) };
}
