/**
 * npm run machine -- <scenario.yaml> --unit <id> [--account id] [--procedure id|path]
 *                    [--format json|mermaid|dot] [--out file]
 * The state machine a unit of the scenario runs under the procedure in force, as the run compiles
 * it: JSON for Stately's tools, a Mermaid stateDiagram-v2, or Graphviz DOT. Exit 0; 1 on invalid input.
 */
import { formatDiagnostic, loadScenario } from '../core';
import { configFor } from '../core/units';
import { machineDot, machineJson, machineMermaid } from '../core/procedure/compile-export';
import { diskProcedures } from './files';
import { emit, fail, formatOption, runCommand, runOptions, scenarioCommand } from './common';

const USAGE = 'usage: npm run machine -- <scenario.yaml> --unit <id> [--account <id>] [--procedure <id|path>] [--format json|mermaid|dot] [--out <file>]';

function main(argv: string[]): number {
  const cmd = scenarioCommand(argv, USAGE, ['unit', 'account', 'procedure', 'format', 'out'], []);
  if ('exit' in cmd) return cmd.exit;
  const { path, flags } = cmd;
  const format = formatOption(flags, ['json', 'mermaid', 'dot']);
  if (typeof format !== 'string') return fail(format.error);
  const options = runOptions(flags);
  if ('error' in options) return fail(options.error);
  if (typeof flags['unit'] !== 'string') return fail(`give the unit with --unit <id>\n${USAGE}`);

  const { account, procedure } = options;
  const load = loadScenario(cmd.file, diskProcedures, { ...(account ? { account } : {}), ...(procedure ? { procedure } : {}) });
  for (const d of load.diagnostics) fail(formatDiagnostic(d));
  const s = load.scenario;
  if (!s) return 1;
  const unit = s.units.find((u) => u.id === flags['unit']);
  if (!unit) return fail(`no unit "${flags['unit']}" in ${path}; its units: ${s.units.map((u) => u.id).join(', ')}`);
  const config = configFor(s.procedure, unit);
  const out = format === 'json' ? machineJson(config) : format === 'mermaid' ? machineMermaid(config) : machineDot(config);
  return emit(out, flags, [path], format === 'json');
}

runCommand(main);
