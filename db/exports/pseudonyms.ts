import { createHmac } from 'node:crypto';

/**
 * Keyed hash for pseudonymised exports: HMAC-SHA-256 with the department key, stable across
 * exports, one-way. The kind ("patient", "accession") is part of the message, so a patient's
 * hash never equals an accession's hash of the same text.
 */
export function pseudonym(key: string, kind: 'patient' | 'accession', value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  return createHmac('sha256', Buffer.from(key, 'hex')).update(`${kind}:${value}`).digest('hex');
}
