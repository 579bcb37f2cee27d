// Mounts the whole app (minus the pixi plot) on a fresh store, as main.ts does, for DOM tests.
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { within } from '@testing-library/dom';
import { afterEach } from 'vitest';
import { createAppStore, type AppStore } from '../../src/app/store';
import { loadSequencePanel, loadTriggersPanel, mountLayout, type Layout } from '../../src/app/layout';
import { loadTrainingPanels } from '../../src/app/training/index';
import { loadExplorePanels } from '../../src/app/explore/index';
import { openMoment } from '../../src/app/url';

// Tabs whose code the app loads on first show (src/app/lazy.ts): loaded here once, so that in the
// tests a tab's view is mounted within the click that shows it, as in a browser that has the chunk.
await Promise.all([loadSequencePanel(), loadTrainingPanels(), loadExplorePanels(), loadTriggersPanel(), import('../../src/app/debrief-export')]);

export interface Mounted {
  store: AppStore;
  root: HTMLElement;
  layout: Layout;
  user: ReturnType<typeof userEvent.setup>;
  screen: ReturnType<typeof within>;
}

const mounted: Layout[] = [];

afterEach(() => {
  while (mounted.length) mounted.pop()!.destroy();
  document.body.replaceChildren();
});

export function mountApp(initial: Parameters<typeof createAppStore>[0] = { scenario: 'dec-2018-noto', account: 'rok' }): Mounted {
  return mountOn(createAppStore(initial));
}

/** Opens a link as main.ts does: the moment first, from the query, then the panels on it. */
export async function mountLink(search: string): Promise<Mounted> {
  const store = createAppStore();
  await openMoment(store, search, ['en']);
  return mountOn(store);
}

/** The app's panels on a store, on the page. */
function mountOn(store: AppStore): Mounted {
  const root = document.createElement('div');
  document.body.append(root);
  const layout = mountLayout(root, store);
  mounted.push(layout);
  // No stylesheet is loaded under jsdom, so the pointer-events check would only cost time.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  return { store, root, layout, user, screen: within(document.body) };
}

/** Takes one mounted app off the page (its store and views), so a second can be opened alone. */
export function unmount(m: Mounted): void {
  m.layout.destroy();
  mounted.splice(mounted.indexOf(m.layout), 1);
  m.root.remove();
}

/**
 * Only the event log's rows in view (and a block either side) are in the DOM, and jsdom lays
 * nothing out: makes the log panel tall enough for a whole scenario's log, so every row renders.
 */
export function tallLog(list: HTMLElement): void {
  const scroller = list.parentElement!;
  Object.defineProperty(scroller, 'clientHeight', { value: 100_000 });
  scroller.dispatchEvent(new Event('scroll'));
}

/** The log entry (li) a button belongs to. */
export const rowOf = (el: HTMLElement) => el.closest('li')!;
