/**
 * Procedures bound to some units beside the procedure in force (scenario and account
 * `procedures:`): a navy's own warning ladder, a coast guard's or a civil station's simple rules.
 * Their rules join the procedure in force, each keeping its own procedure's id ("rok-2019-guideline/
 * warn-call") and marked with the units it binds (`boundTo`), so every part that reads the rules
 * (units, checks, scorecard, analysis) sees them and none applies them to another unit.
 */
import { pathToString, type SourceDoc } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { explain } from '../explain';
import type { BindingSpec, ScenarioFile } from './schema';
import { loadProcedure, notFound, type BoundProcedure, type BoundTo, type Procedure, type ProcedureSource } from '../procedure/load';
import { asOf } from '../procedure/duties';

interface Binding {
  spec: BindingSpec;
  path: (string | number)[];
}

/** The bindings in force under an account: the scenario's, then the account's own. */
function bindingsOf(spec: ScenarioFile, account: string | null): Binding[] {
  const own = account ? (spec.accounts[account]?.procedures ?? []) : [];
  return [
    ...spec.procedures.map((b, i) => ({ spec: b, path: ['procedures', i] })),
    ...own.map((b, i) => ({ spec: b, path: ['accounts', account!, 'procedures', i] })),
  ];
}

const filterOf = (b: BindingSpec): BoundTo => ({
  ...(b.nations ? { nations: [...b.nations] } : {}),
  ...(b.services ? { services: [...b.services] } : {}),
  ...(b.units ? { units: [...b.units] } : {}),
});

/**
 * The procedure in force with the bound procedures' rules, later rules and parameters added.
 * A procedure bound twice (by two entries) binds the units either entry names.
 */
export function withBindings(
  main: Procedure,
  spec: ScenarioFile,
  account: string | null,
  fromFile: string,
  source: ProcedureSource,
  doc: SourceDoc,
): { procedure: Procedure; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, { procedure: Procedure; boundTo: BoundTo[] }>();
  const unitIds = new Set(spec.units.map((u) => u.id));
  for (const b of bindingsOf(spec, account)) {
    for (const [i, u] of (b.spec.units ?? []).entries())
      if (!unitIds.has(u)) diagnostics.push(doc.diagnostic([...b.path, 'units', i], 'error', explain('checker.binding.unknown-unit', { unit: u })));
    const named = [...b.path, 'procedure'];
    const loaded = loadProcedure(b.spec.procedure, fromFile, source, [], { ...doc.locate(named), path: pathToString(named) });
    if (!loaded.procedure) {
      if (!notFound(loaded)) diagnostics.push(doc.diagnostic(named, 'error', explain('checker.procedure.not-loaded', { procedure: b.spec.procedure })));
      diagnostics.push(...loaded.diagnostics);
      continue;
    }
    diagnostics.push(...loaded.diagnostics);
    const p = loaded.procedure;
    if (main.chain.includes(p.id)) {
      diagnostics.push(doc.diagnostic([...b.path, 'procedure'], 'warning', explain('checker.binding.already-in-force', { procedure: p.id })));
      continue;
    }
    const entry = byId.get(p.id);
    if (entry) entry.boundTo.push(filterOf(b.spec));
    else byId.set(p.id, { procedure: asOf(p, spec.date), boundTo: [filterOf(b.spec)] });
  }
  if (!byId.size) return { procedure: main, diagnostics };
  const parameters = { ...main.parameters };
  const bound: BoundProcedure[] = [];
  const rules = [...main.rules];
  const laterRules = [...(main.laterRules ?? [])];
  for (const { procedure: p, boundTo } of byId.values()) {
    for (const [name, value] of Object.entries(p.parameters)) if (!(name in parameters)) parameters[name] = value;
    const own = (r: Procedure['rules'][number]) => !main.rules.some((m) => m.qid === r.qid);
    rules.push(...p.rules.filter(own).map((r) => ({ ...r, boundTo })));
    laterRules.push(...(p.laterRules ?? []).filter(own).map((r) => ({ ...r, boundTo })));
    bound.push({ id: p.id, title: p.title, file: p.file, boundTo, ...(p.whatIf ? { whatIf: p.whatIf } : {}) });
  }
  return { procedure: { ...main, rules, laterRules, parameters, bound }, diagnostics };
}
