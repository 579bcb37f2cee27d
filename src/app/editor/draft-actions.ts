/**
 * The editor's drafts: every change autosaved (a text back to the shipped one is dropped), Save,
 * Download, Revert (to the saved text, else to the shipped file) and the offer to restore a draft
 * an opened file replaced. Storage is ./drafts.ts; the words are ./editor-model.ts.
 */
import { isolateHistory } from '@codemirror/commands';
import { download as saveFile, h } from '../dom';
import type { CatalogEntry } from '../catalog';
import type { Draft } from './drafts';
import type { EditorContext } from './editor-context';
import { wordsIn } from '../said';
import { doing } from './run-draft';
import {
  downloadName,
  downloadedStatus,
  revertedStatus,
  isShippedAsIs,
  notAutosaved,
  otherTabNotice,
  replacedNotice,
  restoredReplacedStatus,
  revertOffer,
  revertTarget,
  savedStatus,
} from './editor-model';
import { showNotice } from './editor-pane';

export interface DraftActions {
  autosave(file: string, text: string): void;
  /** Shows or hides Revert, and says whether the text is the saved one. */
  refreshRevert(): void;
  save(): void;
  download(): void;
  revert(): void;
  /** When opening `file` (or another tab's edit) replaced a different draft, offers to restore it. */
  offerReplaced(file: string, d: Draft | null, why?: 'opened' | 'other-tab'): void;
}

export function createDraftActions(ctx: EditorContext, shippedByFile: (file: string) => CatalogEntry | undefined, afterSave: () => void): DraftActions {
  const { drafts, view, el, session, guard } = ctx;
  const lang = ctx.lang;
  const text = () => view.state.doc.toString();
  const replaceText = (insert: string) =>
    // A change, not a new state: Ctrl+Z brings the text before back.
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert }, annotations: isolateHistory.of('full') });

  const refreshRevert = () => {
    if (!session.current) return;
    const { revert, saveLabel } = revertOffer(drafts.get(session.current.file), shippedByFile(session.current.file), text(), lang());
    el.revertBtn.hidden = !revert;
    if (revert) {
      el.revertBtn.textContent = revert.label;
      el.revertBtn.title = revert.title;
    }
    el.saveBtn.textContent = saveLabel;
  };

  const autosave = (file: string, text: string) => {
    if (isShippedAsIs(shippedByFile(file), drafts.get(file), text)) {
      drafts.remove(file); // back to the shipped text: nothing to keep
      refreshRevert();
      return;
    }
    const err = drafts.put(file, text);
    if (err) {
      const words = notAutosaved(err, lang());
      el.status.textContent = words.status;
      showNotice(el.notice, words.notice);
    } else if (drafts.takeConflict(file)) offerReplaced(file, drafts.get(file), 'other-tab');
    refreshRevert();
  };

  const offerReplaced = (file: string, d: Draft | null, why: 'opened' | 'other-tab' = 'opened') => {
    if (!d?.replaced) return;
    const w = wordsIn(lang());
    const restore = h('button', { type: 'button' }, w('app-tools.editor.restore'));
    const forget = h('button', { type: 'button' }, w('app-tools.editor.forget'));
    restore.addEventListener(
      'click',
      guard(doing('restore'), () => {
        const keep = drafts.get(file)?.replaced;
        if (!keep || session.current?.file !== file) return;
        // The opened text becomes the one kept aside, so nothing is lost either way.
        drafts.replaceWith(file, keep.text);
        replaceText(keep.text);
        el.notice.hidden = true;
        el.status.textContent = restoredReplacedStatus(keep.updated, lang());
      }),
    );
    forget.addEventListener(
      'click',
      guard(doing('forget'), () => {
        drafts.forgetReplaced(file);
        el.notice.hidden = true;
      }),
    );
    const words = why === 'other-tab' ? otherTabNotice(file, d.replaced.updated, lang()) : replacedNotice(file, d.replaced.updated, lang());
    showNotice(el.notice, words, restore, ' ', forget);
  };

  return {
    autosave,
    refreshRevert,
    offerReplaced,
    save: guard(doing('save'), () => {
      if (!session.current) return;
      const file = session.current.file;
      el.status.textContent = savedStatus(file, drafts.save(file, text()), Date.now(), lang());
      if (drafts.takeConflict(file)) offerReplaced(file, drafts.get(file), 'other-tab');
      refreshRevert();
      afterSave();
    }),
    download: guard(doing('download'), () => {
      if (!session.current) return;
      const name = downloadName(session.current.file);
      saveFile(text(), name, 'text/yaml');
      el.status.textContent = downloadedStatus(name, lang());
    }),
    revert: guard(doing('revert'), () => {
      if (!session.current) return;
      const target = revertTarget(drafts.get(session.current.file), shippedByFile(session.current.file), text());
      if (target === undefined) return;
      replaceText(target);
      el.status.textContent = revertedStatus(lang());
    }),
  };
}
