import type { AuditAction, AuditEntity, AuditEntry, Changes } from './model/answers.js';
import type { WriteConnection } from './sqlite/connection.js';
import { auditHash, GENESIS } from './sqlite/hash-chain.js';
import { type ReadSource, readerOf } from './store.js';

export type { AuditAction, AuditEntity, AuditEntry, Changes } from './model/answers.js';

/** Flattens nested content to leaf paths (`drugs[1].doseMg`) so two versions compare field by field. */
export function flatten(value: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value)) {
    // An empty list reads as absent: creating a record with no follow-ups changes nothing there.
    if (value.length === 0) return into;
    const scalars = value.every((item) => item === null || typeof item !== 'object');
    if (scalars && value.length > 0) into[prefix] = value;
    else for (const [index, item] of value.entries()) flatten(item, `${prefix}[${index}]`, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, into);
  } else if (value !== undefined && value !== null && prefix) {
    into[prefix] = value;
  }
  return into;
}

export function diff(before: unknown, after: unknown): Changes {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      changes[key] = { before: a[key] ?? null, after: b[key] ?? null };
  }
  return changes;
}

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
 * Appends one audit row, the next link of the hash chain (db/sqlite/hash-chain.ts); call it inside the
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

export function auditHistory(source: ReadSource, entity: AuditEntity, entityId: string): AuditEntry[] {
  const rows = readerOf(source)
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
