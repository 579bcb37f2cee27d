/**
 * Seeded variation of a loaded scenario, for running it many times: the noise on the air, the
 * crews' attention and English, whether links are up. A pure transform: a copy comes out, the
 * scenario passed in is never changed, and the same random source gives the same copy.
 */
import type { Random } from '../rng';
import type { Scenario } from '../scenario/load';
import { t, type Lang } from '../../i18n';

export interface Variation {
  /** Size of the variation; its meaning is per kind (dB, a 0..1 share, a probability). */
  defaultAmount: number;
  /** "noise floor ±10 dB". */
  describe(amount: number): string;
}

/** The kinds of variation, in the order they are drawn (so `--vary a,b` is `--vary b,a`). */
export const VARIATIONS = {
  noise: { defaultAmount: 10, describe: (x: number) => `environment noise floor ±${x} dB` },
  'set-noise': { defaultAmount: 10, describe: (x: number) => `local noise at each set that has some ±${x} dB` },
  attention: { defaultAmount: 0.3, describe: (x: number) => `each crew's workload ±${x} (calls may be missed above 0.5)` },
  proficiency: { defaultAmount: 0.2, describe: (x: number) => `each crew's language proficiency ±${x}` },
  links: { defaultAmount: 0.1, describe: (x: number) => `each link down with probability ${x}` },
} satisfies Record<string, Variation>;

export type VariationName = keyof typeof VARIATIONS;
export const VARIATION_NAMES = Object.keys(VARIATIONS) as VariationName[];
/** What `--vary` means when not given. */
export const DEFAULT_VARY: VariationName[] = ['noise', 'set-noise', 'attention', 'proficiency', 'links'];

export interface VarySpec {
  name: VariationName;
  amount: number;
}

/** "noise,attention=0.4,links" → specs, in drawing order; an empty string varies nothing. */
export function parseVary(text: string): VarySpec[] | { error: string } {
  const out = new Map<VariationName, number>();
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, amountText] = part.split('=', 2) as [string, string | undefined];
    if (!(name in VARIATIONS)) return { error: `--vary: no variation "${name}"; variations are ${VARIATION_NAMES.join(', ')} (each may take =amount)` };
    const v = VARIATIONS[name as VariationName];
    const amount = amountText === undefined ? v.defaultAmount : Number(amountText);
    if (!Number.isFinite(amount) || amount < 0 || (name === 'links' && amount > 1))
      return { error: `--vary: ${name} needs an amount ≥ 0${name === 'links' ? ' and ≤ 1' : ''}, not "${amountText}"` };
    out.set(name as VariationName, amount);
  }
  return VARIATION_NAMES.filter((n) => out.has(n)).map((n) => ({ name: n, amount: out.get(n)! }));
}

export function describeVary(specs: readonly VarySpec[], lang: Lang = 'en'): string {
  if (lang !== 'en')
    return specs.length
      ? specs.map((s) => t(lang, `analysis.sweep.vary.${s.name}`, { x: s.amount })).join(lang === 'ja' ? '、' : '; ')
      : t(lang, 'analysis.sweep.vary.none');
  return specs.length
    ? specs.map((s) => VARIATIONS[s.name].describe(s.amount)).join('; ')
    : 'nothing (every run is the same scenario; only the engine seed changes)';
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const spread = (r: Random, amount: number) => (r.next() * 2 - 1) * amount;

/**
 * A varied copy of the scenario. Each kind of variation draws from its own stream, so adding one
 * does not change what the others draw.
 */
export function varyScenario(base: Scenario, specs: readonly VarySpec[], random: Random): Scenario {
  const env = { ...base.spec.environment };
  const links = base.spec.links.map((l) => ({ ...l, members: [...l.members] }));
  const units = base.units.map((u) => ({
    ...u,
    radios: u.radios.map((r) => ({ ...r })),
    crew: { ...u.crew, languages: { ...u.crew.languages } },
  }));
  for (const s of specs) {
    const r = random.fork(s.name);
    switch (s.name) {
      case 'noise':
        env.noiseFloorDbm = round(clamp(env.noiseFloorDbm + spread(r, s.amount), -200, 0), 2);
        break;
      case 'set-noise':
        for (const u of units)
          for (const set of u.radios) if (set.noiseDb !== undefined) set.noiseDb = round(clamp(set.noiseDb + spread(r, s.amount), -200, 0), 2);
        break;
      case 'attention':
        for (const u of units) u.crew.workload = round(clamp(u.crew.workload + spread(r, s.amount), 0, 1), 3);
        break;
      case 'proficiency':
        for (const u of units)
          for (const lang of Object.keys(u.crew.languages).sort())
            u.crew.languages[lang] = round(clamp(u.crew.languages[lang]! + spread(r, s.amount), 0, 1), 3);
        break;
      case 'links':
        for (const l of links) if (l.available && r.chance(s.amount)) l.available = false;
        break;
    }
  }
  return { ...base, spec: { ...base.spec, environment: env, links }, units };
}
