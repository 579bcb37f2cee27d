/**
 * App state (zustand, vanilla): which run is loaded, the playhead, selection and filters, and
 * the runs the training and compare views ask for (what-if, drill, comparison).
 * One-way flow: the core produces an analysis and a replay; views read this store and send
 * intents through its actions. No view talks to another view or to the engine: only the store
 * (this module and store-runs.ts) and the sweep's workers call the core's run functions, and
 * eslint.config.js enforces it.
 */
import { guardedRun } from './run-guard';
import { english, langLoaded, loadLang, type Lang } from '../i18n';
import { explain } from '../core/explain';
import { createStore } from 'zustand/vanilla';
import { simulate } from '../core';
import type { Analysis } from '../core/analysis/report';
import type { Breakdown } from '../core/analysis/breakdowns';
import { NO_FILTER, type BreakdownFilter } from './panels/breakdown-groups';
import type { Diagnostic } from '../core/diagnostics';
import { buildReplay, type Replay } from '../core/replay/replay';
import { breakdownKey } from '../core/compare/key';
import { bundledProcedures, isShippedText, scenarioById, shippedProcedures, shippedScenarios, userProcedureFiles, type CatalogEntry } from './catalog';
import { RunStopped, type OffPageRunner, type RunResult } from './off-page/request';
import type { WhatIf } from '../core/whatif/whatif';
import {
  comparisonFor,
  drillLabel,
  drillPlayhead,
  defaultDrillUnit,
  fault,
  makeComparison,
  makeDrill,
  makeFollowed,
  makeWhatIf,
  type ComparisonSide,
  type ComparisonState,
  type DrillSession,
  type WhatIfState,
} from './store-runs';

export const SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;
export type EntryKind = 'transmission' | 'reception' | 'emission' | 'detection' | 'decision' | 'state' | 'other';

export interface Filters {
  /** Empty means all. */
  units: string[];
  channels: string[];
  kinds: EntryKind[];
}

export interface Switched {
  field: 'account' | 'procedure';
  from: string | null;
  to: string | null;
}

export interface RunChange {
  /** What was switched, in words: "procedure practice-2018 → jp-rok-2024". */
  what: string;
  /** The same as data, for the views to word in the reader's language (null: none). */
  switched: Switched;
  added: Breakdown[];
  gone: Breakdown[];
}

/** A run shown in place of the one the settings produce (a drill or a what-if run). */
export interface ShownRun {
  /** What the main view shows, in words: "Drill as Gwanggaeto the Great". */
  label: string;
  analysis: Analysis;
  /** The run the scenario's settings produce, to go back to. */
  original: Analysis;
}

/** The tab open in each tab group: the findings on the left, the details under the plot. */
export interface OpenTabs {
  findings: string;
  details: string;
}
export type TabGroup = keyof OpenTabs;
export const DEFAULT_TABS: Readonly<OpenTabs> = { findings: 'breakdowns', details: 'inspector' };

/**
 * The part of the sea the plot shows, when the user chose it (panned or zoomed): a box in the
 * plot's kilometres about the scenario's centre (x east, y south). Not pixels, so a link made on
 * one screen frames the same area on another.
 */
