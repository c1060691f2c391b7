import { localDateOf, type ProcedureDraft, type ProcedureRecord, type RecordLife } from '../model/index.js';
import { type AuditAction, appendAudit, type Changes } from './audit-rows.js';
import type { WriteConnection } from './connection.js';
import { appendFollowUp } from './follow-up-rows.js';
import type { FollowUpLink } from './hash-chain.js';
import {
  ALL_PARTS,
  changedParts,
  type LifeColumns,
  recordOf,
  type StoredProcedure,
  writeProcedure,
} from './procedure-rows.js';
import { consoleNameOf } from './settings-rows.js';
import { sealRecord } from './state-chain.js';
import { appendVersion, type SignedVersionRow } from './versions.js';

/*
 * The one writer of a record's life: a draft saved, signed, amended, deleted, or brought in
 * whole (an import, the demo seed). Each writes the record's rows, its signed version where
 * there is one, its status and its audit rows, in that order, inside the caller's transaction;
 * the life columns are put together here and nowhere else. What it returns is the record as
 * written: nothing is read back.
 */

/** Sort and filter keys from the time performed (or the creation time while it is missing). */
export function sortKeys(
  content: ProcedureDraft,
  createdAt: string,
): Pick<LifeColumns, 'performedAtUtc' | 'performedDate'> {
  if (!content.performedAt) return { performedAtUtc: createdAt, performedDate: createdAt.slice(0, 10) };
  return {
    performedAtUtc: new Date(content.performedAt).toISOString(),
    performedDate: localDateOf(content.performedAt),
  };
}

const UNSIGNED = {
  signedBy: null,
  signedAt: null,
  amendedBy: null,
  amendedAt: null,
  amendReason: null,
} as const;

export interface DraftWrite {
  id: string;
  content: ProcedureDraft;
  /** The draft as stored before, when it exists. */
  existing?: StoredProcedure;
  warningCodes: readonly string[];
  /** What changed (the audit row's, and which lists to rewrite). */
  changes: Changes;
  at: string;
  actor: string;
}

/** Saves a draft, new or changed: only the lists that changed are rewritten. */
export function writeDraft(write: WriteConnection, draft: DraftWrite): StoredProcedure {
  const { id, content, existing, at, actor } = draft;
  const createdAt = existing?.life.createdAt ?? at;
  const life: LifeColumns = {
    status: 'draft',
    version: 1,
    consoleName: existing?.life.consoleName ?? consoleNameOf(write),
    ...sortKeys(content, createdAt),
    warningCodes: draft.warningCodes.join(','),
    createdAt,
    createdBy: existing?.life.createdBy ?? actor,
    updatedAt: at,
    ...UNSIGNED,
  };
  writeProcedure(write.db, id, content, life, Boolean(existing), changedParts(Object.keys(draft.changes)));
  appendAudit(write, {
    at,
    actor,
    action: existing ? 'update' : 'create',
    entity: 'procedure',
    entityId: id,
    version: 1,
    changes: draft.changes,
  });
  return recordOf(id, content, life);
}

export interface SignatureWrite {
  stored: StoredProcedure;
  /** The content as signed: with the catalogue's facts of its drugs. */
  content: ProcedureDraft;
  warningCodes: readonly string[];
  changes: Changes;
  at: string;
  actor: string;
}

/** Signs a draft: version 1 kept for ever, the record locked, its audit row. */
export function writeSignature(write: WriteConnection, signature: SignatureWrite): StoredProcedure {
  const { stored, content, at, actor } = signature;
  const id = stored.record.id;
  // The drug facts as signed are part of the drug rows: written while the record is a draft.
  if (content.drugs.length > 0) writeProcedure(write.db, id, content, stored.life, true, new Set(['targetsAndDrugs']));
  appendVersion(write, { procedureId: id, version: 1, content, signedBy: actor, signedAt: at, reason: null });
  const warningCodes = signature.warningCodes.join(',');
  write
    .prepare(
      `UPDATE procedures SET status = 'signed', warning_codes = ?, updated_at = ?, signed_by = ?, signed_at = ?
        WHERE id = ? AND status = 'draft'`,
    )
    .run(warningCodes, at, actor, at, id);
  sealRecord(write, id);
  appendAudit(write, {
    at,
    actor,
    action: 'sign',
    entity: 'procedure',
    entityId: id,
    version: 1,
    changes: signature.changes,
  });
  return recordOf(id, content, {
    ...stored.life,
    status: 'signed',
    warningCodes,
    updatedAt: at,
    signedBy: actor,
    signedAt: at,
  });
}

