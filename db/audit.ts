import type { AuditEntity, AuditEntry, Changes } from './model/answers.js';
import { auditRows } from './sqlite/audit-rows.js';
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

export type { AuditRow } from './sqlite/audit-rows.js';
export { appendAudit } from './sqlite/audit-rows.js';

export function auditHistory(source: ReadSource, entity: AuditEntity, entityId: string): AuditEntry[] {
  return auditRows(readerOf(source).db, entity, entityId);
}
