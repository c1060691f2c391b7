import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/*
 * The hash chain that makes an edit of the audit log or of a signed version evident.
 * Two chains, each in the order its rows were written: the audit log (by seq) and the signed
 * versions (by rowid). Each row's hash is SHA-256 over the previous row's hash and the row's
 * own columns as stored, in canonical JSON; the first row follows GENESIS. Whoever changes,
 * removes or reorders a row must rewrite every later hash to hide it, and a chain head kept
 * elsewhere (`rootlog check` prints it) then shows that too.
 *
 * This is a stored format (schema 5): the fields hashed and their spelling can never change
 * without a new format and a migration. hash-chain.test.ts pins it with fixed vectors. Schema
 * 17 added the signer's operator id and the signature's meaning to a version and a follow-up:
 * hashed when present, so a row from before (where they are null) keeps its hash.
 */

export const GENESIS = '0'.repeat(64);

/** An audit_log row as stored (changes is the stored JSON text, hashed as text). */
export interface AuditLink {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  version: number | null;
  changes: string;
  reason: string | null;
}

/** A procedure_versions row as stored (content is the stored JSON text, hashed as text). */
export interface VersionLink {
  procedureId: string;
  version: number;
  content: string;
  signedBy: string;
  signedAt: string;
  reason: string | null;
  /** The operator proven by their PIN, and what the signature means (schema 20; null before). */
  signerId?: string | null;
  meaning?: string | null;
}

/** A column added by a later schema is hashed only when it holds a value. */
const present = (value: string | null | undefined) => value ?? undefined;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function auditHash(previous: string, row: AuditLink): string {
  const { seq, at, actor, action, entity, entityId, version, changes, reason } = row;
  return sha256(
    `${previous}\n${canonicalJson({ kind: 'audit', seq, at, actor, action, entity, entityId, version, changes, reason })}`,
  );
}

export function versionHash(previous: string, row: VersionLink): string {
  const { procedureId, version, content, signedBy, signedAt, reason } = row;
  const signature = { signerId: present(row.signerId), meaning: present(row.meaning) };
  return sha256(
    `${previous}\n${canonicalJson({ kind: 'version', procedureId, version, content, signedBy, signedAt, reason, ...signature })}`,
  );
}

export const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** A follow_up_entries row as stored (schema 7): its own chain, in the order written. */
export interface FollowUpLink {
  id: string;
  procedureId: string;
  contactDate: string;
  daysAfter: number;
  method: string;
  legNrs: number | null;
  backNrs: number | null;
  globalImpression: string | null;
  reliefPercent: number | null;
  newComplications: string;
  furtherTreatment: string | null;
  notes: string | null;
  supersedes: string | null;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
  /** The operator proven by their PIN, and what the entry's signature means (schema 20; null before). */
  recordedById?: string | null;
  meaning?: string | null;
}

/** The columns of a follow-up that its hash covers, by name (the stored format of schema 7). */
const FOLLOW_UP_FIELDS = [
  'id',
  'procedureId',
  'contactDate',
  'daysAfter',
  'method',
  'legNrs',
  'backNrs',
  'globalImpression',
  'reliefPercent',
  'newComplications',
  'furtherTreatment',
  'notes',
  'supersedes',
  'reason',
  'recordedBy',
  'recordedAt',
] as const satisfies readonly (keyof FollowUpLink)[];

export function followUpHash(previous: string, row: FollowUpLink): string {
  const columns = Object.fromEntries(FOLLOW_UP_FIELDS.map((field) => [field, row[field]]));
  const signature = { recordedById: present(row.recordedById), meaning: present(row.meaning) };
  return sha256(`${previous}\n${canonicalJson({ kind: 'follow_up', ...columns, ...signature })}`);
}

/**
 * A state_chain row (schema 19): the fingerprint of one setting, operator, catalogue drug or
 * signed record's rows as the app last wrote it (null: removed), chained in the order written.
 */
export interface StateLink {
  seq: number;
  subject: string;
  key: string;
  fingerprint: string | null;
}

/**
 * A stored value as the state chain reads it: null and empty-text members left out (so a
 * column added later, empty in every existing row, leaves every fingerprint as it was), a
 * blob as its hex, a number JSON has no form for as its text (only an attacker stores one).
 */
function plain(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `x'${value.toString('hex')}'`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === null || member === undefined || member === '') continue;
    kept[key] = plain(member);
  }
  return kept;
}

/** The canonical JSON a value is fingerprinted as. */
export const stateText = (value: unknown): string => canonicalJson(plain(value));

/** The fingerprint of a subject's value: SHA-256 over its subject and its canonical JSON (never the value). */
export const stateFingerprint = (subject: string, value: unknown): string =>
  sha256(`${subject}\n${stateText(value ?? null)}`);

export function stateHash(previous: string, row: StateLink): string {
  const { seq, subject, key, fingerprint } = row;
  return sha256(`${previous}\n${canonicalJson({ kind: 'state', seq, subject, key, fingerprint })}`);
}
