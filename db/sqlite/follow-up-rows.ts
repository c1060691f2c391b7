import type { DueFollowUp } from '../model/answers.js';
import type { ReadableDb, ReadConnection, WriteConnection } from './connection.js';
import { type FollowUpLink, followUpHash, GENESIS } from './hash-chain.js';

/*
 * The one writer and reader of follow_up_entries (schema 7): each row is appended as the next
 * link of the follow-ups' hash chain; nothing ever changes a row.
 */

export const FOLLOW_UP_COLUMNS = `id, procedure_id AS procedureId, contact_date AS contactDate, days_after AS daysAfter, method,
  leg_nrs AS legNrs, back_nrs AS backNrs, global_impression AS globalImpression, relief_percent AS reliefPercent,
  new_complications AS newComplications, further_treatment AS furtherTreatment, notes, supersedes, reason,
  recorded_by AS recordedBy, recorded_at AS recordedAt, recorded_by_id AS recordedById, meaning`;

export function appendFollowUp(write: WriteConnection, row: FollowUpLink): void {
  const previous = write.prepare('SELECT hash FROM follow_up_entries ORDER BY rowid DESC LIMIT 1').pluck().get() as
    | string
    | undefined;
  write
    .prepare(
      `INSERT INTO follow_up_entries (id, procedure_id, contact_date, days_after, method, leg_nrs, back_nrs, global_impression,
        relief_percent, new_complications, further_treatment, notes, supersedes, reason, recorded_by, recorded_at,
        recorded_by_id, meaning, hash)
       VALUES (@id, @procedureId, @contactDate, @daysAfter, @method, @legNrs, @backNrs, @globalImpression, @reliefPercent,
        @newComplications, @furtherTreatment, @notes, @supersedes, @reason, @recordedBy, @recordedAt,
        @recordedById, @meaning, @hash)`,
    )
    .run({
      ...row,
      recordedById: row.recordedById ?? null,
      meaning: row.meaning ?? null,
      hash: followUpHash(previous ?? GENESIS, row),
    });
}

/** Every follow-up entry in the chain's order, with its hash (for `check`, ledger/verify.ts). */
export const followUpChainRows = (db: ReadableDb) =>
  db.prepare(`SELECT ${FOLLOW_UP_COLUMNS}, hash FROM follow_up_entries ORDER BY rowid`).iterate() as IterableIterator<
    FollowUpLink & { hash: string }
  >;

/** A procedure's follow-up entries in the order they were recorded. */
export function followUpRows(db: ReadableDb, procedureId: string): FollowUpLink[] {
  return db
    .prepare(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_up_entries WHERE procedure_id = ? ORDER BY rowid`)
    .all(procedureId) as FollowUpLink[];
}

/** The record a follow-up id belongs to here, if any: an id names one follow-up of one record. */
export function followUpOwner(db: ReadableDb, id: string): string | undefined {
  return db.prepare('SELECT procedure_id FROM follow_up_entries WHERE id = ?').pluck().get(id) as string | undefined;
}

/** What a follow-up of a procedure is checked against: its status, its date and the pain before. */
export function procedureOfFollowUp(
  read: ReadConnection,
  procedureId: string,
): { status: string; performedDate: string; painPre: number | null } | undefined {
  return read
    .prepare('SELECT status, performed_date AS performedDate, pain_pre AS painPre FROM procedures WHERE id = ?')
    .get(procedureId) as { status: string; performedDate: string; painPre: number | null } | undefined;
}

/**
 * Signed procedures performed between `oldest` and `newest` (local dates) without a current
 * follow-up entry (one no later entry corrected) from day `from` to day `to` after them.
 */
export function signedWithoutFollowUp(
  read: ReadConnection,
  window: { oldest: string; newest: string; from: number; to: number },
): Omit<DueFollowUp, 'window' | 'daysAfter' | 'overdue'>[] {
  return read
    .prepare(
      `SELECT p.id AS procedureId, p.patient_id AS patientId, p.patient_name AS patientName,
              p.performed_date AS performedDate, p.root_sides AS rootSides
         FROM procedures p
        WHERE p.status IN ('signed', 'amended') AND p.performed_date BETWEEN @oldest AND @newest
          AND NOT EXISTS (
            SELECT 1 FROM follow_up_entries f
             WHERE f.procedure_id = p.id AND f.days_after BETWEEN @from AND @to
               AND NOT EXISTS (SELECT 1 FROM follow_up_entries s WHERE s.supersedes = f.id))`,
    )
    .all(window) as Omit<DueFollowUp, 'window' | 'daysAfter' | 'overdue'>[];
}

/** Whether the follow-up entry of alias `alias` is current: no later entry corrected it. */
export const currentFollowUpSql = (alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM follow_up_entries s WHERE s.supersedes = ${alias}.id)`;

/** A procedure's follow-up entries in the order they were recorded, each with its hash and the hash of the link before it. */
export function followUpRowsWithLinks(
  read: ReadConnection,
  procedureId: string,
): (FollowUpLink & { hash: string; previousHash: string })[] {
  return read
    .prepare(
      `SELECT ${FOLLOW_UP_COLUMNS}, hash,
              coalesce((SELECT p.hash FROM follow_up_entries p WHERE p.rowid < f.rowid ORDER BY p.rowid DESC LIMIT 1), '${GENESIS}') AS previousHash
         FROM follow_up_entries f WHERE procedure_id = ? ORDER BY rowid`,
    )
    .all(procedureId) as (FollowUpLink & { hash: string; previousHash: string })[];
}
