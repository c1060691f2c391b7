import { flatten } from '../audit.js';
import { canonicalJson } from '../sqlite/canonical-json.js';
import { sha256 } from '../sqlite/hash-chain.js';

/**
 * A record's clinical content as a hash, the same whatever order its keys were written in and
 * whether an empty value was written as null, left out or an empty list (flattened first, as
 * the audit diff compares): the current tables and a signed snapshot agree exactly when their
 * content hashes do.
 */
export function contentHash(content: unknown): string {
  return sha256(canonicalJson(flatten(content)));
}
