/**
 * Words from data: an explanation (code and parameters) rendered in a reader's language with
 * ICU MessageFormat (intl-messageformat: plural and number rules per locale). Nested
 * explanations are rendered first, in the same language; a unit is named in the reader's
 * language when the context knows it. Every Intl use here names its locale, so the output never
 * depends on the host's locale.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { isExplanation, isUnitRef, type Explanation, type ParamValue } from '../core/explain';
import { CATALOG } from './catalog';
import { isLang, type Lang } from './lang';

/**
 * intl-messageformat resolves its locale through Intl.NumberFormat.supportedLocalesOf, whose first
 * call loads the number-format locale data: tens of milliseconds (far more on a busy machine) for
 * a command whose messages format no number. For our three languages the answer is the tag itself
 * (supportedLocalesOf gives it back, and without it the library falls back to the same tag), so
 * the tag is taken as is; any other tag is resolved as before.
 */
const resolveLocale = IntlMessageFormat.resolveLocale.bind(IntlMessageFormat);
IntlMessageFormat.resolveLocale = (locales) => (typeof locales === 'string' && isLang(locales) ? new Intl.Locale(locales) : resolveLocale(locales));

export interface SayContext {
  /** A unit's name in the reader's language (scenario `names:`), or undefined to use the id. */
  unitName?(id: string, lang: Lang): string | undefined;
}

const LIST_SEPARATOR: Record<Lang, string> = { en: ', ', ja: '、', ko: ', ' };

/** A message ready to fill in: its parameters' values in, its words out. */
interface Format {
  format(values: Record<string, string | number | boolean | null>): unknown;
}

/** Each language's messages ready to fill in, by code (a map per language: no key to build for each message said). */
const compiled = new Map<Lang, Map<string, Format>>();

/**
 * Text with no ICU syntax but `{name}` arguments: an apostrophe is literal unless it starts ICU
 * quoting (before `'`, `{`, `}`, `<` or `>`), and `#` only means something inside a plural.
 */
const PLAIN_MESSAGE = /^(?:[^{}']|'(?![{}<>']))*(?:\{[A-Za-z_][\w-]*\}(?:[^{}']|'(?![{}<>']))*)*$/;

/**
 * Most messages (nineteen in twenty) only put values in place. Filling them in needs neither the
 * ICU parser nor Intl, whose first use (the locale data behind resolving `lang`) costs a command
 * tens of milliseconds; they come out as intl-messageformat would give them (a string or number
 * as its String, null or false as nothing). Anything else, and a missing parameter, goes to
 * intl-messageformat itself.
 */
class PlainFormat implements Format {
  private readonly pieces: string[];
  private fallback: IntlMessageFormat | undefined;

  constructor(
    private readonly text: string,
    private readonly lang: Lang,
  ) {
    this.pieces = text.split(/\{([A-Za-z_][\w-]*)\}/);
  }

  format(values: Record<string, string | number | boolean | null>): unknown {
    return this.filled((name) => (Object.hasOwn(values, name) ? values[name] : undefined)) ?? this.intl().format(values);
  }

  /**
   * An explanation's words with its parameters rendered only where the message uses them, and no
   * object of values built (a 1,000-unit analysis renders some 40,000 explanations); undefined
   * where intl-messageformat must decide.
   */
  fill(params: Record<string, ParamValue>, ctx: SayContext | undefined): string | undefined {
    // The loop of filled(), written out: a function made for each of these calls cost as much as the rest.
    // The words are joined, not added up: `+=` makes a string that is a tree of its pieces, and an
    // analysis keeps thousands of these texts (12,500 in the 1,000-unit hour, some 14 pieces each)
    // for the collector to copy piece by piece; a join makes one string.
    const pieces = this.pieces;
    const out = [pieces[0]!];
    for (let i = 1; i < pieces.length; i += 2) {
      const name = pieces[i]!;
      const v = Object.hasOwn(params, name) ? value(this.lang, params[name]!, ctx) : undefined;
      if (v === undefined || v === true) return undefined;
      out.push(v === null || v === false ? '' : String(v), pieces[i + 1]!);
    }
    return out.join('');
  }

  /** The words, or undefined where a value is missing or `true` (intl-messageformat decides what those give). */
  private filled(valueOf: (name: string) => string | number | boolean | null | undefined): string | undefined {
    let out = this.pieces[0]!;
    for (let i = 1; i < this.pieces.length; i += 2) {
      const v = valueOf(this.pieces[i]!);
      if (v === undefined || v === true) return undefined;
      out += (v === null || v === false ? '' : String(v)) + this.pieces[i + 1]!;
    }
    return out;
  }

  private intl(): IntlMessageFormat {
    return (this.fallback ??= new IntlMessageFormat(this.text, this.lang, undefined, { ignoreTag: true }));
  }
}

/** A parsed message's element (intl-messageformat's AST), as far as a choice reads it. */
interface Element {
  /** 0 literal, 1 argument, 5 select; any other kind is left to intl-messageformat. */
  type: number;
  value: string;
  options?: Record<string, { value: Element[] }>;
}

type Piece = string | { name: string; branches?: Map<string, Piece[]>; options?: object };

