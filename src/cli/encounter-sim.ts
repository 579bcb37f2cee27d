#!/usr/bin/env node
/**
 * encounter-sim <command> [options]: the one command line, built to build/cli/encounter-sim.js
 * (package.json `bin`; `npm run <command> -- …` runs the same). `encounter-sim --help` lists the
 * commands; `encounter-sim <command> --help` and `encounter-sim help <command>` give one's usage.
 */
import './zod-jitless';
import { check } from './check';
import { compare } from './compare';
import { debrief } from './debrief';
import { drill } from './drill';
import { machine } from './machine';
import { paths } from './paths';
import { schema } from './schema';
import { sim } from './sim';
import { sweep } from './sweep';
import { closest, langOr, USAGE_ERROR, wantsHelp } from './args';
import { fail, runCommand, type Command } from './common';
import { printable } from './io';
import { t } from '../i18n';

/** The commands, in the order the overall usage lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = { sim, check, compare, paths, machine, sweep, debrief, drill, schema };

/** The overall usage: every command with what it does, in the reader's language. */
function usage(argv: readonly string[]): string {
  const lang = langOr(argv);
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.keys(COMMANDS).map((c) => `  ${c.padEnd(width)}  ${t(lang, `cli.about.${c}`)}`);
  return [t(lang, 'cli.usage.main'), '', t(lang, 'cli.commands'), ...lines, '', t(lang, 'cli.more-help')].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || (name.startsWith('-') && wantsHelp(argv))) {
    process.stdout.write(usage(argv) + '\n');
    return 0;
  }
  if (name === 'help') {
    // `help sim` is `sim --help`; a plain `help` (or `help --lang ja`) is the overall usage.
    const of = rest.find((a, i) => !a.startsWith('-') && rest[i - 1] !== '--lang');
    if (of === undefined || !(of in COMMANDS)) {
      if (of !== undefined) return unknownCommand(of, argv);
      process.stdout.write(usage(argv) + '\n');
      return 0;
    }
    return runCommand(COMMANDS[of]!, ['--help', ...rest.filter((a) => a !== of)]);
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return unknownCommand(name, argv);
  return runCommand(command, rest);
}

/** "unknown command 'sm'; did you mean sim?" with the list of commands, exit 2. */
function unknownCommand(name: string, argv: readonly string[]): number {
  const lang = langOr(argv);
  const near = closest(name, Object.keys(COMMANDS));
  fail(t(lang, 'cli.unknown-command', { name: printable(name), commands: Object.keys(COMMANDS).join(', ') }));
  if (near) fail(t(lang, 'cli.did-you-mean', { name: near }));
  return USAGE_ERROR;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${printable(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 1;
  },
);
