import { createHash, type KeyObject } from 'node:crypto';
import {
  type AMENDING_MEANINGS,
  type ConflictDecision,
  HUB_REFUSAL_MESSAGES as HR,
  type HUB_CATALOGUE_KINDS,
  HUB_LIMITS,
  type Message,
  type SIGNING_MEANINGS,
  sentence,
  type Words,
  type WordValue,
} from '../model/index.js';
import { canonicalJson } from '../sqlite/canonical-json.js';
import type { FollowUpLink } from '../sqlite/hash-chain.js';
import { publicKeyFrom, signEntry, verifyEntry } from './console-key.js';

/*
 * The signed entries a console adds to the hub, one kind per table. An entry's text is its
 * canonical JSON (db/sqlite/canonical-json.ts), signed with the console's Ed25519 key; the
 * server keeps the text exactly, and every console that pulls it checks, before reading
 * anything of it: its size, the signature against the key the department registered for the
 * console the server says added it (and valid when it was added), that the entry is what its
 * table and columns say it is, and that it was signed as that very console.
 */

export const ENTRY_FORMAT = 1;

export const STREAMS = ['catalogue', 'versions', 'follow_ups', 'conflicts', 'resolutions'] as const;
export type Stream = (typeof STREAMS)[number];

export const TABLE_OF: Record<Stream, string> = {
  catalogue: 'hub_catalogue',
  versions: 'hub_versions',
  follow_ups: 'hub_follow_ups',
  conflicts: 'hub_conflicts',
  resolutions: 'hub_resolutions',
};

/** The columns that name a row of each table (besides its sequence number). */
export const KEY_COLUMNS: Record<Stream, readonly string[]> = {
  catalogue: ['kind', 'key', 'version'],
  versions: ['record_id', 'version'],
  follow_ups: ['id', 'record_id'],
  conflicts: ['id', 'record_id', 'base_version'],
  resolutions: ['conflict_id'],
};

/** A row's name as text ("record:version"), the same whether read from a pulled row or made by SQL (keySql). */
export const rowKey = (stream: Stream, columns: Record<string, unknown>) =>
  KEY_COLUMNS[stream].map((column) => String(columns[column])).join(':');
export const keySql = (stream: Stream) => KEY_COLUMNS[stream].map((column) => `${column}::text`).join(" || ':' || ");

/** A signed version of a record, by the console that owns it. */
export interface VersionEntry {
  kind: 'version';
  format: typeof ENTRY_FORMAT;
  recordId: string;
  version: number;
  console: string;
  createdAt: string;
  createdBy: string;
  signedBy: string;
  /**
   * The operator who proved the signature with their PIN at the signing console, and what it
   * means: both or neither. An entry of an older console, or of a version signed before
   * verified signatures (schema 20), has neither; it is then stored as a carried signer's name.
   */
  signerOperatorId?: string;
  signatureMeaning?: (typeof SIGNING_MEANINGS)[number] | (typeof AMENDING_MEANINGS)[number];
  signedAt: string;
  reason: string | null;
  confirmedWarnings: string[];
  content: unknown;
}

/** A follow-up entry, by the console where it was recorded. */
export interface FollowUpEntryPayload {
  kind: 'follow_up';
  format: typeof ENTRY_FORMAT;
  console: string;
  followUp: FollowUpLink;
}

/** An operator or a drug as one console set it: each change a new version of its key. */
export interface CatalogueEntry {
  kind: (typeof HUB_CATALOGUE_KINDS)[number];
  format: typeof ENTRY_FORMAT;
  console: string;
  key: string;
  version: number;
  value: unknown;
  at: string;
}

/** An amendment of another console's record (a true conflict), for the owner to resolve. */
export interface ProposalEntry {
  kind: 'proposal';
  format: typeof ENTRY_FORMAT;
  id: string;
  recordId: string;
  baseVersion: number;
  console: string;
  signedBy: string;
  signedAt: string;
  reason: string | null;
  confirmedWarnings: string[];
  content: unknown;
}

/** The owner's answer to a conflict: it took the amendment (as its version `version`) or kept its own. */
export interface ResolutionEntry {
  kind: 'resolution';
  format: typeof ENTRY_FORMAT;
  conflictId: string;
  recordId: string;
  console: string;
  decision: ConflictDecision;
  version: number;
  by: string;
  at: string;
}

export type AnyEntry = VersionEntry | FollowUpEntryPayload | CatalogueEntry | ProposalEntry | ResolutionEntry;

export interface SignedEntry {
  text: string;
  signature: string;
}

export function signed(entry: AnyEntry, key: KeyObject): SignedEntry {
  const text = canonicalJson(entry);
  return { text, signature: signEntry(key, text) };
}

