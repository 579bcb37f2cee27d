/** npm run schema: writes schemas/*.schema.json from the zod schemas (a test checks they are current). */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema, procedureJsonSchema, stableJson } from '../core/json-schema';
import { ROOT } from './files';

const dir = join(ROOT, 'schemas');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'scenario.schema.json'), stableJson(scenarioJsonSchema()));
writeFileSync(join(dir, 'procedure.schema.json'), stableJson(procedureJsonSchema()));
process.stdout.write('wrote schemas/scenario.schema.json and schemas/procedure.schema.json\n');
