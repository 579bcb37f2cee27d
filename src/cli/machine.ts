/**
 * encounter-sim machine <scenario.yaml> --unit <id> [--account id] [--procedure id|path]
 *                    [--format json|mermaid|dot] [--out file] [--lang en|ja|ko]
 * The state machine a unit of the scenario runs under the procedure in force, as the run compiles
 * it: JSON for Stately's tools, a Mermaid stateDiagram-v2, or Graphviz DOT. Exit 0; 1 on invalid input.
 */
import { formatDiagnostic, loadScenario } from '../core';
import { configFor } from '../core/units';
import { machineDot, machineJson, machineMermaid } from '../core/procedure/compile-export';
import { diskProcedures } from './files';
import { emit, fail, formatOption, runOptions, scenarioCommand, usageIn } from './common';
import { t } from '../i18n';

const OPTIONS = { unit: 'value', account: 'value', procedure: 'value', format: 'value', out: 'value' } as const;

export function machine(argv: string[]): number {
  const cmd = scenarioCommand(argv, 'cli.usage.machine', OPTIONS);
  if ('exit' in cmd) return cmd.exit;
  const { path, flags, lang } = cmd;
  const format = formatOption(flags, ['json', 'mermaid', 'dot'], lang);
  if (typeof format !== 'string') return fail(format.error);
  const options = runOptions(flags, lang);
  if ('error' in options) return fail(options.error);
  if (typeof flags['unit'] !== 'string') return fail(`${t(lang, 'cli.machine.give-unit')}\n${usageIn(argv, 'cli.usage.machine')}`);

  const { account, procedure } = options;
  const load = loadScenario(cmd.file, diskProcedures, { ...(account ? { account } : {}), ...(procedure ? { procedure } : {}) });
  for (const d of load.diagnostics) fail(formatDiagnostic(d, { lang }));
  const s = load.scenario;
  if (!s) return 1;
  const unit = s.units.find((u) => u.id === flags['unit']);
  if (!unit) return fail(t(lang, 'cli.machine.no-unit', { unit: String(flags['unit']), file: path, units: s.units.map((u) => u.id).join(', ') }));
  const config = configFor(s.procedure, unit);
  const out = format === 'json' ? machineJson(config) : format === 'mermaid' ? machineMermaid(config) : machineDot(config);
  return emit(out, flags, [path], format === 'json', lang);
}
