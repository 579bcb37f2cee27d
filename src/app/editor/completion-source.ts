/**
 * Completion for CodeMirror from ./completion.ts: what the schema and the document offer at the
 * cursor, and the procedures and rules the author can name (shipped ones and procedure drafts).
 */
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { kindOf, type FileKind } from '../../core/check';
import { loadProcedure } from '../../core/procedure/load';
import { bundledProcedures, shippedProcedures } from '../catalog';
import { yamlTitle } from '../words';
import { completeAt, type CompletionEnv } from './completion';
import type { DraftStore } from './drafts';
import { baseName } from './editor-model';

/** What completion needs to know of the open file. */
export type OpenFile = () => { file: string; kind: FileKind } | null;

function completionEnv(open: OpenFile, drafts: DraftStore): CompletionEnv {
  const current = open();
  return {
    kind: current?.kind ?? 'scenario',
    procedures: () => {
      const out = shippedProcedures.map((p) => ({ id: p.id, title: yamlTitle(p.text) ?? '' }));
      for (const d of drafts.list()) {
        const id = baseName(d.file).replace(/\.ya?ml$/, '');
        if (out.some((p) => p.id === id)) continue;
        try {
          if (kindOf(d.text, d.file) === 'procedure') out.push({ id, title: yamlTitle(d.text) ?? 'draft' });
        } catch {
          // An unreadable draft is simply not offered.
        }
      }
      return out;
    },
    rulesOf: (ref) => {
      try {
        return loadProcedure(ref, open()?.file ?? 'procedures/x.yaml', bundledProcedures).procedure?.rules.map((r) => ({ id: r.id, title: r.title })) ?? [];
      } catch {
        return [];
      }
    },
  };
}

/** The CodeMirror completion source; it never throws (a failure offers nothing). */
export function completionSource(open: OpenFile, drafts: DraftStore) {
  return (cx: CompletionContext): CompletionResult | null => {
    try {
      const r = completeAt(cx.state.doc.toString(), cx.pos, completionEnv(open, drafts));
      if (!r || !r.options.length) return null;
      if (!cx.explicit && r.from === cx.pos) {
        // Unasked, only offer what the schema or document knows for a value (enums, ids), not every key.
        if (r.context.kind === 'key') return null;
        const useful = r.options.filter((o) => (o.boost ?? 0) >= 0);
        if (!useful.length) return null;
      }
      // Typing a quote inserts its closing twin (closeBrackets): a quoted choice replaces both.
      const quote = r.context.prefix[0];
      const to = (quote === '"' || quote === "'") && cx.state.sliceDoc(r.to, r.to + 1) === quote ? r.to + 1 : r.to;
      return {
        from: r.from,
        to,
        options: r.options.map((o) => ({
          label: o.label,
          apply: o.apply ?? o.label,
          type: o.type,
          ...(o.detail ? { detail: o.detail } : {}),
          ...(o.info ? { info: o.info } : {}),
          ...(o.boost ? { boost: o.boost } : {}),
        })),
        validFor: /^["']?[\w$.-]*["']?$/,
      };
    } catch (err) {
      console.error('editor: completion failed', err);
      return null;
    }
  };
}
