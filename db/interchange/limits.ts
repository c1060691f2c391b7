import { HISTORY_ENTRIES, RECORD_LIMITS } from '../model/record-limits.js';

/*
 * What an import file may hold. A file from another console is untrusted input: every size
 * is bounded so that no file, however made, can exhaust memory or stall the console's saves.
 * The text limits are the form's own (db/model) for clinical fields; a record's own limits
 * (versions, follow-ups, history, size) are the ones the app makes records within
 * (db/model/record-limits.ts); these are for the rest.
 */
export const IMPORT_LIMITS = {
  /** A year of a busy department is about 100 MB; beyond this, split by --from/--to. */
  fileBytes: 2 * 1024 ** 3,
  /** JSON values (every string, number, list and object counts one) in one record. */
  valuesPerRecord: 200_000,
  /** JSON values in everything outside the records (operators, drug catalogue, filter). */
  valuesInHeader: 500_000,
  /** Nesting depth of any value: a record's deepest legitimate path is about 8. */
  depth: 24,
  /** Characters in any one string (the longest clinical text, notes, is 5 000). */
  stringLength: 20_000,
  /** Audit entries of one record: as many as the app can give one (record-limits.ts). */
  historyEntries: HISTORY_ENTRIES,
  /** Signed versions of one record. */
  versions: RECORD_LIMITS.versions,
  /** Follow-up entries of one record. */
  followUps: RECORD_LIMITS.followUps,
  /** Characters of text in one record (keys included), counted as it is read, before it is built. */
  recordCharacters: RECORD_LIMITS.characters,
  /** Characters of text in the records read and not yet written: a batch holds at most about this. */
  batchCharacters: 2 * RECORD_LIMITS.characters,
  /** Records read and checked before they are written. */
  batch: 1000,
  /** Longest a write transaction may hold the lock: the console's saves wait at most about this. */
  transactionMs: 400,
  /** Pause after each transaction, so a console waiting for the lock gets it (SQLite retries at most 100 ms apart). */
  pauseMs: 120,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };
