/**
 * The core's process-long caches: a value worked out once per key (a unit's reference, a sign's
 * words, a message's template, a selector key) and handed back on every later use. They live as long
 * as the process, which for the app or a sweep's worker is a whole session, where an author editing
 * scenarios and procedures mints new keys without end. So each starts again past its limit rather
 * than grow: after a clear, a key costs its value worked out once more.
 */

/** `value` kept under `key` and handed back, the cache first emptied if it holds `limit` entries; for a miss only. */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): V {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
