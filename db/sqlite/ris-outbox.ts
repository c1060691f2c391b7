import type { ReadConnection, WriteConnection } from './connection.js';

/*
 * The SQL of the RIS outbox (schema 14): reading what waits, recording each outcome, and the
 * signed version a report is built from. Rows are filled by trigger at signing and amending;
 * the sender (db/ris/outbox.ts) only ever updates them.
 */

export const OUTBOX_STATES = ['waiting', 'sent', 'refused', 'unsendable'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxRow {
  procedureId: string;
  version: number;
  queuedAt: string;
  state: OutboxState;
  attempts: number;
  failingSince: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  doneAt: string | null;
  answerCode: string | null;
  answerText: string | null;
  controlId: string | null;
}

const COLUMNS = `procedure_id AS procedureId, version, queued_at AS queuedAt, state, attempts,
  failing_since AS failingSince, last_error AS lastError, next_attempt_at AS nextAttemptAt, done_at AS doneAt,
  answer_code AS answerCode, answer_text AS answerText, control_id AS controlId`;

/** What waits, oldest first (a record's versions in order: a correction is queued after what it corrects). */
export function waitingReports(read: ReadConnection): OutboxRow[] {
  return read
    .prepare(`SELECT ${COLUMNS} FROM ris_outbox WHERE state = 'waiting' ORDER BY queued_at, version`)
    .all() as OutboxRow[];
}

export const countWaiting = (read: ReadConnection) =>
  read.prepare("SELECT count(*) FROM ris_outbox WHERE state = 'waiting'").pluck().get() as number;

/** Every version of one record on its way to the RIS, or there, in version order. */
export function deliveriesOf(read: ReadConnection, procedureId: string): OutboxRow[] {
  return read
    .prepare(`SELECT ${COLUMNS} FROM ris_outbox WHERE procedure_id = ? ORDER BY version`)
    .all(procedureId) as OutboxRow[];
}

export interface SignedVersion {
  content: string;
  signedBy: string;
  signedAt: string;
}

export function signedVersion(read: ReadConnection, procedureId: string, version: number): SignedVersion | undefined {
  return read
    .prepare(
      'SELECT content, signed_by AS signedBy, signed_at AS signedAt FROM procedure_versions WHERE procedure_id = ? AND version = ?',
    )
    .get(procedureId, version) as SignedVersion | undefined;
}

export interface OutboxKey {
  procedureId: string;
  version: number;
}

/** The RIS acknowledged it (AA): done, with the message as sent and the answer as received. */
export function recordSent(
  write: WriteConnection,
  key: OutboxKey,
  outcome: { at: string; controlId: string; message: string; acknowledgement: string; code: string; text: string },
): void {
  write
    .prepare(
      `UPDATE ris_outbox SET state = 'sent', attempts = attempts + 1, done_at = @at, control_id = @controlId,
         message = @message, acknowledgement = @acknowledgement, answer_code = @code, answer_text = @text,
         last_error = NULL, next_attempt_at = NULL
       WHERE procedure_id = @procedureId AND version = @version AND state = 'waiting'`,
    )
    .run({ ...key, ...outcome });
}

/** The RIS refused it (AE/AR): done until a person acts, with the RIS's words. */
export function recordRefused(
  write: WriteConnection,
  key: OutboxKey,
  outcome: { at: string; controlId: string; message: string; acknowledgement: string; code: string; text: string },
): void {
  write
    .prepare(
      `UPDATE ris_outbox SET state = 'refused', attempts = attempts + 1, done_at = @at, control_id = @controlId,
         message = @message, acknowledgement = @acknowledgement, answer_code = @code, answer_text = @text,
         next_attempt_at = NULL
       WHERE procedure_id = @procedureId AND version = @version AND state = 'waiting'`,
    )
    .run({ ...key, ...outcome });
}

/** It cannot be sent as it is (a character the RIS's character set lacks…): done, with why. */
export function recordUnsendable(
  write: WriteConnection,
  key: OutboxKey,
  outcome: { at: string; reason: string },
): void {
  write
    .prepare(
      `UPDATE ris_outbox SET state = 'unsendable', done_at = @at, last_error = @reason, next_attempt_at = NULL
       WHERE procedure_id = @procedureId AND version = @version AND state = 'waiting'`,
    )
    .run({ ...key, ...outcome });
}

/** No answer (RIS down, timeout): still waiting, tried once more, next try at the policy's time. */
export function recordFailure(
  write: WriteConnection,
  key: OutboxKey,
  outcome: { at: string; error: string; nextAttemptAt: string },
): void {
  write
    .prepare(
      `UPDATE ris_outbox SET attempts = attempts + 1, failing_since = coalesce(failing_since, @at), last_error = @error,
         next_attempt_at = @nextAttemptAt
       WHERE procedure_id = @procedureId AND version = @version AND state = 'waiting'`,
    )
    .run({ ...key, ...outcome });
}

/**
 * A person sends a report once more: one the RIS refused (the cause fixed at the RIS), or one not
 * sent for the RIS's character set (the connection switched to UTF-8): waiting again, due at
 * once. A refusal's code and words stay until the RIS answers anew, so the record can say it was
 * sent again after a refusal. `controlId`: the message control ID it goes out with (null: as before).
 * False when the version is not in the state `from`.
 */
export function requeueReport(
  write: WriteConnection,
  key: OutboxKey,
  from: 'refused' | 'unsendable',
  controlId: string | null,
): boolean {
  return (
    write
      .prepare(
        `UPDATE ris_outbox SET state = 'waiting', done_at = NULL, next_attempt_at = NULL, failing_since = NULL,
           last_error = NULL, control_id = coalesce(@controlId, control_id)
         WHERE procedure_id = @procedureId AND version = @version AND state = @from`,
      )
      .run({ ...key, from, controlId }).changes === 1
  );
}
