/**
 * JSON Schemas for editors, generated from the same zod schemas the checker uses. Any value may
 * instead be a disputed-fact reference ("$fact-id"), so leaves also accept that form.
 */
import { z } from 'zod';
import { scenarioSchema } from './scenario/schema';
import { procedureSchema } from './procedure/schema';

type Json = Record<string, unknown>;
const FACT_REF = {
  type: 'string',
  pattern: '^\\$[a-z0-9][a-z0-9-]*$',
  description: 'A disputed fact, e.g. "$stir-mode": its value comes from the account in use',
};

function allowFactRefs(node: unknown, underFacts = false): unknown {
  if (Array.isArray(node)) return node.map((n) => allowFactRefs(n, underFacts));
  if (!node || typeof node !== 'object') return node;
  const n = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(
        Object.entries(v as Json).map(([pk, pv]) => [
          pk,
          pk === 'facts' || pk === '$schema' || pk === 'id' ? allowFactRefs(pv, true) : allowFactRefs(pv, underFacts),
        ]),
      );
    } else out[k] = allowFactRefs(v, underFacts);
  }
  const isLeaf = ['number', 'integer', 'boolean', 'string'].includes(n['type'] as string) || 'enum' in n || 'const' in n;
  if (isLeaf && !underFacts) {
    const { description, default: def, ...rest } = out;
    return { anyOf: [rest, FACT_REF], ...(description ? { description } : {}), ...(def !== undefined ? { default: def } : {}) };
  }
  return out;
}

export function scenarioJsonSchema(): Json {
  const base = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  return { ...(allowFactRefs(base) as Json), $id: 'https://encounter-sim.local/schemas/scenario.schema.json', title: 'encounter-sim scenario' };
}

export function procedureJsonSchema(): Json {
  const base = z.toJSONSchema(procedureSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  return { ...base, $id: 'https://encounter-sim.local/schemas/procedure.schema.json', title: 'encounter-sim procedure' };
}

export function stableJson(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}