export interface PlotView {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface AppState {
  scenarioId: string;
  /** Source text of the scenario in use (a shipped one or an opened/edited draft). */
  scenarioText: string;
  scenarioFile: string;
  account: string | null;
  procedure: string;
  seed: number;
  analysis: Analysis | null;
  replay: Replay | null;
  /** Problems with the input; the last good run stays on screen while these are shown. */
  diagnostics: Diagnostic[];
  t: number;
  playing: boolean;
  speed: (typeof SPEEDS)[number];
  selectedUnits: string[];
  /** Log seq of the entry selected in the log or via a breakdown. */
  selectedEntry: number | null;
  selectedBreakdown: string | null;
  filters: Filters;
  showHorizons: boolean;
  /** The findings list's filter and grouping (by kind, by call); kept here so a shared link keeps it. */
  breakdownFilter: BreakdownFilter;
  /** Kept here, not only in the tab lists, so that a shared link can say which tabs were open. */
  openTabs: OpenTabs;
  /** The area the user framed on the plot; null: the plot frames the whole encounter. */
  plotView: PlotView | null;
  /** The two units the plot and the inspector measure range, bearing and CPA between (from, to); null: none. */
  measure: [string, string] | null;
  /** The unit the plot keeps centred as the playhead moves; null: the camera stays where it is put. */
  following: string | null;
  lastChange: RunChange | null;
  /** Set by showAnalysis; it applies only while `shown.analysis === analysis` (a re-run replaces it). */
  shown: ShownRun | null;
  /** The what-if asked for last; cleared when the scenario's settings change. */
  whatIf: WhatIfState | null;
  /** The drill under way; cleared when the scenario's settings change. */
  drill: DrillSession | null;
  /** Side B and the comparison with the run on screen, made again whenever that run changes. */
  comparison: ComparisonState | null;
  /** A run under way off the page (a file from the editor or disk): the file, and when it started (ms, performance.now). */
  running: { file: string; since: number } | null;
  /** How long an off-page run may take before it is stopped, in seconds (0: runs stay on the page). */
  runLimitS: number;
  /** The reader's language for every word on screen (the radio stays English). */
  lang: Lang;
  /** Presentation mode: the plot fills the screen for a class, the panels fold away (issue 17). */
  presenting: boolean;
  /** The colours: dark for a dim room, light (high contrast) for a daylit one. */
  theme: Theme;
}

export type Theme = 'dark' | 'light';
export const isTheme = (x: unknown): x is Theme => x === 'dark' || x === 'light';

export interface AppActions {
  /** Load a shipped scenario by id, with optional account/procedure/time (e.g. from the URL). */
  open(opts: { scenario?: string; account?: string | null; procedure?: string; t?: number; seed?: number }): void;
  /** Run a scenario from text (an opened or edited file). Bad text keeps the last good run. */
  openText(file: string, text: string, opts?: { account?: string | null; procedure?: string }): void;
  setAccount(account: string | null): void;
  setProcedure(procedure: string): void;
  seek(t: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: (typeof SPEEDS)[number]): void;
  faster(): void;
  slower(): void;
  /** Advance the playhead by real seconds × speed; called by the view's animation loop. */
  tick(realSeconds: number): void;
  stepEvent(direction: 1 | -1): void;
  jumpBreakdown(direction: 1 | -1): void;
  selectBreakdown(id: string): void;
  selectEntry(seq: number): void;
  selectUnit(id: string | null): void;
  /** Selects the units of `ids` the run has; the others are dropped (a link may name units of another run). */
  selectUnits(ids: readonly string[]): void;
  showTab(group: TabGroup, id: string): void;
  /** The plot reports the area the user framed (null: back to framing the encounter); a link sets it too. */
  setPlotView(view: PlotView | null): void;
  /** Measures from one unit to another (both become the selection); null ends measuring. */
  measureBetween(from: string | null, to?: string | null): void;
  /** Shift-click: adds a unit to the selection (or takes it out); with one other selected, measures between the two. */
  toggleUnit(id: string): void;
  /** Keeps a unit centred on the plot; null stops following. */
  follow(id: string | null): void;
  setFilters(f: Partial<Filters>): void;
  toggleHorizons(): void;
  /** Changes the findings list's filter or grouping; what is not given stays. */
  setBreakdownFilter(f: Partial<BreakdownFilter>): void;
  setLang(lang: Lang): void;
  /** Enters (true) or leaves (false) presentation mode; no argument toggles it. */
  present(on?: boolean): void;
  setTheme(theme: Theme): void;
  /** Stops the run under way off the page; the last good run stays. */
  stopRun(): void;
  /** Resolves when no run is under way (at once when none is). */
  settled(): Promise<void>;
  /**
   * Shows an analysis made elsewhere (a drill or what-if run) in every view without re-running;
   * null goes back to the run the scenario's settings produce.
   */
  showAnalysis(analysis: Analysis | null, label?: string): void;
  /** Runs the scenario's own run with the changes, compares it with that run, and shows it. */
  runWhatIf(changes: WhatIf[]): void;
  /** The unit the drill's picker offers first (one with a decision to make), or null. */
  defaultDrillUnit(): string | null;
  /** Starts a drill as `unit` from its first decision, and shows the drill run. */
  startDrill(unit: string): void;
  /** Answers the open decision of the drill with an option id. */
  answerDrill(option: string): void;
  /** From an answer's feedback to the next decision, or to the summary. */
  continueDrill(): void;
  /** Puts the drill run back in the main view, where the student is. */
  showDrillRun(): void;
  /** Ends the drill; the main view goes back to the scenario's run if it showed the drill. */
  stopDrill(): void;
  /** Compares the run on screen (A) with the same scenario and seed under side B's settings. */
  runComparison(side: ComparisonSide): void;
}

export type AppStore = ReturnType<typeof createAppStore>;
type State = AppState & AppActions;
type Get = () => State;
type Set = (patch: Partial<AppState>) => void;

/** The run the scenario's settings produce, whatever the main view shows at the moment. */
export function originalOf(s: AppState): Analysis | null {
  return s.shown && s.shown.analysis === s.analysis ? s.shown.original : s.analysis;
}

/**
 * Is the run on screen a drill run stopped at the student's open decision? Its breakdowns are
 * only those up to there: what comes after depends on the answer, so no view may read it as a
 * whole run ("no breakdowns").
 */
export function drillPaused(s: AppState): boolean {
  const r = s.drill?.result;
  return !!r?.pending && s.analysis === r.analysis;
}

/** Do two states run the same scenario text under the same settings? */
const sameSettings = (a: AppState, b: AppState) =>
  a.scenarioFile === b.scenarioFile && a.scenarioText === b.scenarioText && a.account === b.account && a.procedure === b.procedure && a.seed === b.seed;

function initialState(): AppState {
  return {
    scenarioId: '',
    scenarioText: '',
    scenarioFile: '',
    account: null,
    procedure: '',
    seed: 1,
    analysis: null,
    replay: null,
    diagnostics: [],
    t: 0,
    playing: false,
    speed: 8,
    selectedUnits: [],
    selectedEntry: null,
    selectedBreakdown: null,
    filters: { units: [], channels: [], kinds: [] },
    showHorizons: false,
    breakdownFilter: NO_FILTER,
    openTabs: { ...DEFAULT_TABS },
    plotView: null,
    measure: null,
    following: null,
    lastChange: null,
    shown: null,
    whatIf: null,
    drill: null,
    comparison: null,
    lang: 'en',
    presenting: false,
    theme: 'dark',
    running: null,
    runLimitS: 0,
  };
}

/** The breakdowns a re-run added and removed, against the scenario's own previous run. */
function changeOf(previous: Analysis | null, analysis: Analysis, switched: Switched | null): RunChange | null {
  if (!previous || !switched) return null;
  const before = new Map(previous.breakdowns.map((b) => [breakdownKey(previous, b), b]));
  const after = new Map(analysis.breakdowns.map((b) => [breakdownKey(analysis, b), b]));
  return {
    what: `${switched.field} ${switched.from ?? 'none'} → ${switched.to ?? 'none'}`,
    switched,
    added: analysis.breakdowns.filter((b) => !before.has(breakdownKey(analysis, b))),
    gone: previous.breakdowns.filter((b) => !after.has(breakdownKey(previous, b))),
  };
}

/** The state that shows `analysis` in every view (null: the scenario's own run) without re-running. */
function showPatch(s: AppState, analysis: Analysis | null, label: string): Partial<AppState> | null {
  const original = originalOf(s);
  if (!original) return null;
  const next = analysis ?? original;
  return {
    analysis: next,
    replay: buildReplay(next),
    shown: next === original ? null : { label, analysis: next, original },
    t: Math.min(s.t, next.run.durationS),
    playing: false,
    lastChange: null,
    selectedBreakdown: null,
    selectedEntry: null,
  };
}

/**
 * Sets a patch; when it puts another run on screen and a comparison was asked for, side B is
 * compared with the new A in the same step (so no view ever sees a comparison for a run gone).
 */
function committer(set: (patch: Partial<AppState>) => void, get: Get): Set {
  return (patch) => {
    const s = get();
    const c = s.comparison;
    if (c && patch.analysis && patch.analysis !== s.analysis) {
      const next = { ...s, ...patch };
      const made = makeComparison(patch.analysis, { file: next.scenarioFile, text: next.scenarioText }, c.side);
      patch = {
        ...patch,
        comparison: Array.isArray(made) ? { side: c.side, made: comparisonFor(c.made, patch.analysis), problems: made } : { side: c.side, made, problems: [] },
      };
    }
    set(patch);
  };
}

/** Who makes the main run: the page itself, or (in the browser) a worker for files not shipped with the app. */
export interface RunOptions {
  offPage?: OffPageRunner;
}

type RunSettings = Pick<AppState, 'scenarioFile' | 'scenarioText' | 'account' | 'procedure' | 'seed'>;

/** A file the author brought (or a procedure they drafted) may run away; shipped files are known to finish. */
function untrusted(s: RunSettings): boolean {
  return !isShippedText(s.scenarioText) || (s.procedure !== '' && !shippedProcedures.some((p) => p.id === s.procedure));
}

/** A run that ended without a result, as a problem for the problems panel (its words as data). */
function stoppedProblem(e: unknown, file: string, limitS: number): Diagnostic {
  const why = !(e instanceof RunStopped)
    ? explain('app.run.internal', { error: (e as Error).message })
    : e.reason === 'stopped'
      ? explain('app.run.stopped', { file })
      : e.reason === 'limit'
        ? explain('app.run.limit', { file, limitS })
        : explain('app.run.crashed', { file, error: e.message });
  return { ...fault(file, english(why)), code: why.code, params: why.params };
}

/** open, openText, setAccount, setProcedure, showAnalysis: the main run and what is on screen. */
function mainRunActions(get: Get, set: (patch: Partial<AppState>) => void, commit: Set, opts: RunOptions) {
  let generation = 0;
  let idle: Promise<void> = Promise.resolve();

  /** The result of a run on screen, or the problems that kept it off. */
  const apply = (s: AppState, next: Partial<AppState>, what: Switched | null, result: RunResult) => {
    if (!result.analysis) {
      // The last good run stays on screen and in charge: a broken draft changes nothing but
      // the problems shown. The editor keeps the draft itself.
      commit({ diagnostics: result.diagnostics });
      return;
    }
    const analysis = result.analysis;
    const cur = get();
    // What-ifs and drills belong to the settings they were made under.
    const fresh = sameSettings(cur, s) ? {} : { whatIf: null, drill: null };
    commit({
      ...next,
      ...fresh,
      account: analysis.run.scenario.account,
      procedure: analysis.run.scenario.procedure.id,
      analysis,
      replay: buildReplay(analysis),
      diagnostics: result.diagnostics.filter((d) => d.severity === 'warning'),
      t: Math.min(next.t ?? cur.t, analysis.run.durationS),
      // Compare with the scenario's own run, not a drill or what-if run that happens to be shown.
      lastChange: changeOf(originalOf(cur), analysis, what),
      selectedBreakdown: null,
      selectedEntry: null,
    });
  };

  const runOffPage = (runner: OffPageRunner, s: AppState, next: Partial<AppState>, what: Switched | null) => {
    const mine = ++generation;
    set({ running: { file: s.scenarioFile, since: performance.now() } });
    const req = { file: s.scenarioFile, text: s.scenarioText, account: s.account, procedure: s.procedure, seed: s.seed, userProcedures: userProcedureFiles() };
    idle = runner.run(req).then(
      (result) => {
        if (mine !== generation) return;
        set({ running: null });
        apply(s, next, what, result);
      },
      (e: unknown) => {
        if (mine !== generation || (e instanceof RunStopped && e.reason === 'superseded')) return;
        set({ running: null });
        commit({ diagnostics: [stoppedProblem(e, s.scenarioFile, runner.limitS)] });
      },
    );
  };

  const rerun = (next: Partial<AppState>, what: Switched | null) => {
    const s = { ...get(), ...next };
    if (opts.offPage && untrusted(s)) return runOffPage(opts.offPage, s, next, what);
    // A run on the page supersedes one under way off it.
    if (get().running) {
      generation++;
      opts.offPage?.stop();
      set({ running: null });
    }
    let result: ReturnType<typeof simulate>;
    try {
      result = guardedRun(s.scenarioFile, () =>
        simulate({ file: s.scenarioFile, text: s.scenarioText }, bundledProcedures, {
          account: s.account,
          procedure: s.procedure || undefined,
          seed: s.seed,
        } as never),
      );
    } catch (e) {
      // An engine fault must not take the app down: say so, keep the last good run.
      commit({ diagnostics: [stoppedProblem(e, s.scenarioFile, 0)] });
      return;
    }
    apply(s, next, what, result);
  };

  return {
    open(opts: Parameters<AppActions['open']>[0]) {
      const entry: CatalogEntry | undefined = scenarioById(opts.scenario ?? '') ?? scenarioById('dec-2018-noto') ?? shippedScenarios[0];
      if (!entry) return;
      // Another scenario is another sea: the framed area does not carry over.
      const moved = entry.id === get().scenarioId ? {} : { plotView: null, measure: null, following: null };
      const settings = { scenarioId: entry.id, scenarioText: entry.text, scenarioFile: entry.file, account: opts.account ?? null, ...moved };
      rerun({ ...settings, procedure: opts.procedure ?? '', seed: opts.seed ?? 1, t: opts.t ?? 0, playing: false }, null);
    },
    openText(file: string, text: string, opts: { account?: string | null; procedure?: string } = {}) {
      const scenarioId = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
      const moved = scenarioId === get().scenarioId ? {} : { plotView: null, measure: null, following: null };
      rerun({ ...moved, scenarioId, scenarioFile: file, scenarioText: text, account: opts.account ?? get().account, procedure: opts.procedure ?? '' }, null);
    },
    setAccount(account: string | null) {
      rerun({ account }, { field: 'account', from: get().account, to: account });
    },
    setProcedure(procedure: string) {
      rerun({ procedure }, { field: 'procedure', from: get().procedure, to: procedure });
    },
    showAnalysis(analysis: Analysis | null, label = '') {
      const patch = showPatch(get(), analysis, label);
      if (patch) commit(patch);
    },
    stopRun() {
      opts.offPage?.stop();
    },
    settled: () => idle,
  };
}

/**
 * The reader's language changes once its messages are in: at once when they are (English always;
 * the others once fetched, which main.ts starts after the first frame), else when their chunk
 * arrives, so the page never shows a mix of two languages. The last choice wins.
 */
function languageSetter(set: Set): (lang: Lang) => void {
  let wanted: Lang | null = null;
  return (lang) => {
    wanted = lang;
    if (langLoaded(lang)) return set({ lang });
    loadLang(lang).then(
      () => {
        if (wanted === lang) set({ lang });
      },
      (err: unknown) => console.warn(`the ${lang} messages could not be loaded:`, err),
    );
  };
}

/** The playhead, playback, selection and filters: no run involved. */
function playbackActions(set: Set, get: Get) {
  return {
    seek(t: number) {
      const d = get().replay?.durationS ?? 0;
      set({ t: Math.max(0, Math.min(d, t)) });
    },
    play() {
      const s = get();
      if (s.replay && s.t >= s.replay.durationS) set({ t: 0 });
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed: (speed: (typeof SPEEDS)[number]) => set({ speed }),
    faster() {
      const i = SPEEDS.indexOf(get().speed);
      set({ speed: SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]! });
    },
    slower() {
      const i = SPEEDS.indexOf(get().speed);
      set({ speed: SPEEDS[Math.max(0, i - 1)]! });
    },
    tick(realSeconds: number) {
      const s = get();
      if (!s.playing || !s.replay) return;
      const t = s.t + realSeconds * s.speed;
      if (t >= s.replay.durationS) set({ t: s.replay.durationS, playing: false });
      else set({ t });
    },
    stepEvent(direction: 1 | -1) {
      const s = get();
      if (!s.replay) return;
      const t = direction > 0 ? s.replay.nextEventTime(s.t) : s.replay.previousEventTime(s.t);
      if (t !== null) set({ t, playing: false });
    },
    jumpBreakdown(direction: 1 | -1) {
      const s = get();
      if (!s.replay) return;
      const list = s.replay.breakdowns;
      const target = direction > 0 ? list.find((b) => b.t > s.t + 1e-6) : [...list].reverse().find((b) => b.t < s.t - 1e-6);
      if (target) get().selectBreakdown(target.id);
    },
    selectBreakdown(id: string) {
      const b = get().replay?.breakdowns.find((x) => x.id === id);
      if (!b) return;
      set({ selectedBreakdown: id, selectedEntry: b.entry, selectedUnits: b.units, measure: null, t: b.t, playing: false });
    },
    selectEntry(seq: number) {
      const e = get().analysis?.run.log[seq];
      if (!e) return;
      set({ selectedEntry: seq, t: e.t, playing: false });
    },
    selectUnit(id: string | null) {
      set({ selectedUnits: id ? [id] : [], measure: null });
    },
    measureBetween(from: string | null, to: string | null = null) {
      const known = new Set(get().analysis?.run.scenario.units.map((u) => u.id));
      if (!from || !to || from === to || !known.has(from) || !known.has(to)) return set({ measure: null });
      set({ measure: [from, to], selectedUnits: [from, to] });
    },
    toggleUnit(id: string) {
      const sel = get().selectedUnits;
      const next = sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id];
      set({ selectedUnits: next, measure: next.length === 2 ? [next[0]!, next[1]!] : null });
    },
    follow(id: string | null) {
      if (id !== get().following) set({ following: id });
    },
    selectUnits(ids: readonly string[]) {
      const known = new Set(get().analysis?.run.scenario.units.map((u) => u.id));
      set({ selectedUnits: ids.filter((id) => known.has(id)) });
    },
    showTab(group: TabGroup, id: string) {
      const open = get().openTabs;
      if (open[group] !== id) set({ openTabs: { ...open, [group]: id } });
    },
    setPlotView(view: PlotView | null) {
      const cur = get().plotView;
      if (view === cur || (view && cur && view.x0 === cur.x0 && view.y0 === cur.y0 && view.x1 === cur.x1 && view.y1 === cur.y1)) return;
      set({ plotView: view });
    },
    setFilters(f: Partial<Filters>) {
      set({ filters: { ...get().filters, ...f } });
    },
    toggleHorizons: () => set({ showHorizons: !get().showHorizons }),
    setBreakdownFilter(f: Partial<BreakdownFilter>) {
      const cur = get().breakdownFilter;
      const next = { ...cur, ...f };
      if (next.kind !== cur.kind || next.call !== cur.call || next.group !== cur.group) set({ breakdownFilter: next });
    },
    setLang: languageSetter(set),
    present: (on?: boolean) => set({ presenting: on ?? !get().presenting }),
    setTheme: (theme: Theme) => set({ theme }),
  };
}

