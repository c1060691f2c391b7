import { createHash } from 'node:crypto';
import { appendAudit } from '../audit.js';
import type { RisServer } from '../model/connection-settings.js';
import { RootLogError } from '../model/errors.js';
import { REFUSAL_MESSAGES } from '../model/refusal-messages.js';
import { RIS_DELIVERY_MESSAGES as M, risProblemOf, storedRisProblem } from '../model/ris-delivery.js';
import { localDateTimeWithOffset } from '../model/time.js';
import { inEnglish, sentence, type Words } from '../model/words.js';
import {
  countWaiting,
  deliveriesOf,
  type OutboxKey,
  type OutboxRow,
  recordFailure,
  recordRefused,
  recordSent,
  recordUnsendable,
  requeueReport,
  waitingReports,
} from '../sqlite/ris-outbox.js';
import { type ReadSource, readerOf, type ServiceContext, type Store, timestamp } from '../store.js';
import { readAcknowledgement } from './acknowledgement.js';
import { isDue, nextAttemptAt, type RisDelivery } from './delivery.js';
import { connectToRis, type RisConnection } from './mllp-sender.js';
import { reportInputFor } from './report-from-record.js';
import { charactersOutside, inCharset, type ReportMessageInput, reportMessage } from './report-message.js';

/*
 * The RIS outbox's sender: every report that waits (queued by trigger at signing and at each
 * amendment, schema 14) goes out over one MLLP connection, oldest first, each waiting for its
 * ACK. AA clears it; AE/AR mark it refused with the RIS's words (a person must act: resending
 * the same message would be refused again); no answer leaves it waiting, tried again by the
 * back-off policy (delivery.ts). Each outcome is written at once, so a crash mid-round loses
 * nothing and sends nothing twice that was acknowledged.
 */

/** A report the RIS answered, named as the record names it. */
interface Delivered extends OutboxKey {
  patientId: string;
  accessionNumber: string | null;
}

export interface RisSendReport {
  sent: (Delivered & { controlId: string })[];
  refused: (Delivered & { code: string; text: string })[];
  /** Each with why, in English (the command line's; the record keeps the words). */
  unsendable: (OutboxKey & { reason: string })[];
  /** Why the RIS was not reached or stopped answering in this round, in English (null: it answered every report tried). */
  notReached: string | null;
  /** Reports still waiting after the round. */
  waiting: number;
}

/** HL7 2.5's longest message control ID (MSH-10, ST 20). */
const CONTROL_ID_LENGTH = 20;

const controlIdHash = (key: OutboxKey) =>
  createHash('sha256').update(`${key.procedureId}:${key.version}`).digest('hex').toUpperCase();

/**
 * The message control ID (MSH-10) of a record's version: `RL` and 18 hex digits of its hash, 20
 * characters, the same on every retry after no answer, so the RIS can see a repeat (a report
 * that waited across an update has no stored control ID: its retry is sent with this one).
 */
export const controlIdOf = (key: OutboxKey) => `RL${controlIdHash(key).slice(0, CONTROL_ID_LENGTH - 2)}`;

/**
 * The control ID of a report a person sends again after the RIS refused it: the original with
 * the attempt number (`RL…-2`, then `-3`), so a RIS that refuses a control ID it has seen takes it.
 * The hash part gives up as many digits as `-N` needs, so every attempt stays within HL7's 20.
 */
export function sentAgainControlId(key: OutboxKey, refused: string | null): string {
  const hash = controlIdHash(key);
  const earlier = /^RL([0-9A-F]*)-(\d+)$/.exec(refused ?? '');
  const earlierAttempt = earlier && hash.startsWith(earlier[1] ?? '') ? Number(earlier[2]) : 1;
  const suffix = `-${(Number.isSafeInteger(earlierAttempt) && earlierAttempt > 0 ? earlierAttempt : 1) + 1}`;
  return `RL${hash.slice(0, Math.max(0, CONTROL_ID_LENGTH - 2 - suffix.length))}${suffix}`;
}

export interface SendOptions {
  now?: () => Date;
  timeoutMs?: number;
  /** Send what waits even before its next try is due (a person asked: the command line, "send now"). */
  ignoreBackoff?: boolean;
}

