import type { ReadConnection } from '../sqlite/connection.js';
import { dataFingerprint } from '../sqlite/held.js';

/*
 * The last results computed, per connection and key (a filter), kept while the database is
 * unchanged. Statistics read on a read-only connection, whose `data_version` moves whenever
 * another connection (the app's writer, the command line's import) commits.
 */

/** A memory of the `limit` most recent results of one computation, the oldest forgotten first. */
export function rememberedResults<T>(limit = 20) {
  const recent = new WeakMap<object, Map<string, { fingerprint: string; result: T }>>();
  return (read: ReadConnection, key: string, compute: () => T): T => {
    const current = dataFingerprint(read);
    const cache = recent.get(read.db) ?? new Map<string, { fingerprint: string; result: T }>();
    recent.set(read.db, cache);
    const hit = cache.get(key);
    if (hit && hit.fingerprint === current) return hit.result;
    const result = compute();
    cache.delete(key);
    cache.set(key, { fingerprint: current, result });
    if (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return result;
  };
}
