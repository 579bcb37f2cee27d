// The JSON Schemas editors use are generated from the checker's own schema and kept current.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/files';
import { scenarioJsonSchema, procedureJsonSchema, stableJson } from '../../src/core/json-schema';
import { SCRIPT_ACTIONS } from '../../src/core/scenario/schema';
import { ruleSchema } from '../../src/core/procedure/schema';
import { UNIT_KIND_IDS } from '../../src/core/kinds';
import type { Action } from '../../src/core/scenario/load';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const committed = (name: string): Json => JSON.parse(readFileSync(join(ROOT, `schemas/${name}.schema.json`), 'utf8'));

/** Every property (of the root and of each definition) with its path, e.g. #/$defs/Unit/properties/crew. */
function properties(schema: Json): { path: string; node: Json }[] {
  const out: { path: string; node: Json }[] = [];
  const walk = (n: unknown, path: string) => {
    if (Array.isArray(n)) return n.forEach((x, i) => walk(x, `${path}/${i}`));
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n as Json)) {
      if (k === 'properties') {
        for (const [pk, pv] of Object.entries(v as Json)) {
          out.push({ path: `${path}/properties/${pk}`, node: pv });
          walk(pv, `${path}/properties/${pk}`);
        }
      } else if (k !== 'if') walk(v, `${path}/${k}`);
    }
  };
  walk(schema, '#');
  return out;
}

/**
 * What an editor shows on hover: the property's own description, or that of the definition it
 * refers to (through the "or a disputed fact" alternative).
 */
function described(n: Json | undefined, defs: Json): boolean {
  if (!n) return false;
  if (typeof n['description'] === 'string' && n['description'].trim().length > 0) return true;
  if (typeof n['$ref'] === 'string') return described(defs[n['$ref'].slice('#/$defs/'.length)], defs);
  if (Array.isArray(n['anyOf']))
    return described(
      n['anyOf'].find((a: Json) => a['$ref'] !== '#/$defs/FactRef'),
      defs,
    );
  return false;
}

/** The enumeration a discriminated definition (Action, Rule) offers for its field. */
const offered = (def: Json, field: string): unknown[] => {
  const p = def['properties'][field];
  return (p['enum'] ?? p['anyOf']?.find((a: Json) => a['enum'])?.['enum']) as unknown[];
};

// The script actions the loader and the engine know (units/comms.ts switches over Action['do']
// exhaustively), as a type: SCRIPT_ACTIONS must name exactly these.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const actionsAreTheEngines: Same<(typeof SCRIPT_ACTIONS)[number], Action['do']> = true;

describe('JSON Schemas', () => {
  it('schemas/*.schema.json match what `npm run schema` generates now', () => {
    expect(readFileSync(join(ROOT, 'schemas/scenario.schema.json'), 'utf8')).toBe(stableJson(scenarioJsonSchema()));
    expect(readFileSync(join(ROOT, 'schemas/procedure.schema.json'), 'utf8')).toBe(stableJson(procedureJsonSchema()));
  });

  it('let a value be a disputed-fact reference, so "$stir-mode" autocompletes instead of erroring', () => {
    const s = JSON.stringify(scenarioJsonSchema());
    expect(s).toContain('^\\\\$[a-z0-9][a-z0-9-]*$');
  });

  it('are referenced from every shipped file with a yaml-language-server comment', () => {
    const dirs = [
      ['scenarios', '../schemas/scenario.schema.json'],
      ['procedures', '../schemas/procedure.schema.json'],
      ['scenarios/procedures', '../../schemas/procedure.schema.json'],
    ] as const;
    for (const [dir, schema] of dirs) {
      for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.yaml'))) {
        const first = readFileSync(join(ROOT, dir, f), 'utf8').split('\n')[0];
        expect(first, `${dir}/${f}`).toBe(`# yaml-language-server: $schema=${schema}`);
      }
    }
  });

  it('describe every property, as an editor shows it on hover (none left without words for the author)', () => {
    for (const name of ['scenario', 'procedure']) {
      const schema = committed(name);
      const props = properties(schema);
      expect(props.length, name).toBeGreaterThan(100);
      const missing = props.filter((p) => !described(p.node, schema['$defs'])).map((p) => p.path);
      expect(missing, `${name}: properties without a description`).toEqual([]);
    }
  });

  it("offer every script action under do: (the engine's list, 12 of them), each described", () => {
    expect(actionsAreTheEngines).toBe(true);
    const action = committed('scenario')['$defs']['Action'];
    expect(offered(action, 'do')).toEqual(SCRIPT_ACTIONS);
    expect(SCRIPT_ACTIONS).toHaveLength(12);
    for (const a of SCRIPT_ACTIONS) expect(action['properties']['do']['description']).toContain(`${a} — `);
  });

  it('offer every rule type under type: and every unit kind under kind:', () => {
    const procedure = committed('procedure');
    expect(offered(procedure['$defs']['Rule'], 'type')).toEqual(ruleSchema.options.map((o) => o.shape.type.value));
    expect(committed('scenario')['$defs']['UnitKind']['enum']).toEqual(UNIT_KIND_IDS);
  });

  it('share definitions: each unit, action, time, position and rule is defined once and referred to', () => {
    const scenario = JSON.stringify(committed('scenario'));
    for (const def of ['Unit', 'Action', 'HailAction', 'Time', 'Position', 'Channel', 'FactRef', 'Crew', 'RadioSet'])
      expect(scenario, def).toContain(`"#/$defs/${def}"`);
    // The fact pattern is written once, in its definition.
    expect(scenario.split('^\\\\$[a-z0-9][a-z0-9-]*$').length - 1).toBe(1);
    expect(JSON.stringify(committed('procedure'))).toContain('"#/$defs/Rule"');
  });
});
