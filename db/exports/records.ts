import { type AuditEntry, auditHistory } from '../audit.js';
import { ageInYears, type ProcedureDraft, type RecordLife } from '../model/index.js';
import { clinicalContent } from '../procedures.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { readProcedure } from '../sqlite/procedure-rows.js';
import type { ExportOptions } from './options.js';
import { pseudonym } from './pseudonyms.js';
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
}

export interface ExportedRecord {
  id: string;
  life: Omit<RecordLife, 'id'>;
  content: ProcedureDraft;
  versions: SignedVersion[];
  history: Omit<AuditEntry, 'seq' | 'entity' | 'entityId'>[];
  operatorName: string | null;
}

export interface PseudonymisedRecord {
  id: string;
  life: Omit<RecordLife, 'id' | 'amendReason'>;
  content: Omit<ProcedureDraft, 'patientName' | 'birthDate' | 'notes' | 'noDrugReason' | 'assistant'> & {
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
        'SELECT version, signed_by, signed_at, reason, content FROM procedure_versions WHERE procedure_id = ? ORDER BY version',
      )
      .all(id) as Record<string, unknown>[]
  ).map((row) => ({
    version: row.version as number,
    signedBy: row.signed_by as string,
    signedAt: row.signed_at as string,
    reason: (row.reason as string | null) ?? null,
    content: JSON.parse(row.content as string) as ProcedureDraft,
  }));
  const history = auditHistory(read, 'procedure', id).map(
    ({ seq: _seq, entity: _entity, entityId: _entityId, ...entry }) => entry,
  );
  const operatorName = record.operatorId
    ? ((read.prepare('SELECT name FROM operators WHERE id = ?').pluck().get(record.operatorId) as string | undefined) ??
      null)
    : null;
  const exported = { id, life, content: clinicalContent(record), versions, history, operatorName };
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

export function pseudonymise(record: ExportedRecord, key: string): PseudonymisedRecord {
  const {
    patientName: _n,
    birthDate,
    notes: _notes,
    noDrugReason: _r,
    assistant: _a,
    patientId,
    accessionNumber,
    ...content
  } = record.content;
  const { amendReason: _reason, ...life } = record.life;
  return {
    id: record.id,
    life,
    content: {
      ...content,
      patientId: undefined,
      accessionNumber: undefined,
      patientPseudonym: pseudonym(key, 'patient', patientId),
      accessionPseudonym: pseudonym(key, 'accession', accessionNumber),
      ageYears: birthDate && content.performedAt ? ageInYears(birthDate, content.performedAt) : null,
      followUps: content.followUps.map(({ note: _note, ...followUp }) => followUp),
    },
    operatorName: record.operatorName,
  };
}
