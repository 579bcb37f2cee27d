/**
 * encounter-sim schema [--lang en|ja|ko]
 * Writes schemas/*.schema.json from the zod schemas (a test checks they are current). It takes no
 * file and no other option: --help prints the usage and writes nothing, and an option it does not
 * know stops it before it writes anything.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema, procedureJsonSchema, stableJson } from '../core/json-schema';
import { ROOT } from './files';
import { commandArgs, fail, usageIn } from './common';
import { t } from '../i18n';

export function schema(argv: string[]): number {
  const parsed = commandArgs(argv, 'cli.usage.schema', {});
  if ('exit' in parsed) return parsed.exit;
  if (parsed.positional.length > 0) return fail(`${t(parsed.lang, 'cli.schema.no-files')}\n${usageIn(argv, 'cli.usage.schema')}`);
  const dir = join(ROOT, 'schemas');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scenario.schema.json'), stableJson(scenarioJsonSchema()));
  writeFileSync(join(dir, 'procedure.schema.json'), stableJson(procedureJsonSchema()));
  process.stdout.write(t(parsed.lang, 'cli.schema.wrote') + '\n');
  return 0;
}