export async function sendWaitingReports(
  store: Store,
  ris: RisServer,
  options: SendOptions = {},
): Promise<RisSendReport> {
  const now = options.now ?? (() => new Date());
  const report: RisSendReport = { sent: [], refused: [], unsendable: [], notReached: null, waiting: 0 };
  // A correction never overtakes the report it corrects: a record whose earlier version is not
  // yet due holds its later ones back too.
  const held = new Set<string>();
  const due = waitingReports(store.reader).filter((row) => {
    if (held.has(row.procedureId)) return false;
    if (options.ignoreBackoff || isDue(row.nextAttemptAt, now())) return true;
    held.add(row.procedureId);
    return false;
  });
  if (due.length === 0) {
    report.waiting = countWaiting(store.reader);
    return report;
  }
  const write = store.writer;
  // What went wrong is kept as words (its message's id and values), said in the reader's language by the record.
  const failed = (rows: OutboxRow[], error: Words) => {
    const at = now();
    write.db.transaction(() => {
      for (const row of rows)
        recordFailure(write, row, {
          at: at.toISOString(),
          error: storedRisProblem(error),
          nextAttemptAt: nextAttemptAt(row.attempts + 1, at).toISOString(),
        });
    })();
    report.notReached = inEnglish(error);
  };
  const unsendable = (key: OutboxKey, reason: Words) => {
    recordUnsendable(write, key, { at: now().toISOString(), reason: storedRisProblem(reason) });
    report.unsendable.push({ ...key, reason: inEnglish(reason) });
  };

  const connected = await connectToRis({
    host: ris.host,
    port: ris.port,
    charset: ris.charset,
    timeoutMs: options.timeoutMs,
  });
  if ('reason' in connected) {
    failed(due, connected.reason);
    report.waiting = countWaiting(store.reader);
    return report;
  }
  const connection: RisConnection = connected.connection;
  try {
    for (const [index, row] of due.entries()) {
      const key = { procedureId: row.procedureId, version: row.version };
      let input: ReportMessageInput;
      try {
        input = inCharset(reportInputFor(store.reader, key), ris.charset);
      } catch {
        unsendable(key, sentence(M.unreadable));
        continue;
      }
      const outside = charactersOutside(ris.charset, input);
      if (outside.length > 0) {
        unsendable(
          key,
          sentence(M.outsideCharset, {
            characters: outside.map((char) => `"${char}"`).join(', '),
            charset: ris.charset,
          }),
        );
        continue;
      }
      // A report sent again after a refusal goes out with its new control ID (sentAgainControlId).
      const controlId = row.controlId ?? controlIdOf(key);
      const message = reportMessage(input, { ris, controlId, createdAt: localDateTimeWithOffset(now()) });
      const delivery = await connection.send(message);
      if (delivery.kind === 'no_answer') {
        failed(due.slice(index), delivery.reason);
        break;
      }
      const answer = readAcknowledgement(delivery.ack, controlId);
      const named = { ...key, patientId: input.patient.id, accessionNumber: input.accessionNumber };
      const outcome = {
        at: now().toISOString(),
        controlId,
        message: message.toString(),
        acknowledgement: delivery.ack.toString(),
      };
      if (answer.kind === 'accepted') {
        recordSent(write, key, { ...outcome, code: answer.code, text: answer.text });
        report.sent.push({ ...named, controlId });
      } else if (answer.kind === 'refused') {
        recordRefused(write, key, { ...outcome, code: answer.code, text: answer.text });
        report.refused.push({ ...named, code: answer.code, text: answer.text });
      } else {
        failed(due.slice(index), answer.reason);
        break;
      }
    }
  } finally {
    await connection.close();
  }
  report.waiting = countWaiting(store.reader);
  return report;
}

/** How an audit row of the outbox names one report: the record and its version. */
const outboxEntry = (key: OutboxKey) => `${key.procedureId} version ${key.version}`;

/**
 * The outbox's audit row (Send again, a round a person ran): entity settings / `ris-outbox`,
 * as the outbox is this console's bookkeeping and the record's own history travels with it.
 */
function auditOutbox(
  write: Parameters<typeof appendAudit>[0],
  context: ServiceContext,
  changes: Record<string, { before: string; after: string }>,
): void {
  appendAudit(write, {
    at: timestamp(context),
    actor: context.actor,
    action: 'settings',
    entity: 'settings',
    entityId: 'ris-outbox',
    changes,
  });
}

/**
 * A round a person asked for (`rootlog ris-send --as`): one audit row naming who ran it and
 * what each report became, beside the outbox's own states (which say when, not who). Entity
 * settings / `ris-outbox`, as Send again's rows: the outbox is this console's bookkeeping, the
 * record's history travels with it. A round that sent nothing writes none.
 */
export function auditRound(store: Store, report: RisSendReport, context: ServiceContext): void {
  const changes: Record<string, { before: string; after: string }> = {};
  for (const sent of report.sent)
    changes[outboxEntry(sent)] = { before: 'waiting', after: `acknowledged by the RIS (message ${sent.controlId})` };
  for (const refused of report.refused)
    changes[outboxEntry(refused)] = {
      before: 'waiting',
      after: `refused by the RIS (${refused.code}): ${refused.text}`,
    };
  for (const unsendable of report.unsendable)
    changes[outboxEntry(unsendable)] = { before: 'waiting', after: `not sent: ${unsendable.reason}` };
  if (Object.keys(changes).length === 0) return;
  const write = store.writer;
  write.db.transaction(() => auditOutbox(write, context, changes)).immediate();
}

