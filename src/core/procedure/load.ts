/**
 * Loads a procedure file and the chain it extends into one resolved procedure. Rule ids are
 * qualified by the procedure that defined them ("cues-2014/avoid-fire-control-radar"), so a
 * breakdown names the document a trainer would open.
 */
import { z } from 'zod';
import { MAX_REPEATS, procedureSchema, safeDistanceNormSchema, type Parameter, type ProcedureFile, type Rule } from './schema';
import { didYouMean, parseOf, zodDiagnostics, type SharedParse, type SourceDoc } from '../yaml-source';
import { closest } from '../suggest';
import { diagnosticAt, type Diagnostic } from '../diagnostics';
import { explain } from '../explain';
import { checkTextLengths } from '../limits';
import { normaliseChannelId } from '../radio/channels';
import { UNIT_KINDS, type UnitKind } from '../kinds';
import type { PhraseSpec } from '../scenario/schema';
import { references } from './conditions';

export interface FileText {
  file: string;
  text: string;
  /**
   * Size of the file in bytes, given by a reader that did not read it because it is over
   * MAX_FILE_BYTES (text is then empty), so the refusal names the file's real size.
   */
  bytes?: number;
  /** The reader stopped at `bytes` (a device or a pipe has no size on disk): the file is at least that big. */
  bytesAtLeast?: boolean;
  /** The text's parse, when the caller made it already (yaml-source.ts shareParse); used only if it is of this text and file. */
  parsed?: SharedParse;
}

/** A procedure named this way is a shipped one (procedures/<id>.yaml); any other name is a path. */
export const SHIPPED_ID = /^[a-z0-9-]+$/;

/** Where procedure files come from: the CLI reads the disk, the app reads bundled files. */
export interface ProcedureSource {
  /** A shipped id ("jp-rok-2024") or a path, relative to the file that names it. */
  read(ref: string, fromFile: string): FileText | undefined;
  /** The ids that ship with the project, for error messages and pickers. */
  shippedIds(): string[];
  /**
   * The load of procedure `ref`, whose file reads `ft`, made beforehand from the very same files
   * (the command line's build keeps the shipped procedures loaded: parsing them was a third of
   * loading a scenario in a fresh process), or undefined to load it here.
   */
  loadedBefore?(ref: string, ft: FileText): ProcedureLoad | undefined;
}

export type ResolvedRule = Rule & {
  /** "<procedure>/<rule>" */
  qid: string;
  origin: string;
  file: string;
  line: number;
  /** Nations or unit ids that did not follow this rule in practice. */
  notObservedBy: string[];
  /** Services it binds and speaks towards: its own, else its procedure's scope; undefined: any service. */
  services?: string[];
  /** In force from (YYYY-MM-DD): its own date, else its procedure's inForceFrom; undefined: always. */
  from?: string;
  /** Set on the rules of a procedure a scenario binds to some units (scenario/bindings.ts): only those units follow it. */
  boundTo?: BoundTo[];
};

/** Which units a bound procedure's rule binds: any one of these filters (each part, when given, must match). */
export interface BoundTo {
  nations?: string[];
  services?: string[];
  units?: string[];
}

/** An item of a source document: the rules of this procedure that model it, or why none does. */
export interface CoverageItem {
  item: string;
  title: string;
  /** Qualified ids of the rules that model it, as this procedure has them (an override's own). */
  rules: string[];
  /** Rule ids the item named that this procedure removed: the item is no longer modelled here. */
  removed: string[];
  outOfScope?: string;
  sources: string[];
  /** The procedure whose file lists the item. */
  origin: string;
}

export interface ResolvedParameter extends Parameter {
  origin: string;
}

export interface Procedure {
  id: string;
  title: string;
  description: string;
  file: string;
  chain: string[];
  sources: string[];
  language: string;
  parameters: Record<string, ResolvedParameter>;
  callFormat: NonNullable<ProcedureFile['callFormat']>;
  hailing: NonNullable<ProcedureFile['hailing']>;
  rules: ResolvedRule[];
  /** Items of the source documents along the chain (the base's first), and what models each. */
  coverage: CoverageItem[];
  /** Channel ids in the order calls are made and answered. */
  channelPriority: string[];
  /** YYYY-MM-DD from which this procedure (not the ones it extends) applies. */
  inForceFrom?: string;
  /** Services its rules bind, unless a rule names its own; undefined: any service. */
  scope?: { services: string[] };
  /**
   * Rules that come into force after the scenario's date, left out of `rules` for the run
   * (scenario/load.ts): they are listed for discussion, never judged.
   */
  laterRules?: ResolvedRule[];
  /** Vocabularies the procedure agrees (its own or the one it extends); undefined: it names none. */
  vocabularies?: string[];
  /** The phrasebook: the base's phrases, then this file's (a scenario's `phrases:` follow when it is loaded). */
  phrases: PhraseSpec[];
  /** Set when the procedure itself comes into force after the scenario's date: every rule applies, as a what-if. */
  whatIf?: { procedure: string; inForceFrom: string; scenarioDate: string };
  /** Procedures the scenario or the account binds to some units, whose rules are in `rules` with their `boundTo`. */
  bound?: BoundProcedure[];
}

