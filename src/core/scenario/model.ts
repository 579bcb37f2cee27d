/**
 * The loaded scenario as the rest of the core sees it, and the pure facts read off a unit's
 * spec. Kept apart from the loader so the loader's own checks (lint) and the engine can use
 * them without importing the loader: load → lint → model, no circle.
 */
import type { Diagnostic } from '../diagnostics';
import type { Procedure } from '../procedure/load';
import type { Motion } from './motion';
import type { ScenarioFile, ScriptAction, UnitSpec } from './schema';
import { traitsOf, UNIT_KINDS } from '../kinds';

export interface FactView {
  id: string;
  question: string;
  row?: string;
  /** Value under the account in use. */
  value: unknown;
  values: Record<string, unknown>;
  sources: Record<string, string[]>;
  note?: string;
}

export type Action = ScriptAction & { id: string; index: number; atS?: number };

export interface Scenario {
  file: string;
  spec: ScenarioFile;
  account: string | null;
  facts: FactView[];
  units: UnitSpec[];
  motion: Record<string, Motion>;
  script: Action[];
  procedure: Procedure;
  parameters: Record<string, unknown>;
  /** Warnings found while loading; a run still goes ahead. */
  warnings: Diagnostic[];
  /**
   * The document as written (facts substituted, before the schema fills its defaults), so the
   * analysis can tell a value the file gives from a default it did not (analysis/assumptions.ts).
   */
  authored?: unknown;
}

/** Default antenna height where a ship's is not given: unknown in the sources (brief 4.3) [U]. */
export const DEFAULT_SHIP_ANTENNA_M = UNIT_KINDS.ship.defaultAntennaM;

export function antennaHeightM(u: UnitSpec): number {
  const traits = traitsOf(u);
  // A ship's or vessel's own mast height, when the file gives it; an aircraft flies at its altitude.
  return traits.element === 'sea' ? (u.platform.antennaHeightM ?? traits.defaultAntennaM) : traits.defaultAntennaM;
}
