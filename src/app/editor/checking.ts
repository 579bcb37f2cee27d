/**
 * Checking the open text and running it: a short pause after typing, then the same checker as
 * `npm run check`, problems inline and listed, and (for valid text) a re-run of the plot and
 * panels through ./run-draft.ts. Broken text keeps the last good run on screen.
 */
import { setDiagnostics } from '@codemirror/lint';
import { hasErrors } from '../../core/diagnostics';
import { addUserProcedure } from '../catalog';
import type { EditorContext } from './editor-context';
import { appliedStatus, kindWords, lookedStatus, offersRun, unchangedStatus } from './editor-model';
import { toEditorDiagnostics } from './lint';
import { wordsOf } from '../said';
import { applyDraft, checkDraft, doing, type DraftOutcome } from './run-draft';

export interface Checker {
  /**
   * Checks the text now; 'apply' then runs it (an edit), 'look' only registers a valid procedure
   * without re-running the scenario on screen (a procedure opened to read, e.g. from a rule link).
   */
  checkNow(mode?: 'apply' | 'look'): void;
  /** Checks (and runs) after the pause, restarting it. */
  schedule(): void;
  /** A check is waiting for the pause to end. */
  pending(): boolean;
  cancel(): void;
}

export function createChecker(ctx: EditorContext, debounceMs: number): Checker {
  const { store, view, el, session } = ctx;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let applied = 0;

  const checkNow = (mode: 'apply' | 'look' = 'apply') => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const current = session.current;
    if (!current || session.destroyed) return;
    const { file } = current;
    const text = view.state.doc.toString();
    const checked = checkDraft(file, text);
    session.lastChecked = { file, text, checked };
    if (current.kind !== checked.kind) {
      current.kind = checked.kind;
      el.kindChip.textContent = kindWords(checked.kind, ctx.lang());
    }
    const mine = toEditorDiagnostics(checked.diagnostics, view.state.doc, file, wordsOf(store));
    view.dispatch(
      setDiagnostics(
        view.state,
        mine.map((d) => ({ from: d.from, to: d.to, severity: d.severity, message: d.message, source: d.source })),
      ),
    );
    ctx.renderProblems(checked.diagnostics);
    const errors = hasErrors(checked.diagnostics);
    const s = store.getState();
    const last = session.lastProcedureRun;
    const onScreen =
      checked.kind === 'scenario'
        ? s.scenarioFile === file && s.scenarioText === text
        : last?.file === file && last.text === text && last.analysis === s.analysis && s.analysis !== null;
    el.runBtn.hidden = !offersRun(checked.kind, errors, ctx.runsUnder(file));
    if (mode === 'look' && checked.kind === 'procedure') {
      if (!errors) addUserProcedure({ file, text });
      el.status.textContent = lookedStatus(checked.diagnostics, onScreen || s.analysis?.run.scenario.procedure.file === file, s.lang);
      return;
    }
    if (!errors && onScreen) {
      // Already what the run shows: only the problems list may need clearing.
      if (s.diagnostics.some((d) => d.severity === 'error')) store.setState({ diagnostics: checked.diagnostics });
      el.status.textContent = unchangedStatus(s.lang);
      return;
    }
    const shown = (outcome: DraftOutcome) => {
      el.runBtn.hidden = !offersRun(checked.kind, errors, ctx.runsUnder(file));
      if (outcome.ran && checked.kind === 'procedure') session.lastProcedureRun = { file, text, analysis: store.getState().analysis };
      el.status.textContent = appliedStatus(checked.kind, outcome, checked.diagnostics, Date.now(), store.getState().lang);
      if (outcome.diagnostics.length !== checked.diagnostics.length) ctx.renderProblems(outcome.diagnostics);
    };
    const outcome = applyDraft(store, file, text, checked);
    shown(outcome);
    // Off the page, the run ends later; a later edit's outcome replaces this one on screen.
    const stamp = ++applied;
    outcome.pending?.then((o) => {
      if (stamp === applied && !session.destroyed) shown(o);
    });
  };

  return {
    checkNow,
    schedule: () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(ctx.guard(doing('check'), checkNow), debounceMs);
    },
    pending: () => timer !== null,
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
    },
  };
}
