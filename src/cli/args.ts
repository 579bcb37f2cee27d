/** A small, strict argument parser: unknown flags are errors, so a typo never runs silently. */
import { isLang, t, type Lang } from '../i18n';

export interface Parsed {
  positional: string[];
  flags: Record<string, string | true>;
  /** The reader's language (--lang), for every word the command writes for a person; JSON does not change with it. */
  lang: Lang;
}

/**
 * The --lang the command line asks for (`--lang ja` or `--lang=ja`), found before the other
 * options are parsed so that their errors and the usage are in that language too. English when
 * absent; an error (in English, the one language every reader was promised) when not en, ja or ko.
 */
export function langOf(argv: readonly string[]): Lang | { error: string } {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') value = argv[i + 1] ?? '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
  }
  if (value === undefined) return 'en';
  return isLang(value) ? value : { error: t('en', 'cli.args.lang', { value }) };
}

/** Parses argv; every command takes --lang (a valued option) besides its own. */
export function parseArgs(argv: string[], valued: string[], booleans: string[]): Parsed | { error: string } {
  const lang = langOf(argv);
  if (typeof lang !== 'string') return lang;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  const takes = [...valued, 'lang'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (booleans.includes(name)) flags[name] = true;
    else if (takes.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) return { error: t(lang, 'cli.args.needs-value', { name }) };
      if (v.trim() === '') return { error: t(lang, 'cli.args.empty-value', { name }) };
      flags[name] = v;
    } else return { error: t(lang, 'cli.args.unknown-option', { name, options: [...takes, ...booleans].map((x) => '--' + x).join(', ') }) };
  }
  return { positional, flags, lang };
}
