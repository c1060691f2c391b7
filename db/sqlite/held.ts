import type { ReadConnection } from './connection.js';

/*
 * What a service may keep between calls instead of reading it again, and what proves it is
 * still what is stored. Kept per connection (a WeakMap: nothing outlives its connection).
 */

/** Changes when the file does (this connection's writes or another's commit): what was read is valid while it holds. */
export function dataFingerprint(read: ReadConnection): string {
  // One prepared statement (db.pragma() would prepare its own at every call).
  return read.prepare("SELECT total_changes() || '/' || data_version FROM pragma_data_version").pluck().get() as string;
}

interface Link {
  seq: number;
  hash: string;
}

const latestLink = (read: ReadConnection) =>
  read.prepare('SELECT seq, hash FROM state_chain ORDER BY seq DESC LIMIT 1').get() as Link | undefined;

/**
 * Computes once per connection what is read of the chained state (settings, operators, drugs)
 * and keeps it while the state chain shows none of it changed: every write of a chained
 * setting, operator or drug appends a link in its own transaction (their one writers chain
 * them), so the value holds while the link it was read at is still in the chain and every
 * link after it is a signed record's seal. The hash is compared, not only the number: a
 * transaction rolled back takes its links with it, and the next change may get their numbers.
 */
export function heldWhileStateUnchanged<T>() {
  const held = new WeakMap<object, { at: Link | undefined; value: T }>();
  return (read: ReadConnection, compute: () => T): T => {
    const latest = latestLink(read);
    const hit = held.get(read.db);
    if (hit && hit.at?.seq === latest?.seq && hit.at?.hash === latest?.hash) return hit.value;
    if (hit?.at && latest && stillHolds(read, hit.at)) {
      hit.at = latest;
      return hit.value;
    }
    const value = compute();
    held.set(read.db, { at: latest, value });
    return value;
  };
}

/** The link is still in the chain and only seals came after it. */
function stillHolds(read: ReadConnection, at: Link): boolean {
  const hash = read.prepare('SELECT hash FROM state_chain WHERE seq = ?').pluck().get(at.seq) as string | undefined;
  if (hash !== at.hash) return false;
  return (
    read.prepare("SELECT 1 FROM state_chain WHERE seq > ? AND subject <> 'procedure' LIMIT 1").get(at.seq) === undefined
  );
}
