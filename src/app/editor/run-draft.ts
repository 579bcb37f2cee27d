/**
 * What an edit does to the run on screen. The text is checked with the same checker as
 * `npm run check` (checkFile). A valid scenario runs through store.openText; a valid procedure is
 * registered (addUserProcedure) and the scenario on screen re-runs under it. Broken text changes
 * nothing but the problems shown: the last good run stays. Nothing here throws.
 */
import { checkFile, kindOfValue, type FileKind } from '../../core/check';
import { hasErrors, type Diagnostic } from '../../core/diagnostics';
import { explain, type Explanation } from '../../core/explain';
import { english } from '../../i18n';
import { parseYamlSource, shareParse } from '../../core/yaml-source';
import { addUserProcedure, bundledProcedures } from '../catalog';
import type { AppStore } from '../store';

export interface Checked {
  kind: FileKind;
  diagnostics: Diagnostic[];
}

export interface DraftOutcome extends Checked {
  /** The run on screen was replaced by one from this text. */
  ran: boolean;
  /** Why a valid file did not run (e.g. no scenario on screen for a procedure), as data (a string is shown as it is). */
  note: Explanation | string | null;
  /** The run goes on off the page (a worker): the outcome once it ends. `ran` is false until then. */
  pending?: Promise<DraftOutcome>;
}

/** A valid file that did not run: the run's own problems (an engine fault, a stopped run) join the checker's. */
function notRun(store: AppStore, checked: Checked, note: Explanation): DraftOutcome {
  const known = new Set(checked.diagnostics.map((d) => d.message));
  const run = store.getState().diagnostics.filter((d) => d.severity === 'error' && !known.has(d.message));
  return { ...checked, diagnostics: [...checked.diagnostics, ...run], ran: false, note };
}

/** The outcome now, or (when the store runs it off the page) once that run has ended. */
function whenSettled(store: AppStore, now: () => DraftOutcome, running: DraftOutcome): DraftOutcome {
  const s = store.getState();
  if (!s.running) return now();
  return { ...running, pending: s.settled().then(now) };
}

/** While a valid file runs off the page. */
export const RUNNING_NOTE = explain('app-tools.editor.note.running');

/** What the editor was doing when it failed (`app-tools.editor.what.<name>`), for its problem and status line. */
export const doing = (name: string, params: Explanation['params'] = {}): Explanation => explain(`app-tools.editor.what.${name}`, params);

/** A problem of the editor itself, in the checker's shape so every list can show it (English `message`, and as data). */
export function internalProblem(file: string, what: Explanation, err: unknown): Diagnostic {
  const error = err instanceof Error ? err.message : String(err);
  return {
    file,
    line: 1,
    col: 1,
    severity: 'error',
    path: '',
    message: `${english(what)}: ${error}`,
    code: 'app-tools.editor.internal',
    params: { what, error },
  };
}

/** The error's own words in an editor problem (what the editor was doing is said apart). */
export const problemError = (d: Diagnostic): string =>
  d.code === 'app-tools.editor.internal' && typeof d.params?.error === 'string' ? d.params.error : d.message;

/** The checker's verdict; a crash of the checker itself becomes one diagnostic. */
export function checkDraft(file: string, text: string): Checked {
  let kind: FileKind = 'scenario';
  try {
    // One parse serves the file's kind and the whole check (core/check.ts).
    const parsed = shareParse(text, file);
    kind = kindOfValue(parsed.doc.value);
    return { kind, diagnostics: checkFile({ file, text, parsed }, bundledProcedures) };
  } catch (err) {
    return { kind, diagnostics: [internalProblem(file, doing('checker-stopped'), err)] };
  }
}

/** The id a scenario uses to run a procedure file registered with addUserProcedure. */
export function userProcedureRef(procedureFile: string): string {
  return `./${procedureFile.replace(/^.*\//, '')}`;
}

function accountsOf(file: string, text: string): string[] {
  try {
    const v = parseYamlSource(text, file).doc.value as { accounts?: unknown } | undefined;
    return v?.accounts && typeof v.accounts === 'object' ? Object.keys(v.accounts) : [];
  } catch {
    return [];
  }
}

/** Applies checked text to the store: runs it when valid, otherwise shows its problems. */
export function applyDraft(store: AppStore, file: string, text: string, checked: Checked = checkDraft(file, text)): DraftOutcome {
  const out = (ran: boolean, note: Explanation | null = null): DraftOutcome => ({ ...checked, ran, note });
  try {
    if (hasErrors(checked.diagnostics)) {
      // Exactly what `npm run check` says, while the last good run stays on screen.
      store.setState({ diagnostics: checked.diagnostics });
      return out(false);
    }
    const s = store.getState();
    if (checked.kind === 'procedure') {
      addUserProcedure({ file, text });
      if (!s.analysis || !s.scenarioText) {
        store.setState({ diagnostics: checked.diagnostics });
        return out(false, explain('app-tools.editor.note.open-scenario'));
      }
      s.openText(s.scenarioFile, s.scenarioText, { procedure: userProcedureRef(file) });
      return whenSettled(
        store,
        () => {
          const after = store.getState();
          if (after.analysis === s.analysis) return notRun(store, checked, explain('app-tools.editor.note.procedure-did-not-run'));
          if (checked.diagnostics.length) store.setState({ diagnostics: [...after.diagnostics.filter((d) => d.file !== file), ...checked.diagnostics] });
          return out(true);
        },
        out(false, RUNNING_NOTE),
      );
    }
    // A scenario: keep the account on screen when this file has it.
    const accounts = accountsOf(file, text);
    if (s.account && !accounts.includes(s.account)) store.setState({ account: null });
    s.openText(file, text, {});
    return whenSettled(
      store,
      () => {
        const after = store.getState();
        if (after.analysis === s.analysis) return notRun(store, checked, explain('app-tools.editor.note.scenario-did-not-run'));
        store.setState({ diagnostics: checked.diagnostics });
        return out(true);
      },
      out(false, RUNNING_NOTE),
    );
  } catch (err) {
    const problem = internalProblem(file, doing('run-stopped'), err);
    try {
      store.setState({ diagnostics: [problem] });
    } catch {
      // The store itself failed: the editor still shows the problem.
    }
    return { ...checked, diagnostics: [...checked.diagnostics, problem], ran: false, note: null };
  }
}
