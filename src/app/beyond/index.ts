/**
 * Compare, Paths and Sweep tabs and the debrief export (issue 7). Layout adds BEYOND_TABS to a
 * tab group and calls mountBeyond with its panels and the header.
 */
import type { View } from '../dom';
import type { AppStore } from '../store';
import { mountCompare } from './compare';
import { mountExport } from './export';
import { mountPaths } from './paths';
import { mountSweep } from './sweep';
import { createBeyondStore } from './state';

export const BEYOND_TABS = [
  { id: 'compare', label: 'Compare' },
  { id: 'paths', label: 'Paths' },
  { id: 'sweep', label: 'Sweep' },
] as const;

export function mountBeyond(panels: Record<string, HTMLElement | undefined>, header: HTMLElement, store: AppStore): View & { shownHooks: Record<string, () => void> } {
  const beyond = createBeyondStore();
  const views: View[] = [];
  const shownHooks: Record<string, () => void> = {};
  if (panels.compare) views.push(mountCompare(panels.compare, store, beyond));
  if (panels.paths) {
    const v = mountPaths(panels.paths, store);
    views.push(v);
    shownHooks.paths = () => v.shown?.();
  }
  if (panels.sweep) views.push(mountSweep(panels.sweep, store));
  views.push(mountExport(header, store, beyond));
  return { shownHooks, destroy: () => views.forEach((v) => v.destroy()) };
}
