/**
 * The files that ship with the app: scenarios and procedures, bundled as text by vite. The core
 * reads them through the same ProcedureSource interface the command line uses for the disk.
 */
import type { FileText, ProcedureSource } from '../core/procedure/load';

const scenarioFiles = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const procedureFiles = import.meta.glob('/procedures/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const base = (p: string) => p.replace(/^.*\//, '').replace(/\.yaml$/, '');

export interface CatalogEntry {
  /** File name without folder or extension, e.g. "dec-2018-noto". */
  id: string;
  /** Path as shown in diagnostics, e.g. "scenarios/dec-2018-noto.yaml". */
  file: string;
  text: string;
}

export const shippedScenarios: CatalogEntry[] = Object.entries(scenarioFiles)
  .map(([p, text]) => ({ id: base(p), file: p.replace(/^\//, ''), text }))
  .sort((a, b) => a.id.localeCompare(b.id));

export const shippedProcedures: CatalogEntry[] = Object.entries(procedureFiles)
  .map(([p, text]) => ({ id: base(p), file: p.replace(/^\//, ''), text }))
  .sort((a, b) => a.id.localeCompare(b.id));

/** Extra procedure files the user opened in this session, by file name. */
const userProcedures = new Map<string, FileText>();

export function addUserProcedure(ft: FileText): void {
  userProcedures.set(base(ft.file), ft);
}

export const bundledProcedures: ProcedureSource = {
  read(ref) {
    const id = base(ref);
    const shipped = shippedProcedures.find((p) => p.id === id);
    if (shipped) return { file: shipped.file, text: shipped.text };
    return userProcedures.get(id);
  },
  shippedIds: () => shippedProcedures.map((p) => p.id),
};

export function scenarioById(id: string): CatalogEntry | undefined {
  return shippedScenarios.find((s) => s.id === id);
}
