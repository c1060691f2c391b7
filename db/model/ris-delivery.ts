import { declareMessages } from './messages.js';
import { messagesById, storedWords, wordsOfStored } from './stored-words.js';
import { inEnglish, sentence, type Words } from './words.js';

/*
 * A report's way to the RIS, as the record shows it (the outbox, db/ris/outbox.ts, answers
 * these; the window words them with its own clock). Pure: the clock is always passed in.
 */

export type RisDelivery =
  | {
      state: 'waiting';
      version: number;
      queuedAt: string;
      attempts: number;
      /** The first failure of the current run of failures (null: never tried, or tried without failing). */
      failingSince: string | null;
      /** Why the last try failed, as words (risProblemOf the outbox's last_error). */
      lastError: Words | null;
      nextAttemptAt: string | null;
      /** Sent again by a person after the RIS refused it: the refusal's code and words (null: never refused). */
      refusedBefore: { code: string; text: string } | null;
    }
  | { state: 'sent'; version: number; sentAt: string; answer: string }
  | { state: 'refused'; version: number; at: string; code: string; text: string }
  | {
      state: 'unsendable';
      version: number;
      at: string;
      /** Why it cannot go, as words (risProblemOf the outbox's last_error). */
      reason: Words;
      /** The RIS connection as set now carries it (switched to UTF-8…): Send again is offered. */
      sendableNow: boolean;
    };

