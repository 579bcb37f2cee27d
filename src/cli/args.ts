/**
 * The one argument parser of every command: node's `util.parseArgs` reads the tokens, and this
 * module judges them, so that every command takes its options the same way (`--name value` or
 * `--name=value`, `-h`/`--help`, `--lang`, `--` before a file that starts with a dash) and says the
 * same things when they are wrong. Unknown options are errors, so a typo never runs silently, and
 * the error names the option the reader probably meant.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import { isLang, t, type Lang } from '../i18n';

export type Flags = Record<string, string | true>;

/** A command's options: a value it takes, a switch, or a value it takes again and again. */
export type OptionKind = 'value' | 'switch' | 'repeated';
export type OptionSpec = Readonly<Record<string, OptionKind>>;

/** The options every command takes besides its own. */
const COMMON: OptionSpec = { lang: 'value', help: 'switch' };

export interface Parsed {
  positional: string[];
  /** The last value of each valued option; `true` for each switch given. */
  flags: Flags;
  /** Every value of each repeated option, in order (an empty list when not given). */
  lists: Record<string, string[]>;
  /** The reader's language (--lang), for every word the command writes for a person; JSON does not change with it. */
  lang: Lang;
  /** -h or --help: print the usage, exit 0, write nothing else. */
  help: boolean;
}

/** Why the command line cannot be used, in the reader's language, and the exit status to give. */
export interface ArgError {
  error: string;
  status: number;
}

/** Exit status for a command line that cannot be understood (an unknown option, a missing value). */
export const USAGE_ERROR = 2;

/**
 * The --lang the command line asks for (`--lang ja` or `--lang=ja`), found before the other
 * options are parsed so that their errors and the usage are in that language too. English when
 * absent; an error (in English, the one language every reader was promised) when not en, ja or ko.
 */
export function langOf(argv: readonly string[]): Lang | { error: string } {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') value = argv[i + 1] ?? '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
  }
  if (value === undefined) return 'en';
  return isLang(value) ? value : { error: t('en', 'cli.args.lang', { value }) };
}

/** The language to speak in even when --lang itself is wrong. */
export function langOr(argv: readonly string[]): Lang {
  const lang = langOf(argv);
  return typeof lang === 'string' ? lang : 'en';
}

/** Whether the command line asks for help (before `--`), whatever else is wrong with it. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/**
 * Parses a command's arguments against its options (besides --lang and --help, which every
 * command takes). An error is in the reader's language and is a usage error (exit 2).
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): Parsed | ArgError {
  const lang = langOf(argv);
  // A language we do not have is a wrong value, as a wrong --seed is (exit 1), not a command line we cannot read.
  if (typeof lang !== 'string') return { ...lang, status: 1 };
  const all: OptionSpec = { ...spec, ...COMMON };
  const options = Object.fromEntries(
    Object.entries(all).map(([name, kind]) => [
      name,
      { type: kind === 'switch' ? ('boolean' as const) : ('string' as const), ...(name === 'help' ? { short: 'h' } : {}) },
    ]),
  );
  // Not strict: an unknown option is judged here, to name it in the reader's language with a suggestion.
  const { tokens } = nodeParseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const flags: Flags = {};
  const lists: Record<string, string[]> = Object.fromEntries(Object.entries(spec).flatMap(([n, k]) => (k === 'repeated' ? [[n, [] as string[]]] : [])));
  for (const tok of tokens) {
    if (tok.kind === 'positional') positional.push(tok.value);
    if (tok.kind !== 'option') continue;
    const name = tok.name;
    const kind = all[name];
    if (kind === undefined) return { error: unknownOption(tok.rawName, Object.keys(all), lang), status: USAGE_ERROR };
    if (kind === 'switch') {
      if (tok.value !== undefined) return { error: t(lang, 'cli.args.no-value', { name }), status: USAGE_ERROR };
      flags[name] = true;
      continue;
    }
    const value = tok.value;
    // `--seed --format json` means the value was forgotten, not that it is "--format".
    if (value === undefined || (!tok.inlineValue && value.startsWith('--'))) return { error: t(lang, 'cli.args.needs-value', { name }), status: USAGE_ERROR };
    // An empty value is a wrong value, as a wrong --seed is: exit 1.
    if (value.trim() === '') return { error: t(lang, 'cli.args.empty-value', { name }), status: 1 };
    if (kind === 'repeated') lists[name]!.push(value);
    else flags[name] = value;
  }
  return { positional, flags, lists, lang, help: flags['help'] === true };
}

/** "unknown option --fromat; did you mean --format?" and the options there are. */
function unknownOption(raw: string, names: readonly string[], lang: Lang): string {
  const options = names
    .filter((n) => n !== 'help')
    .map((n) => '--' + n)
    .concat('--help')
    .join(', ');
  const near = closest(raw.replace(/^-+/, ''), names);
  const unknown = t(lang, 'cli.args.unknown-option', { name: raw, options });
  return near ? `${unknown}\n${t(lang, 'cli.did-you-mean', { name: '--' + near })}` : unknown;
}

/** The name nearest to what was typed, when near enough to be a slip (a prefix, or a few letters off). */
export function closest(typed: string, names: readonly string[]): string | undefined {
  const low = typed.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = n.startsWith(low) && low.length >= 2 ? 0.5 : editDistance(low, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return bestD <= Math.max(1, Math.floor(typed.length / 3)) ? best : undefined;
}

/** Levenshtein distance, with a swap of two neighbouring letters counting as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}
