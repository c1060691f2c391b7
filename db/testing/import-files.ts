import { readFileSync, writeFileSync } from 'node:fs';
import { runExport } from '../exports/run.js';
import { type ImportOptions, type ImportReport, importFile } from '../imports/merge.js';
import { seedDatabase } from '../seed.js';
import type { Store } from '../store.js';
import { context, tempPath, tempStore } from './fixtures.js';

/*
 * For the import's tests: a seeded logbook's JSON export, read once, that each test edits as
 * plain JSON (a hostile or damaged file), and the edited file imported into a logbook.
 */

// biome-ignore lint/suspicious/noExplicitAny: an export's records are edited as plain JSON
export type ExportJson = any;

export interface SeededExport {
  /** Records seeded (signed, with follow-ups; drafts too with `includeDrafts`). */
  count: number;
  seed: number;
  includeDrafts?: boolean;
}

/** A logbook seeded as asked (records up to 30 June 2026), exported as JSON and read back. */
export async function seededExport({ count, seed, includeDrafts = false }: SeededExport): Promise<ExportJson> {
  const { store } = tempStore();
  try {
    seedDatabase(store, { count, seed, until: new Date('2026-06-30T12:00:00Z') }, context);
    const out = tempPath('source.json');
    await runExport(store, { format: 'json', out, includeDrafts });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    store.close();
  }
}

/** `data` (an export, edited) written as an import file and imported into `store`. */
export function importEdited(store: Store, data: ExportJson, options?: ImportOptions): Promise<ImportReport> {
  const path = tempPath('import.json');
  writeFileSync(path, JSON.stringify(data));
  return importFile(store, path, context, options);
}

/** An entry as a tool that writes no hash links makes it (the file format allows it). */
export function unlinked(entry: ExportJson): ExportJson {
  const { hash: _hash, previousHash: _previous, ...rest } = entry;
  return rest;
}
