/**
 * Names from a scenario in the reader's language: a unit's display name (its `names:`, else its
 * `name`, else its id) and the location's (its `locationNames:` for the account, with disputed
 * places named as that account's side names them). English readers see the file's `name`s as
 * written, so English output does not change.
 */
import type { Lang } from './lang';
import { withPlaces } from './places';

type InLanguages = { ja?: string; ko?: string };

/** What of a loaded scenario names things (structural, so the core's formatters can use this without a cycle). */
export interface NamedScenario {
  account: string | null;
  units: readonly { id: string; name: string; names?: InLanguages }[];
  spec: {
    accounts: Record<string, { side?: string }>;
    location: { name: string };
    locationNames?: Record<string, InLanguages>;
  };
}

/** A scenario, or an analysis of a run of one. */
type HasScenario = NamedScenario | { run: { scenario: NamedScenario } };

function scenarioOf(s: HasScenario): NamedScenario {
  return 'run' in s ? s.run.scenario : s;
}

/** A unit's display name for a reader of `lang`: its `names:` entry, else its `name`. */
export function nameOfUnit(u: { name: string; names?: InLanguages | undefined }, lang: Lang): string {
  return (lang === 'en' ? undefined : u.names?.[lang]) ?? u.name;
}

/** The unit's display name for a reader of `lang`; undefined when the scenario has no such unit. */
export function unitNameIn(s: HasScenario | null | undefined, id: string, lang: Lang): string | undefined {
  if (!s) return undefined;
  const u = scenarioOf(s).units.find((x) => x.id === id);
  return u && nameOfUnit(u, lang);
}

/** The side (nation) of the account in use, or null with no account: whose place names apply. */
export function accountSide(s: HasScenario): string | null {
  const sc = scenarioOf(s);
  return sc.account ? (sc.spec.accounts[sc.account]?.side ?? null) : null;
}

/** The location's name for a reader of `lang` under the run's account; the file's `name` in English or where none is given. */
export function locationName(s: HasScenario, lang: Lang = 'en'): string {
  const sc = scenarioOf(s);
  const given = lang === 'en' ? undefined : sc.spec.locationNames?.[sc.account ?? 'default']?.[lang];
  return given === undefined ? sc.spec.location.name : withPlaces(given, lang, accountSide(sc));
}
