import type { ReadConnection, WriteConnection } from './connection.js';

/*
 * The one reader and writer of operator_credentials (schema 20): per operator, the slow
 * salted hash of their PIN with the parameters it was made with, the wrong PINs in a row and
 * the lock they caused, and the keyed hash of their badge number. Never the PIN, never the
 * badge number. Nothing here is copied into an export, the hub or a log.
 */

export interface ScryptParameters {
  /** scrypt's N, r and p. */
  cost: number;
  blockSize: number;
  parallelism: number;
}

export interface StoredCredential extends ScryptParameters {
  operatorId: string;
  scheme: 'scrypt';
  /** 16 bytes, hexadecimal. */
  salt: string;
  /** The derived key, 32 bytes, hexadecimal. */
  hash: string;
  setAt: string;
  setBy: string;
  wrongInARow: number;
  lockedUntil: string | null;
  badgeHash: string | null;
}

export type NewCredential = Pick<
  StoredCredential,
  'operatorId' | 'scheme' | 'cost' | 'blockSize' | 'parallelism' | 'salt' | 'hash' | 'setAt' | 'setBy'
>;

const COLUMNS = `operator_id AS operatorId, scheme, cost, block_size AS blockSize, parallelism, salt, hash,
  set_at AS setAt, set_by AS setBy, wrong_in_a_row AS wrongInARow, locked_until AS lockedUntil, badge_hash AS badgeHash`;

export const readCredential = (read: ReadConnection, operatorId: string): StoredCredential | undefined =>
  read.prepare(`SELECT ${COLUMNS} FROM operator_credentials WHERE operator_id = ?`).get(operatorId) as
    | StoredCredential
    | undefined;

/** What the operators' list may show of each credential: that there is one, its lock, whether a badge is bound. */
export function credentialStates(read: ReadConnection): Map<string, { lockedUntil: string | null; badge: boolean }> {
  const rows = read
    .prepare(
      'SELECT operator_id AS operatorId, locked_until AS lockedUntil, badge_hash IS NOT NULL AS badge FROM operator_credentials',
    )
    .all() as { operatorId: string; lockedUntil: string | null; badge: number }[];
  return new Map(rows.map((row) => [row.operatorId, { lockedUntil: row.lockedUntil, badge: row.badge === 1 }]));
}

/** Whether any operator holds a credential: until one does, the logbook's first administrator may be set up. */
export const anyCredential = (read: ReadConnection): boolean =>
  read.prepare('SELECT 1 FROM operator_credentials LIMIT 1').get() !== undefined;

/** A new PIN's credential: replaces the old one, clears wrong PINs and a lock, keeps the badge. */
export function writeCredential(write: WriteConnection, credential: NewCredential): void {
  write
    .prepare(
      `INSERT INTO operator_credentials (operator_id, scheme, cost, block_size, parallelism, salt, hash, set_at, set_by)
       VALUES (@operatorId, @scheme, @cost, @blockSize, @parallelism, @salt, @hash, @setAt, @setBy)
       ON CONFLICT (operator_id) DO UPDATE SET scheme = excluded.scheme, cost = excluded.cost,
         block_size = excluded.block_size, parallelism = excluded.parallelism, salt = excluded.salt, hash = excluded.hash,
         set_at = excluded.set_at, set_by = excluded.set_by, wrong_in_a_row = 0, locked_until = NULL`,
    )
    .run(credential);
}

/** A wrong PIN: how many in a row now, and the lock they cause (null: none yet). */
export function noteWrongPin(
  write: WriteConnection,
  operatorId: string,
  wrongInARow: number,
  lockedUntil: string | null,
): void {
  write
    .prepare('UPDATE operator_credentials SET wrong_in_a_row = ?, locked_until = ? WHERE operator_id = ?')
    .run(wrongInARow, lockedUntil, operatorId);
}

/** The right PIN: the count of wrong ones starts again (only written when there was one, so a signature writes nothing more). */
export function noteRightPin(write: WriteConnection, operatorId: string): void {
  write
    .prepare(
      'UPDATE operator_credentials SET wrong_in_a_row = 0, locked_until = NULL WHERE operator_id = ? AND (wrong_in_a_row > 0 OR locked_until IS NOT NULL)',
    )
    .run(operatorId);
}

export function writeBadgeHash(write: WriteConnection, operatorId: string, badgeHash: string | null): void {
  write.prepare('UPDATE operator_credentials SET badge_hash = ? WHERE operator_id = ?').run(badgeHash, operatorId);
}

export const operatorOfBadge = (read: ReadConnection, badgeHash: string): string | undefined =>
  read.prepare('SELECT operator_id FROM operator_credentials WHERE badge_hash = ?').pluck().get(badgeHash) as
    | string
    | undefined;

/** The badge numbers' key: made on first use, kept in this logbook only. */
export function badgeKey(write: WriteConnection, make: () => string): string {
  const key = write.prepare('SELECT key FROM badge_key WHERE id = 1').pluck().get() as string | undefined;
  if (key) return key;
  const made = make();
  write.prepare('INSERT INTO badge_key (id, key) VALUES (1, ?)').run(made);
  return made;
}

export const readBadgeKey = (read: ReadConnection): string | undefined =>
  read.prepare('SELECT key FROM badge_key WHERE id = 1').pluck().get() as string | undefined;