export interface AmendmentWrite extends SignatureWrite {
  /** Trimmed, 3 to 500 characters (checked by the caller). */
  reason: string;
}

/** Amends a signed record: the next version kept, the record rewritten inside its open amendment. */
export function writeAmendment(write: WriteConnection, amendment: AmendmentWrite): StoredProcedure {
  const { stored, content, at, actor, reason } = amendment;
  const id = stored.record.id;
  const version = stored.life.version + 1;
  const life: LifeColumns = {
    ...stored.life,
    ...sortKeys(content, stored.life.createdAt),
    status: 'amended',
    version,
    warningCodes: amendment.warningCodes.join(','),
    updatedAt: at,
    amendedBy: actor,
    amendedAt: at,
    amendReason: reason,
  };
  write.prepare('INSERT INTO open_amendments (procedure_id) VALUES (?)').run(id);
  appendVersion(write, { procedureId: id, version, content, signedBy: actor, signedAt: at, reason });
  writeProcedure(write.db, id, content, life, true, changedParts(Object.keys(amendment.changes)));
  write.prepare('DELETE FROM open_amendments WHERE procedure_id = ?').run(id);
  sealRecord(write, id);
  appendAudit(write, {
    at,
    actor,
    action: 'amend',
    entity: 'procedure',
    entityId: id,
    version,
    changes: amendment.changes,
    reason,
  });
  return recordOf(id, content, life);
}

/** Deletes a draft with its parts; its audit row keeps what it held. */
export function deleteDraft(write: WriteConnection, id: string, changes: Changes, at: string, actor: string): void {
  write.prepare('DELETE FROM procedures WHERE id = ?').run(id);
  appendAudit(write, { at, actor, action: 'delete', entity: 'procedure', entityId: id, version: 1, changes });
}

/** A history entry brought with a record: an audit row of the record, as it was written where it was made. */
export interface CarriedAuditRow {
  at: string;
  actor: string;
  action: AuditAction;
  version: number | null;
  changes: Changes;
  reason: string | null;
}

export interface WholeRecord {
  id: string;
  content: ProcedureDraft;
  life: Omit<RecordLife, 'id'>;
  warningCodes: readonly string[];
  versions: readonly Omit<SignedVersionRow, 'procedureId'>[];
  followUps: readonly FollowUpLink[];
  history: readonly CarriedAuditRow[];
}

/**
 * A record made elsewhere (another console's export, the hub, the demo seed), written whole:
 * its rows as a draft, then its signed versions, then its life, its follow-ups and its history.
 */
export function writeWholeRecord(write: WriteConnection, record: WholeRecord): void {
  const { id, content, life } = record;
  const columns: LifeColumns = {
    ...life,
    ...sortKeys(content, life.createdAt),
    warningCodes: record.warningCodes.join(','),
  };
  writeProcedure(write.db, id, content, { ...columns, status: 'draft', version: 1, ...UNSIGNED }, false, ALL_PARTS);
  for (const version of record.versions) appendVersion(write, { procedureId: id, ...version });
  if (life.status !== 'draft') {
    write
      .prepare(
        `UPDATE procedures SET status = ?, version = ?, signed_by = ?, signed_at = ?, amended_by = ?, amended_at = ?, amend_reason = ?, updated_at = ?
          WHERE id = ? AND status = 'draft'`,
      )
      .run(
        life.status,
        life.version,
        life.signedBy,
        life.signedAt,
        life.amendedBy,
        life.amendedAt,
        life.amendReason,
        life.updatedAt,
        id,
      );
    sealRecord(write, id);
  }
  // The episode's follow-ups, once the record is signed (the table takes no others).
  for (const followUp of record.followUps) appendFollowUp(write, followUp);
  for (const entry of record.history) {
    appendAudit(write, { ...entry, entity: 'procedure', entityId: id });
  }
}

export type { ProcedureRecord };
