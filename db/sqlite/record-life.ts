import {
  beyondRecordLimits,
  type FieldProblem,
  localDateOf,
  type ProcedureDraft,
  type ProcedureRecord,
  type RecordHolding,
  type RecordLife,
  RootLogError,
  type SignatureMeaning,
} from '../model/index.js';
import { type AuditAction, appendAudit, type Changes } from './audit-rows.js';
import type { ReadableDb, WriteConnection } from './connection.js';
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
import { requireVerified, type VerifiedSigner } from './signers.js';
import { sealRecord } from './state-chain.js';
import { appendVersion, type SignedVersionRow } from './versions.js';

/*
 * The one writer of a record's life: a draft saved, signed, amended, deleted, or brought in
 * whole (an import, the demo seed). Each writes the record's rows, its signed version where
 * there is one, its status and its audit rows, in that order, inside the caller's transaction;
 * the life columns are put together here and nowhere else. What it returns is the record as
 * written: nothing is read back.
 *
 * A signature and an amendment are written only for a VerifiedSigner (signers.ts): an operator
 * whose PIN the credential check accepted inside the same transaction. Their id, printed name
 * and the signature's meaning go into the signed version, the record's life and the audit row,
 * so the hash chains cover them. A record made elsewhere keeps the signatures it carries.
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
  signedById: null,
  signedMeaning: null,
  amendedBy: null,
  amendedAt: null,
  amendedById: null,
  amendedMeaning: null,
  amendReason: null,
} as const;

/** The signature as the audit row keeps it: who (by id and printed name) and what it means. */
const signatureChange = (signer: VerifiedSigner): Changes => ({
  signature: { before: null, after: { operatorId: signer.operatorId, name: signer.name, meaning: signer.meaning } },
});

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
  /**
   * What the record holds before this save, when the caller knows it as stored (held with the
   * draft it wrote last, while nothing was written since); else it is counted.
   */
  holding?: RecordHolding;
}

/** What one record holds now, counted in its rows: draft saves (its audit rows "update"), signed versions, follow-ups. */
export function recordHolding(write: WriteConnection, id: string): RecordHolding {
  return write
    .prepare(
      `SELECT (SELECT count(*) FROM audit_log WHERE entity = 'procedure' AND entity_id = @id AND action = 'update') AS draftSaves,
              (SELECT count(*) FROM procedure_versions WHERE procedure_id = @id) AS versions,
              (SELECT count(*) FROM follow_up_entries WHERE procedure_id = @id) AS followUps`,
    )
    .get({ id }) as RecordHolding;
}

/**
 * The limits of one record (db/model/record-limits.ts), asked where it is made and where an
 * amendment or a follow-up made elsewhere is carried in (the hub): one more draft save,
 * amendment or follow-up beyond them is refused in words, before anything is written.
 */
export function recordLimitProblem(
  write: WriteConnection,
  id: string,
  adding: keyof RecordHolding,
): FieldProblem | null {
  return beyondRecordLimits(recordHolding(write, id), adding);
}

function withinRecordLimits(write: WriteConnection, id: string, adding: keyof RecordHolding, holding?: RecordHolding) {
  const beyond = beyondRecordLimits(holding ?? recordHolding(write, id), adding);
  if (beyond) throw RootLogError.invalid([beyond]);
}

/** Saves a draft, new or changed: only the lists that changed are rewritten. */
export function writeDraft(write: WriteConnection, draft: DraftWrite): StoredProcedure {
  const { id, content, existing, at, actor } = draft;
  if (existing) withinRecordLimits(write, id, 'draftSaves', draft.holding);
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
  const row = writeProcedure(
    write.db,
    id,
    content,
    life,
    Boolean(existing),
    changedParts(Object.keys(draft.changes)),
    existing?.row,
  );
  appendAudit(write, {
    at,
    actor,
    action: existing ? 'update' : 'create',
    entity: 'procedure',
    entityId: id,
    version: 1,
    changes: draft.changes,
  });
  return { ...recordOf(id, content, life), row };
}

export interface SignatureWrite {
  stored: StoredProcedure;
  /** The content as signed: with the catalogue's facts of its drugs. */
  content: ProcedureDraft;
  warningCodes: readonly string[];
  changes: Changes;
  at: string;
  /** The operator whose PIN was checked for this signature. */
  signer: VerifiedSigner;
}

