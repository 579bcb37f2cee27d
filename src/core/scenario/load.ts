/**
 * Scenario loading: YAML with positions → account substitution → schema → references and
 * plausibility → a resolved scenario the engine can run. Every problem is collected, so an
 * author sees all of them in one run.
 */
import { parseOf, zodDiagnostics, type SourceDoc } from '../yaml-source';
import { sortDiagnostics, type Diagnostic } from '../diagnostics';
import { explain } from '../explain';
import { closest } from '../suggest';
import { scenarioSchema, parseTime, type ScenarioFile, type UnitSpec } from './schema';
import { findFactReferences, substituteFacts, DEFAULT_ACCOUNT_KEY } from './accounts';
import { buildMotion, fixedMotion, joinMove, positionAt, type Motion } from './motion';
import { loadProcedure, notFound, parameterValue, type Procedure, type ProcedureSource, type FileText } from '../procedure/load';
import { findChannel, normaliseChannelId, STANDARD_CHANNELS } from '../radio/channels';
import { checkReferences } from './references';
import { lintScenario } from './lint';
import { antennaHeightM, type Action, type FactView, type Scenario } from './model';
import { checkTextLengths, checkUnitCount, checkWorkBudget } from '../limits';
import { asOf } from '../procedure/duties';
import { withBindings } from './bindings';

export interface LoadOptions {
  account?: string | null;
  /** Procedure id or path overriding the one the scenario names. */
  procedure?: string;
  /**
   * Disputed facts to take at these values instead of the account's: compare asks whether a
   * finding rests on a fact by running one account with that fact as the other account gives it.
   */
  facts?: Record<string, unknown>;
}

export interface ScenarioLoad {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

export function loadScenario(ft: FileText, procedures: ProcedureSource, opts: LoadOptions = {}): ScenarioLoad {
  const { doc, diagnostics } = parseOf(ft);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics: sortDiagnostics(diagnostics) };
  diagnostics.push(...checkUnitCount(doc), ...checkTextLengths(doc));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics: sortDiagnostics(diagnostics) };
  const raw = doc.value;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { diagnostics: [doc.diagnostic([], 'error', explain('checker.scenario.not-a-mapping'))] };
  }
  const accountCheck = chooseAccount(doc, raw as Record<string, unknown>, opts.account);
  if (accountCheck.diagnostics.length) return { diagnostics: accountCheck.diagnostics };
  const values = opts.facts ? { ...accountCheck.values, ...opts.facts } : accountCheck.values;
  const substituted = substituteFacts(raw, values);
  const parsed = scenarioSchema.safeParse(substituted, { reportInput: true });
  if (!parsed.success) {
    // Keep going on what can be read, so an author sees every problem in one run.
    const more = bestEffortReferences(doc, substituted);
    const schemaProblems = zodDiagnostics(doc, parsed.error);
    const paths = new Set(schemaProblems.map((d) => d.path));
    return { diagnostics: sortDiagnostics([...diagnostics, ...schemaProblems, ...more.filter((d) => !paths.has(d.path))]) };
  }
  const spec = parsed.data;

  const all: Diagnostic[] = [...diagnostics, ...checkWorkBudget(doc, spec.durationS, spec.environment.stepS, spec.units.length), ...checkReferences(doc, spec)];
  const procRef = opts.procedure ?? spec.procedure;
  const at = opts.procedure ? [] : ['procedure'];
  const proc = loadProcedure(procRef, ft.file, procedures, [], opts.procedure ? undefined : { ...doc.locate(at), path: 'procedure' });
  // A name that finds no procedure is said once, at the name; a procedure with problems of its own
  // is said here too, since its problems are in another file.
  if (!proc.procedure && !notFound(proc)) all.push(doc.diagnostic(at, 'error', explain('checker.procedure.not-loaded', { procedure: procRef })));
  all.push(...proc.diagnostics);
  if (all.some((d) => d.severity === 'error')) return { diagnostics: sortDiagnostics(all) };

  const inForce = asOf(withScenarioParameters(proc.procedure!, spec.parameters), spec.date);
  const bound = withBindings(inForce, spec, accountCheck.account, ft.file, procedures, doc);
  all.push(...bound.diagnostics);
  if (all.some((d) => d.severity === 'error')) return { diagnostics: sortDiagnostics(all) };

  const motion = buildAllMotion(spec, doc, all);
  if (all.some((d) => d.severity === 'error')) return { diagnostics: sortDiagnostics(all) };

  const script: Action[] = spec.script.map((a, index) => {
    // Copied with Object.assign, not spread: V8 gives each spread copy that then gains keys a hidden
    // class of its own, and every later read of 4,000 actions (lint, the engine) went megamorphic.
    // The keys are the schema's (strict), so assigning them is defining them, in the same order.
    const action = Object.assign({}, a) as Action;
    action.id = a.id ?? `a${index + 1}`;
    action.index = index;
    if (a.at !== undefined) action.atS = parseTime(a.at);
    return action;
  });

  const facts: FactView[] = Object.entries(spec.facts).map(([id, f]) => ({
    id,
    question: f.question,
    ...(f.row ? { row: f.row } : {}),
    value: values[id],
    values: f.values,
    sources: f.sources ?? {},
    ...(f.note ? { note: f.note } : {}),
  }));

  const scenario: Scenario = {
    file: ft.file,
    spec,
    account: accountCheck.account,
    facts,
    units: spec.units.map(normaliseUnit),
    motion,
    script,
    procedure: withScenarioPhrases(bound.procedure, spec.phrases),
    parameters: spec.parameters,
    warnings: all.filter((d) => d.severity === 'warning'),
    authored: substituted,
  };
  const lint = lintScenario(doc, scenario);
  all.push(...lint);
  scenario.warnings.push(...lint);
  return { scenario, diagnostics: sortDiagnostics(all) };
}

