/**
 * The moment on screen lives in the query string: ?scenario=…&account=…&procedure=…&t=…, and the
 * reader's language (&lang=ja) when they chose one.
 * Written with history.replaceState (no history entry per frame): the run at once, the playhead at
 * most every `intervalMs`.
 */
import { isLang, pickLang, type Lang } from '../i18n';
import type { AppState, AppStore } from './store';

export interface UrlMoment {
  scenario?: string;
  account?: string | null;
  procedure?: string;
  t?: number;
  lang?: Lang;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/;

export function readUrl(search: string): UrlMoment {
  const q = new URLSearchParams(search);
  const out: UrlMoment = {};
  const scenario = q.get('scenario');
  const account = q.get('account');
  const procedure = q.get('procedure');
  const t = q.get('t');
  const lang = q.get('lang');
  if (scenario && ID.test(scenario)) out.scenario = scenario;
  if (account && ID.test(account)) out.account = account;
  if (procedure && ID.test(procedure)) out.procedure = procedure;
  if (t !== null && t.trim() !== '' && Number.isFinite(Number(t)) && Number(t) >= 0) out.t = Number(t);
  if (isLang(lang)) out.lang = lang;
  return out;
}

/**
 * Opens the moment a URL names. When it names an account or procedure the scenario does not have,
 * the default run opens instead and the problems stay listed, so the user sees why.
 */
export function openMoment(store: AppStore, search: string, preferred: readonly string[] | undefined = browserLanguages()): Promise<void> {
  const { lang, ...moment } = readUrl(search);
  // The language first, so the first run's words (diagnostics included) are in it.
  store.getState().setLang(lang ?? pickLang(preferred));
  store.getState().open(moment);
  const fallBack = () => {
    if (store.getState().analysis) return;
    const problems = store.getState().diagnostics;
    store.getState().open({ scenario: moment.scenario, t: moment.t });
    if (!store.getState().analysis) store.getState().open({});
    store.setState({ diagnostics: [...problems, ...store.getState().diagnostics] });
  };
  // A link to an author's procedure runs off the page: fall back only once that run has ended.
  if (store.getState().running) return store.getState().settled().then(fallBack);
  fallBack();
  return Promise.resolve();
}

/** The browser's preferred languages, where there is a browser. */
function browserLanguages(): readonly string[] | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.languages;
}

/** The moment as a query; `lang` only when given (an address without it follows the browser's language). */
export function momentQuery(s: Pick<AppState, 'scenarioId' | 'account' | 'procedure' | 't'> & { lang?: Lang }): string {
  const q = new URLSearchParams();
  if (s.scenarioId) q.set('scenario', s.scenarioId);
  if (s.account) q.set('account', s.account);
  if (s.procedure) q.set('procedure', s.procedure);
  q.set('t', String(Math.round(s.t * 10) / 10));
  if (s.lang) q.set('lang', s.lang);
  return `?${q.toString()}`;
}

export interface UrlSync {
  /** Writes the pending moment now (e.g. before the page goes away). */
  flush(): void;
  stop(): void;
}

export function syncUrl(store: AppStore, win: Window = window, intervalMs = 400): UrlSync {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const s = store.getState();
    if (!s.analysis) return;
    const query = momentQuery(s);
    if (query !== win.location.search) win.history.replaceState(win.history.state, '', `${win.location.pathname}${query}${win.location.hash}`);
  };
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    write();
  };
  const unsub = store.subscribe((s, prev) => {
    // A new run (scenario, account or procedure) is written at once, so a reload or a copied
    // link right after the switch opens it; only the playhead, which moves every frame, waits.
    if (s.account !== prev.account || s.procedure !== prev.procedure || s.scenarioId !== prev.scenarioId || s.lang !== prev.lang) flush();
    else if (s.t !== prev.t && timer === null) timer = setTimeout(write, intervalMs);
  });
  win.addEventListener('pagehide', flush);
  write();
  return {
    flush,
    stop() {
      unsub();
      win.removeEventListener('pagehide', flush);
      if (timer !== null) clearTimeout(timer);
    },
  };
}
