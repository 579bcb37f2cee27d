/** Shared by the text and Markdown writers: the reader's language, unit names in it, and the few words every writer needs. */
import type { Explanation } from '../explain';
import type { Stage } from '../log';
import { say, t, type Lang, type SayContext } from '../../i18n';
import { nameOfUnit } from '../../i18n/names';

const contexts = new WeakMap<object, SayContext>();

type Named = { id: string; name: string; names?: Partial<Record<Lang, string>> };

/** Unit names as a scenario gives them (a per-language `names:` where a unit has one); the first unit with an id wins. */
export function unitsContext(units: readonly { id: string; name: string }[]): SayContext {
  let c = contexts.get(units);
  if (!c) {
    const byId = new Map<string, Named>();
    for (const u of units as readonly Named[]) if (!byId.has(u.id)) byId.set(u.id, u);
    c = {
      unitName: (id, lang) => {
        const u = byId.get(id);
        return u && nameOfUnit(u, lang);
      },
    };
    contexts.set(units, c);
  }
  return c;
}

/** The same for a run's units. */
export function sayContextOf(run: { scenario: { units: readonly { id: string; name: string }[] } }): SayContext {
  return unitsContext(run.scenario.units);
}

/**
 * A finding in the reader's language: its explanation as data where the core gives one (in English
 * too, so units are named as the scenario names them, not by the ids the core's English keeps),
 * else the English the core wrote.
 */
export function explained(lang: Lang, why: Explanation | undefined, english: string, ctx?: SayContext): string {
  return why ? say(lang, why, ctx) : english;
}

/** A ladder stage as the outputs have always printed it in English (its id), else the glossary's term. */
export function stageWord(lang: Lang, stage: Stage | string): string {
  return lang === 'en' ? stage : t(lang, `terms.stage.${stage}`);
}
