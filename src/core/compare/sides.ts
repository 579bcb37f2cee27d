/**
 * The settings of one side of a comparison, written on the command line as key=value pairs:
 * `--a account=jp --a procedure=practice-2018 --b account=rok`.
 */

export interface SideSettings {
  account?: string;
  procedure?: string;
  seed?: number;
}

export const SIDE_KEYS = ['account', 'procedure', 'seed'] as const;

/** Pulls every `--name value` (or `--name=value`) of the named, repeatable flags out of argv. */
export function takeRepeated(argv: readonly string[], names: readonly string[]): { rest: string[]; values: Record<string, string[]>; error?: string } {
  const rest: string[] = [];
  const values: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, [] as string[]]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !names.includes(m[1]!)) {
      rest.push(arg);
      continue;
    }
    const v = m[2] ?? argv[++i];
    if (v === undefined || v.startsWith('--')) return { rest, values, error: `--${m[1]} needs a value` };
    values[m[1]!]!.push(v);
  }
  return { rest, values };
}

/** Reads `key=value` pairs into settings; later pairs override earlier ones. */
export function parseSide(flag: string, pairs: readonly string[], base: SideSettings = {}): SideSettings | { error: string } {
  const out: SideSettings = { ...base };
  for (const p of pairs) {
    const eq = p.indexOf('=');
    const key = eq > 0 ? p.slice(0, eq) : '';
    const value = eq > 0 ? p.slice(eq + 1) : '';
    if (!(SIDE_KEYS as readonly string[]).includes(key) || value === '') {
      return { error: `--${flag} takes key=value with key ${SIDE_KEYS.join(', ')} (e.g. --${flag} account=rok), not "${p}"` };
    }
    if (key === 'seed') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) return { error: `--${flag} seed must be a whole number ≥ 0, not "${value}"` };
      out.seed = n;
    } else out[key as 'account' | 'procedure'] = value;
  }
  return out;
}

export function sameSettings(a: SideSettings, b: SideSettings): boolean {
  return a.account === b.account && a.procedure === b.procedure && a.seed === b.seed;
}
