// The JSON Schemas editors use are generated from the checker's own schema and kept current.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/files';
import { scenarioJsonSchema, procedureJsonSchema, stableJson } from '../../src/core/json-schema';

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
});
