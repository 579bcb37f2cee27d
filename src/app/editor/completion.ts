/**
 * Completion candidates at the cursor, from the JSON Schema (field names at the cursor's path, enum
 * values) and from the document itself (unit, link, radio and emitter ids, channels, $fact ids,
 * accounts, procedure and rule ids). Pure: the CodeMirror adapter lives in the editor.
 */
import { parseDocument } from 'yaml';
import scenarioSchemaJson from '../../../schemas/scenario.schema.json';
import procedureSchemaJson from '../../../schemas/procedure.schema.json';
import { STANDARD_CHANNELS } from '../../core/radio/channels';
import { dereference } from '../../core/schema-refs';
import { cursorContext, type CursorContext, type Segment } from './yaml-context';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  pattern?: string;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  if?: JsonSchema;
  then?: JsonSchema;
}

export const SCENARIO_SCHEMA = dereference(scenarioSchemaJson) as JsonSchema;
export const PROCEDURE_SCHEMA = dereference(procedureSchemaJson) as JsonSchema;

export interface Candidate {
  label: string;
  /** Text inserted; defaults to the label. */
  apply?: string;
  type: 'property' | 'enum' | 'constant' | 'variable' | 'keyword' | 'text';
  detail?: string;
  info?: string;
  boost?: number;
}

export interface CompletionResult {
  from: number;
  to: number;
  context: CursorContext;
  options: Candidate[];
}

export interface CompletionEnv {
  kind: 'scenario' | 'procedure';
  /** Procedure ids a scenario may name, with titles (shipped and drafts). */
  procedures?: () => { id: string; title?: string }[];
  /** Rule ids (unqualified) and titles of the procedure a procedure file extends. */
  rulesOf?: (ref: string) => { id: string; title?: string }[];
}

const FACT_PATTERN = '^\\$[a-z0-9][a-z0-9-]*$';
const isFactRef = (n: JsonSchema) => n.pattern === FACT_PATTERN;

/** anyOf/oneOf/allOf flattened into the alternatives, without the "$fact" alternative. */
export function expand(node: JsonSchema | undefined): JsonSchema[] {
  if (!node) return [];
  // One alternative of a union told apart by a field (`do:`, `type:`): `if` that field, `then` this.
  if (node.then) return expand(node.then);
  const alts = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  if (!alts.length) return isFactRef(node) ? [] : [node];
  const out: JsonSchema[] = [];
  // A node with both its own keywords and alternatives keeps its own (e.g. a description).
  for (const a of alts) out.push(...expand(a));
  return out;
}

function childOf(n: JsonSchema, seg: Segment): JsonSchema | undefined {
  if (typeof seg === 'number') return n.items;
  return n.properties?.[seg] ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined);
}

/** Schemas that may describe the value at `path`. */
export function schemaAt(root: JsonSchema, path: readonly Segment[]): JsonSchema[] {
  let nodes = expand(root);
  for (const seg of path) {
    nodes = nodes.flatMap((n) => expand(childOf(n, seg)));
    if (!nodes.length) break;
  }
  return nodes;
}

const isObjectSchema = (n: JsonSchema) => n.type === 'object' || !!n.properties;
const types = (n: JsonSchema): string[] => (Array.isArray(n.type) ? n.type : n.type ? [n.type] : []);

/** Allowed scalar values of a leaf (enum and const). */
function literals(n: JsonSchema): unknown[] | null {
  if ('const' in n) return [n.const];
  if (n.enum) return n.enum;
  return null;
}

/** Whether an object schema agrees with the values already written (e.g. do: hail picks the hail action). */
function agrees(n: JsonSchema, value: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(value)) {
    if (v === null || typeof v === 'object') continue;
    const p = n.properties?.[k];
    if (!p) {
      if (n.additionalProperties === false) return false;
      continue;
    }
    const alts = expand(p);
    const lits = alts.map(literals);
    if (lits.length && lits.every((l) => l !== null) && !lits.some((l) => l!.includes(v))) return false;
  }
  return true;
}

function describe(p: JsonSchema): string {
  const alts = expand(p);
  const words = new Set<string>();
  for (const a of alts) {
    const lit = literals(a);
    if (lit) words.add(lit.map((x) => String(x)).join(' | '));
    else if (a.type === 'array' || a.items) words.add(`list${a.items && expand(a.items).some(isObjectSchema) ? '' : ' of values'}`);
    else if (isObjectSchema(a) || a.additionalProperties) words.add('mapping');
    else for (const t of types(a)) words.add(t);
  }
  return [...words].join(' or ');
}