/** A procedure bound to some units beside the one in force, as the report names it. */
export interface BoundProcedure {
  id: string;
  title: string;
  file: string;
  boundTo: BoundTo[];
  /** Set when it comes into force after the scenario's date. */
  whatIf?: { procedure: string; inForceFrom: string; scenarioDate: string };
}

const DEFAULT_CALL_FORMAT: Procedure['callFormat'] = {
  addressee: ['nationality', 'type', 'hull'],
  nationalityWords: {},
  typeWords: {},
  originatorPrefix: 'THIS IS',
  ending: 'OVER',
  closing: 'OUT',
  repeatAddressee: 1,
  repeatEach: 1,
  repeatOriginator: 1,
};
const DEFAULT_HAILING: Procedure['hailing'] = {
  channels: 'priority',
  callsPerChannel: 1,
  attempts: 3,
  intervalS: 120,
  laterIntervalS: 180,
  laterAfter: 3,
  replyTimeoutS: 90,
  firstCallAfterS: 0,
};

export interface ProcedureLoad {
  procedure?: Procedure;
  diagnostics: Diagnostic[];
}

/**
 * Where a procedure is named (`procedure: x` in a scenario, `extends: x` in a procedure): a
 * procedure that cannot be found is reported there, at the value, not at the file's top.
 */
export interface NamedAt {
  line: number;
  col: number;
  path: string;
}

