/**
 * Opening a file in the editor: a shipped file or its draft by name, text from disk or a drop,
 * or a new file from a template. Each file keeps its own undo history while the page is open,
 * and the session (file, cursor) is noted so a reload reopens it.
 */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { kindOf, type FileKind } from '../../core/check';
import { MAX_FILE_BYTES } from '../../core/limits';
import { bundledProcedures, shippedProcedures, shippedScenarios, type CatalogEntry } from '../catalog';
import type { Checker } from './checking';
import type { DraftActions } from './draft-actions';
import type { EditorContext } from './editor-context';
import { baseName, draftRestoredNotice, kindWords, newFileNotice, notKeptNotice, type Origin } from './editor-model';
import { doing } from './run-draft';
import { showNotice } from './editor-pane';
import { freshName, newProcedureText, newScenarioText } from './templates';

const SHIPPED: CatalogEntry[] = [...shippedScenarios, ...shippedProcedures];
export const shippedByFile = (file: string) => SHIPPED.find((e) => e.file === file);

export interface Openers {
  /** Opens a file by name: a draft if there is one, else the shipped file. False if neither exists. */
  openByName(file: string): boolean;
  openText(file: string, text: string, origin: 'disk' | 'drop'): void;
  openFile(f: File, origin?: 'disk' | 'drop'): Promise<void>;
  openNew(kind: FileKind): void;
}

export function createOpeners(ctx: EditorContext, checker: Checker, actions: DraftActions, refreshPicker: () => void): Openers {
  const { drafts, view, el, session } = ctx;
  const lang = ctx.lang;

  const setFile = (file: string, text: string, origin: Origin, message: string | null, cursor?: number, mode: 'apply' | 'look' = 'apply') => {
    if (checker.pending()) checker.checkNow(); // finish the pending check of the file being left
    if (session.current) session.states.set(session.current.file, view.state);
    const known = session.states.get(file);
    const state = known && known.doc.toString() === text ? known : EditorState.create({ doc: text, extensions: ctx.extensions });
    view.setState(state);
    let kind: FileKind = 'scenario';
    try {
      kind = kindOf(text, file);
    } catch {
      // Broken beyond reading: treat as a scenario; the checker says what is wrong.
    }
    session.current = { file, kind, origin };
    el.fileName.textContent = file;
    el.fileName.title = file;
    el.kindChip.textContent = kindWords(kind, lang());
    drafts.setSession({ open: true, file, ...(cursor !== undefined ? { cursor } : {}) });
    if (cursor !== undefined && cursor > 0) {
      const at = Math.min(cursor, view.state.doc.length);
      view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    }
    refreshPicker();
    if (message) showNotice(el.notice, message);
    else showNotice(el.notice);
    actions.refreshRevert();
    checker.checkNow(mode);
  };

  /** A shipped file: from the catalog, or a procedure bundled beside the scenarios. */
  const bundledFile = (file: string): CatalogEntry | undefined => {
    const known = shippedByFile(file);
    if (known) return known;
    try {
      const ft = bundledProcedures.read(file, '');
      return ft && ft.file === file && !drafts.get(file) ? { id: baseName(file).replace(/\.ya?ml$/, ''), file, text: ft.text } : undefined;
    } catch {
      return undefined;
    }
  };

  const openByName = (file: string): boolean => {
    const d = drafts.open(file);
    const shipped = bundledFile(file);
    const kept = drafts.session();
    const cursor = kept.file === file ? kept.cursor : undefined;
    // Opening a procedure to read it does not change the run; editing it does.
    if (d) {
      setFile(file, d.text, 'draft', draftRestoredNotice(file, d, !!shipped, lang()), cursor, 'look');
      actions.offerReplaced(file, d);
      return true;
    }
    if (shipped) {
      setFile(file, shipped.text, 'shipped', null, cursor, 'look');
      return true;
    }
    return false;
  };

  const openText = (file: string, text: string, origin: 'disk' | 'drop') => {
    const err = drafts.replaceWith(file, text);
    setFile(file, text, origin, err ? notKeptNotice(file, err, lang()) : null, undefined, 'look');
    if (!err) actions.offerReplaced(file, drafts.get(file));
  };

  const openFile = async (f: File, origin: 'disk' | 'drop' = 'disk') => {
    try {
      if (f.size > MAX_FILE_BYTES) throw new Error(`${f.name} is ${f.size} bytes; the limit is ${MAX_FILE_BYTES}`);
      if (!/\.ya?ml$/i.test(f.name) && f.type && !/yaml|text/.test(f.type)) throw new Error(`${f.name} is not a YAML file`);
      const text = await f.text();
      openText(f.name, text, origin);
    } catch (err) {
      ctx.report(doing('open-named', { file: f.name }), err);
    }
  };

  const openNew = (kind: FileKind) => {
    const taken = (file: string) => !!drafts.get(file) || !!shippedByFile(file);
    const { file, id } = freshName(kind, taken);
    const text = kind === 'scenario' ? newScenarioText(id) : newProcedureText(id);
    drafts.put(file, text);
    setFile(file, text, 'new', newFileNotice(kind, id, lang()));
  };

  return { openByName, openText, openFile, openNew };
}
