import { modelMessage } from '../i18n/source-messages.js';
import { HUB_REFUSAL_MESSAGES as HR, type HubRefusal, storedWords, type Words, wordsOfStored } from '../model/index.js';
import { listRefusals, openConflictCount, pendingCount, refusalCount } from '../sqlite/hub-local.js';
import type { Store } from '../store.js';

/* What this console holds of the hub, as the app's status and the command line read it. */

export interface HubLocalCounts {
  /** Records waiting in the outbox for the hub. */
  pending: number;
  /** Conflicts with another console's version that no one has decided yet. */
  openConflicts: number;
  /** Entries the hub refused or that wait for what they need. */
  refusals: number;
}

export function hubLocalCounts(store: Store): HubLocalCounts {
  const read = store.reader;
  return { pending: pendingCount(read), openConflicts: openConflictCount(read), refusals: refusalCount(read) };
}

/**
 * Why a row was refused or waits, as the logbook keeps it (hub_refusals.reason, hub_waiting.reason):
 * its words as JSON, their English beside for IT reading the file.
 */
export const storedRefusalReason = (reason: Words): string => storedWords(reason, { withEnglish: true });

/**
 * The words of a kept reason (storedRefusalReason). A row an earlier RootLog kept (an English
 * sentence), or words this version no longer declares, is shown as it was written.
 */
export const refusalReasonOf = (stored: string): Words => wordsOfStored(stored, modelMessage, HR.asWritten);

/**
 * What a refused or waiting row is about, as the logbook keeps it (hub_refusals.subject,
 * hub_waiting.subject): words as the reason is kept, their English beside.
 */
export const storedRefusalSubject = storedRefusalReason;

/** The latest refusals, newest first, at most `limit`: what each is about and why, as words. */
export const hubRefusals = (store: Store, limit: number): HubRefusal[] =>
  listRefusals(store.reader, limit).map((row) => ({
    ...row,
    // An earlier RootLog kept the subject as English ("record … version 2"): as it was written.
    subject: refusalReasonOf(row.subject),
    reason: refusalReasonOf(row.reason),
  }));