/** The message as pieces to fill in, or undefined when it has more than words, arguments and selects. */
function piecesOf(els: readonly Element[]): Piece[] | undefined {
  const out: Piece[] = [];
  for (const el of els) {
    if (el.type === 0) out.push(el.value);
    else if (el.type === 1) out.push({ name: el.value });
    else if (el.type === 5 && el.options) {
      const branches = new Map<string, Piece[]>();
      for (const key of Object.keys(el.options)) {
        const inner = piecesOf(el.options[key]!.value);
        if (!inner) return undefined;
        branches.set(key, inner);
      }
      out.push({ name: el.value, branches, options: el.options });
    } else return undefined;
  }
  return out;
}

/**
 * A message that picks its words by a value (`{kind, select, …}`) and otherwise only puts values
 * in place: filled in from the parsed message exactly as intl-messageformat fills it, with only
 * the parameters it uses rendered. A 1,000-unit analysis renders some 11,000 such messages, for
 * each of which intl-messageformat built an object of every value and a list of parts.
 */
class ChoiceFormat implements Format {
  constructor(
    private readonly intl: IntlMessageFormat,
    private readonly pieces: readonly Piece[],
    private readonly lang: Lang,
  ) {}

  format(values: Record<string, string | number | boolean | null>): unknown {
    return this.intl.format(values);
  }

  /** The words, or undefined where intl-messageformat must decide (a value missing, `true`, or one no branch is for). */
  fill(params: Record<string, ParamValue>, ctx: SayContext | undefined): string | undefined {
    // Joined, not added up, as in PlainFormat.fill: one string kept, not a tree of pieces.
    const out: string[] = [];
    return this.filled(this.pieces, params, ctx, out) ? out.join('') : undefined;
  }

  /** Puts the words into `out`; false where intl-messageformat must decide. */
  private filled(pieces: readonly Piece[], params: Record<string, ParamValue>, ctx: SayContext | undefined, out: string[]): boolean {
    for (const p of pieces) {
      if (typeof p === 'string') {
        out.push(p);
        continue;
      }
      const v = Object.hasOwn(params, p.name) ? value(this.lang, params[p.name]!, ctx) : undefined;
      if (v === undefined || v === true) return false;
      if (!p.branches) {
        out.push(v === null || v === false ? '' : String(v));
        continue;
      }
      // intl-messageformat takes `options[value] || options.other`: a key only inherited (`toString`) is its own affair.
      const key = String(v);
      // Reflect.has, not `in`: V8 specialises an `in` to the keys it has seen, and each new value threw the optimised code away.
      const branch = p.branches.get(key) ?? (Reflect.has(p.options!, key) ? undefined : p.branches.get('other'));
      if (!branch || !this.filled(branch, params, ctx, out)) return false;
    }
    return true;
  }
}

function formatOf(lang: Lang, code: string): Format | null {
  let mine = compiled.get(lang);
  if (!mine) compiled.set(lang, (mine = new Map()));
  let f = mine.get(code);
  if (!f) {
    const own = CATALOG[lang][code];
    const text = own ?? CATALOG.en[code];
    if (text === undefined) return null;
    f = PLAIN_MESSAGE.test(text) ? new PlainFormat(text, lang) : choiceOrIntl(new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }), lang);
    // English in place of a language still loading (the built app's catalog-web.ts) is not kept.
    if (own !== undefined) mine.set(code, f);
  }
  return f;
}

function choiceOrIntl(intl: IntlMessageFormat, lang: Lang): Format {
  const pieces = piecesOf(intl.getAst() as unknown as readonly Element[]);
  return pieces ? new ChoiceFormat(intl, pieces, lang) : intl;
}

function value(lang: Lang, v: ParamValue, ctx: SayContext | undefined): string | number | boolean | null {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => String(value(lang, x, ctx))).join(LIST_SEPARATOR[lang]);
  if (isExplanation(v)) return say(lang, v, ctx);
  if (isUnitRef(v)) return ctx?.unitName?.(v.unit, lang) ?? v.unit;
  return String(v);
}

/** The explanation in `lang`; an unknown code renders as `[code]` (the i18n test keeps that from shipping). */
export function say(lang: Lang, e: Explanation, ctx?: SayContext): string {
  const f = formatOf(lang, e.code);
  if (!f) return `[${e.code}]`;
  if (f instanceof PlainFormat || f instanceof ChoiceFormat) {
    const words = f.fill(e.params, ctx);
    if (words !== undefined) return words;
  }
  const values: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(e.params)) values[k] = value(lang, v, ctx);
  return String(f.format(values));
}

/** Shorthand for a message with its parameters. */
export function t(lang: Lang, code: string, params: Record<string, ParamValue> = {}, ctx?: SayContext): string {
  return say(lang, { code, params }, ctx);
}

/** The message `code` where the catalogs have it, else `fallback` (an id or word from a file, as it comes). */
export function tOr(lang: Lang, code: string, fallback: string, params: Record<string, ParamValue> = {}): string {
  return CATALOG.en[code] === undefined ? fallback : t(lang, code, params);
}

/** The English words the JSON report and the core's log keep beside the code. */
export function english(e: Explanation, ctx?: SayContext): string {
  return say('en', e, ctx);
}
