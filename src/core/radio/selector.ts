/**
 * An id as an ICU `select` key: the message syntax takes no hyphen there, so "say-again" is
 * passed as "sayAgain" (and "in-range" as "inRange"). Messages list every such key they word.
 */
export function selector(id: string): string {
  return id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}
