/**
 * Limits on what the tools accept, each refused with a message that says the limit and what to
 * do. The file size and nesting limits live with the YAML reader (yaml-source.ts); this is the
 * unit count, checked on the parsed document before the schema and the engine see it.
 *
 * Measured cost (docs/performance.md): a run grows with units² for sensing and checking, so
 * 5,000 units is far past anything the plot or a trainer can use, while leaving room for large
 * synthetic exercises.
 */
import type { Diagnostic } from './diagnostics';
import { groupDigits, type SourceDoc } from './yaml-source';

export const MAX_UNITS = 5000;

/** An error at the `units:` list when it holds more than `limit` units; nothing otherwise. */
export function checkUnitCount(doc: SourceDoc, limit = MAX_UNITS): Diagnostic[] {
  const v = doc.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  const units = (v as Record<string, unknown>)['units'];
  if (!Array.isArray(units) || units.length <= limit) return [];
  return [
    doc.diagnostic(
      ['units'],
      'error',
      `the scenario has ${groupDigits(units.length)} units; the limit is ${groupDigits(limit)}. Split it into several scenarios (by area or by phase), or leave out units that take no part in the exchanges.`,
    ),
  ];
}