/** Signs a draft: version 1 kept for ever, the record locked, its audit row. */
export function writeSignature(write: WriteConnection, signature: SignatureWrite): StoredProcedure {
  const { stored, content, at } = signature;
  const signer = requireVerified(signature.signer, 'performed_and_signed');
  const id = stored.record.id;
  // The drug facts as signed are part of the drug rows: written while the record is a draft.
  if (content.drugs.length > 0)
    writeProcedure(write.db, id, content, stored.life, true, new Set(['targetsAndDrugs']), stored.row);
  appendVersion(write, {
    procedureId: id,
    version: 1,
    content,
    signedBy: signer.name,
    signedAt: at,
    reason: null,
    signerId: signer.operatorId,
    meaning: signer.meaning,
  });
  const warningCodes = signature.warningCodes.join(',');
  write
    .prepare(
      `UPDATE procedures SET status = 'signed', warning_codes = ?, updated_at = ?, signed_by = ?, signed_at = ?,
         signed_by_id = ?, signed_meaning = ?
        WHERE id = ? AND status = 'draft'`,
    )
    .run(warningCodes, at, signer.name, at, signer.operatorId, signer.meaning, id);
  sealRecord(write, id);
  appendAudit(write, {
    at,
    actor: signer.name,
    action: 'sign',
    entity: 'procedure',
    entityId: id,
    version: 1,
    changes: { ...signature.changes, ...signatureChange(signer) },
  });
  return recordOf(id, content, {
    ...stored.life,
    status: 'signed',
    warningCodes,
    updatedAt: at,
    signedBy: signer.name,
    signedAt: at,
    signedById: signer.operatorId,
    signedMeaning: signer.meaning,
  });
}

export interface AmendmentWrite extends SignatureWrite {
  /** Trimmed, 3 to 500 characters (checked by the caller). */
  reason: string;
}

/** Who an amendment's version names: an operator verified here, or a signer carried from where it was signed. */
interface AmendingSigner {
  name: string;
  operatorId: string | null;
  meaning: SignatureMeaning | null;
}

/** Amends a signed record: the next version kept, the record rewritten inside its open amendment. */
export function writeAmendment(write: WriteConnection, amendment: AmendmentWrite): StoredProcedure {
  const signer = requireVerified(amendment.signer, 'amended');
  withinRecordLimits(write, amendment.stored.record.id, 'versions');
  return amendAs(write, amendment, signer, signatureChange(signer));
}

/**
 * An amendment signed on another console (received from the hub), written with its signer as
 * proven there (the console's signed entry): the triggers that ask a local signature for a
 * verified operator let it in as carried, like the versions of a record made elsewhere.
 */
export function writeCarriedAmendment(
  write: WriteConnection,
  amendment: Omit<AmendmentWrite, 'signer'> & { signer: AmendingSigner },
): StoredProcedure {
  withinRecordLimits(write, amendment.stored.record.id, 'versions');
  return carryingSignatures(write, amendment.stored.record.id, () => amendAs(write, amendment, amendment.signer, {}));
}

function amendAs(
  write: WriteConnection,
  amendment: Omit<AmendmentWrite, 'signer'>,
  signer: AmendingSigner,
  signature: Changes,
): StoredProcedure {
  const { stored, content, at, reason } = amendment;
  const id = stored.record.id;
  const version = stored.life.version + 1;
  const life: LifeColumns = {
    ...stored.life,
    ...sortKeys(content, stored.life.createdAt),
    status: 'amended',
    version,
    warningCodes: amendment.warningCodes.join(','),
    updatedAt: at,
    amendedBy: signer.name,
    amendedAt: at,
    amendedById: signer.operatorId,
    amendedMeaning: signer.meaning,
    amendReason: reason,
  };
  write.prepare('INSERT INTO open_amendments (procedure_id) VALUES (?)').run(id);
  appendVersion(write, {
    procedureId: id,
    version,
    content,
    signedBy: signer.name,
    signedAt: at,
    reason,
    signerId: signer.operatorId,
    meaning: signer.meaning,
  });
  writeProcedure(write.db, id, content, life, true, changedParts(Object.keys(amendment.changes)), stored.row);
  write.prepare('DELETE FROM open_amendments WHERE procedure_id = ?').run(id);
  sealRecord(write, id);
  appendAudit(write, {
    at,
    actor: signer.name,
    action: 'amend',
    entity: 'procedure',
    entityId: id,
    version,
    changes: { ...amendment.changes, ...signature },
    reason,
  });
  return recordOf(id, content, life);
}

/** What a follow-up corrects, as its audit row tells it. */
export interface CorrectedFollowUp {
  id: string;
  legNrs: number | null | undefined;
  backNrs: number | null | undefined;
}

export interface FollowUpWrite {
  /** The entry as recorded, without who recorded it (the signer says). */
  entry: Omit<FollowUpLink, 'recordedBy' | 'recordedById' | 'meaning'>;
  corrected: CorrectedFollowUp | null;
  /** The operator whose PIN was checked for this entry. */
  signer: VerifiedSigner;
}

