/**
 * A run under way off the page: which file, how long so far, and Stop. The page stays usable
 * meanwhile (the run is in a worker), so a file that runs away costs a click, not the tab.
 */
import { h, watch, type View } from '../dom';
import type { AppStore } from '../store';

export function mountRunStatus(root: HTMLElement, store: AppStore): View {
  root.classList.add('run-status');
  root.setAttribute('role', 'status');
  root.hidden = true;
  const words = h('span', {});
  const stop = h('button', { type: 'button', class: 'stop-run' }, 'Stop');
  stop.addEventListener('click', () => store.getState().stopRun());
  root.replaceChildren(words, ' ', stop);
  let ticker: ReturnType<typeof setInterval> | null = null;
  const show = () => {
    const r = store.getState().running;
    if (!r) return;
    const s = Math.floor((performance.now() - r.since) / 1000);
    words.textContent = `Running ${r.file}… ${s} s (limit ${store.getState().runLimitS} s)`;
  };
  const unsub = watch(
    store,
    (s) => s.running,
    (r) => {
      root.hidden = !r;
      if (ticker) clearInterval(ticker);
      ticker = r ? setInterval(show, 1000) : null;
      show();
    },
  );
  return {
    destroy: () => {
      unsub();
      if (ticker) clearInterval(ticker);
    },
  };
}
