/**
 * The moment on screen lives in the query string: ?scenario=…&account=…&procedure=…&t=…, and the
 * reader's language (&lang=ja) when they chose one. The view of it rides along when it is not the
 * default, so that a copied link shows what its sender saw: &breakdown=B3, &unit=ddg971,p1 and the
 * open tabs (&findings=scorecard, &details=sequence), and the area framed on the plot
 * (&view=x0,y0,x1,y1 in km about the scenario's centre, so it frames the same sea on any screen),
 * how the findings list is filtered and grouped (&bd-kind=heard&bd-call=tx-2&bd-group=call),
 * the two units measured against each other (&measure=ddg971,p1) and the unit the plot follows
 * (&follow=p1), presentation mode (&present=1) and the light theme (&theme=light), so a link sent
 * to the room's computer opens ready to project.
 * Written with history.replaceState (no history entry per frame): the run and the view at once, the
 * playhead at most every `intervalMs`.
 */
import { isLang, pickLang, type Lang } from '../i18n';
import { DEFAULT_TABS, isTheme, type AppState, type AppStore, type OpenTabs, type PlotView, type Theme } from './store';
import { NO_CALL, type BreakdownFilter, type BreakdownGrouping } from './panels/breakdown-groups';

export interface UrlMoment {
  scenario?: string;
  account?: string | null;
  procedure?: string;
  t?: number;
  lang?: Lang;
  breakdown?: string;
  units?: string[];
  tabs?: Partial<OpenTabs>;
  view?: PlotView;
  present?: boolean;
  theme?: Theme;
  /** The findings list's filter and grouping (&bd-kind=heard&bd-call=tx-2&bd-group=call). */
  breakdownFilter?: Partial<BreakdownFilter>;
  /** Range, bearing and CPA from the first to the second (&measure=ddg971,p1). */
  measure?: [string, string];
  /** The unit kept centred on the plot (&follow=p1). */
  follow?: string;
}

/** The plot's framed area as a link writes it: kilometres to 10 m. */
export function viewParam(v: PlotView): string {
  const r = (x: number) => String(Math.round(x * 100) / 100);
  return [v.x0, v.y0, v.x1, v.y1].map(r).join(',');
}

/** A framed area from a link, or undefined when it is not four finite numbers making a box of some size. */
export function parseView(text: string | null): PlotView | undefined {
  if (!text) return undefined;
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((p) => p.trim() === '')) return undefined;
  const [x0, y0, x1, y1] = parts.map(Number) as [number, number, number, number];
  if (![x0, y0, x1, y1].every((n) => Number.isFinite(n) && Math.abs(n) < 1e5)) return undefined;
  if (!(x1 - x0 > 0.001 && y1 - y0 > 0.001)) return undefined;
  return { x0, y0, x1, y1 };
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/;
const TAB_GROUPS = Object.keys(DEFAULT_TABS) as (keyof OpenTabs)[];

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
  const breakdown = q.get('breakdown');
  if (breakdown && ID.test(breakdown)) out.breakdown = breakdown;
  const units = (q.get('unit') ?? '').split(',').filter((id) => ID.test(id));
  if (units.length) out.units = units;
  for (const group of TAB_GROUPS) {
    const tab = q.get(group);
    if (tab && ID.test(tab)) out.tabs = { ...out.tabs, [group]: tab };
  }
  const view = parseView(q.get('view'));
  if (view) out.view = view;
  if (q.get('present') === '1') out.present = true;
  const theme = q.get('theme');
  if (isTheme(theme)) out.theme = theme;
  const filter = readBreakdownFilter(q);
  if (filter) out.breakdownFilter = filter;
  const measure = (q.get('measure') ?? '').split(',');
  if (measure.length === 2 && measure.every((id) => ID.test(id)) && measure[0] !== measure[1]) out.measure = [measure[0]!, measure[1]!];
  const follow = q.get('follow');
  if (follow && ID.test(follow)) out.follow = follow;
  return out;
}

const GROUPINGS: readonly BreakdownGrouping[] = ['none', 'kind', 'call'];

/** The findings list's filter from a link; a kind or call the run does not have simply shows nothing. */
function readBreakdownFilter(q: URLSearchParams): Partial<BreakdownFilter> | undefined {
  const out: Partial<BreakdownFilter> = {};
  const kind = q.get('bd-kind');
  const call = q.get('bd-call');
  const group = q.get('bd-group');
  if (kind && ID.test(kind)) out.kind = kind;
  if (call && (call === NO_CALL || ID.test(call))) out.call = call;
  if (group && (GROUPINGS as readonly string[]).includes(group)) out.group = group as BreakdownGrouping;
  return Object.keys(out).length ? out : undefined;
}

/** The findings list's filter as a link writes it: only what differs from showing every breakdown ungrouped. */
function writeBreakdownFilter(q: URLSearchParams, f: BreakdownFilter | undefined): void {
  if (!f) return;
  if (f.kind !== null) q.set('bd-kind', f.kind);
  if (f.call !== null) q.set('bd-call', f.call);
  if (f.group !== 'none') q.set('bd-group', f.group);
}

/**
 * Opens the moment a URL names. When it names an account or procedure the scenario does not have,
 * the default run opens instead and the problems stay listed, so the user sees why.
 */
