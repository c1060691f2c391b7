import type { AuditAction, AuditEntity, AuditEntry, Changes } from '../model/answers.js';
import type { ReadableDb, ReadConnection, WriteConnection } from './connection.js';
import { type AuditLink, auditHash, GENESIS } from './hash-chain.js';

/*
 * The one writer and reader of audit_log: each row the next link of the audit chain.
 */

export type { AuditAction, AuditEntity, AuditEntry, Changes } from '../model/answers.js';

export interface AuditRow {
  at: string;
  actor: string;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  version?: number | null;
  changes: Changes;
  reason?: string | null;
}

/**
 * Appends one audit row, the next link of the hash chain (hash-chain.ts); call it inside the
 * transaction of the write it describes. Its seq is the last one plus one, given explicitly,
 * so that the chain's order has no gaps and a removed row shows as one.
 */
export function appendAudit(write: WriteConnection, row: AuditRow): void {
  const last = write.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string | null }
    | undefined;
  const link = {
    seq: (last?.seq ?? 0) + 1,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    version: row.version ?? null,
    changes: JSON.stringify(row.changes),
    reason: row.reason ?? null,
  };
  write
    .prepare(
      `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, version, changes, reason, hash)
       VALUES (@seq, @at, @actor, @action, @entity, @entityId, @version, @changes, @reason, @hash)`,
    )
    .run({ ...link, hash: auditHash(last?.hash ?? GENESIS, link) });
}

/** An entity's audit rows, oldest first. */
export function auditRows(db: ReadableDb, entity: AuditEntity, entityId: string): AuditEntry[] {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq')
    .all(entity, entityId) as Record<string, unknown>[];
  return rows.map((row) => ({
    seq: row.seq as number,
    at: row.at as string,
    actor: row.actor as string,
    action: row.action as AuditAction,
    entity: row.entity as AuditEntity,
    entityId: row.entity_id as string,
    version: (row.version as number | null) ?? null,
    changes: JSON.parse(row.changes as string) as Changes,
    reason: (row.reason as string | null) ?? null,
  }));
}

/** An audit row's hash and the hash of the row before it, by seq: one statement for many rows. */
export function auditLinks(read: ReadConnection): (seq: number) => { hash: string | null; previous: string | null } {
  const statement = read.prepare(
    'SELECT hash, (SELECT p.hash FROM audit_log p WHERE p.seq = a.seq - 1) AS previous FROM audit_log a WHERE seq = ?',
  );
  return (seq) => statement.get(seq) as { hash: string | null; previous: string | null };
}

/** Every audit row in the chain's order, with its hash as stored (for `check`, ledger/verify.ts). */
export const auditChainRows = (db: ReadableDb) =>
  db
    .prepare(
      `SELECT seq, at, actor, action, entity, entity_id AS entityId, version, changes, reason, hash
         FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<AuditLink & { hash: string | null }>;

/** The names each operator's audit rows show they were renamed from and to (either may be absent). */
export const operatorRenames = (db: ReadableDb) =>
  db
    .prepare(
      `SELECT entity_id AS id, json_extract(changes, '$.name.before') AS before, json_extract(changes, '$.name.after') AS after
         FROM audit_log WHERE entity = 'operator'`,
    )
    .all() as { id: string; before: unknown; after: unknown }[];

/** The ids of the records an import added, as its audit rows list them. */
export const importedRecordIds = (db: ReadableDb) =>
  db
    .prepare(
      "SELECT DISTINCT added.value FROM audit_log, json_each(audit_log.changes, '$.added.after') AS added WHERE audit_log.action = 'import'",
    )
    .pluck()
    .all() as string[];