/** A record's way to the RIS: each signed version's delivery; none when no RIS was set up as it was signed. */
export interface RisDeliveries {
  /** Is a RIS set up now (Settings → RIS)? */
  configured: boolean;
  deliveries: RisDelivery[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "10:42" today, "12.03.2026 10:42" another day (the console's local time). */
export function clock(iso: string, now: Date): string {
  const at = new Date(iso);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay =
    at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? time : `${pad(at.getDate())}.${pad(at.getMonth() + 1)}.${at.getFullYear()} ${time}`;
}

const R = 'Procedure record, its report to the RIS: one line per signed version';
export const RIS_DELIVERY_MESSAGES = declareMessages('ris.delivery', {
  report: [
    'Report',
    `${R}: the first signed version's report, at the start of the line ("Report sent to the RIS at 10:42").`,
  ],
  correction: [
    'Correction (version {version})',
    `${R}: an amended version's report, at the start of the line ("Correction (version 2) sent to the RIS at 10:42").`,
  ],
  sent: [
    '{what} sent to the RIS at {time}',
    `${R}: the RIS acknowledged it; {what} is "Report" or "Correction (version 2)".`,
  ],
  refused: [
    '{what} refused by the RIS at {time} ({code}): {reason}',
    `${R}: the RIS refused it; {code} is the RIS's answer code (AE, AR), {reason} the RIS's own words.`,
  ],
  noReason: ['no reason given', `${R}: in place of the RIS's reason when it gave none.`],
  unsendable: [
    '{what} not sent to the RIS: {reason}',
    `${R}: the report cannot go over the connection as set; {reason} says why (a sentence below, "it contains …").`,
  ],
  failing: [
    '{what} waiting: {problem} since {time}',
    `${R}: the RIS could not be reached; {problem} is what went wrong (a sentence below, "RIS not reachable").`,
  ],
  failingNextTry: [
    '{what} waiting: {problem} since {time}; next try at {next}',
    `${R}: the RIS could not be reached; {problem} is what went wrong (a sentence below), {next} when it is tried again.`,
  ],
  notReachable: ['RIS not reachable', `${R}: what went wrong when nothing more is known.`],
  noAnswerWithin: [
    'no answer from the RIS within {seconds} s',
    `${R}: what went wrong: the RIS took the connection or the report but did not answer in time.`,
  ],
  noAcknowledgement: [
    'the RIS answered without an acknowledgement (no MSA segment)',
    `${R}: what went wrong. Keep "MSA" (HL7's acknowledgement segment).`,
  ],
  otherMessage: ['the RIS acknowledged another message', `${R}: what went wrong: its answer named another report.`],
  notForNow: ['the RIS could not take the report for now', `${R}: what went wrong: the RIS answered CE (try later).`],
  notForNowSaying: [
    'the RIS could not take the report for now ({text})',
    `${R}: what went wrong: the RIS answered CE (try later); {text} is the RIS's own words.`,
  ],
  unknownCode: [
    'the RIS answered with an unknown acknowledgement code "{code}"',
    `${R}: what went wrong; {code} is the code the RIS sent.`,
  ],
  unreadable: [
    'its signed version could not be read: run "rootlog check" and tell IT',
    `${R}: why a report cannot be sent. Keep "rootlog check" (a command).`,
  ],
  outsideCharset: [
    "it contains {characters}, which the RIS's character set {charset} cannot carry: set the RIS connection to UTF-8 if the RIS reads it, or amend the text",
    `${R}: why a report cannot be sent. {characters}: the characters, each in quotes ("Ł", "ő"); {charset}: ISO-8859-1 or another; keep UTF-8.`,
  ],
  asWritten: [
    '{text}',
    `${R}: what went wrong, as an earlier RootLog wrote it in the outbox (in English), shown as it was written.`,
  ],
  sentAgain: [
    "{what} sent again after the RIS refused it ({code}): waiting for the RIS's answer",
    `${R}: a person sent it again after the RIS refused it; {code} is the RIS's earlier answer code.`,
  ],
  queued: ['{what} waiting to be sent to the RIS (queued at {time})', `${R}: in the outbox, not tried yet.`],
  signedBefore: [
    'Not sent to the RIS: it was signed before the RIS was set up (or came from another console). Copy the report instead.',
    `${R}: the record has no report in the outbox although a RIS is set up now.`,
  ],
  noRis: [
    'No RIS is set up (Settings → RIS): copy the report into the RIS by hand.',
    `${R}: no RIS connection is set up; "Settings → RIS" names the screen.`,
  ],
});
const M = RIS_DELIVERY_MESSAGES;

/** What went wrong on the way to the RIS, as the outbox keeps it (last_error): its message's id and values, as JSON. */
export const storedRisProblem = (problem: Words): string => storedWords(problem);

const risMessage = messagesById([M]);

/**
 * The words of what the outbox keeps (storedRisProblem). A row written before they were kept
 * so (an English sentence), or one this version does not know, is shown as it was written.
 */
export const risProblemOf = (stored: string): Words => wordsOfStored(stored, risMessage, M.asWritten);

/** One line for the record: "Report sent to the RIS at 10:42", "Report waiting: RIS not reachable since 10:40"… */
export function deliveryLine(delivery: RisDelivery, now: Date): Words {
  const what = delivery.version === 1 ? sentence(M.report) : sentence(M.correction, { version: delivery.version });
  switch (delivery.state) {
    case 'sent':
      return sentence(M.sent, { what, time: clock(delivery.sentAt, now) });
    case 'refused':
      return sentence(M.refused, {
        what,
        time: clock(delivery.at, now),
        code: delivery.code,
        reason: delivery.text || sentence(M.noReason),
      });
    case 'unsendable':
      return sentence(M.unsendable, { what, reason: delivery.reason });
    case 'waiting': {
      if (delivery.failingSince) {
        const problem = delivery.lastError ?? sentence(M.notReachable);
        const time = clock(delivery.failingSince, now);
        return delivery.nextAttemptAt
          ? sentence(M.failingNextTry, { what, problem, time, next: clock(delivery.nextAttemptAt, now) })
          : sentence(M.failing, { what, problem, time });
      }
      if (delivery.refusedBefore) return sentence(M.sentAgain, { what, code: delivery.refusedBefore.code });
      return sentence(M.queued, { what, time: clock(delivery.queuedAt, now) });
    }
  }
}

/** The line in English (the logs, the tests of the outbox). */
export const deliveryWords = (delivery: RisDelivery, now: Date): string => inEnglish(deliveryLine(delivery, now));

/** What the record says when none of its versions went to a RIS. */
export const noDeliveryLine = (configured: boolean): Words => sentence(configured ? M.signedBefore : M.noRis);
