/**
 * A run asked of the off-page runner: everything the worker needs to make the same run the page
 * would, as plain data (the worker shares no module state with the page, so the procedures the
 * author opened in this session travel with the request).
 */
import type { Analysis } from '../../core/analysis/report';
import type { Diagnostic } from '../../core/diagnostics';

export interface FileText {
  file: string;
  text: string;
}

export interface RunRequest {
  file: string;
  text: string;
  account: string | null;
  procedure: string;
  seed: number;
  /** Procedure files opened or drafted in this session (catalog.ts addUserProcedure). */
  userProcedures: FileText[];
}

/** What simulate() gives: the analysis when the file ran, and the problems either way. */
export interface RunResult {
  analysis?: Analysis;
  diagnostics: Diagnostic[];
}

/** Why a run ended without a result: the author stopped it, it ran past the limit, or the worker died. */
export class RunStopped extends Error {
  constructor(
    readonly reason: 'stopped' | 'limit' | 'crashed' | 'superseded',
    detail = '',
  ) {
    super(detail || reason);
    this.name = 'RunStopped';
  }
}

/** Runs a simulation away from the page, so a runaway file cannot freeze it. */
export interface OffPageRunner {
  run(req: RunRequest): Promise<RunResult>;
  /** Ends the run under way, if any (its promise rejects with RunStopped('stopped')). */
  stop(): void;
  /** The longest a run may take before it is stopped, in seconds. */
  readonly limitS: number;
}
