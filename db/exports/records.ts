import { type AuditEntry, auditHistory } from '../audit.js';
import {
  ageInYears,
  clinicalValuesOnly,
  isPrivate,
  PROCEDURE_FIELDS,
  type ProcedureDraft,
  type RecordLife,
} from '../model/index.js';
import { clinicalContent } from '../procedures.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { FOLLOW_UP_COLUMNS } from '../sqlite/follow-up-rows.js';
import { type FollowUpLink, GENESIS } from '../sqlite/hash-chain.js';
import { readProcedure } from '../sqlite/procedure-rows.js';
import type { ExportOptions } from './options.js';
import { coarseDate, type DatePrecision, pseudonym } from './pseudonyms.js';
import { isRealDate, isRealDateTime } from './tables/cell-check.js';
import { unwritable } from './tables/queries.js';
import { exportFilter } from './tabular.js';

/*
 * Whole records for the JSON and FHIR exports, read one at a time in export order. The
 * pseudonymised form replaces identifiers by keyed hashes and drops names, free text and
 * history (whose before/after values would carry the identifiers back).
 */

export interface SignedVersion {
  version: number;
  signedBy: string;
  signedAt: string;
  reason: string | null;
  content: ProcedureDraft;
  /** Its link in the exporting logbook's hash chain, and the link before it (see sqlite/hash-chain.ts). */
  hash: string | null;
  previousHash: string | null;
}

/** An audit entry of the record, with its place and link in the exporting logbook's chain. */
export type ExportedHistoryEntry = Omit<AuditEntry, 'entity' | 'entityId'> & {
  hash: string | null;
  previousHash: string | null;
};

export interface ExportedRecord {
  id: string;
  life: Omit<RecordLife, 'id'>;
  content: ProcedureDraft;
  versions: SignedVersion[];
  history: ExportedHistoryEntry[];
  /** The episode's follow-ups as stored, each with its link in the follow-ups' chain. */
  followUps: ExportedFollowUp[];
  operatorName: string | null;
}

export type ExportedFollowUp = FollowUpLink & { hash: string; previousHash: string };

export interface PseudonymisedRecord {
  /** A keyed pseudonym of the record id (see pseudonyms.ts): never the UUIDv7 itself. */
  recordPseudonym: string | null;
  life: Pick<RecordLife, 'status' | 'version' | 'consoleName'> & {
    createdOn: string | null;
    updatedOn: string | null;
    signedOn: string | null;
    amendedOn: string | null;
  };
  content: Omit<
    ProcedureDraft,
    | 'id'
    | 'patientName'
    | 'birthDate'
    | 'notes'
    | 'noDrugReason'
    | 'assistant'
    | 'startedAt'
    | 'endedAt'
    | 'performedAt'
  > & {
    performedOn: string | null;
    patientPseudonym: string | null;
    accessionPseudonym: string | null;
    ageYears: number | null;
  };
  operatorName: string | null;
}

export function countRecords(read: ReadConnection, options: ExportOptions): number {
  const { where, params } = exportFilter(options);
  return read.db.prepare(`SELECT count(*) FROM procedures p WHERE ${where}`).pluck().get(params) as number;
}

export function* recordIds(read: ReadConnection, options: ExportOptions): Generator<string> {
  const { where, params } = exportFilter(options);
  yield* read.db
    .prepare(`SELECT p.id FROM procedures p WHERE ${where} ORDER BY p.performed_at_utc, p.id`)
    .pluck()
    .iterate(params) as Iterable<string>;
}

