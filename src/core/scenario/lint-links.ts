/**
 * Which links each unit is on, looked up by unit. The checks ask whether two units share a link
 * for every scripted call and every unit a rule binds; searching every link's member list each
 * time is thousands of comparisons per question in a thousand-unit exercise.
 */
export interface LinkTable {
  /** Whether some link has both as members (as links.some(l => l.members.includes(a) && l.members.includes(b))). */
  linked(a: string, b: string): boolean;
  /** The ids of the links a unit is a member of, in the order of the scenario's links. */
  linksOf(unit: string): readonly string[];
}

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
  };
}
