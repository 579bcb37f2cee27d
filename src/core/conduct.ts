/**
 * Acts one unit does towards another that the assurance measures of CUES 2.8 speak of ("actions
 * the prudent commander might generally avoid"; docs/december-2018.md). A scenario scripts them with
 * `do: conduct`; an `avoid` rule of a procedure names the act it forbids. `observation-pass` is
 * the ordinary act (a pass to look or photograph) that no rule forbids, so an account can say
 * "it was only that".
 */
/** The acts an assurance measure speaks of: every conduct act but the ordinary pass. */
const FORBIDDEN_ACTS = ['weapon-aimed', 'simulated-attack', 'aerobatics', 'signal-rocket-fired', 'object-fired-toward', 'illuminate-bridge', 'laser'] as const;

export const CONDUCT_ACTS = ['observation-pass', ...FORBIDDEN_ACTS] as const;

export type ConductAct = (typeof CONDUCT_ACTS)[number];

/** The assurance measure (CUES 2.8 (a)–(e)) each forbidden act falls under. */
export const CONDUCT_MEASURE: Record<ConductAct, 'a' | 'b' | 'c' | 'd' | 'e' | null> = {
  'observation-pass': null,
  'weapon-aimed': 'a',
  'simulated-attack': 'e',
  aerobatics: 'e',
  'signal-rocket-fired': 'b',
  'object-fired-toward': 'b',
  'illuminate-bridge': 'c',
  laser: 'd',
};

/** What an `avoid` rule can forbid: fire-control radar held on a unit, a pass inside a norm, or an act. */
export const AVOIDABLE_ACTIONS = ['fire-control-on-encountered', 'close-approach', ...FORBIDDEN_ACTS] as const;
