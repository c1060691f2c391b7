import { type AuditEntry, auditHistory } from '../audit.js';
import { type ProcedureDraft, type RecordLife, unwritable } from '../model/index.js';
import { isRealDate, isRealDateTime } from '../model/real-dates.js';
import { clinicalContent } from '../procedures.js';
import { auditLinks } from '../sqlite/audit-rows.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { followUpRowsWithLinks } from '../sqlite/follow-up-rows.js';
import { type FollowUpLink, GENESIS } from '../sqlite/hash-chain.js';
import { readOperator } from '../sqlite/operator-rows.js';
import { readProcedure } from '../sqlite/procedure-rows.js';
import { versionRowsWithLinks } from '../sqlite/versions.js';

/*
 * One record of the interchange format, read whole from the logbook: its content and life,
 * every signed version and audit entry with its hash link, its follow-ups with theirs.
 */

export interface SignedVersion {
  version: number;
  signedBy: string;
  signedAt: string;
  reason: string | null;
  /** The operator proven by their PIN and what the signature means (schema 20 on; absent before). */
  signerId?: string | null;
  meaning?: string | null;
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
    signedById: record.signedById ?? null,
    signedMeaning: record.signedMeaning ?? null,
    amendedBy: record.amendedBy,
    amendedAt: record.amendedAt,
    amendedById: record.amendedById ?? null,
    amendedMeaning: record.amendedMeaning ?? null,
    amendReason: record.amendReason,
  };
  const versions = versionRowsWithLinks(read, id).map((row) => ({
    version: row.version as number,
    signedBy: row.signed_by as string,
    signedAt: row.signed_at as string,
    reason: (row.reason as string | null) ?? null,
    signerId: (row.signer_id as string | null) ?? null,
    meaning: (row.meaning as string | null) ?? null,
    content: JSON.parse(row.content as string) as ProcedureDraft,
    hash: (row.hash as string | null) ?? null,
    previousHash: row.hash == null ? null : ((row.previous_hash as string | null) ?? GENESIS),
  }));
  const linkOf = auditLinks(read);
  const history = auditHistory(read, 'procedure', id).map(({ entity: _entity, entityId: _entityId, ...entry }) => {
    const link = linkOf(entry.seq);
    return {
      ...entry,
      hash: link.hash,
      previousHash: link.hash == null ? null : entry.seq === 1 ? GENESIS : link.previous,
    };
  });
  const operatorName = record.operatorId ? (readOperator(read, record.operatorId)?.name ?? null) : null;
  const followUps: ExportedFollowUp[] = followUpRowsWithLinks(read, id);
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
