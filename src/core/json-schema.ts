/**
 * JSON Schemas for editors (and any standard validator), generated from the same zod schemas the
 * checker uses. Named zod schemas (`.meta({ id })`) become shared `$defs`, so one mistake gives one
 * error and the file stays small. Two things zod cannot say are added here:
 *
 * - A disputed fact ("$stir-mode") may stand for any value of a scenario outside `facts:` (a word,
 *   a number, a list, a whole mapping), because accounts are substituted before the checker's
 *   schema sees the document (scenario/accounts.ts). It is one `$defs/FactRef`, offered beside
 *   every value.
 * - A union told apart by one field (`do:` of an action, `type:` of a rule) becomes an enumeration
 *   of that field plus one `if`/`then` per value: editors complete every value, and a mistake
 *   inside a hail action is reported against the hail action only.
 */
import { z } from 'zod';
import { scenarioSchema } from './scenario/schema';
import { procedureSchema } from './procedure/schema';

type Json = Record<string, unknown>;

const FACT_PATTERN = '^\\$[a-z0-9][a-z0-9-]*$';
export const FACT_REF_DEF = 'FactRef';
const FACT_REF: Json = { $ref: `#/$defs/${FACT_REF_DEF}` };
const FACT_REF_SCHEMA: Json = {
  type: 'string',
  pattern: FACT_PATTERN,
  description:
    'A disputed fact, "$" and its id under facts:, e.g. "$stir-mode": the value comes from the account in use, and may be any value this field takes (a word, a number, a list, a mapping)',
  // No examples: an editor would offer "$stir-mode" in files that have no such fact.
};

const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const ANNOTATIONS = ['title', 'description', 'default', 'examples'] as const;

function generate(schema: z.ZodType): { root: Json; defs: Record<string, Json> } {
  const base = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const { $defs, ...root } = base;
  const defs = mergeScalarUnions($defs ?? {}) as Record<string, Json>;
  describeConstants(defs);
  return { root: mergeScalarUnions(root) as Json, defs };
}

function resolve(node: Json, defs: Record<string, Json>): Json {
  const ref = node['$ref'];
  return typeof ref === 'string' && ref.startsWith('#/$defs/') ? (defs[ref.slice(8)] ?? node) : node;
}

/** The field every alternative fixes to a constant (`do`, `type`), with each alternative's value. */
function discriminator(alts: Json[], defs: Record<string, Json>): { key: string; values: string[] } | null {
  const objects = alts.map((a) => resolve(a, defs));
  const first = objects[0]?.['properties'];
  if (!isObj(first)) return null;
  for (const key of Object.keys(first)) {
    const values = objects.map((o) => {
      const p = isObj(o['properties']) ? (o['properties'] as Json)[key] : undefined;
      return isObj(p) && typeof p['const'] === 'string' ? p['const'] : undefined;
    });
    if (values.every((v): v is string => v !== undefined) && new Set(values).size === values.length) return { key, values };
  }
  return null;
}

/** oneOf/anyOf told apart by one field → that field's enumeration and one if/then per value. */
function splitUnions(node: unknown, defs: Record<string, Json>): unknown {
  if (Array.isArray(node)) return node.map((n) => splitUnions(n, defs));
  if (!isObj(node)) return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, splitUnions(v, defs)]));
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const alts = out[kw];
    if (!Array.isArray(alts) || alts.length < 2) continue;
    const d = discriminator(alts as Json[], defs);
    if (!d) continue;
    delete out[kw];
    const said = d.values.map((v, i) => `${v} — ${String(resolve(alts[i] as Json, defs)['description'] ?? '')}`).join('; ');
    return {
      ...out,
      type: 'object',
      required: [d.key],
      properties: { [d.key]: { type: 'string', enum: d.values, description: `One of: ${said}` } },
      allOf: d.values.map((v, i) => ({ if: { properties: { [d.key]: { const: v } }, required: [d.key] }, then: alts[i] })),
    };
  }
  return out;
}

const SCALAR_KEYWORDS: Record<string, string[]> = {
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  string: ['pattern', 'minLength', 'maxLength', 'format'],
  boolean: [],
};

/**
 * "A number or a string" as one schema with both types: each keyword applies to its own type only,
 * so an editor says what is wrong with the value written ("6:4" does not match m:ss; -5 is below
 * 0) instead of "expected a number" for a string, as it does choosing between alternatives.
 */