/** Appends a follow-up recorded here, under the operator who proved it. */
export function writeFollowUp(write: WriteConnection, followUp: FollowUpWrite): FollowUpLink {
  withinRecordLimits(write, followUp.entry.procedureId, 'followUps');
  const signer = requireVerified(followUp.signer, 'follow_up_recorded');
  const link: FollowUpLink = {
    ...followUp.entry,
    recordedBy: signer.name,
    recordedById: signer.operatorId,
    meaning: signer.meaning,
  };
  appendFollowUpWithAudit(write, link, followUp.corrected);
  return link;
}

/** Appends a follow-up made elsewhere (the demo seed, another console through the hub), as it was recorded there. */
export function writeCarriedFollowUp(write: WriteConnection, link: FollowUpLink, corrected: CorrectedFollowUp | null) {
  withinRecordLimits(write, link.procedureId, 'followUps');
  carryingSignatures(write, link.procedureId, () => appendFollowUpWithAudit(write, link, corrected));
}

/**
 * A follow-up and its audit row — the one place their shape is made: the row as the next link
 * of its chain, and the audit row that names it by id (which `rootlog check` and the import
 * look for) with what the entry said, who recorded it and, for a correction, what it corrected
 * and why.
 */
function appendFollowUpWithAudit(write: WriteConnection, link: FollowUpLink, corrected: CorrectedFollowUp | null) {
  appendFollowUp(write, link);
  const { id, procedureId, recordedBy, recordedAt, supersedes: _supersedes, reason, ...said } = link;
  if (said.recordedById == null) delete said.recordedById;
  if (said.meaning == null) delete said.meaning;
  appendAudit(write, {
    at: recordedAt,
    actor: recordedBy,
    action: 'follow_up',
    entity: 'procedure',
    entityId: procedureId,
    changes: { [`followUp ${id}`]: { before: corrected, after: said } },
    reason,
  });
}

/** Deletes a draft with its parts; its audit row keeps what it held. */
export function deleteDraft(write: WriteConnection, id: string, changes: Changes, at: string, actor: string): void {
  write.prepare('DELETE FROM procedures WHERE id = ?').run(id);
  appendAudit(write, { at, actor, action: 'delete', entity: 'procedure', entityId: id, version: 1, changes });
}

/** A history entry brought with a record: an audit row of the record, as it was written where it was made. */
/**
 * The records an amendment was left open for: a row is written and removed inside one
 * amendment's transaction, and one still here lifts every lock of its record's rows.
 */
export const openAmendmentIds = (db: ReadableDb) =>
  db.prepare('SELECT procedure_id FROM open_amendments').pluck().all() as string[];

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
    signedById: life.signedById ?? null,
    signedMeaning: life.signedMeaning ?? null,
    amendedById: life.amendedById ?? null,
    amendedMeaning: life.amendedMeaning ?? null,
    ...sortKeys(content, life.createdAt),
    warningCodes: record.warningCodes.join(','),
  };
  writeProcedure(write.db, id, content, { ...columns, status: 'draft', version: 1, ...UNSIGNED }, false, ALL_PARTS);
  carryingSignatures(write, id, () => {
    for (const version of record.versions) appendVersion(write, { procedureId: id, ...version });
    if (life.status !== 'draft') {
      write
        .prepare(
          `UPDATE procedures SET status = ?, version = ?, signed_by = ?, signed_at = ?, signed_by_id = ?, signed_meaning = ?,
             amended_by = ?, amended_at = ?, amended_by_id = ?, amended_meaning = ?, amend_reason = ?, updated_at = ?
            WHERE id = ? AND status = 'draft'`,
        )
        .run(
          life.status,
          life.version,
          life.signedBy,
          life.signedAt,
          life.signedById ?? null,
          life.signedMeaning ?? null,
          life.amendedBy,
          life.amendedAt,
          life.amendedById ?? null,
          life.amendedMeaning ?? null,
          life.amendReason,
          life.updatedAt,
          id,
        );
      sealRecord(write, id);
    }
    // The episode's follow-ups, once the record is signed (the table takes no others).
    for (const followUp of record.followUps) appendFollowUp(write, followUp);
  });
  for (const entry of record.history) {
    appendAudit(write, { ...entry, entity: 'procedure', entityId: id });
  }
}

/**
 * Writes what a record made elsewhere carries — signed versions and follow-ups proven where
 * they were made — with the record's id in carried_signatures for the time, so the triggers
 * that ask a local signature for a verified operator let them in (schema 20).
 */
export function carryingSignatures<T>(write: WriteConnection, procedureId: string, carry: () => T): T {
  write.prepare('INSERT INTO carried_signatures (procedure_id) VALUES (?)').run(procedureId);
  try {
    return carry();
  } finally {
    write.prepare('DELETE FROM carried_signatures WHERE procedure_id = ?').run(procedureId);
  }
}

export type { ProcedureRecord };
