/**
 * encounter-sim drill <scenario.yaml> --unit <id> [--account id] [--procedure id|path] [--seed n]
 *                  [--choices <file.yaml>] [--then follow|silence] [--format text|json] [--lang en|ja|ko]
 * Runs a role-play drill non-interactively: the choices file lists the student's answers in
 * order (option ids: follow, silence, wrong-channel, ack-only, no-callsign, say-again, guess,
 * repeat-same, stop); `--then` answers what the list does not cover. Prints each decision with
 * its feedback and the score, so a trainer can grade a batch.
 */
import { parse } from 'yaml';
import { loadScenario, formatDiagnostic } from '../core';
import { drillFeedback, runDrill } from '../core/drill/drill';
import { sayContextOf } from '../core/format/words';
import { isExplanation } from '../core/explain';
import { scenarioClock } from '../i18n/clock';
import { diskProcedures, displayPath } from './files';
import { commandArgs, fail, seedError, seedOk, usageIn } from './common';
import { inertJson, isUnreadable, printable, readInput } from './io';
import { say, t, type Lang } from '../i18n';

interface ChoicesFile {
  unit?: string;
  account?: string;
  procedure?: string;
  choices?: string[];
  then?: 'follow' | 'silence';
}

const OPTIONS = { unit: 'value', account: 'value', procedure: 'value', seed: 'value', choices: 'value', then: 'value', format: 'value' } as const;

export function drill(argv: string[]): number {
  const usage = usageIn(argv, 'cli.usage.drill');
  const parsed = commandArgs(argv, 'cli.usage.drill', OPTIONS);
  if ('exit' in parsed) return parsed.exit;
  const { positional, flags, lang } = parsed;
  if (positional.length !== 1) return fail(`${t(lang, 'cli.drill.one-scenario')}\n${usage}`);
  const scenarioFile = readInput(positional[0]!, displayPath(positional[0]!), lang);
  if (isUnreadable(scenarioFile)) return fail(`${displayPath(positional[0]!)}:1:1: error: ${scenarioFile.problem}`);
  if (flags['format'] !== undefined && flags['format'] !== 'text' && flags['format'] !== 'json')
    return fail(t(lang, 'cli.format', { allowed: 'text', last: 'json', value: String(flags['format']) }));
  if (flags['seed'] !== undefined && !seedOk(Number(flags['seed']))) return fail(seedError(flags['seed'], lang));
  const file = choicesFile(flags['choices'], lang);
  if (typeof file === 'string') return fail(file);
  const unit = (flags['unit'] as string | undefined) ?? file.unit;
  if (!unit) return fail(`${t(lang, 'cli.drill.give-unit')}\n${usage}`);
  const then = ((flags['then'] as string | undefined) ?? file.then ?? 'follow') as 'follow' | 'silence';
  if (!['follow', 'silence'].includes(then)) return fail(t(lang, 'cli.drill.then'));
  const account = (flags['account'] as string | undefined) ?? file.account;
  const procedure = (flags['procedure'] as string | undefined) ?? file.procedure;
  const loaded = loadScenario(scenarioFile, diskProcedures, { ...(account ? { account } : {}), ...(procedure ? { procedure } : {}) });
  if (!loaded.scenario) {
    for (const d of loaded.diagnostics) fail(formatDiagnostic(d, { lang }));
    return 1;
  }
  const s = loaded.scenario;
  if (!s.units.some((u) => u.id === unit)) return fail(t(lang, 'cli.drill.no-unit', { unit, units: s.units.map((u) => u.id).join(', ') }));
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
  const out: string[] = [
    t(lang, 'cli.drill.title', { title: s.spec.title }),
    t(lang, 'cli.drill.playing', { unit, account: s.account ?? t(lang, 'cli.drill.no-account'), procedure: s.procedure.id }),
    '',
  ];
  // The situation is the procedure's id and the options its labels, as written; the rest in the reader's language.
  const ctx = sayContextOf(r.analysis.run);
  const prompt = (d: (typeof r.decisions)[number]) => (lang !== 'en' && isExplanation(d.promptWhy) ? say(lang, d.promptWhy, ctx) : d.prompt);
  r.decisions.forEach((d, i) => {
    out.push(`${i + 1}. ${scenarioClock(lang, s.spec.start, d.t)} ${d.situation}: ${prompt(d)}`);
    out.push(`   ${d.right ? '✓' : '✗'} ${lang === 'en' ? d.feedback : drillFeedback(d, lang)}`);
  });
  out.push(
    '',
    t(lang, 'cli.drill.score', { right: r.score.right, total: r.score.total }),
    t(lang, 'cli.drill.totals', { exchanges: r.analysis.exchangesCompleted, breakdowns: r.analysis.breakdowns.length }),
  );
  process.stdout.write(printable(out.join('\n')) + '\n');
  return 0;
}

/** The --choices file, read and checked; a message (in the reader's language) when it cannot be used. */
function choicesFile(path: string | true | undefined, lang: Lang): ChoicesFile | string {
  if (typeof path !== 'string') return {};
  let file: ChoicesFile;
  try {
    const choices = readInput(path, displayPath(path), lang);
    if (isUnreadable(choices)) return `${displayPath(path)}:1:1: error: ${choices.problem}`;
    if (choices.bytes !== undefined) return t(lang, 'cli.drill.choices-too-big', { file: displayPath(path) });
    file = (parse(choices.text) ?? {}) as ChoicesFile;
  } catch (e) {
    return `${path}: ${(e as Error).message}`;
  }
  if (file.choices !== undefined && (!Array.isArray(file.choices) || file.choices.some((c) => typeof c !== 'string')))
    return t(lang, 'cli.drill.choices-list', { file: path });
  return file;
}