function mergeScalarUnions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(mergeScalarUnions);
  if (!isObj(node)) return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mergeScalarUnions(v)]));
  const alts = out['anyOf'];
  if (!Array.isArray(alts) || alts.length < 2) return out;
  const types = alts.map((a) => (isObj(a) && typeof a['type'] === 'string' ? a['type'] : ''));
  const fits = alts.every((a, i) => {
    const allowed = SCALAR_KEYWORDS[types[i]!];
    return allowed && Object.keys(a as Json).every((k) => k === 'type' || allowed.includes(k));
  });
  const distinct = new Set(types).size === types.length && !(types.includes('number') && types.includes('integer'));
  if (!fits || !distinct) return out;
  const { anyOf: _alternatives, ...rest } = out;
  return { ...Object.assign({}, ...(alts as Json[])), ...rest, type: types };
}

/** The fixed `do:`/`type:` of one alternative says what the alternative is. */
function describeConstants(defs: Record<string, Json>): void {
  for (const def of Object.values(defs)) {
    const props = def['properties'];
    if (!isObj(props) || typeof def['description'] !== 'string') continue;
    for (const p of Object.values(props)) if (isObj(p) && 'const' in p && !p['description']) p['description'] = def['description'];
  }
}

/** A schema for a value that may also be a disputed fact. */
function orFact(s: Json): Json {
  const ann: Json = {};
  const rest: Json = {};
  for (const [k, v] of Object.entries(s)) (ANNOTATIONS.includes(k as (typeof ANNOTATIONS)[number]) ? ann : rest)[k] = v;
  if (!Object.keys(rest).length) return s; // any value already
  const alts = Object.keys(rest).length === 1 && Array.isArray(rest['anyOf']) ? (rest['anyOf'] as Json[]) : [rest];
  return { ...ann, anyOf: [...alts, FACT_REF] };
}

/** Every value below `node` may be a disputed fact; `if` conditions and key patterns stay as they are. */
function allowFacts(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowFacts);
  if (!isObj(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && isObj(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, pk === '$schema' ? pv : orFact(allowFacts(pv) as Json)]));
    else if ((k === 'items' || k === 'additionalProperties') && isObj(v)) out[k] = orFact(allowFacts(v) as Json);
    else if (k === 'prefixItems' && Array.isArray(v)) out[k] = v.map((x) => orFact(allowFacts(x) as Json));
    else if (k === 'if' || k === 'propertyNames' || k === 'const' || k === 'enum' || k === 'examples' || k === 'default') out[k] = v;
    else out[k] = allowFacts(v);
  }
  return out;
}

function assemble(root: Json, defs: Record<string, Json>, head: Json): Json {
  const { $schema, ...rest } = root;
  const sorted = Object.fromEntries(
    Object.keys(defs)
      .sort()
      .map((k) => [k, defs[k]]),
  );
  return { $schema, ...head, ...rest, $defs: sorted };
}

export function scenarioJsonSchema(): Json {
  const g = generate(scenarioSchema);
  let defs = Object.fromEntries(Object.entries(g.defs).map(([k, v]) => [k, splitUnions(v, g.defs) as Json]));
  let root = splitUnions(g.root, g.defs) as Json;
  // A fact's own values and sources are never themselves facts: the loader leaves facts: as written.
  const { facts, ...props } = root['properties'] as Json;
  root = allowFacts({ ...root, properties: props }) as Json;
  root['properties'] = { ...(root['properties'] as Json), facts };
  defs = Object.fromEntries(Object.entries(defs).map(([k, v]) => [k, k === 'Fact' ? v : (allowFacts(v) as Json)]));
  defs[FACT_REF_DEF] = FACT_REF_SCHEMA;
  return assemble(root, defs, {
    $id: 'https://encounter-sim.local/schemas/scenario.schema.json',
    title: 'encounter-sim scenario',
    description: 'An encounter at sea: units, their radios and tracks, the procedure in force, the accounts and what each side says happened',
  });
}

export function procedureJsonSchema(): Json {
  const g = generate(procedureSchema);
  const defs = Object.fromEntries(Object.entries(g.defs).map(([k, v]) => [k, splitUnions(v, g.defs) as Json]));
  return assemble(splitUnions(g.root, g.defs) as Json, defs, {
    $id: 'https://encounter-sim.local/schemas/procedure.schema.json',
    title: 'encounter-sim procedure',
    description: 'A procedure: the rules units follow on the radio (channels to guard, how to call and answer, when to report, what to avoid)',
  });
}

export function stableJson(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}
