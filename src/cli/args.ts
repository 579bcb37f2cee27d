/** A small, strict argument parser: unknown flags are errors, so a typo never runs silently. */
export interface Parsed {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], valued: string[], booleans: string[]): Parsed | { error: string } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (booleans.includes(name)) flags[name] = true;
    else if (valued.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) return { error: `--${name} needs a value` };
      if (v.trim() === '') return { error: `--${name} was given an empty value; give one, e.g. --${name}=…` };
      flags[name] = v;
    } else return { error: `unknown option --${name}; options are ${[...valued, ...booleans].map((x) => '--' + x).join(', ')}` };
  }
  return { positional, flags };
}