/**
 * A scenario may set the procedure's calling order for itself (an assumption it names), and the
 * words a nation is called by (the sources give variants of one call: "KOREA SOUTH NAVAL SHIP"
 * in MOD's text, "KOREAN NAVAL SHIP" in transcriptions of the audio).
 */
function withScenarioParameters(p: Procedure, parameters: Record<string, unknown>): Procedure {
  const order = parameters['channelPriority'];
  const words = parameterValue<Record<string, string> | null>(p, 'nationalityWords', parameters, null);
  let out = p;
  if (Array.isArray(order)) out = { ...out, channelPriority: order.map((c) => normaliseChannelId(c as string)) };
  if (words && typeof words === 'object')
    out = { ...out, callFormat: { ...out.callFormat, nationalityWords: { ...out.callFormat.nationalityWords, ...words } } };
  return out;
}

/** The scenario's own phrases join the procedure's phrasebook, so an author adds a phrase without code. */
function withScenarioPhrases(p: Procedure, phrases: ScenarioFile['phrases']): Procedure {
  return phrases.length ? { ...p, phrases: [...p.phrases, ...phrases] } : p;
}

function chooseAccount(
  doc: SourceDoc,
  raw: Record<string, unknown>,
  requested: string | null | undefined,
): { account: string | null; values: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const accounts = (raw['accounts'] && typeof raw['accounts'] === 'object' ? Object.keys(raw['accounts'] as object) : []) as string[];
  const facts = (raw['facts'] && typeof raw['facts'] === 'object' && !Array.isArray(raw['facts']) ? raw['facts'] : {}) as Record<
    string,
    { values?: Record<string, unknown> }
  >;
  const diagnostics: Diagnostic[] = [];
  let account: string | null = null;
  if (requested) {
    if (!accounts.includes(requested)) {
      diagnostics.push({
        ...doc.diagnostic(
          ['accounts'],
          'error',
          accounts.length ? explain('checker.account.unknown', { account: requested, accounts }) : explain('checker.account.none', { account: requested }),
        ),
      });
      return { account, values: {}, diagnostics };
    }
    account = requested;
  } else if (accounts.length) {
    const def = raw['defaultAccount'];
    account = typeof def === 'string' && accounts.includes(def) ? def : null;
  }
  const values: Record<string, unknown> = {};
  for (const [id, f] of Object.entries(facts)) {
    // A malformed fact (values not a mapping) is the schema's to report; here it has no values.
    const vs = f && typeof f === 'object' && f.values && typeof f.values === 'object' && !Array.isArray(f.values) ? f.values : {};
    const key = account ?? DEFAULT_ACCOUNT_KEY;
    if (Object.hasOwn(vs, key)) values[id] = vs[key];
    else if (account === null && accounts.length && Object.hasOwn(vs, accounts[0]!)) {
      // No account chosen and no neutral value: the first account's value stands, and the report says which.
      account = accounts[0]!;
      return chooseAccount(doc, raw, account);
    } else if (!misspeltAs(Object.keys(vs), key, accounts)) {
      // A key that is a near miss of this account is the root cause, reported with its fix where
      // the references are checked; "no value" beside it would be a knock-on error.
      diagnostics.push(doc.diagnostic(['facts', id, 'values'], 'error', explain('checker.fact.no-value', { fact: id, account: key })));
    }
  }
  for (const ref of findFactReferences(raw)) {
    if (!Object.hasOwn(facts, ref.fact)) {
      const known = Object.keys(facts);
      diagnostics.push(
        doc.diagnostic(
          ref.path,
          'error',
          known.length
            ? explain('checker.fact.unknown', { fact: ref.fact, facts: known.map((k) => '$' + k) })
            : explain('checker.fact.unknown-none', { fact: ref.fact }),
        ),
      );
    }
  }
  return { account, values, diagnostics };
}