function descriptionOf(p: JsonSchema): string | undefined {
  return p.description ?? expand(p).find((a) => a.description)?.description;
}

// ------------------------------------------------------------------ the document's own values

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function getIn(v: unknown, path: readonly Segment[]): unknown {
  let cur = v;
  for (const seg of path) {
    if (typeof seg === 'number') cur = Array.isArray(cur) ? cur[seg] : undefined;
    else cur = isObj(cur) ? cur[seg] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** The document as far as it can be read, with the partial word under the cursor made harmless. */
export function parsedValue(text: string, ctx: CursorContext | null, pos: number): unknown {
  let t = text;
  if (ctx?.kind === 'key') t = `${text.slice(0, ctx.from)}${ctx.flow ? '' : '__cursor__: '}${text.slice(pos)}`;
  try {
    return parseDocument(t, { uniqueKeys: false, prettyErrors: false }).toJS({ maxAliasCount: 50 });
  } catch {
    return undefined;
  }
}

function channelLabel(id: string): string {
  return `"${id}"`;
}

function channelCandidates(first: readonly string[], doc: unknown, boost = 0): Candidate[] {
  const out = new Map<string, Candidate>();
  const add = (id: string, b: number) => {
    if (out.has(id)) return;
    const std = STANDARD_CHANNELS.find((c) => c.id === id);
    out.set(id, {
      label: channelLabel(id),
      type: 'constant',
      detail: std ? `${std.name} · ${std.modulation}` : 'channel in this file',
      ...(std ? { info: std.note } : {}),
      boost: b,
    });
  };
  for (const c of first) add(c, boost + 2);
  for (const u of list(getIn(doc, ['units'])))
    for (const r of list(isObj(u) ? u.radios : [])) for (const c of list(isObj(r) ? r.channels : [])) if (str(c)) add(str(c)!, boost + 1);
  for (const c of STANDARD_CHANNELS) add(c.id, boost);
  return [...out.values()];
}

function unitCandidates(doc: unknown, prefer?: (u: Obj) => boolean): Candidate[] {
  return list(getIn(doc, ['units']))
    .filter(isObj)
    .filter((u) => str(u.id))
    .map((u) => ({
      label: str(u.id)!,
      type: 'variable' as const,
      detail: [str(u.kind), str(u.nation)].filter(Boolean).join(' · ') || 'unit',
      ...(str(u.name) ? { info: str(u.name)! } : {}),
      boost: prefer?.(u) ? 2 : 1,
    }));
}

function idsOf(items: unknown, detail: string): Candidate[] {
  return list(items)
    .filter(isObj)
    .filter((x) => str(x.id))
    .map((x) => ({
      label: str(x.id)!,
      type: 'variable' as const,
      detail: str(x.type) ?? str(x.kind) ?? detail,
      ...(str(x.name) ? { info: str(x.name)! } : {}),
      boost: 1,
    }));
}

function unitById(doc: unknown, id: unknown): Obj | undefined {
  return list(getIn(doc, ['units']))
    .filter(isObj)
    .find((u) => u.id === id);
}

function accountCandidates(doc: unknown): Candidate[] {
  const accounts = getIn(doc, ['accounts']);
  return isObj(accounts)
    ? Object.entries(accounts).map(([id, a]) => ({
        label: id,
        type: 'variable' as const,
        detail: 'account',
        ...(isObj(a) && str(a.title) ? { info: str(a.title)! } : {}),
        boost: 1,
      }))
    : [];
}

function factCandidates(doc: unknown): Candidate[] {
  const facts = getIn(doc, ['facts']);
  return isObj(facts)
    ? Object.entries(facts).map(([id, f]) => ({
        label: `$${id}`,
        type: 'variable' as const,
        detail: 'disputed fact',
        ...(isObj(f) && str(f.question) ? { info: str(f.question)! } : {}),
        boost: -1,
      }))
    : [];
}

/** Values the document itself offers for the field at `path`. */
function documentValues(path: readonly Segment[], doc: unknown, env: CompletionEnv): Candidate[] {
  const strings = path.filter((s): s is string => typeof s === 'string');
  const field = strings[strings.length - 1] ?? '';
  const lastIsItem = typeof path[path.length - 1] === 'number';
  const parentPath = path.slice(0, lastIsItem ? path.lastIndexOf(field) : -1);
  const parent = getIn(doc, parentPath);
  const out: Candidate[] = [];

  if (env.kind === 'procedure') {
    if (field === 'extends')
      out.push(
        ...(env.procedures?.() ?? [])
          .filter((p) => p.id !== getIn(doc, ['id']))
          .map((p) => ({ label: p.id, type: 'variable' as const, detail: 'procedure', ...(p.title ? { info: p.title } : {}), boost: 1 })),
      );
    if (field === 'remove' || (field === 'rule' && strings[0] === 'practice')) {
      const base = str(getIn(doc, ['extends']));
      const own = list(getIn(doc, ['rules']))
        .filter(isObj)
        .map((r) => ({ id: str(r.id) ?? '', title: str(r.title) }));
      const inherited = base ? (env.rulesOf?.(base) ?? []) : [];
      const seen = new Set<string>();
      for (const r of [...(field === 'remove' ? [] : own), ...inherited]) {
        if (!r.id || seen.has(r.id)) continue;
        seen.add(r.id);
        out.push({ label: r.id, type: 'variable', detail: 'rule', ...(r.title ? { info: r.title } : {}), boost: 1 });
      }
    }
    if (field === 'channels' || field === 'channelPriority' || (field === 'value' && strings.includes('channelPriority')))
      out.push(...channelCandidates([], doc));
    if (field === 'notObservedBy') out.push(...['JP', 'KR'].map((n) => ({ label: n, type: 'constant' as const, detail: 'nation' })));
    return out;
  }

  switch (field) {
    case 'unit':
    case 'to':
    case 'target':
    case 'other':
    case 'from':
    case 'meaning':
    case 'members':
      out.push(...unitCandidates(doc));
      break;
    case 'headquarters':
    case 'counterpart':
      out.push(...unitCandidates(doc, (u) => u.kind === 'headquarters'));
      break;
    case 'links':
    case 'link':
      out.push(...idsOf(getIn(doc, ['links']), 'link'));
      break;
    case 'procedure':
      out.push(
        ...(env.procedures?.() ?? []).map((p) => ({
          label: p.id,
          type: 'variable' as const,
          detail: 'procedure',
          ...(p.title ? { info: p.title } : {}),
          boost: 1,
        })),
      );
      break;
    case 'defaultAccount':
      out.push(...accountCandidates(doc));
      break;
    case 'radio': {
      const u = unitById(doc, isObj(parent) ? parent.unit : undefined);
      out.push(...idsOf(u?.radios, 'radio'));
      break;
    }
    case 'emitter': {
      const u = unitById(doc, isObj(parent) ? parent.unit : undefined);
      out.push(...idsOf(u?.emitters, 'emitter'));
      break;
    }
    case 'slavedTo': {
      const u = getIn(doc, path.slice(0, 2));
      out.push(...idsOf(isObj(u) ? u.emitters : [], 'emitter'));
      break;
    }
    case 'channel': {
      const u = unitById(doc, isObj(parent) ? parent.unit : undefined);
      const own = list(u?.radios)
        .flatMap((r) => list(isObj(r) ? r.channels : []))
        .map(str)
        .filter((x): x is string => !!x);
      out.push(...channelCandidates(own, doc));
      break;
    }
    case 'tuned':
    case 'channels': {
      const radio = isObj(parent) ? parent : undefined;
      const own =
        field === 'tuned'
          ? list(radio?.channels)
              .map(str)
              .filter((x): x is string => !!x)
          : [];
      out.push(...channelCandidates(own, doc));
      break;
    }
  }
  return out;
}

function keyApply(key: string, p: JsonSchema, ctx: CursorContext): string {
  if (ctx.flow) return `${key}: `;
  const alts = expand(p);
  const pad = ' '.repeat(ctx.column + 2);
  if (alts.length && alts.every(isObjectSchema)) return `${key}:\n${pad}`;
  if (alts.length && alts.every((a) => a.type === 'array' && expand(a.items).length > 0 && expand(a.items).every(isObjectSchema))) return `${key}:\n${pad}- `;
  return `${key}: `;
}

function keyCandidates(nodes: JsonSchema[], present: Set<string>, ctx: CursorContext, doc: unknown): Candidate[] {
  const here = getIn(doc, ctx.path);
  const objects = nodes.filter(isObjectSchema);
  const agreeing = isObj(here) ? objects.filter((n) => agrees(n, here)) : objects;
  const use = agreeing.length ? agreeing : objects;
  const out = new Map<string, Candidate>();
  for (const n of use) {
    for (const [k, p] of Object.entries(n.properties ?? {})) {
      if (k === '$schema' || present.has(k) || out.has(k)) continue;
      const required = n.required?.includes(k) ?? false;
      const info = descriptionOf(p);
      out.set(k, {
        label: k,
        apply: keyApply(k, p, ctx),
        type: 'property',
        detail: `${describe(p)}${required ? ' · required' : ''}`,
        ...(info ? { info } : {}),
        boost: required ? 2 : k === 'id' ? 1 : 0,
      });
    }
  }
  // Mappings with free keys whose names the document knows.
  const strings = ctx.path.filter((s): s is string => typeof s === 'string');
  const last = strings[strings.length - 1];
  if (strings[0] === 'facts' && (last === 'values' || last === 'sources') && ctx.path.length === 3) {
    for (const c of [
      ...accountCandidates(doc),
      ...(last === 'values' ? [{ label: 'default', type: 'keyword' as const, detail: 'value with no account' }] : []),
    ]) {
      if (!present.has(c.label)) out.set(c.label, { ...c, apply: `${c.label}: `, type: 'property' });
    }
  }
  return [...out.values()];
}

function valueCandidates(nodes: JsonSchema[], ctx: CursorContext, doc: unknown, env: CompletionEnv): Candidate[] {
  const out = new Map<string, Candidate>();
  const add = (c: Candidate) => {
    if (!out.has(c.label)) out.set(c.label, c);
  };
  for (const n of nodes) {
    const lit = literals(n);
    if (lit)
      for (const v of lit)
        if (typeof v === 'string' || typeof v === 'number')
          add({ label: String(v), type: 'enum', ...(n.description ? { info: n.description } : {}), boost: 1 });
    if (types(n).includes('boolean')) for (const b of ['true', 'false']) add({ label: b, type: 'keyword' });
  }
  for (const c of documentValues(ctx.path, doc, env)) add(c);
  const strings = ctx.path.filter((s): s is string => typeof s === 'string');
  const leaf = nodes.some((n) => !isObjectSchema(n) && n.type !== 'array');
  const last = strings[strings.length - 1];
  // A fact's value depends on the account, so accounts themselves and ids are never facts.
  if (
    env.kind === 'scenario' &&
    strings[0] !== 'facts' &&
    strings[0] !== 'accounts' &&
    last !== 'id' &&
    last !== 'defaultAccount' &&
    (leaf || nodes.length === 0)
  )
    for (const c of factCandidates(doc)) add(c);
  return [...out.values()];
}

/** Candidates at offset `pos` of `text`, or null where nothing can be offered. */
export function completeAt(text: string, pos: number, env: CompletionEnv): CompletionResult | null {
  const ctx = cursorContext(text, pos);
  if (!ctx) return null;
  const root = env.kind === 'procedure' ? PROCEDURE_SCHEMA : SCENARIO_SCHEMA;
  const doc = parsedValue(text, ctx, pos);
  let nodes = schemaAt(root, ctx.path);
  let c = ctx;
  // A key typed where a list is expected: the keys of its items, each starting a "- " item.
  if (c.kind === 'key' && !c.afterDash && !c.flow && nodes.length && nodes.every((n) => n.type === 'array')) {
    const items = nodes.flatMap((n) => expand(n.items));
    if (items.some(isObjectSchema)) {
      const here = getIn(doc, c.path);
      const idx = Array.isArray(here) ? here.length : 0;
      const inner: CursorContext = { ...c, path: [...c.path, idx], column: c.column + 2 };
      const opts = keyCandidates(items, new Set(), inner, doc).map((o) => ({ ...o, apply: `- ${o.apply ?? o.label}` }));
      return { from: c.from, to: pos, context: c, options: opts };
    }
  }
  // "- |" where the list holds plain values: complete a value, not a key.
  if (c.kind === 'key' && (c.afterDash || c.flow) && nodes.length && !nodes.some(isObjectSchema)) {
    c = { ...c, kind: 'value' };
  }
  if (c.kind === 'key') {
    const here = getIn(doc, c.path);
    const present = new Set<string>([...(isObj(here) ? Object.keys(here) : []), ...c.flowKeys]);
    present.delete('__cursor__');
    present.delete(c.prefix);
    return { from: c.from, to: pos, context: c, options: keyCandidates(nodes, present, c, doc) };
  }
  nodes = schemaAt(root, c.path);
  return { from: c.from, to: pos, context: c, options: valueCandidates(nodes, c, doc, env) };
}
