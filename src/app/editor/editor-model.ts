/**
 * What the editor tells the author, as data: the problems heading, the status line after a check
 * or a run, the revert and save buttons' words, the picker's groups and the notices on opening a
 * file. Pure (no DOM, no CodeMirror, no store): ./editor.ts and its parts put these on screen.
 */
import type { FileKind } from '../../core/check';
import type { Diagnostic } from '../../core/diagnostics';
import type { Draft } from './drafts';

/** Where the open text came from. */
export type Origin = 'shipped' | 'draft' | 'disk' | 'drop' | 'new';

export interface ShippedFile {
  file: string;
  text: string;
}

export const baseName = (file: string) => file.replace(/^.*\//, '');
/** Wall-clock time of day, as the author's clock shows it. */
export const hhmmss = (ms: number) => new Date(ms).toTimeString().slice(0, 8);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const errorCount = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error').length;

/** The heading over the problems list and the line beside it. */
export function problemsHeading(ds: readonly Diagnostic[]): { title: string; note: string } {
  const errors = errorCount(ds);
  const warnings = ds.length - errors;
  return {
    title: ds.length ? `Problems (${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''})` : 'Problems',
    note: errors
      ? 'The plot and panels keep the last good run until these are fixed.'
      : ds.length
        ? 'The file runs; these are worth a look.'
        : 'None: the plot and panels show this file.',
  };
}

/** "Run with it" is offered for a valid procedure the run on screen does not use yet. */
export const offersRun = (kind: FileKind, errors: boolean, runsUnderIt: boolean) => kind === 'procedure' && !errors && !runsUnderIt;

/** After a procedure is checked to be read, not run ('look'): registered when valid, the run unchanged. */
export function lookedStatus(ds: readonly Diagnostic[], runsUnderIt: boolean): string {
  const errors = errorCount(ds);
  if (errors) return `${errors} problem(s) in this procedure.`;
  return runsUnderIt
    ? 'No problems: the scenario on screen runs under this procedure.'
    : 'No problems. Edit it, or "Run with it", to see the scenario on screen run under it.';
}

/** The text is what the run on screen already shows. */
export const UNCHANGED_STATUS = 'No problems: the plot and panels show this file.';

/** After an edit was applied to the run on screen (./run-draft.ts applyDraft), at wall-clock `at`. */
export function appliedStatus(kind: FileKind, outcome: { ran: boolean; note: string | null }, ds: readonly Diagnostic[], at: number): string {
  if (outcome.ran)
    return kind === 'procedure'
      ? `Valid: the scenario on screen re-ran under this procedure at ${hhmmss(at)}.`
      : `Valid: the plot and panels re-ran at ${hhmmss(at)}.`;
  const errors = errorCount(ds);
  if (errors) return `${plural(errors, 'problem')}: the plot keeps the last good run.`;
  return outcome.note ?? 'Valid.';
}

/** A handler of the editor failed (`message` is the problem's, "what: why"). */
export const failedStatus = (what: string, message: string) => `${what}: ${message.replace(/^[^:]*: /, '')}. Your draft is kept.`;

/** Drafts equal to the shipped text, never saved, are not worth keeping. */
export const isShippedAsIs = (shipped: ShippedFile | undefined, draft: Draft | null, text: string) => !!shipped && shipped.text === text && !draft?.saved;

export const notAutosaved = (err: string) => ({ status: `Not autosaved: ${err}.`, notice: `This draft could not be kept in the browser: ${err}.` });

const hasSavedOther = (d: Draft | null | undefined, text: string): d is Draft & { saved: string } =>
  d?.saved !== null && d?.saved !== undefined && d.saved !== text;

/** The revert button (null: hidden) and the save button's word for the text in the editor. */
export function revertOffer(
  d: Draft | null | undefined,
  shipped: ShippedFile | undefined,
  text: string,
): { revert: { label: string; title: string } | null; saveLabel: string } {
  const saveLabel = d?.saved === text ? 'Saved' : 'Save';
  if (hasSavedOther(d, text))
    return { revert: { label: 'Revert to saved', title: `Go back to the text saved at ${hhmmss(d.savedAt ?? d.updated)}` }, saveLabel };
  if (shipped && shipped.text !== text)
    return { revert: { label: 'Revert to shipped', title: `Go back to ${shipped.file} as it ships (your draft is kept in the undo history)` }, saveLabel };
  return { revert: null, saveLabel };
}

/** The text Revert goes back to: the saved version when it differs, else the shipped file. */
export const revertTarget = (d: Draft | null | undefined, shipped: ShippedFile | undefined, text: string): string | undefined =>
  hasSavedOther(d, text) ? d.saved : shipped?.text;

export const REVERTED_STATUS = 'Reverted. Ctrl+Z brings your text back.';

export const savedStatus = (file: string, err: string | null, at: number) =>
  err ? `Not saved: ${err}.` : `Saved ${baseName(file)} as a draft at ${hhmmss(at)}. Download it to keep a file.`;

/** The name a download gets: the file's own, always ending in .yaml. */
export const downloadName = (file: string) => baseName(file).replace(/(\.ya?ml)?$/i, '.yaml');

/** The notice on opening a file that has a draft. */
export const draftRestoredNotice = (file: string, d: Draft, hasShipped: boolean) =>
  `Your draft of ${baseName(file)} (autosaved ${hhmmss(d.updated)}) is restored.${hasShipped ? ' "Revert to shipped" goes back to the original.' : ''}`;

/** The notice when another tab had changed the same draft: both texts are kept. */
export const otherTabNotice = (file: string, theirsAt: number) =>
  `${baseName(file)} was also being edited in another tab (its last change at ${hhmmss(theirsAt)}). Both are kept: this tab's text is the draft, the other tab's is kept aside. `;

/** The notice when an opened file replaced a different draft (kept aside). */
export const replacedNotice = (file: string, replacedAt: number) => `${baseName(file)} had a different draft here (from ${hhmmss(replacedAt)}); it is kept. `;
export const restoredReplacedStatus = (updated: number) => `Restored the draft from ${hhmmss(updated)}; the opened text is kept aside and in the undo history.`;

export const notKeptNotice = (file: string, err: string) => `Opened ${file}, but it could not be kept as a draft: ${err}.`;

export const newFileNotice = (kind: FileKind, id: string) =>
  kind === 'scenario'
    ? `New scenario ${id}, from the routine CUES exchange. Change it; the plot follows.`
    : `New procedure ${id}, extending cues-2014. The scenario on screen runs under it while you edit.`;

export interface PickerGroup {
  label: string;
  options: { value: string; text: string }[];
}

/** The "Open…" picker: drafts (when any), shipped scenarios and procedures, and new files. */
export function pickerGroups(drafts: readonly Draft[], scenarios: readonly ShippedFile[], procedures: readonly ShippedFile[]): PickerGroup[] {
  const draftFiles = new Set(drafts.map((d) => d.file));
  const shipped = (f: ShippedFile) => ({ value: `file:${f.file}`, text: `${f.file}${draftFiles.has(f.file) ? ' (draft)' : ''}` });
  return [
    ...(drafts.length
      ? [
          {
            label: 'Drafts in this browser',
            options: drafts.map((d) => ({ value: `file:${d.file}`, text: `${d.file} — ${d.saved === d.text ? 'saved' : 'autosaved'} ${hhmmss(d.updated)}` })),
          },
        ]
      : []),
    { label: 'Shipped scenarios', options: scenarios.map(shipped) },
    { label: 'Shipped procedures', options: procedures.map(shipped) },
    {
      label: 'New',
      options: [
        { value: 'new:scenario', text: 'New scenario (from the CUES control exchange)' },
        { value: 'new:procedure', text: 'New procedure (extends cues-2014)' },
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
