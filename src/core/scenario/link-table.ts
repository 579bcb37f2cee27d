/**
 * Which links each unit is on, looked up by unit; the linter and the engine share it. The checks
 * ask whether two units share a link for every scripted call and every unit a rule binds, and
 * every unit's context names the link to each unit it can reach: searching every link's member
 * list each time is thousands of comparisons per question in a thousand-unit exercise.
 */
export interface LinkTable {
  /** Whether some link has both as members (as links.some(l => l.members.includes(a) && l.members.includes(b))). */
  linked(a: string, b: string): boolean;
  /** The ids of the links a unit is a member of, in the order of the scenario's links. */
  linksOf(unit: string): readonly string[];
  /**
   * Every unit that shares a link with `unit`, itself included, with the first link (in the
   * scenario's order) they share. Units on the same links get the same frozen table: on one
   * exercise-wide link a table per unit would be quadratic in the units (a million entries at a
   * thousand). Look another unit up with units/links.ts linkToward, which leaves the unit itself out.
   */
  partners(unit: string): Readonly<Record<string, string>>;
}

const NO_PARTNERS: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

export function linkTable(links: readonly { id: string; members: readonly string[] }[]): LinkTable {
  const byUnit = new Map<string, number[]>();
  links.forEach((l, k) => {
    for (const m of l.members) {
      const ks = byUnit.get(m);
      if (!ks) byUnit.set(m, [k]);
      else if (ks[ks.length - 1] !== k) ks.push(k);
    }
  });
  const ids = new Map<string, string[]>();
  const partnersOn = new Map<string, Readonly<Record<string, string>>>();
  return {
    linked(a, b) {
      const ka = byUnit.get(a);
      const kb = ka && byUnit.get(b);
      return !!kb && ka.some((k) => kb.includes(k));
    },
    linksOf(unit) {
      let list = ids.get(unit);
      if (!list) ids.set(unit, (list = (byUnit.get(unit) ?? []).map((k) => links[k]!.id)));
      return list;
    },
    partners(unit) {
      const ks = byUnit.get(unit);
      if (!ks) return NO_PARTNERS;
      const key = ks.join(',');
      let table = partnersOn.get(key);
      if (!table) {
        // No prototype: a unit named like an Object method is looked up as any other.
        const t = Object.create(null) as Record<string, string>;
        for (const k of ks) for (const m of links[k]!.members) if (!(m in t)) t[m] = links[k]!.id;
        partnersOn.set(key, (table = Object.freeze(t)));
      }
      return table;
    },
  };
}
