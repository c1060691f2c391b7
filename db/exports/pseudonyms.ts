import { createHmac } from 'node:crypto';

export type PseudonymKind = 'patient' | 'accession' | 'record';

/**
 * Keyed hash for pseudonymised exports: HMAC-SHA-256 with the department key, stable across
 * exports, one-way. The kind is part of the message, so a patient's hash never equals an
 * accession's (or a record's) hash of the same text.
 */
export function pseudonym(key: string, kind: PseudonymKind, value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  return createHmac('sha256', Buffer.from(key, 'hex')).update(`${kind}:${value}`).digest('hex');
}

/** How precisely a pseudonymised export gives dates: the day, or only the month (external sharing). */
export type DatePrecision = 'day' | 'month';

/**
 * "2026-03-14T09:30:00+01:00" or "2026-03-14" → "2026-03-14" (day) or "2026-03" (month):
 * the clock time never leaves in a pseudonymised export (it would link a row to the RIS).
 * Local date for local times; the UTC date for UTC stamps (signing times).
 */
export function coarseDate(value: string | null | undefined, precision: DatePrecision): string | null {
  if (value == null || value === '') return null;
  return value.slice(0, precision === 'day' ? 10 : 7);
}
