/**
 * Tabs whose code is not part of the first load (issue 8: JavaScript before the plot is drawn).
 * The tab's panel exists from the start (the tab list is whole and keyboard order is unchanged);
 * its view is mounted the first time the tab is shown, once its module has arrived. The modules
 * are fetched in the background once the plot is up (main.ts, through Layout.prefetch), or as
 * soon as the pointer or the keyboard comes to the tab list if that is sooner, so a tab normally
 * opens at once, and keyboard users find its controls where they expect them.
 */
import { isLang, t } from '../i18n';
import type { View } from './dom';

export interface LazyTabs {
  /** Per tab id: mount on first show (then call the view's shown()), later just shown(). */
  shownHooks: Record<string, () => void>;
  /** Starts loading the module (idempotent); settles when it is in (never rejects). */
  prefetch(): Promise<void>;
  destroy(): void;
}

export function lazyTabs<M>(
  load: () => Promise<M>,
  tabs: Record<string, { panel: HTMLElement | undefined; mount: (m: M, panel: HTMLElement) => View }>,
): LazyTabs {
  let module: Promise<M> | null = null;
  const get = () => {
    module ??= load().catch((err: unknown) => {
      module = null;
      throw err;
    });
    return module;
  };
  const views: View[] = [];
  let destroyed = false;
  const shownHooks: Record<string, () => void> = {};
  for (const [id, { panel, mount }] of Object.entries(tabs)) {
    if (!panel) continue;
    let view: View | null = null;
    let loading = false;
    shownHooks[id] = () => {
      if (view) {
        view.shown?.();
        return;
      }
      if (loading) return;
      loading = true;
      get().then(
        (m) => {
          loading = false;
          if (destroyed || view) return;
          view = mount(m, panel);
          views.push(view);
          if (!panel.hidden) view.shown?.();
        },
        (err: unknown) => {
          loading = false;
          console.warn(`the ${id} tab could not be loaded:`, err);
          // In the page's language (layout.ts keeps <html lang> on the reader's).
          const lang = panel.ownerDocument.documentElement.lang;
          panel.textContent = t(isLang(lang) ? lang : 'en', 'app.lazy.failed');
        },
      );
    };
  }
  return {
    shownHooks,
    prefetch: () =>
      get().then(
        () => {},
        () => {},
      ),
    destroy() {
      destroyed = true;
      views.forEach((v) => v.destroy());
    },
  };
}
