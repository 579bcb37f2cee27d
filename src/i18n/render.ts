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
 * A message as the renderer fills it in: words as they are, and arguments, each with the branches
 * of a select where it picks the words by its value. Every argument has the same three fields, so
 * the renderer reads one shape of piece.
 */
type Piece = string | Argument;

interface Argument {
  name: string;
  branches: Map<string, Piece[]> | undefined;
  options: object | undefined;
}

/** A parsed message's element (intl-messageformat's AST), as far as a choice reads it. */
interface Element {
  /** 0 literal, 1 argument, 5 select; any other kind is left to intl-messageformat. */
  type: number;
  value: string;
  options?: Record<string, { value: Element[] }>;
}

/** A message with no ICU syntax as pieces: its words between its `{name}` arguments. */
function plainPieces(text: string): Piece[] {
  const out: Piece[] = [];
  const split = text.split(/\{([A-Za-z_][\w-]*)\}/);
  for (let i = 0; i < split.length; i++) {
    if (i % 2) out.push({ name: split[i]!, branches: undefined, options: undefined });
    else if (split[i]) out.push(split[i]!);
  }
  return out;
}

/** The message as pieces to fill in, or undefined when it has more than words, arguments and selects. */
function piecesOf(els: readonly Element[]): Piece[] | undefined {
  const out: Piece[] = [];
  for (const el of els) {
    if (el.type === 0) out.push(el.value);
    else if (el.type === 1) out.push({ name: el.value, branches: undefined, options: undefined });
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
 * A message of words, arguments and selects (`{kind, select, …}`): nineteen in twenty only put
 * values in place, most of the rest pick words by a value. The renderer fills them in itself,
 * exactly as intl-messageformat fills them (a string or number as its String, null or false as
 * nothing), with only the parameters the message uses rendered and no object of values built (a
 * 1,000-unit analysis renders some 56,000 explanations). Neither the ICU parser nor Intl is needed
 * for a message of words and arguments: their first use (the locale data behind resolving `lang`)
 * costs a command tens of milliseconds. Where a value is missing, `true`, or one no branch is for,
 * intl-messageformat decides.
 */
class FillFormat implements Format {
  constructor(
    private readonly text: string,
    private readonly lang: Lang,
    readonly pieces: readonly Piece[],
    private fallback: IntlMessageFormat | undefined,
  ) {}

  format(values: Record<string, string | number | boolean | null>): unknown {
    return (this.fallback ??= new IntlMessageFormat(this.text, this.lang, undefined, { ignoreTag: true })).format(values);
  }

  /**
   * Puts the words into `out`, a nested explanation's words among them; false where
   * intl-messageformat must decide. One list for a whole explanation, joined once at the end: a
   * list and a joined string for each nested explanation, copied again into the outer one, were
   * built and thrown away. And with a class for words only and another for choices, each calling
   * the other through the explanations they nest, V8 compiled their three fill functions seven
   * times, each with the others inlined: about 100 ms of compiling in a cold 300-unit round
   * (`--trace-opt`), 60 ms with this one function (10.88 → 10.71 G instructions).
   */
  filled(pieces: readonly Piece[], params: Record<string, ParamValue>, ctx: SayContext | undefined, out: string[]): boolean {
    // Counted, not for…of: each step of an unoptimised for…of makes an object.
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (typeof p === 'string') {
        out.push(p);
        continue;
      }
      if (!Object.hasOwn(params, p.name)) return false;
      const given = params[p.name]!;
      if (!p.branches && isExplanation(given)) {
        sayInto(this.lang, given, ctx, out);
        continue;
      }
      const v = value(this.lang, given, ctx);
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
    f = PLAIN_MESSAGE.test(text) ? new FillFormat(text, lang, plainPieces(text), undefined) : choiceOrIntl(text, lang);
    // English in place of a language still loading (the built app's catalog-web.ts) is not kept.
    if (own !== undefined) mine.set(code, f);
  }
  return f;
}

function choiceOrIntl(text: string, lang: Lang): Format {
  const intl = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
  const pieces = piecesOf(intl.getAst() as unknown as readonly Element[]);
  return pieces ? new FillFormat(text, lang, pieces, intl) : intl;
}

function value(lang: Lang, v: ParamValue, ctx: SayContext | undefined): string | number | boolean | null {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => String(value(lang, x, ctx))).join(LIST_SEPARATOR[lang]);
  if (isExplanation(v)) return say(lang, v, ctx);
  if (isUnitRef(v)) return ctx?.unitName?.(v.unit, lang) ?? v.unit;
  return String(v);
}

/** Puts the explanation's words in `lang` into `out`. */
function sayInto(lang: Lang, e: Explanation, ctx: SayContext | undefined, out: string[]): void {
  const f = formatOf(lang, e.code);
  if (f instanceof FillFormat) {
    const mark = out.length;
    if (f.filled(f.pieces, e.params, ctx, out)) return;
    out.length = mark;
  }
  out.push(formatted(lang, e, f, ctx));
}

/** The words intl-messageformat gives, with every parameter rendered; an unknown code renders as `[code]` (the i18n test keeps that from shipping). */
function formatted(lang: Lang, e: Explanation, f: Format | null, ctx: SayContext | undefined): string {
  if (!f) return `[${e.code}]`;
  const values: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(e.params)) values[k] = value(lang, v, ctx);
  return String(f.format(values));
}

/** The explanation in `lang`; an unknown code renders as `[code]` (the i18n test keeps that from shipping). */
export function say(lang: Lang, e: Explanation, ctx?: SayContext): string {
  // The words of the explanation and of those it nests in one list, joined once: one string kept, not a tree of pieces.
  const out: string[] = [];
  sayInto(lang, e, ctx, out);
  return out.join('');
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