export function loadProcedure(ref: string, fromFile: string, source: ProcedureSource, seen: string[] = [], at?: NamedAt): ProcedureLoad {
  const ft = source.read(ref, fromFile);
  if (!ft) {
    const shipped = source.shippedIds();
    const hint = didYouMean(closest(ref.replace(/^.*\//, '').replace(/\.ya?ml$/, ''), shipped));
    return {
      diagnostics: [
        diagnosticAt(
          { file: fromFile, line: at?.line ?? 1, col: at?.col ?? 1, path: at?.path ?? '' },
          'error',
          explain('checker.procedure.not-found', { procedure: ref, hint, shipped }),
        ),
      ],
    };
  }
  // Only a procedure named by a scenario: one named by `extends` comes with the chain that names it.
  return (seen.length === 0 ? source.loadedBefore?.(ref, ft) : undefined) ?? loadProcedureText(ft, source, seen);
}

/** True when the load failed only because the named procedure does not exist: that error is the root, no wrapper needed. */
export function notFound(load: ProcedureLoad): boolean {
  return !load.procedure && load.diagnostics.length === 1 && load.diagnostics[0]!.code === 'checker.procedure.not-found';
}

export function loadProcedureText(ft: FileText, source: ProcedureSource, seen: string[] = []): ProcedureLoad {
  const { doc, diagnostics } = parseOf(ft);
  diagnostics.push(...checkTextLengths(doc));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const parsed = procedureSchema.safeParse(doc.value ?? {}, { reportInput: true });
  if (!parsed.success) return { diagnostics: [...diagnostics, ...zodDiagnostics(doc, parsed.error)] };
  const file = parsed.data;
  if (file.extends === file.id) {
    // Otherwise the cycle would be reported inside the shipped file, which the author never touched.
    return {
      diagnostics: [doc.diagnostic(['id'], 'error', explain('checker.procedure.extends-own-id', { procedure: file.id }))],
    };
  }
  if (seen.includes(file.id)) {
    return {
      diagnostics: [
        doc.diagnostic(['extends'], 'error', explain('checker.procedure.extends-cycle', { procedure: file.id, chain: [...seen, file.id].join(' → ') })),
      ],
    };
  }
  let base: Procedure | undefined;
  if (file.extends) {
    const loaded = loadProcedure(file.extends, ft.file, source, [...seen, file.id], { ...doc.locate(['extends']), path: 'extends' });
    if (notFound(loaded)) return { diagnostics: [...diagnostics, ...loaded.diagnostics] };
    if (!loaded.procedure) {
      const here = doc.diagnostic(['extends'], 'error', explain('checker.procedure.bad-base', { base: file.extends, procedure: file.id }));
      return { diagnostics: [...diagnostics, here, ...loaded.diagnostics] };
    }
    base = loaded.procedure;
  }
  const merged = merge(file, base, ft.file, doc);
  return { procedure: merged.procedure, diagnostics: [...diagnostics, ...merged.diagnostics] };
}

function merge(file: ProcedureFile, base: Procedure | undefined, path: string, doc: SourceDoc): { procedure: Procedure; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parameters: Record<string, ResolvedParameter> = { ...(base?.parameters ?? {}) };
  for (const [k, p] of Object.entries(file.parameters)) parameters[k] = { ...p, origin: file.id };

  const rules: ResolvedRule[] = (base?.rules ?? []).filter((r) => !file.remove.includes(r.id) && !file.remove.includes(r.qid));
  for (const r of file.remove) {
    if (!base?.rules.some((b) => b.id === r || b.qid === r)) {
      const i = file.remove.indexOf(r);
      diagnostics.push(doc.diagnostic(['remove', i], 'warning', explain('checker.procedure.remove-unknown', { rule: r })));
    }
  }
  const scope = file.scope ?? base?.scope;
  diagnostics.push(...checkNorms(file, doc));
  file.rules.forEach((rule, i) => {
    const { line } = doc.locate(['rules', i]);
    const services = rule.services ?? scope?.services;
    const from = rule.from ?? file.inForceFrom;
    const resolved: ResolvedRule = {
      ...rule,
      qid: `${file.id}/${rule.id}`,
      origin: file.id,
      file: path,
      line,
      notObservedBy: [],
      ...(services ? { services } : {}),
      ...(from ? { from } : {}),
    };
    const at = rules.findIndex((r) => r.id === rule.id);
    if (at >= 0)
      rules[at] = resolved; // an override keeps the inherited position
    else rules.push(resolved);
  });
  // Practice applies to this procedure's view of the rules; copies keep the base untouched.
  const withPractice = rules.map((r) => ({ ...r, notObservedBy: [...r.notObservedBy] }));
  file.practice.forEach((p, i) => {
    const rule = withPractice.find((r) => r.id === p.rule || r.qid === p.rule);
    if (!rule)
      diagnostics.push(
        doc.diagnostic(
          ['practice', i, 'rule'],
          'error',
          explain('checker.procedure.practice-unknown-rule', { rule: p.rule, rules: withPractice.map((r) => r.id) }),
        ),
      );
    else rule.notObservedBy.push(...p.notObservedBy);
  });

  file.rules.forEach((rule, i) => {
    if (rule.type !== 'step') return;
    for (const name of references(rule.trigger).parameters)
      if (!(name in parameters))
        diagnostics.push(
          doc.diagnostic(['rules', i, 'trigger'], 'error', explain('checker.procedure.step-unknown-parameter', { rule: rule.id, parameter: name })),
        );
    for (const key of ['repeat', 'intervalS'] as const) {
      const v = rule[key];
      if (typeof v !== 'string') continue;
      const value = parameters[v]?.value;
      const ok = typeof value === 'number' && value > 0 && (key === 'intervalS' || (Number.isInteger(value) && value <= MAX_REPEATS));
      if (!ok)
        diagnostics.push(
          doc.diagnostic(
            ['rules', i, key],
            'error',
            v in parameters
              ? explain(key === 'repeat' ? 'checker.procedure.step-repeat-not-count' : 'checker.procedure.step-interval-not-positive', {
                  rule: rule.id,
                  parameter: v,
                  ...(key === 'repeat' ? { max: MAX_REPEATS } : {}),
                })
              : explain('checker.procedure.step-key-unknown-parameter', { rule: rule.id, key, parameter: v }),
          ),
        );
    }
  });
  const priorityParam = parameters['channelPriority'];
  let channelPriority: string[] = base?.channelPriority ?? [];
  if (priorityParam) {
    if (Array.isArray(priorityParam.value)) channelPriority = priorityParam.value.map((c) => normaliseChannelId(c as string));
    else diagnostics.push(doc.diagnostic(['parameters', 'channelPriority', 'value'], 'error', explain('checker.procedure.channel-priority-not-list')));
  }

  return {
    procedure: {
      id: file.id,
      title: file.title,
      description: file.description ?? base?.description ?? '',
      file: path,
      chain: [...(base?.chain ?? []), file.id],
      sources: [...new Set([...(base?.sources ?? []), ...file.sources])],
      language: file.language,
      parameters,
      callFormat: {
        ...DEFAULT_CALL_FORMAT,
        ...(base?.callFormat ?? {}),
        ...written(file.callFormat, doc, 'callFormat'),
        nationalityWords: { ...(base?.callFormat.nationalityWords ?? {}), ...(file.callFormat?.nationalityWords ?? {}) },
        typeWords: { ...(base?.callFormat.typeWords ?? {}), ...(file.callFormat?.typeWords ?? {}) },
      },
      hailing: { ...DEFAULT_HAILING, ...(base?.hailing ?? {}), ...written(file.hailing, doc, 'hailing') },
      rules: withPractice,
      coverage: coverage(file, base, withPractice, doc, diagnostics),
      channelPriority,
      phrases: [...(base?.phrases ?? []), ...file.phrases],
      ...((file.vocabularies ?? base?.vocabularies) ? { vocabularies: file.vocabularies ?? base?.vocabularies } : {}),
      ...(file.inForceFrom ? { inForceFrom: file.inForceFrom } : {}),
      ...(scope ? { scope } : {}),
    },
    diagnostics,
  };
}

/** The norms this file states, each checked where it is written (the parameter's value is free-form data). */
function checkNorms(file: ProcedureFile, doc: SourceDoc): Diagnostic[] {
  const p = file.parameters['safeDistanceNorms'];
  if (!p) return [];
  const parsed = z.array(safeDistanceNormSchema).safeParse(p.value);
  if (parsed.success) return [];
  return zodDiagnostics(doc, parsed.error, ['parameters', 'safeDistanceNorms', 'value']);
}

/**
 * The base's items, then this file's; an item this file names again replaces the base's in place.
 * Rule ids resolve against this procedure's rules, so an inherited item follows an override and
 * notes a rule this file removed.
 */
function coverage(file: ProcedureFile, base: Procedure | undefined, rules: ResolvedRule[], doc: SourceDoc, diagnostics: Diagnostic[]): CoverageItem[] {
  const byId = new Map(rules.map((r) => [r.id, r.qid]));
  const relink = (c: CoverageItem, ids: string[]): CoverageItem => ({
    ...c,
    rules: ids.filter((id) => byId.has(id)).map((id) => byId.get(id)!),
    removed: ids.filter((id) => !byId.has(id)),
  });
  const items = (base?.coverage ?? []).map((c) => relink(c, [...c.rules.map((q) => q.slice(q.indexOf('/') + 1)), ...c.removed]));
  const listed = new Map<string, number>();
  file.coverage.forEach((c, i) => {
    const at = (...p: (string | number)[]) => ['coverage', i, ...p];
    if (listed.has(c.item))
      diagnostics.push(doc.diagnostic(at('item'), 'error', explain('checker.coverage.duplicate', { item: c.item, index: listed.get(c.item)! })));
    else listed.set(c.item, i);
    if (!c.rules?.length && !c.outOfScope) diagnostics.push(doc.diagnostic(at('item'), 'error', explain('checker.coverage.empty', { item: c.item })));
    c.rules?.forEach((id, ri) => {
      if (!byId.has(id))
        diagnostics.push(
          doc.diagnostic(at('rules', ri), 'error', explain('checker.coverage.unknown-rule', { item: c.item, rule: id, rules: rules.map((r) => r.id) })),
        );
    });
    const own = relink(
      {
        item: c.item,
        title: c.title,
        rules: [],
        removed: [],
        ...(c.outOfScope ? { outOfScope: c.outOfScope } : {}),
        sources: c.sources ?? [],
        origin: file.id,
      },
      (c.rules ?? []).filter((id) => byId.has(id)),
    );
    const j = items.findIndex((x) => x.item === c.item);
    if (j >= 0) items[j] = own;
    else items.push(own);
  });
  return items;
}

/**
 * Only the fields an author actually wrote: the schema fills defaults into a partial `hailing:`,
 * and those must not override what the procedure extends.
 */
function written<T extends object>(parsed: T | undefined, doc: SourceDoc, key: string): Partial<T> {
  if (!parsed) return {};
  const raw = (doc.value as Record<string, unknown> | undefined)?.[key];
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => k in (raw as object))) as Partial<T>;
}

/** Whether a unit follows a rule: the rule applies to its kind and practice does not exempt it. */
export function observes(rule: ResolvedRule, unit: { id: string; nation: string; kind: UnitKind }): boolean {
  if (!rule.appliesTo.includes(UNIT_KINDS[unit.kind].procedureKind)) return false;
  return !rule.notObservedBy.includes(unit.nation) && !rule.notObservedBy.includes(unit.id);
}

export function rulesOfType<T extends Rule['type']>(p: Procedure, type: T): (ResolvedRule & { type: T })[] {
  return p.rules.filter((r): r is ResolvedRule & { type: T } => r.type === type);
}

/** Parameter value with the scenario's override, if any. */
export function parameterValue<T>(p: Procedure, name: string, overrides: Record<string, unknown>, fallback: T): T {
  if (Object.hasOwn(overrides, name)) return overrides[name] as T;
  const param = Object.hasOwn(p.parameters, name) ? p.parameters[name] : undefined;
  return param ? (param.value as T) : fallback;
}
