/**
 * The files that ship with the app: scenarios and procedures, bundled as text by vite. The core
 * reads them through the same ProcedureSource interface the command line uses for the disk.
 */
import { SHIPPED_ID, type FileText, type ProcedureSource } from '../core/procedure/load';
import { byCodePoint } from '../core/order';

const scenarioFiles = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const procedureFiles = import.meta.glob('/procedures/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
/** Procedures that scenarios name by path (e.g. scenarios/procedures/demo-ladder.yaml). */
const scenarioProcedureFiles = import.meta.glob('/scenarios/procedures/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** "scenarios/x/../procedures/a.yaml" → "scenarios/procedures/a.yaml" */
function normalisePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const base = (p: string) => p.replace(/^.*\//, '').replace(/\.yaml$/, '');

export interface CatalogEntry {
  /** File name without folder or extension, e.g. "dec-2018-noto". */
  id: string;
  /** Path as shown in diagnostics, e.g. "scenarios/dec-2018-noto.yaml". */
  file: string;
  text: string;
}

// Pure: a bundle that never lists the scenarios (the sweep worker, which gets its scenario in
// the job) leaves their texts out.
export const shippedScenarios: CatalogEntry[] = /* @__PURE__ */ (() =>
  Object.entries(scenarioFiles)
    .map(([p, text]) => ({ id: base(p), file: p.replace(/^\//, ''), text }))
    .sort((a, b) => byCodePoint(a.id, b.id)))();

export const shippedProcedures: CatalogEntry[] = Object.entries(procedureFiles)
  .map(([p, text]) => ({ id: base(p), file: p.replace(/^\//, ''), text }))
  .sort((a, b) => byCodePoint(a.id, b.id));

/** Extra procedure files the user opened in this session, by file name. */
const userProcedures = new Map<string, FileText>();

export function addUserProcedure(ft: FileText): void {
  userProcedures.set(base(ft.file), ft);
}

/** The procedures opened in this session, to send with a run made off the page. */
export function userProcedureFiles(): FileText[] {
  return [...userProcedures.values()];
}

/** Is this exactly the text of a shipped scenario? (Shipped files are trusted to run on the page.) */
export function isShippedText(text: string): boolean {
  return shippedScenarios.some((s) => s.text === text);
}

export const bundledProcedures: ProcedureSource = {
  read(ref, fromFile) {
    if (SHIPPED_ID.test(ref)) {
      const shipped = shippedProcedures.find((p) => p.id === ref);
      if (shipped) return { file: shipped.file, text: shipped.text };
    }
    const path = normalisePath(`${fromFile.replace(/[^/]*$/, '')}${ref}`);
    const text = scenarioProcedureFiles[`/${path}`];
    if (text !== undefined) return { file: path, text };
    return userProcedures.get(base(ref));
  },
  shippedIds: () => shippedProcedures.map((p) => p.id),
};

export function scenarioById(id: string): CatalogEntry | undefined {
  return shippedScenarios.find((s) => s.id === id);
}
