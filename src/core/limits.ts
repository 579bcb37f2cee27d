/**
 * Limits on what the tools accept, each refused with a message that says the limit and what to
 * do. The unit count is checked on the parsed document before the schema and the engine see it;
 * the file size follows from it and is checked by the YAML reader (yaml-source.ts) before parsing,
 * as is the nesting depth.
 *
 * Measured cost (docs/performance.md): a run grows with units² for sensing and checking, so
 * 5,000 units is far past anything the plot or a trainer can use, while leaving room for large
 * synthetic exercises.
 */
import type { Diagnostic, Severity } from './diagnostics';
import { explain, type Explanation } from './explain';

/**
 * What the checks here need of a parsed file (yaml-source.ts's SourceDoc has it). Said here
 * rather than imported: yaml-source.ts takes its file-size limit from this module.
 */
interface SourceDoc {
  value: unknown;
  diagnostic(path: readonly (string | number)[], severity: Severity, e: Explanation): Diagnostic;
}

export const MAX_UNITS = 5000;

/**
 * Bytes of YAML allowed per unit. A generated unit with its share of an hour's script takes about
 * 1,500 (1,000 units: 1,482,839 bytes; 5,000: 7,565,922); a hand-written one with accounts and
 * notes rarely more. The allowance leaves a third again for notes, facts and links.
 */
export const FILE_BYTES_PER_UNIT = 2_000;

/**
 * Limit for any file the tools accept (the command line, the checker, the app's open dialog):
 * bigger inputs are refused with a message, not parsed. It follows from the unit limit, so a file
 * of MAX_UNITS units is never refused for its size first.
 */
export const MAX_FILE_BYTES = MAX_UNITS * FILE_BYTES_PER_UNIT;

/** 1234567 → "1,234,567", the same everywhere (toLocaleString depends on the machine). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An error at the `units:` list when it holds more than `limit` units; nothing otherwise. */
export function checkUnitCount(doc: SourceDoc, limit = MAX_UNITS): Diagnostic[] {
  const v = doc.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  const units = (v as Record<string, unknown>)['units'];
  if (!Array.isArray(units) || units.length <= limit) return [];
  return [doc.diagnostic(['units'], 'error', explain('checker.limit.units', { units: units.length, limit }))];
}

/**
 * Longest name a file may give (a unit's name, a title, an id, a call sign): names are drawn on
 * the plot and repeated in every line of a debrief, so a long one multiplies into huge output.
 */
export const MAX_NAME_CHARS = 200;
/** Longest text a file may give (a description, a note, a call's words). */
export const MAX_TEXT_CHARS = 10_000;

/** Keys whose string values are names, repeated wherever the unit or the scenario is mentioned. */
const NAME_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'title', 'radioName', 'callSigns', 'callSign', 'hull', 'addressee', 'meaning']);

/**
 * An error at each string longer than its limit (names 200 characters, other text 10,000), so
 * a 2 MB name is refused at its line instead of yielding a debrief of a hundred megabytes.
 */
export function checkTextLengths(doc: SourceDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One path, grown and shrunk as the walk goes, copied only for a diagnostic: a large exercise
  // has some 200,000 values, and a copy of the path for each was most of what loading allocated.
  const path: (string | number)[] = [];
  const walk = (v: unknown, nameKey: boolean) => {
    if (typeof v === 'string') {
      const limit = nameKey ? MAX_NAME_CHARS : MAX_TEXT_CHARS;
      if (v.length > limit)
        out.push(doc.diagnostic([...path], 'error', explain(nameKey ? 'checker.limit.name-length' : 'checker.limit.text-length', { chars: v.length, limit })));
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) continue;
        path.push(i);
        walk(v[i], nameKey);
        path.pop();
      }
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        path.push(k);
        walk((v as Record<string, unknown>)[k], NAME_KEYS.has(k));
        path.pop();
      }
    }
  };
  walk(doc.value, false);
  return out;
}

/**
 * Most sensor samples one run may take: a sample per unit every `stepS` over the whole span.
 * December 2018 takes about 4,000; the 1,000-unit synthetic hour 720,000; 3,000 units for an
 * hour 2,160,000. At the limit a run takes some 20 s on this project's 2-core machine; a file
 * asking for more (a step of a nanosecond) is refused before it runs, rather than exhausting memory.
 */
export const MAX_UNIT_SAMPLES = 5_000_000;

/** An error at `environment.stepS` when duration ÷ step × units passes the budget. */
export function checkWorkBudget(doc: SourceDoc, durationS: number, stepS: number, units: number): Diagnostic[] {
  const samples = Math.ceil(durationS / stepS) * Math.max(1, units);
  if (samples <= MAX_UNIT_SAMPLES) return [];
  const minStep = Math.ceil(((durationS * Math.max(1, units)) / MAX_UNIT_SAMPLES) * 1000) / 1000;
  return [
    doc.diagnostic(
      ['environment', 'stepS'],
      'error',
      explain('checker.limit.samples', {
        stepS: String(stepS),
        durationS: groupDigits(durationS),
        units,
        huge: samples > 1e15,
        samples: samples > 1e15 ? 0 : samples,
        limit: MAX_UNIT_SAMPLES,
        minStep: String(minStep),
      }),
    ),
  ];
}
