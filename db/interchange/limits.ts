/*
 * What an import file may hold. A file from another console is untrusted input: every size
 * is bounded so that no file, however made, can exhaust memory or stall the console's saves.
 * The text limits are the form's own (db/model) for clinical fields; these are for the rest.
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
  /** Audit entries of one record (a long case autosaved often has a few hundred). */
  historyEntries: 5_000,
  /** Signed versions of one record. */
  versions: 500,
  /** Records read and checked before they are written. */
  batch: 1000,
  /** Longest a write transaction may hold the lock: the console's saves wait at most about this. */
  transactionMs: 400,
  /** Pause after each transaction, so a console waiting for the lock gets it (SQLite retries at most 100 ms apart). */
  pauseMs: 120,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };
