/**
 * npm run drill -- <scenario.yaml> --unit <id> [--account id] [--procedure id|path] [--seed n]
 *                  [--choices <file.yaml>] [--then follow|silence] [--format text|json]
 * Runs a role-play drill non-interactively: the choices file lists the student's answers in
 * order (option ids: follow, silence, wrong-channel, ack-only, no-callsign, say-again, guess,
 * repeat-same, stop); `--then` answers what the list does not cover. Prints each decision with
 * its feedback and the score, so a trainer can grade a batch.
 */
import { parse } from 'yaml';
import { loadScenario, formatDiagnostic } from '../core';
import { runDrill } from '../core/drill/drill';
import { clockTime } from '../core/format/clock';
import { diskProcedures, displayPath } from './files';
import { fail, runCommand } from './common';
import { inertJson, isUnreadable, printable, readInput } from './io';
import { parseArgs } from './args';
import { MAX_SEED } from '../core/rng';

const USAGE =
  'usage: npm run drill -- <scenario.yaml> --unit <id> [--account <id>] [--procedure <id|path>] [--seed <n>] [--choices <file.yaml>] [--then follow|silence] [--format text|json]';

interface ChoicesFile {
  unit?: string;
  account?: string;
  procedure?: string;
  choices?: string[];
  then?: 'follow' | 'silence';
}

function main(argv: string[]): number {
  const parsed = parseArgs(argv, ['unit', 'account', 'procedure', 'seed', 'choices', 'then', 'format'], ['help']);
  if ('error' in parsed) return fail(`${parsed.error}\n${USAGE}`);
  const { positional, flags } = parsed;
  if (flags['help']) return (process.stdout.write(USAGE + '\n'), 0);
  if (positional.length !== 1) return fail(`give one scenario file\n${USAGE}`);
  const scenarioFile = readInput(positional[0]!, displayPath(positional[0]!));
  if (isUnreadable(scenarioFile)) return fail(`${displayPath(positional[0]!)}:1:1: error: ${scenarioFile.problem}`);
  if (flags['format'] !== undefined && flags['format'] !== 'text' && flags['format'] !== 'json')
    return fail(`--format must be text or json, not "${flags['format']}"`);
  if (flags['seed'] !== undefined && !(Number.isInteger(Number(flags['seed'])) && Number(flags['seed']) >= 0 && Number(flags['seed']) <= MAX_SEED))
    return fail(`--seed must be a whole number from 0 to ${MAX_SEED}, not "${flags['seed']}"`);
  let file: ChoicesFile = {};
  if (typeof flags['choices'] === 'string') {
    try {
      const choices = readInput(flags['choices'], displayPath(flags['choices']));
      if (isUnreadable(choices)) return fail(`${displayPath(flags['choices'])}:1:1: error: ${choices.problem}`);
      if (choices.bytes !== undefined)
        return fail(`${displayPath(flags['choices'])}:1:1: error: a choices file is a short list; this one is over the size limit`);
      file = (parse(choices.text) ?? {}) as ChoicesFile;
    } catch (e) {
      return fail(`${flags['choices']}: ${(e as Error).message}`);
    }
    if (file.choices !== undefined && (!Array.isArray(file.choices) || file.choices.some((c) => typeof c !== 'string')))
      return fail(`${flags['choices']}: choices must be a list of option ids, e.g. [follow, silence]`);
  }
  const unit = (flags['unit'] as string | undefined) ?? file.unit;
  if (!unit) return fail(`say which unit the student plays with --unit (or unit: in the choices file)\n${USAGE}`);
  const then = ((flags['then'] as string | undefined) ?? file.then ?? 'follow') as 'follow' | 'silence';
  if (!['follow', 'silence'].includes(then)) return fail('--then must be follow or silence');
  const account = (flags['account'] as string | undefined) ?? file.account;
  const procedure = (flags['procedure'] as string | undefined) ?? file.procedure;
  const loaded = loadScenario(scenarioFile, diskProcedures, { ...(account ? { account } : {}), ...(procedure ? { procedure } : {}) });
  if (!loaded.scenario) {
    for (const d of loaded.diagnostics) fail(formatDiagnostic(d));
    return 1;
  }
  const s = loaded.scenario;
  if (!s.units.some((u) => u.id === unit)) return fail(`no unit "${unit}"; units are ${s.units.map((u) => u.id).join(', ')}`);
  const seed = flags['seed'] !== undefined ? Number(flags['seed']) : undefined;
  const r = runDrill(s, { unit, choices: file.choices ?? [], then }, seed !== undefined ? { seed } : {});
  if (flags['format'] === 'json') {
    process.stdout.write(
      inertJson(
        JSON.stringify(
          {
            scenario: s.spec.id,
            account: s.account,
            procedure: s.procedure.id,
            unit,
            score: r.score,
            decisions: r.decisions.map((d) => ({
              t: d.t,
              situation: d.situation,
              prompt: d.prompt,
              chosen: d.chosen,
              correct: d.correct,
              right: d.right,
              rule: d.rule,
              feedback: d.feedback,
            })),
            breakdowns: r.analysis.breakdowns.length,
            exchangesCompleted: r.analysis.exchangesCompleted,
          },
          null,
          2,
        ),
      ) + '\n',
    );
    return 0;
  }
  const out: string[] = [`Drill: ${s.spec.title}`, `playing ${unit} · account ${s.account ?? 'none'} · procedure ${s.procedure.id}`, ''];
  r.decisions.forEach((d, i) => {
    out.push(`${i + 1}. ${clockTime(s.spec.start, d.t)} ${d.situation}: ${d.prompt}`);
    out.push(`   ${d.right ? '✓' : '✗'} ${d.feedback}`);
  });
  out.push(
    '',
    `Score: ${r.score.right} / ${r.score.total}`,
    `Exchanges completed: ${r.analysis.exchangesCompleted} · breakdowns: ${r.analysis.breakdowns.length}`,
  );
  process.stdout.write(printable(out.join('\n')) + '\n');
  return 0;
}

runCommand(main);
