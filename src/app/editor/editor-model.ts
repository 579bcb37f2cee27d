/**
 * What the editor tells the author, as data: the problems heading, the status line after a check
 * or a run, the revert and save buttons' words, the picker's groups and the notices on opening a
 * file, in the author's language (`lang`, English by default; the file's own text is never
 * translated). Pure (no DOM, no CodeMirror, no store): ./editor.ts and its parts put these on screen.
 */
import type { FileKind } from '../../core/check';
import type { Diagnostic } from '../../core/diagnostics';
import { isExplanation, type Explanation, type ParamValue } from '../../core/explain';
import { say as sayE, t, type Lang } from '../../i18n';
import type { Draft } from './drafts';

const say = (lang: Lang, name: string, params: Record<string, ParamValue> = {}) => t(lang, `app-tools.editor.${name}`, params);

/** Where the open text came from. */
export type Origin = 'shipped' | 'draft' | 'disk' | 'drop' | 'new';

export interface ShippedFile {
  file: string;
  text: string;
}

export const baseName = (file: string) => file.replace(/^.*\//, '');
/** Wall-clock time of day, as the author's clock shows it. */
export const hhmmss = (ms: number) => new Date(ms).toTimeString().slice(0, 8);
const errorCount = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error').length;

/** The heading over the problems list and the line beside it. */
export function problemsHeading(ds: readonly Diagnostic[], lang: Lang = 'en'): { title: string; note: string } {
  const errors = errorCount(ds);
  const warnings = ds.length - errors;
  return {
    title: ds.length ? say(lang, 'problems-count', { errors, warnings }) : say(lang, 'problems'),
    note: say(lang, errors ? 'problems-note-errors' : ds.length ? 'problems-note-warnings' : 'problems-note-none'),
  };
}

/** One problem as the list shows it: where, how bad, what (the checker's code in the author's language, else its English). */
export function problemLine(d: Diagnostic, message: string, lang: Lang = 'en'): string {
  // The stable code (docs/errors.md) as the terminal shows it: error[ES3040].
  const code = d.errorCode ? `[${d.errorCode}]` : '';
  return say(lang, 'problem-line', { file: d.file, line: d.line, col: d.col, severity: d.severity, code, message });
}

/** "Run with it" is offered for a valid procedure the run on screen does not use yet. */
export const offersRun = (kind: FileKind, errors: boolean, runsUnderIt: boolean) => kind === 'procedure' && !errors && !runsUnderIt;

/** After a procedure is checked to be read, not run ('look'): registered when valid, the run unchanged. */
export function lookedStatus(ds: readonly Diagnostic[], runsUnderIt: boolean, lang: Lang = 'en'): string {
  const errors = errorCount(ds);
  if (errors) return say(lang, 'looked-errors', { errors });
  return say(lang, runsUnderIt ? 'looked-runs' : 'looked-valid');
}

/** The text is what the run on screen already shows. */
export const unchangedStatus = (lang: Lang = 'en') => say(lang, 'unchanged');
export const UNCHANGED_STATUS = unchangedStatus();

/** After an edit was applied to the run on screen (./run-draft.ts applyDraft), at wall-clock `at`. */
export function appliedStatus(
  kind: FileKind,
  outcome: { ran: boolean; note: Explanation | string | null },
  ds: readonly Diagnostic[],
  at: number,
  lang: Lang = 'en',
): string {
  if (outcome.ran) return say(lang, kind === 'procedure' ? 'applied-procedure' : 'applied-scenario', { at: hhmmss(at) });
  const errors = errorCount(ds);
  if (errors) return say(lang, 'applied-errors', { errors });
  if (isExplanation(outcome.note)) return sayE(lang, outcome.note);
  return outcome.note ?? say(lang, 'valid');
}

/** A handler of the editor failed: what it was doing (in words) and why (the error's own message). */
export const failedStatus = (what: string, why: string, lang: Lang = 'en') => say(lang, 'failed', { what, why });

/** Drafts equal to the shipped text, never saved, are not worth keeping. */
export const isShippedAsIs = (shipped: ShippedFile | undefined, draft: Draft | null, text: string) => !!shipped && shipped.text === text && !draft?.saved;

export const notAutosaved = (err: string, lang: Lang = 'en') => ({
  status: say(lang, 'not-autosaved', { err }),
  notice: say(lang, 'not-autosaved-notice', { err }),
});

const hasSavedOther = (d: Draft | null | undefined, text: string): d is Draft & { saved: string } =>
  d?.saved !== null && d?.saved !== undefined && d.saved !== text;

/** The revert button (null: hidden) and the save button's word for the text in the editor. */
export function revertOffer(
  d: Draft | null | undefined,
  shipped: ShippedFile | undefined,
  text: string,
  lang: Lang = 'en',
): { revert: { label: string; title: string } | null; saveLabel: string } {
  const saveLabel = say(lang, d?.saved === text ? 'saved' : 'save');
  if (hasSavedOther(d, text))
    return { revert: { label: say(lang, 'revert-saved'), title: say(lang, 'revert-saved-title', { at: hhmmss(d.savedAt ?? d.updated) }) }, saveLabel };
  if (shipped && shipped.text !== text)
    return { revert: { label: say(lang, 'revert-shipped'), title: say(lang, 'revert-shipped-title', { file: shipped.file }) }, saveLabel };
  return { revert: null, saveLabel };
}

/** The text Revert goes back to: the saved version when it differs, else the shipped file. */
export const revertTarget = (d: Draft | null | undefined, shipped: ShippedFile | undefined, text: string): string | undefined =>
  hasSavedOther(d, text) ? d.saved : shipped?.text;

export const revertedStatus = (lang: Lang = 'en') => say(lang, 'reverted');
export const REVERTED_STATUS = revertedStatus();

export const savedStatus = (file: string, err: string | null, at: number, lang: Lang = 'en') =>
  err ? say(lang, 'not-saved', { err }) : say(lang, 'saved-status', { file: baseName(file), at: hhmmss(at) });

export const downloadedStatus = (name: string, lang: Lang = 'en') => say(lang, 'downloaded', { name });

/** The name a download gets: the file's own, always ending in .yaml. */
export const downloadName = (file: string) => baseName(file).replace(/(\.ya?ml)?$/i, '.yaml');

/** The notice on opening a file that has a draft. */
export const draftRestoredNotice = (file: string, d: Draft, hasShipped: boolean, lang: Lang = 'en') =>
  say(lang, 'draft-restored', { file: baseName(file), at: hhmmss(d.updated), shipped: hasShipped });

/** The notice when another tab had changed the same draft: both texts are kept. */
export const otherTabNotice = (file: string, theirsAt: number, lang: Lang = 'en') => say(lang, 'other-tab', { file: baseName(file), at: hhmmss(theirsAt) });

/** The notice when an opened file replaced a different draft (kept aside). */
export const replacedNotice = (file: string, replacedAt: number, lang: Lang = 'en') => say(lang, 'replaced', { file: baseName(file), at: hhmmss(replacedAt) });
export const restoredReplacedStatus = (updated: number, lang: Lang = 'en') => say(lang, 'restored-replaced', { at: hhmmss(updated) });

export const notKeptNotice = (file: string, err: string, lang: Lang = 'en') => say(lang, 'not-kept', { file, err });

export const newFileNotice = (kind: FileKind, id: string, lang: Lang = 'en') =>
  say(lang, kind === 'scenario' ? 'new-scenario-notice' : 'new-procedure-notice', { id });

/** The kind of file, as the chip beside its name says it. */
export const kindWords = (kind: FileKind, lang: Lang = 'en') => say(lang, `kind.${kind}`);

export interface PickerGroup {
  label: string;
  options: { value: string; text: string }[];
}

/** The "Open…" picker: drafts (when any), shipped scenarios and procedures, and new files. */
export function pickerGroups(
  drafts: readonly Draft[],
  scenarios: readonly ShippedFile[],
  procedures: readonly ShippedFile[],
  lang: Lang = 'en',
): PickerGroup[] {
  const draftFiles = new Set(drafts.map((d) => d.file));
  const shipped = (f: ShippedFile) => ({ value: `file:${f.file}`, text: say(lang, 'pick-shipped', { file: f.file, draft: draftFiles.has(f.file) }) });
  return [
    ...(drafts.length
      ? [
          {
            label: say(lang, 'pick-drafts'),
            options: drafts.map((d) => ({
              value: `file:${d.file}`,
              text: say(lang, 'pick-draft', { file: d.file, saved: d.saved === d.text, at: hhmmss(d.updated) }),
            })),
          },
        ]
      : []),
    { label: say(lang, 'pick-scenarios'), options: scenarios.map(shipped) },
    { label: say(lang, 'pick-procedures'), options: procedures.map(shipped) },
    {
      label: say(lang, 'pick-new'),
      options: [
        { value: 'new:scenario', text: say(lang, 'pick-new-scenario') },
        { value: 'new:procedure', text: say(lang, 'pick-new-procedure') },
      ],
    },
  ];
}

/** What a picker value asks for. */
export type PickerChoice = { open: string } | { create: FileKind } | null;
export function pickerChoice(value: string): PickerChoice {
  if (value.startsWith('file:')) return { open: value.slice(5) };
  if (value === 'new:scenario') return { create: 'scenario' };
  if (value === 'new:procedure') return { create: 'procedure' };
  return null;
}