/** Does the RIS connection as set now carry this version (its character set every character of it)? */
function sendableWith(read: ReadSource, key: OutboxKey, ris: RisServer | null): boolean {
  if (!ris) return false;
  try {
    return charactersOutside(ris.charset, inCharset(reportInputFor(readerOf(read), key), ris.charset)).length === 0;
  } catch {
    // Its signed version cannot be read: no connection carries it.
    return false;
  }
}

function deliveryOf(row: OutboxRow, sendableNow: (row: OutboxRow) => boolean): RisDelivery {
  if (row.state === 'sent')
    return { state: 'sent', version: row.version, sentAt: row.doneAt ?? '', answer: row.answerText ?? '' };
  if (row.state === 'refused')
    return {
      state: 'refused',
      version: row.version,
      at: row.doneAt ?? '',
      code: row.answerCode ?? '',
      text: row.answerText ?? '',
    };
  if (row.state === 'unsendable')
    return {
      state: 'unsendable',
      version: row.version,
      at: row.doneAt ?? '',
      reason: risProblemOf(row.lastError ?? ''),
      sendableNow: sendableNow(row),
    };
  return {
    state: 'waiting',
    version: row.version,
    queuedAt: row.queuedAt,
    attempts: row.attempts,
    failingSince: row.failingSince,
    lastError: row.lastError === null ? null : risProblemOf(row.lastError),
    nextAttemptAt: row.nextAttemptAt,
    refusedBefore: row.answerCode ? { code: row.answerCode, text: row.answerText ?? '' } : null,
  };
}

/** Where each version of a record is on its way to the RIS (none: no RIS was set up when it was signed). */
/** How many reports wait for the RIS (the command line says so before sending). */
export const reportsWaiting = (store: Store): number => countWaiting(store.reader);

/** `ris`: the connection as set now, which says whether a report not sent for its character set is offered again. */
export const risDeliveries = (source: ReadSource, procedureId: string, ris: RisServer | null = null): RisDelivery[] =>
  deliveriesOf(readerOf(source), procedureId).map((row) => deliveryOf(row, (one) => sendableWith(source, one, ris)));

/**
 * "Send again" in the record: a report the RIS refused (AE/AR) goes back in the outbox, due at
 * once, after a person fixed the cause at the RIS (an unknown accession number registered…);
 * so does one "not sent" because the RIS's character set could not carry it, once the
 * connection as set now (`ris`) carries it (switched to UTF-8).
 * The same message is built again from the signed version, with a new control ID after a refusal
 * (sentAgainControlId; a report never sent keeps its own). Audited:
 * who sent it again, and the refusal it answers. The audit log has no entity for the outbox, and
 * the record's own history travels with it (JSON export, hub): the row is the console's
 * bookkeeping, entity settings / `ris-outbox`, as the outbox itself is this console's own.
 */
export function sendReportAgain(store: Store, key: OutboxKey, context: ServiceContext, ris: RisServer | null): void {
  const write = store.writer;
  write.db
    .transaction(() => {
      const row = deliveriesOf(write, key.procedureId).find((one) => one.version === key.version);
      if (row?.state === 'unsendable' && !sendableWith(write, key, ris))
        throw new RootLogError(
          'validation',
          sentence(REFUSAL_MESSAGES.sendAgainUnsendable, {
            version: String(key.version),
            why: row.lastError ? risProblemOf(row.lastError) : sentence(REFUSAL_MESSAGES.sendAgainUnreadable),
          }),
          { field: 'version' },
        );
      if (
        (row?.state !== 'refused' && row?.state !== 'unsendable') ||
        !requeueReport(write, key, row.state, row.state === 'refused' ? sentAgainControlId(key, row.controlId) : null)
      )
        throw new RootLogError(
          'validation',
          sentence(
            row
              ? row.state === 'waiting'
                ? REFUSAL_MESSAGES.sendAgainWaiting
                : REFUSAL_MESSAGES.sendAgainSent
              : REFUSAL_MESSAGES.sendAgainNeverQueued,
            { version: String(key.version) },
          ),
          { field: 'version' },
        );
      auditOutbox(write, context, {
        [outboxEntry(key)]: {
          before:
            row.state === 'refused'
              ? `refused by the RIS (${row.answerCode ?? ''}): ${row.answerText ?? ''}`
              : `not sent to the RIS: ${row.lastError ? inEnglish(risProblemOf(row.lastError)) : ''}`,
          after: 'sent again',
        },
      });
    })
    .immediate();
}