/** Reference checks on a document the schema rejected: defaults filled in, anything odd skipped. */
function bestEffortReferences(doc: SourceDoc, value: unknown): Diagnostic[] {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const arr = (x: unknown) => (Array.isArray(x) ? x : []);
  const obj = (x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
  const lenient = {
    ...v,
    durationS: typeof v['durationS'] === 'number' ? v['durationS'] : Infinity,
    accounts: obj(v['accounts']),
    facts: Object.fromEntries(Object.entries(obj(v['facts'])).map(([k, f]) => [k, { ...obj(f), values: obj(obj(f)['values']) }])),
    links: arr(v['links']).map((l) => ({ ...obj(l), members: arr(obj(l)['members']) })),
    units: arr(v['units']).map((u) => {
      const o = obj(u);
      return {
        ...o,
        radios: arr(o['radios']).map((r) => ({ ...obj(r), channels: arr(obj(r)['channels']), tuned: obj(r)['tuned'] ?? null })),
        emitters: arr(o['emitters']).map(obj),
        links: arr(o['links']),
        callSigns: arr(o['callSigns']),
      };
    }),
    script: arr(v['script']).map(obj),
  };
  try {
    return checkReferences(doc, lenient as unknown as ScenarioFile);
  } catch {
    return [];
  }
}

function normaliseUnit(u: UnitSpec): UnitSpec {
  return {
    ...u,
    radios: u.radios.map((r) => ({
      ...r,
      channels: r.channels.map((c) => normaliseChannelId(c)),
      tuned: r.tuned === null ? null : Array.isArray(r.tuned) ? r.tuned.map((c) => normaliseChannelId(c)) : normaliseChannelId(r.tuned),
    })),
  };
}

/** Resolves units in dependency order, since a waypoint may be relative to another unit. */
function buildAllMotion(spec: ScenarioFile, doc: SourceDoc, out: Diagnostic[]): Record<string, Motion> {
  const motion: Record<string, Motion> = {};
  const byId = new Map(spec.units.map((u, i) => [u.id, { u, i }]));
  const visiting = new Set<string>();
  // Each unit's scripted moves with a time, in script order: found once, not by a pass over the
  // whole script per unit (a 1,000-unit exercise has thousands of actions).
  const movesOf = new Map<string, Extract<ScenarioFile['script'][number], { do: 'move' }>[]>();
  for (const a of spec.script) {
    if (a.do !== 'move' || a.at === undefined) continue;
    const mine = movesOf.get(a.unit);
    if (mine) mine.push(a);
    else movesOf.set(a.unit, [a]);
  }
  const build = (id: string): Motion | undefined => {
    if (motion[id]) return motion[id];
    const entry = byId.get(id);
    if (!entry) return undefined;
    const { u, i } = entry;
    if (visiting.has(id)) {
      out.push(doc.diagnostic(['units', i, 'track'], 'error', explain('checker.track.circular', { unit: id })));
      return undefined;
    }
    visiting.add(id);
    const alt = antennaHeightM(u);
    let m: Motion | undefined;
    if (u.track) {
      m = buildMotion(u.track, alt, (ref, t) => {
        const rm = build(ref);
        return rm ? positionAt(rm, t) : { lat: spec.location.lat, lon: spec.location.lon, altM: 0 };
      });
    } else if (u.position) {
      m = fixedMotion(u.position.lat, u.position.lon, alt);
    } else {
      // Headquarters without a position sit at the scenario's location; they are off the plot's interest.
      m = fixedMotion(spec.location.lat, spec.location.lon, alt);
    }
    const reference = (ref: string, t: number) => {
      const rm = build(ref);
      return rm ? positionAt(rm, t) : { lat: spec.location.lat, lon: spec.location.lon, altM: 0 };
    };
    const moves = [...(movesOf.get(id) ?? [])].sort((a, b) => parseTime(a.at!) - parseTime(b.at!));
    for (const mv of moves) m = joinMove(m, parseTime(mv.at!), mv.track, alt, reference);
    visiting.delete(id);
    motion[id] = m;
    return m;
  };
  for (const u of spec.units) build(u.id);
  return motion;
}

export { STANDARD_CHANNELS, findChannel };
// Many modules read the model through the loader's path; it lives in model.ts, below the loader's checks.
export { antennaHeightM, DEFAULT_SHIP_ANTENNA_M, type Action, type FactView, type Scenario } from './model';

/** Whether one of `keys` is not an account but a misspelling of `account`. */
function misspeltAs(keys: string[], account: string, accounts: string[]): boolean {
  return keys.some((k) => k !== DEFAULT_ACCOUNT_KEY && !accounts.includes(k) && closest(k, accounts) === account);
}