/** The same value always has the same digest, whatever order its keys came in. */
export const digestOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** A deterministic id (a UUID's shape) for what a console derives again the same way, e.g. a proposal. */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex');
  const variant = '89ab'[Number.parseInt(hex.charAt(16), 16) % 4];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A row as a pull reads it: bounded before it was read, with the key valid when it was added. */
export interface PulledRow {
  seq: string;
  xid: string;
  console: string;
  entry: string | null;
  entryBytes: number;
  signature: string | null;
  /** The console's registered public key at the time the row was added, or null when it had none. */
  publicKey: string | null;
  afterRetirement: boolean;
  /** The table's own columns (record id, version, key…), as text. */
  columns: Record<string, string | null>;
}

const keys = new Map<string, KeyObject | null>();
function keyOf(text: string): KeyObject | null {
  let key = keys.get(text);
  if (key === undefined) {
    key = publicKeyFrom(text);
    keys.set(text, key);
  }
  return key;
}

const KIND_OF: Record<Stream, readonly string[]> = {
  catalogue: ['operator', 'drug'],
  versions: ['version'],
  follow_ups: ['follow_up'],
  conflicts: ['proposal'],
  resolutions: ['resolution'],
};

export type Opened<T> = { ok: true; entry: T } | { ok: false; reason: Words };

/**
 * A pulled row's entry, or why it is refused: everything about who wrote it is checked here,
 * before any of it is used.
 */
export function openRow(stream: Stream, row: PulledRow): Opened<AnyEntry> {
  const refuse = (reason: Message, values?: Readonly<Record<string, WordValue>>): Opened<AnyEntry> => ({
    ok: false,
    reason: sentence(reason, values),
  });
  if (row.entry === null) return refuse(HR.tooLarge, { bytes: row.entryBytes, limit: HUB_LIMITS.entryBytes });
  if (row.signature === null) return refuse(HR.noSignature);
  if (row.publicKey === null) return refuse(HR.noKey, { console: row.console });
  const key = keyOf(row.publicKey);
  if (!key) return refuse(HR.notEd25519, { console: row.console });
  if (row.afterRetirement) return refuse(HR.afterRetirement, { console: row.console });
  if (!verifyEntry(key, row.entry, row.signature)) return refuse(HR.forged, { console: row.console });
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.entry);
  } catch {
    return refuse(HR.notJson);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refuse(HR.notAnObject);
  const entry = parsed as AnyEntry & Record<string, unknown>;
  if (entry.format !== ENTRY_FORMAT)
    return refuse(HR.otherFormat, { format: String(entry.format), expected: ENTRY_FORMAT });
  if (!KIND_OF[stream].includes(String(entry.kind)))
    return refuse(HR.wrongTable, { kind: String(entry.kind), table: stream.replace('_', '-') });
  if (entry.console !== row.console)
    return refuse(HR.signedAsOther, { signed: String(entry.console), console: row.console });
  const mismatch = columnMismatch(stream, entry, row.columns);
  if (mismatch) return { ok: false, reason: mismatch };
  return { ok: true, entry };
}

/** The table's columns say what the signed entry must be about; a row whose columns differ is refused. */
function columnMismatch(stream: Stream, entry: Record<string, unknown>, columns: PulledRow['columns']): Words | null {
  const expect: [Message, unknown, unknown][] = [];
  switch (stream) {
    case 'versions':
      expect.push(
        [HR.recordId, entry.recordId, columns.record_id],
        [HR.version, entry.version, Number(columns.version)],
      );
      break;
    case 'follow_ups': {
      const followUp = (entry.followUp ?? {}) as Record<string, unknown>;
      expect.push([HR.followUpId, followUp.id, columns.id], [HR.recordId, followUp.procedureId, columns.record_id]);
      break;
    }
    case 'catalogue':
      expect.push(
        [HR.kind, entry.kind, columns.kind],
        [HR.key, entry.key, columns.key],
        [HR.version, entry.version, Number(columns.version)],
      );
      break;
    case 'conflicts':
      expect.push(
        [HR.conflictId, entry.id, columns.id],
        [HR.recordId, entry.recordId, columns.record_id],
        [HR.versionItAmends, entry.baseVersion, Number(columns.base_version)],
      );
      break;
    case 'resolutions':
      expect.push([HR.conflictId, entry.conflictId, columns.conflict_id]);
      break;
  }
  for (const [what, signedValue, column] of expect)
    if (signedValue !== column)
      return sentence(HR.columnMismatch, { what: sentence(what), column: String(column), signed: String(signedValue) });
  return null;
}
