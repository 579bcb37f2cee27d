/** Reading the generated JSON Schemas (schemas/*.schema.json) as one tree; pure, imports nothing. */
type Json = Record<string, unknown>;

/**
 * The schema with each `$ref` replaced by its `$defs` entry (the use site's own description kept),
 * so a walk down it (editor completion, tests) reads one tree. Each definition is resolved once and
 * shared; the generated schemas have no definition that contains itself.
 */
export function dereference(root: unknown): Json {
  const defs = ((root as Json)['$defs'] ?? {}) as Record<string, unknown>;
  const done = new Map<string, Json>();
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (!node || typeof node !== 'object') return node;
    const { $ref, ...rest } = node as Json;
    const own = Object.fromEntries(
      Object.entries(rest)
        .filter(([k]) => k !== '$defs')
        .map(([k, v]) => [k, inline(v)]),
    );
    if (typeof $ref !== 'string' || !$ref.startsWith('#/$defs/')) return own;
    const name = $ref.slice('#/$defs/'.length);
    if (!done.has(name)) {
      const target: Json = {};
      done.set(name, target); // a definition that names itself finds this object
      Object.assign(target, inline(defs[name] ?? {}));
    }
    const def = done.get(name)!;
    return Object.keys(own).length ? { ...def, ...own } : def;
  };
  return inline(root) as Json;
}