export function readExportedRecord(read: ReadConnection, id: string): ExportedRecord {
  const stored = readProcedure(read.db, id);
  if (!stored) throw new Error(`procedure ${id} vanished during the export`);
  const { record } = stored;
  const { id: _id, ...life } = {
    id: record.id,
    status: record.status,
    version: record.version,
    consoleName: record.consoleName,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    signedBy: record.signedBy,
    signedAt: record.signedAt,
    amendedBy: record.amendedBy,
    amendedAt: record.amendedAt,
    amendReason: record.amendReason,
  };
  const versions = (
    read
      .prepare(
        `SELECT version, signed_by, signed_at, reason, content, hash,
                (SELECT p.hash FROM procedure_versions p WHERE p.rowid < v.rowid ORDER BY p.rowid DESC LIMIT 1) AS previous_hash
           FROM procedure_versions v WHERE procedure_id = ? ORDER BY version`,
      )
      .all(id) as Record<string, unknown>[]
  ).map((row) => ({
    version: row.version as number,
    signedBy: row.signed_by as string,
    signedAt: row.signed_at as string,
    reason: (row.reason as string | null) ?? null,
    content: JSON.parse(row.content as string) as ProcedureDraft,
    hash: (row.hash as string | null) ?? null,
    previousHash: row.hash == null ? null : ((row.previous_hash as string | null) ?? GENESIS),
  }));
  const links = read.prepare(
    'SELECT hash, (SELECT p.hash FROM audit_log p WHERE p.seq = a.seq - 1) AS previous FROM audit_log a WHERE seq = ?',
  );
  const history = auditHistory(read, 'procedure', id).map(({ entity: _entity, entityId: _entityId, ...entry }) => {
    const link = links.get(entry.seq) as { hash: string | null; previous: string | null };
    return {
      ...entry,
      hash: link.hash,
      previousHash: link.hash == null ? null : entry.seq === 1 ? GENESIS : link.previous,
    };
  });
  const operatorName = record.operatorId
    ? ((read.prepare('SELECT name FROM operators WHERE id = ?').pluck().get(record.operatorId) as string | undefined) ??
      null)
    : null;
  const followUps = read
    .prepare(
      `SELECT ${FOLLOW_UP_COLUMNS}, hash,
              coalesce((SELECT p.hash FROM follow_up_entries p WHERE p.rowid < f.rowid ORDER BY p.rowid DESC LIMIT 1), '${GENESIS}') AS previousHash
         FROM follow_up_entries f WHERE procedure_id = ? ORDER BY rowid`,
    )
    .all(id) as ExportedFollowUp[];
  const exported = { id, life, content: clinicalContent(record), versions, history, followUps, operatorName };
  checkDates(exported);
  return exported;
}

/** Every date a JSON or FHIR reader parses is a real one (see tables/cell-check.ts), or the export stops. */
function checkDates(record: ExportedRecord): void {
  const dateTimes: [string, string | null | undefined][] = [
    ['createdAt', record.life.createdAt],
    ['updatedAt', record.life.updatedAt],
    ['signedAt', record.life.signedAt],
    ['amendedAt', record.life.amendedAt],
    ['performedAt', record.content.performedAt],
    ...record.versions.map((version): [string, string] => [`versions[${version.version}].signedAt`, version.signedAt]),
  ];
  for (const [field, value] of dateTimes) {
    if (value != null && !isRealDateTime(value))
      throw unwritable(record.id, field, value, 'which is not a date and time');
  }
  const birthDate = record.content.birthDate;
  if (birthDate != null && !isRealDate(birthDate))
    throw unwritable(record.id, 'birthDate', birthDate, 'which is not a date (YYYY-MM-DD)');
}

/**
 * A record as a pseudonymised export gives it: keyed pseudonyms for the patient, the
 * accession and the record itself; age instead of birth date; dates to the chosen precision
 * and no clock times; no names, free text, lot numbers, staff names, versions or history.
 */
export function pseudonymise(record: ExportedRecord, key: string, precision: DatePrecision): PseudonymisedRecord {
  const content: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(clinicalValuesOnly(record.content))) {
    const field = PROCEDURE_FIELDS.find((candidate) => candidate.key === name);
    // A date and time is given as its day (or month): performedAt → performedOn.
    if (field?.type === 'datetime') content[name.replace(/At$/, 'On')] = coarseDate(value as string | null, precision);
    else content[name] = value;
  }
  for (const field of PROCEDURE_FIELDS) {
    const instead = field.pseudonymised;
    // The record's own pseudonym names the record, beside its content.
    if (!instead || instead.as === 'record' || field.role !== 'content') continue;
    const value = (record.content as Record<string, unknown>)[field.key] as string | null | undefined;
    content[instead.key] =
      instead.as === 'age'
        ? value && record.content.performedAt
          ? ageInYears(value, record.content.performedAt)
          : null
        : pseudonym(key, instead.as, value);
  }
  // The draft's own follow-up list (schema 1): its notes are free text.
  content.followUps = record.content.followUps.map(({ note: _note, ...followUp }) => followUp);
  const life: Record<string, unknown> = {};
  for (const field of PROCEDURE_FIELDS) {
    if (field.role !== 'life' || isPrivate(field)) continue;
    const value = (record.life as Record<string, unknown>)[field.key];
    if (field.type === 'datetime') life[field.key.replace(/At$/, 'On')] = coarseDate(value as string | null, precision);
    else life[field.key] = value;
  }
  return {
    recordPseudonym: pseudonym(key, 'record', record.id),
    life: life as PseudonymisedRecord['life'],
    content: content as PseudonymisedRecord['content'],
    operatorName: record.operatorName,
  };
}