/** What-if, drill and comparison runs: intents in, results (or problems) into the state. */
function trainingActions(get: Get, commit: Set) {
  /** The drill session in the main view: the drill run, labelled, the playhead where the student is. */
  const showDrill = (session: DrillSession) => {
    const s = get();
    const patch = session.result ? showPatch(s, session.result.analysis, drillLabel(originalOf(s), session)) : null;
    if (!patch || !session.result) return commit({ drill: session });
    commit({ ...patch, drill: session, t: Math.max(0, Math.min(session.result.analysis.run.durationS, drillPlayhead(session))) });
  };
  /** Runs the drill with `choices`; an error keeps the last good drill run and says why. */
  const drillWith = (unit: string, choices: string[], last: DrillSession | null): DrillSession | null => {
    const s = get();
    const original = originalOf(s);
    if (!original) return null;
    const result = makeDrill(original, unit, choices, s.seed, s.scenarioFile);
    const failed = (problems: Diagnostic[]): DrillSession => ({
      unit,
      choices: last?.choices ?? [],
      result: last?.result ?? null,
      followed: last?.followed ?? null,
      phase: 'error',
      problems,
    });
    if (Array.isArray(result)) return failed(result);
    // The run answered as the procedure asks is needed only once the student's run is complete.
    const followed = result.pending ? null : makeFollowed(original, unit, s.seed, s.scenarioFile);
    if (Array.isArray(followed)) return failed(followed);
    return { unit, choices, result, followed: followed?.analysis ?? null, phase: 'decide', problems: [] };
  };

  return {
    runWhatIf(changes: WhatIf[]) {
      const s = get();
      const original = originalOf(s);
      if (!original) return;
      const made = makeWhatIf(original, changes, s.seed, s.scenarioFile);
      if (Array.isArray(made)) return commit({ whatIf: { last: s.whatIf?.last ?? null, problems: made } });
      commit({ ...showPatch(s, made.analysis, made.label), whatIf: { last: made, problems: [] } });
    },
    defaultDrillUnit() {
      const s = get();
      const original = originalOf(s);
      return original ? defaultDrillUnit(original, s.seed) : null;
    },
    startDrill(unit: string) {
      const session = drillWith(unit, [], null);
      if (!session) return;
      showDrill(session.phase === 'error' ? session : { ...session, phase: session.result?.pending ? 'decide' : 'done' });
    },
    answerDrill(option: string) {
      const d = get().drill;
      if (!d || d.phase !== 'decide' || !d.result?.pending) return;
      const session = drillWith(d.unit, [...d.choices, option], d);
      if (session) showDrill(session.phase === 'error' ? session : { ...session, phase: 'feedback' });
    },
    continueDrill() {
      const d = get().drill;
      if (!d || d.phase !== 'feedback' || !d.result) return;
      showDrill({ ...d, phase: d.result.pending ? 'decide' : 'done' });
    },
    showDrillRun() {
      const d = get().drill;
      if (d?.result && d.phase !== 'error') showDrill(d);
    },
    stopDrill() {
      const s = get();
      const onScreen = !!s.drill?.result && s.shown?.analysis === s.analysis && s.analysis === s.drill.result.analysis;
      commit({ ...(onScreen ? showPatch(s, null, '') : {}), drill: null });
    },
    runComparison(side: ComparisonSide) {
      const s = get();
      if (!s.analysis) return commit({ comparison: { side, made: null, problems: [fault(s.scenarioFile, 'No run to compare with yet.')] } });
      const made = makeComparison(s.analysis, { file: s.scenarioFile, text: s.scenarioText }, side);
      if (Array.isArray(made)) return commit({ comparison: { side, made: comparisonFor(s.comparison?.made, s.analysis), problems: made } });
      commit({ comparison: { side, made, problems: [] } });
    },
  };
}

export function createAppStore(initial?: { scenario?: string; account?: string | null; procedure?: string; t?: number }, runOptions: RunOptions = {}) {
  const store = createStore<State>()((set, get) => {
    const commit = committer(set, get);
    return {
      ...initialState(),
      runLimitS: runOptions.offPage?.limitS ?? 0,
      ...mainRunActions(get, set, commit, runOptions),
      ...playbackActions(set, get),
      ...trainingActions(get, commit),
    };
  });
  if (initial) store.getState().open(initial);
  return store;
}

export { breakdownKey };
export {
  comparisonFor,
  type ComparisonSide,
  type ComparisonState,
  type DrillPhase,
  type DrillSession,
  type MadeComparison,
  type WhatIfRun,
  type WhatIfState,
} from './store-runs';
