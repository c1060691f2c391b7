import type { SignedVersionSummary } from '../model/answers.js';
import type { ReadableDb, ReadConnection, WriteConnection } from './connection.js';
import { GENESIS, type VersionLink, versionHash } from './hash-chain.js';

export interface SignedVersionRow {
  procedureId: string;
  version: number;
  /** The record's clinical content as signed (stored as its JSON text). */
  content: unknown;
  signedBy: string;
  signedAt: string;
  reason: string | null;
  /** The operator proven by their PIN, and what the signature means; null for a version signed before schema 20. */
  signerId?: string | null;
  meaning?: string | null;
}

/**
 * Keeps a signed version for ever, as the next link of the versions' hash chain: the only
 * writer of procedure_versions (signing, amending, import and the demo seed all come here).
 */
export function appendVersion(write: WriteConnection, row: SignedVersionRow): void {
  const previous = write.prepare('SELECT hash FROM procedure_versions ORDER BY rowid DESC LIMIT 1').pluck().get() as
    | string
    | null
    | undefined;
  const link = {
    ...row,
    content: JSON.stringify(row.content),
    signerId: row.signerId ?? null,
    meaning: row.meaning ?? null,
  };
  write
    .prepare(
      `INSERT INTO procedure_versions (procedure_id, version, content, signed_by, signed_at, reason, signer_id, meaning, hash)
       VALUES (@procedureId, @version, @content, @signedBy, @signedAt, @reason, @signerId, @meaning, @hash)`,
    )
    .run({ ...link, hash: versionHash(previous ?? GENESIS, link) });
}

/** The signed versions of a record, oldest first, without their content. */
export function signedVersionSummaries(read: ReadConnection, procedureId: string): SignedVersionSummary[] {
  return read
    .prepare(
      `SELECT version, signed_by AS signedBy, signed_at AS signedAt, reason, signer_id AS signerId, meaning
         FROM procedure_versions WHERE procedure_id = ? ORDER BY version`,
    )
    .all(procedureId) as SignedVersionSummary[];
}

/** One signed version's content as its JSON text, or undefined when the record has no such version. */
export function signedVersionContent(read: ReadConnection, procedureId: string, version: number): string | undefined {
  return read
    .prepare('SELECT content FROM procedure_versions WHERE procedure_id = ? AND version = ?')
    .pluck()
    .get(procedureId, version) as string | undefined;
}

/**
 * A procedure's signed versions as stored, by version, each with the hash of the link before
 * it in the versions' chain (`previous_hash`; null for the first link).
 */
export function versionRowsWithLinks(read: ReadConnection, procedureId: string): Record<string, unknown>[] {
  return read
    .prepare(
      `SELECT version, signed_by, signed_at, reason, signer_id, meaning, content, hash,
              (SELECT p.hash FROM procedure_versions p WHERE p.rowid < v.rowid ORDER BY p.rowid DESC LIMIT 1) AS previous_hash
         FROM procedure_versions v WHERE procedure_id = ? ORDER BY version`,
    )
    .all(procedureId) as Record<string, unknown>[];
}

/** Every signed version in the chain's order, with its hash as stored (for `check`, ledger/verify.ts). */
export const versionChainRows = (db: ReadableDb) =>
  db
    .prepare(
      `SELECT procedure_id AS procedureId, version, content, signed_by AS signedBy, signed_at AS signedAt, reason,
              signer_id AS signerId, meaning, hash
         FROM procedure_versions ORDER BY rowid`,
    )
    .iterate() as IterableIterator<VersionLink & { hash: string | null }>;

/** A signed version as its row holds it. */
export interface StoredVersionRow {
  procedure_id: string;
  version: number;
  content: string;
  signed_by: string;
  signed_at: string;
  reason: string | null;
  signer_id: string | null;
  meaning: string | null;
}

/** A reader of a record's signed versions as stored, by version: one statement for many records. */
export function storedVersionsReader(db: ReadableDb): (procedureId: string) => StoredVersionRow[] {
  const statement = db.prepare('SELECT * FROM procedure_versions WHERE procedure_id = ? ORDER BY version');
  return (procedureId) => statement.all(procedureId) as StoredVersionRow[];
}

/** The ids of every record that has a signed version (whether or not its record is still here). */
export const versionedRecordIds = (db: ReadableDb) =>
  db.prepare('SELECT DISTINCT procedure_id FROM procedure_versions').pluck().all() as string[];
