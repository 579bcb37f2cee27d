/**
 * Browser entry: opens the moment named in the URL, lays out the panels, starts the animation
 * loop and the URL sync, then mounts the tactical plot (its code fetched from the start, but
 * separately, so a missing or failing plot never takes the panels down with it).
 */
// First: zod must know it is jitless before any schema is built (the CSP has no 'unsafe-eval').
import './csp';
import './styles.css';
import { createAppStore, type AppStore } from './store';
import { workerRunner } from './off-page/worker-runner';
import { mountLayout } from './layout';
import { startClock } from './clock';
import { openMoment, readUrl, syncUrl } from './url';
import { fetchLand } from './plot/land-data';
import { registerDraftProcedures } from './editor/entry';
import { createDraftStore } from './editor/drafts';
import { takeUnfinishedRun, type UnfinishedRun } from './run-guard';
import { tr } from './i18n';
import { LANGS, loadLang, pickLang } from '../i18n';
import { registerOffline } from './offline';

declare global {
  interface Window {
    /** Test and console hook: the app's store. */
    encounterSim?: { store: AppStore };
  }
}

// Dynamic import: the plot and pixi.js are their own chunk, so a plot that fails to load never takes
// the panels down. pixi.js/unsafe-eval: pixi's shaders without eval(), so the CSP needs no 'unsafe-eval' (issue 8).
const loadPlotCode = () => Promise.all([import('./plot/index'), import('pixi.js/unsafe-eval')]);

/** Mounts the plot; resolves at its first frame, with the renderer's name and the detailed coast to come. */
async function mountPlotArea(
  container: HTMLElement,
  store: AppStore,
  code: ReturnType<typeof loadPlotCode>,
): Promise<{ renderer: string; detail: Promise<void> }> {
  try {
    const [{ mountPlot }] = await code;
    const plot = await mountPlot(container, store);
    return { renderer: plot.rendererName, detail: plot.detail };
  } catch (err) {
    console.warn('tactical plot unavailable:', err);
    const note = document.createElement('p');
    note.className = 'plot-missing';
    note.textContent = tr(store, 'app.main.no-plot');
    container.replaceChildren(note);
    return { renderer: 'none', detail: Promise.resolve() };
  }
}

/** Says what happened last time and offers the link again; every draft is still in the editor. */
function showUnfinishedRun(root: HTMLElement, store: AppStore, u: UnfinishedRun): void {
  const note = document.createElement('div');
  note.className = 'unfinished-run';
  note.setAttribute('role', 'alert');
  const words = document.createElement('p');
  words.textContent = tr(store, 'app.main.unfinished', { file: u.file });
  const again = document.createElement('button');
  again.type = 'button';
  again.textContent = tr(store, 'app.main.open-last');
  again.addEventListener('click', () => window.location.assign(`${window.location.pathname}${u.search}`));
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = tr(store, 'app.dismiss');
  close.addEventListener('click', () => note.remove());
  note.append(words, again, ' ', close);
  root.prepend(note);
}

async function main(): Promise<void> {
  // The plot's first frame needs the coarse coast: fetch it while the code and the first run load.
  fetchLand('coarse').catch(() => {});
  // The plot's code too, so it arrives while the reader's language loads and the first run is made.
  const plotCode = loadPlotCode();
  plotCode.catch(() => {});
  const root = document.querySelector<HTMLElement>('#app') ?? document.body;
  // Files the author brings run in a worker, so a runaway cannot freeze the page (shipped ones run here).
  const offPage = typeof Worker === 'undefined' ? undefined : workerRunner();
  const store = createAppStore(undefined, { offPage });
  window.encounterSim = { store };
  // A run that never ended last time (the page hung or crashed in it): open without the drafts'
  // procedures, the editor's last file and the link, so the same file cannot stop the app again.
  const unfinished = takeUnfinishedRun();
  if (unfinished) {
    const drafts = createDraftStore();
    drafts.setSession({ ...drafts.session(), open: false });
  } else {
    // Procedures kept as drafts first, so that "?procedure=my-draft" after a reload finds the
    // author's procedure instead of falling back to the scenario's own.
    try {
      registerDraftProcedures(createDraftStore());
    } catch (err) {
      console.warn('drafts could not be read; they are registered when opened', err);
    }
  }
  const search = unfinished ? '' : window.location.search;
  // The reader's language before the first words go on screen (English is always in the first load).
  await loadLang(readUrl(search).lang ?? pickLang(navigator.languages)).catch((err: unknown) => console.warn('messages not loaded:', err));
  const opened = openMoment(store, search);
  const layout = mountLayout(root, store);
  if (unfinished) showUnfinishedRun(root, store, unfinished);
  startClock(store);
  syncUrl(store);
  const { renderer, detail } = await mountPlotArea(layout.plot, store, plotCode);
  // The first frame is drawn with a coarse coast. Then, in the background, the detailed coast, the
  // code of the tabs left out of the first load and the other languages' messages (so tabs open and
  // the language switches at once); the app counts as ready when they are in. The off-page
  // worker's code loads then too, so the first draft runs without that wait.
  offPage?.warm();
  const languages = LANGS.map((l) => loadLang(l).catch(() => {}));
  await Promise.all([detail, layout.prefetch(), ...languages, opened, store.getState().settled()]);
  document.body.dataset.renderer = renderer;
  document.body.dataset.ready = 'true';
  void registerOffline();
}

void main();
