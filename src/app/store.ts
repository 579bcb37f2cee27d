/**
 * App state (zustand, vanilla): which run is loaded, the playhead, selection and filters.
 * One-way flow: the core produces an analysis and a replay; views read this store and send
 * intents through its actions. No view talks to another view or to the engine.
 */
import { createStore } from 'zustand/vanilla';
import { simulate } from '../core';
import type { Analysis } from '../core/analysis/report';
import type { Breakdown } from '../core/analysis/breakdowns';
import type { Diagnostic } from '../core/diagnostics';
import { buildReplay, type Replay } from '../core/replay/replay';
import { breakdownKey } from '../core/compare/key';
import { bundledProcedures, scenarioById, shippedScenarios, type CatalogEntry } from './catalog';

export const SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;
export type EntryKind = 'transmission' | 'reception' | 'emission' | 'detection' | 'decision' | 'state' | 'other';

export interface Filters {
  /** Empty means all. */
  units: string[];
  channels: string[];
  kinds: EntryKind[];
}

export interface RunChange {
  /** What was switched, in words: "procedure practice-2018 → jp-rok-2024". */
  what: string;
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
  lastChange: RunChange | null;
  /** Set by showAnalysis; it applies only while `shown.analysis === analysis` (a re-run replaces it). */
  shown: ShownRun | null;
}

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
  setFilters(f: Partial<Filters>): void;
  toggleHorizons(): void;
  /**
   * Shows an analysis made elsewhere (a drill or what-if run) in every view without re-running;
   * null goes back to the run the scenario's settings produce.
   */
  showAnalysis(analysis: Analysis | null, label?: string): void;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(initial?: { scenario?: string; account?: string | null; procedure?: string; t?: number }) {
  const store = createStore<AppState & AppActions>()((set, get) => {
    const rerun = (next: Partial<AppState>, what: string | null) => {
      const s = { ...get(), ...next };
      let result: ReturnType<typeof simulate>;
      try {
        result = simulate({ file: s.scenarioFile, text: s.scenarioText }, bundledProcedures, {
          account: s.account,
          procedure: s.procedure || undefined,
          seed: s.seed,
        } as never);
      } catch (e) {
        // An engine fault must not take the app down: say so, keep the last good run.
        set({
          diagnostics: [
            {
              file: s.scenarioFile,
              line: 1,
              col: 1,
              severity: 'error',
              path: '',
              message: `the simulation stopped with an internal error: ${(e as Error).message}. The last good run stays on screen; please report this file.`,
            },
          ],
        });
        return;
      }
      if (!result.analysis) {
        // The last good run stays on screen and in charge: a broken draft changes nothing but
        // the problems shown. The editor keeps the draft itself.
        set({ diagnostics: result.diagnostics });
        return;
      }
      const analysis = result.analysis;
      // Compare with the scenario's own run, not a drill or what-if run that happens to be shown.
      const cur = get();
      const previous = cur.shown && cur.shown.analysis === cur.analysis ? cur.shown.original : cur.analysis;
      const replay = buildReplay(analysis);
      let lastChange: RunChange | null = null;
      if (previous && what) {
        const before = new Map(previous.breakdowns.map((b) => [breakdownKey(previous, b), b]));
        const after = new Map(analysis.breakdowns.map((b) => [breakdownKey(analysis, b), b]));
        lastChange = {
          what,
          added: analysis.breakdowns.filter((b) => !before.has(breakdownKey(analysis, b))),
          gone: previous.breakdowns.filter((b) => !after.has(breakdownKey(previous, b))),
        };
      }
      set({
        ...next,
        account: analysis.run.scenario.account,
        procedure: analysis.run.scenario.procedure.id,
        analysis,
        replay,
        diagnostics: result.diagnostics.filter((d) => d.severity === 'warning'),
        t: Math.min(next.t ?? get().t, analysis.run.durationS),
        lastChange,
        selectedBreakdown: null,
        selectedEntry: null,
      });
    };

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
      lastChange: null,
      shown: null,

      open(opts) {
        const entry: CatalogEntry | undefined = scenarioById(opts.scenario ?? '') ?? scenarioById('dec-2018-noto') ?? shippedScenarios[0];
        if (!entry) return;
        rerun(
          {
            scenarioId: entry.id,
            scenarioText: entry.text,
            scenarioFile: entry.file,
            account: opts.account ?? null,
            procedure: opts.procedure ?? '',
            seed: opts.seed ?? 1,
            t: opts.t ?? 0,
            playing: false,
          },
          null,
        );
      },
      openText(file, text, opts = {}) {
        rerun(
          {
            scenarioId: file.replace(/^.*\//, '').replace(/\.yaml$/, ''),
            scenarioFile: file,
            scenarioText: text,
            account: opts.account ?? get().account,
            procedure: opts.procedure ?? '',
          },
          null,
        );
      },
      setAccount(account) {
        rerun({ account }, `account ${get().account ?? 'none'} → ${account ?? 'none'}`);
      },
      setProcedure(procedure) {
        rerun({ procedure }, `procedure ${get().procedure} → ${procedure}`);
      },
      seek(t) {
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
      setSpeed: (speed) => set({ speed }),
      faster() {
        const i = SPEEDS.indexOf(get().speed);
        set({ speed: SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]! });
      },
      slower() {
        const i = SPEEDS.indexOf(get().speed);
        set({ speed: SPEEDS[Math.max(0, i - 1)]! });
      },
      tick(realSeconds) {
        const s = get();
        if (!s.playing || !s.replay) return;
        const t = s.t + realSeconds * s.speed;
        if (t >= s.replay.durationS) set({ t: s.replay.durationS, playing: false });
        else set({ t });
      },
      stepEvent(direction) {
        const s = get();
        if (!s.replay) return;
        const t = direction > 0 ? s.replay.nextEventTime(s.t) : s.replay.previousEventTime(s.t);
        if (t !== null) set({ t, playing: false });
      },
      jumpBreakdown(direction) {
        const s = get();
        if (!s.replay) return;
        const list = s.replay.breakdowns;
        const target = direction > 0 ? list.find((b) => b.t > s.t + 1e-6) : [...list].reverse().find((b) => b.t < s.t - 1e-6);
        if (target) get().selectBreakdown(target.id);
      },
      selectBreakdown(id) {
        const b = get().replay?.breakdowns.find((x) => x.id === id);
        if (!b) return;
        set({ selectedBreakdown: id, selectedEntry: b.entry, selectedUnits: b.units, t: b.t, playing: false });
      },
      selectEntry(seq) {
        const e = get().analysis?.run.log[seq];
        if (!e) return;
        set({ selectedEntry: seq, t: e.t, playing: false });
      },
      selectUnit(id) {
        set({ selectedUnits: id ? [id] : [] });
      },
      setFilters(f) {
        set({ filters: { ...get().filters, ...f } });
      },
      toggleHorizons: () => set({ showHorizons: !get().showHorizons }),
      showAnalysis(analysis, label = '') {
        const s = get();
        const original = s.shown && s.shown.analysis === s.analysis ? s.shown.original : s.analysis;
        if (!original) return;
        const next = analysis ?? original;
        set({
          analysis: next,
          replay: buildReplay(next),
          shown: next === original ? null : { label, analysis: next, original },
          t: Math.min(s.t, next.run.durationS),
          playing: false,
          lastChange: null,
          selectedBreakdown: null,
          selectedEntry: null,
        });
      },
    };
  });
  if (initial) store.getState().open(initial);
  return store;
}

export { breakdownKey };
