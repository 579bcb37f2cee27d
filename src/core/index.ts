/**
 * The headless core: load a scenario, run it, analyse the run. Node and the browser use the same
 * functions; nothing here touches pixi, the DOM or app state.
 */
export { loadScenario, type Scenario, type LoadOptions } from './scenario/load';
export { loadProcedureText, loadProcedure, type Procedure, type ProcedureSource, type FileText } from './procedure/load';
export { runScenario, type Run, type RunOptions } from './engine/engine';
export { analyse, buildReport, type Analysis, type Report } from './analysis/report';
export { formatDiagnostic, hasErrors, type Diagnostic } from './diagnostics';
export { LADDER, type Stage, type LogEntry, type Transmission } from './log';

import { loadScenario, type LoadOptions } from './scenario/load';
import type { FileText, ProcedureSource } from './procedure/load';
import { runScenario, type RunOptions } from './engine/engine';
import { analyse } from './analysis/report';
import type { Diagnostic } from './diagnostics';

/** Load, run and analyse in one call; diagnostics instead of an analysis when the input is bad. */
export function simulate(file: FileText, procedures: ProcedureSource, opts: LoadOptions & RunOptions = {}) {
  const loaded = loadScenario(file, procedures, opts);
  if (!loaded.scenario) return { diagnostics: loaded.diagnostics as Diagnostic[] };
  const run = runScenario(loaded.scenario, opts);
  return { diagnostics: loaded.diagnostics, analysis: analyse(run) };
}