export function openMoment(store: AppStore, search: string, preferred: readonly string[] | undefined = browserLanguages()): Promise<void> {
  const { lang, breakdown, units, tabs, view, present, theme, breakdownFilter, measure, follow, ...moment } = readUrl(search);
  // The language first, so the first run's words (diagnostics included) are in it.
  store.getState().setLang(lang ?? pickLang(preferred));
  if (theme) store.getState().setTheme(theme);
  if (present) store.getState().present(true);
  store.getState().open(moment);
  const fallBack = () => {
    if (store.getState().analysis) return;
    const problems = store.getState().diagnostics;
    store.getState().open({ scenario: moment.scenario, t: moment.t });
    if (!store.getState().analysis) store.getState().open({});
    store.setState({ diagnostics: [...problems, ...store.getState().diagnostics] });
  };
  const arrive = () => {
    fallBack();
    openView(store, { breakdown, units, tabs, view, t: moment.t, breakdownFilter, measure, follow });
  };
  // A link to an author's procedure runs off the page: fall back only once that run has ended.
  if (store.getState().running) return store.getState().settled().then(arrive);
  arrive();
  return Promise.resolve();
}

/**
 * Puts back what a link says was in view on the run now open. Ids the run does not have (a link
 * made on another run or version) are dropped one by one; the rest still opens.
 */
function openView(store: AppStore, view: Pick<UrlMoment, 'breakdown' | 'units' | 'tabs' | 'view' | 't' | 'breakdownFilter' | 'measure' | 'follow'>): void {
  const act = store.getState();
  // Picking a breakdown moves the playhead to it and selects its units: the link's own playhead
  // and units, which may have moved since, are put back after it.
  if (view.breakdown) act.selectBreakdown(view.breakdown);
  // A link with a breakdown and no units was made after its units were let go.
  if (view.units || view.breakdown) act.selectUnits(view.units ?? []);
  // Measuring selects its two units; a unit the run does not have measures nothing.
  if (view.measure) act.measureBetween(view.measure[0], view.measure[1]);
  if (view.follow && act.analysis?.run.scenario.units.some((u) => u.id === view.follow)) act.follow(view.follow);
  if (view.t !== undefined) act.seek(view.t);
  for (const group of TAB_GROUPS) {
    const tab = view.tabs?.[group];
    if (tab) act.showTab(group, tab);
  }
  if (view.view) act.setPlotView(view.view);
  if (view.breakdownFilter) act.setBreakdownFilter(view.breakdownFilter);
}

/** The browser's preferred languages, where there is a browser. */
function browserLanguages(): readonly string[] | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.languages;
}

/**
 * The moment as a query; `lang` only when given (an address without it follows the browser's
 * language), and the view only where it differs from what a run opens with.
 */
export function momentQuery(
  s: Pick<AppState, 'scenarioId' | 'account' | 'procedure' | 't'> &
    Partial<
      Pick<
        AppState,
        | 'selectedBreakdown'
        | 'selectedUnits'
        | 'openTabs'
        | 'plotView'
        | 'shown'
        | 'analysis'
        | 'presenting'
        | 'theme'
        | 'breakdownFilter'
        | 'measure'
        | 'following'
      >
    > & {
      lang?: Lang;
    },
): string {
  // A link opens the scenario's own run, never a drill or what-if run on screen, and breakdown ids
  // are numbered per run: that run's B2 would pick another breakdown of the scenario's own.
  const ownRun = !s.shown || s.shown.analysis !== s.analysis;
  const q = new URLSearchParams();
  if (s.scenarioId) q.set('scenario', s.scenarioId);
  if (s.account) q.set('account', s.account);
  if (s.procedure) q.set('procedure', s.procedure);
  q.set('t', String(Math.round(s.t * 10) / 10));
  if (s.selectedBreakdown && ownRun) q.set('breakdown', s.selectedBreakdown);
  if (s.selectedUnits?.length) q.set('unit', s.selectedUnits.join(','));
  for (const group of TAB_GROUPS) {
    const tab = s.openTabs?.[group];
    if (tab && tab !== DEFAULT_TABS[group]) q.set(group, tab);
  }
  if (s.plotView) q.set('view', viewParam(s.plotView));
  writeBreakdownFilter(q, s.breakdownFilter);
  if (s.measure) q.set('measure', s.measure.join(','));
  if (s.following) q.set('follow', s.following);
  if (s.presenting) q.set('present', '1');
  if (s.theme === 'light') q.set('theme', 'light');
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
    // A new run (scenario, account or procedure) or view is written at once, so a reload or a
    // copied link right after the switch opens it; only the playhead, which moves every frame, waits.
    if (
      s.account !== prev.account ||
      s.procedure !== prev.procedure ||
      s.scenarioId !== prev.scenarioId ||
      s.lang !== prev.lang ||
      s.selectedBreakdown !== prev.selectedBreakdown ||
      s.selectedUnits !== prev.selectedUnits ||
      s.openTabs !== prev.openTabs ||
      s.presenting !== prev.presenting ||
      s.theme !== prev.theme ||
      s.breakdownFilter !== prev.breakdownFilter ||
      s.measure !== prev.measure ||
      s.following !== prev.following
    )
      flush();
    // The framed area changes with every step of a drag or a wheel: written like the playhead.
    else if ((s.t !== prev.t || s.plotView !== prev.plotView) && timer === null) timer = setTimeout(write, intervalMs);
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
