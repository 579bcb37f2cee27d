/**
 * The words for what the core wrote, in the reader's language: a field the core fills with an
 * explanation (code and parameters) is said through the catalogs; while a core structure still
 * carries only its English sentence, that sentence is shown as it is. Nothing here parses the
 * core's sentences.
 */
import { isExplanation, type Explanation, type ParamValue } from '../core/explain';
import type { Analysis } from '../core/analysis/report';
import { say, t, tOr, type Lang } from '../i18n';
import { sayContext } from './i18n';

/** The explanation the core gives for `key` of `obj`: the field itself, `<key>Why`, or `<key>Code`/`<key>Params` (as the report's `causeCode`). */
export function explanationOf(obj: object, key: string): Explanation | null {
  const o = obj as Record<string, unknown>;
  const v = o[key];
  if (isExplanation(v)) return v;
  const why = o[`${key}Why`];
  if (isExplanation(why)) return why;
  const code = o[`${key}Code`];
  if (typeof code === 'string') return { code, params: (o[`${key}Params`] as Explanation['params'] | undefined) ?? {} };
  return null;
}

/** Words in one language, with the run's unit names: messages, the core's explanations, its fields and the ladder's stages. */
export interface Words {
  (code: string, params?: Record<string, ParamValue>): string;
  lang: Lang;
  say(e: Explanation): string;
  /** An explanation when there is one, else the English words beside it. */
  sayOr(e: Explanation | null | undefined, english: string): string;
  /** `obj[key]` in the reader's language: its explanation when the core gives one, else the English it has. */
  field(obj: object, key: string): string;
  /** A ladder stage (transmitted … acted-on) through `terms.stage.*`; an unknown one as it comes. */
  stage(stage: string): string;
  /** The message when the catalogs have `code`, else `fallback` (an id from a file, as it comes). */
  or(code: string, fallback: string, params?: Record<string, ParamValue>): string;
  /** A checker diagnostic's message: from its code when it has one, else its English `message`. */
  problem(d: { message: string; code?: string; params?: Explanation['params'] }): string;
}

export function wordsIn(lang: Lang, a: Analysis | null = null): Words {
  const ctx = sayContext(a);
  const w = ((code: string, params: Record<string, ParamValue> = {}) => t(lang, code, params, ctx)) as Words;
  w.lang = lang;
  w.say = (e) => say(lang, e, ctx);
  w.sayOr = (e, english) => (e ? w.say(e) : english);
  w.field = (obj, key) => {
    const e = explanationOf(obj, key);
    if (e) return w.say(e);
    const v = (obj as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  };
  w.or = (code, fallback, params = {}) => tOr(lang, code, fallback, params);
  w.stage = (stage) => w.or(`terms.stage.${stage}`, stage);
  w.problem = (d) => (d.code ? w.say({ code: d.code, params: d.params ?? {} }) : d.message);
  return w;
}

/** The words of the store's language and run on screen. */
export function wordsOf(store: { getState(): { lang: Lang; analysis: Analysis | null } }): Words {
  const s = store.getState();
  return wordsIn(s.lang, s.analysis);
}

/** Splits a message around one placeholder (e.g. a unit shown as an element): the words before and after it. */
export function around(words: string, mark = '\u0000'): [string, string] {
  const i = words.indexOf(mark);
  return i < 0 ? [words, ''] : [words.slice(0, i), words.slice(i + mark.length)];
}
