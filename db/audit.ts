import type { AuditEntity, AuditEntry, Changes } from './model/answers.js';
import { samePlainData } from './model/index.js';
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

/**
 * What changed from before to after, leaf by leaf. A top-level field whose value is the same
 * plain data on both sides is not flattened (an autosave changes a field or two of a record).
 */
export function diff(before: unknown, after: unknown): Changes {
  const [a, b] = flattenedWhereDifferent(before ?? {}, after ?? {});
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      changes[key] = { before: a[key] ?? null, after: b[key] ?? null };
  }
  return changes;
}

/** Both sides flattened, leaving out the top-level fields that are the same on both (same leaves, same order). */
function flattenedWhereDifferent(before: unknown, after: unknown): [Record<string, unknown>, Record<string, unknown>] {
  if (!isTopLevelObject(before) || !isTopLevelObject(after)) return [flatten(before), flatten(after)];
  const a: Record<string, unknown> = {};
  const b: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(before))
    if (!Object.hasOwn(after, key) || !samePlainData(value, after[key])) flatten(value, key, a);
  for (const [key, value] of Object.entries(after))
    if (!Object.hasOwn(before, key) || !samePlainData(before[key], value)) flatten(value, key, b);
  return [a, b];
}

const isTopLevelObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export type { AuditRow } from './sqlite/audit-rows.js';
export { appendAudit } from './sqlite/audit-rows.js';

export function auditHistory(source: ReadSource, entity: AuditEntity, entityId: string): AuditEntry[] {
  return auditRows(readerOf(source).db, entity, entityId);
}
