/**
 * The reader's words in the debrief, compare, paths and drill outputs: a unit named as the
 * scenario names it, a cause the core gave as data rendered in the reader's language (its English
 * sentence where the reader reads English or the core gave no code), and the ladder's stages.
 */
import { isExplanation } from '../explain';
import { say, t, type Lang, type SayContext } from '../../i18n';
import { unitsContext } from '../format/words';

/** Unit ids to names for `{ unit }` parameters (the scenario's one name until names per language exist). */
export function unitsCtx(units: readonly { id: string; name: string }[] | Record<string, string>): SayContext {
  // A scenario's units: each by its name in the reader's language where the scenario gives one.
  if (Array.isArray(units)) return unitsContext(units as readonly { id: string; name: string }[]);
  const names = units as Record<string, string>;
  return { unitName: (id) => names[id] };
}

/**
 * A cause or finding another module wrote: its explanation in `lang` (English too, units named as
 * the scenario names them), or its English sentence where it came without data.
 */
export function inLang(lang: Lang, englishWords: string, why: unknown, ctx?: SayContext): string {
  return isExplanation(why) ? say(lang, why, ctx) : englishWords;
}

/** A stage of the delivery ladder as the debriefs print it: its id in English, the glossary's word otherwise. */
export function stageWord(lang: Lang, stage: string | null | undefined): string {
  return stage ? t(lang, `debrief.stage.${stage}`) : '';
}
