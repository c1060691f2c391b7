import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { logbookIdOfFile } from './identity.js';
import { backupTimeOf } from './naming.js';

/*
 * Keeping the newest N backups of this logbook in a folder. Only files RootLog named
 * (naming.ts) that are RootLog files of this very logbook (identity.ts) are ever removed:
 * another console's backups, a copy someone renamed, a damaged file, anything else stays.
 */

export interface FolderEntry {
  name: string;
  at: Date;
}

/** The backups beyond the newest `keep`, oldest last (pure). */
export function beyondTheNewest(backups: readonly FolderEntry[], keep: number): FolderEntry[] {
  return [...backups].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(keep);
}

export interface RotationReport {
  removed: string[];
  /** This logbook's backups left in the folder, the one just made included. */
  kept: number;
  /** Backups that should have gone but could not be removed, with the reason. */
  notRemoved: string[];
}

export function rotateBackups(folder: string, logbookId: string, keep: number, justMade: string): RotationReport {
  const ours = readdirSync(folder)
    .map((name) => ({ name, at: backupTimeOf(name) }))
    .filter((entry): entry is FolderEntry => entry.at !== null)
    .filter((entry) => entry.name === justMade || logbookIdOfFile(join(folder, entry.name)) === logbookId);
  // The one just made stays whatever its name says (a clock set back would make it look old).
  const going = beyondTheNewest(
    ours.filter((entry) => entry.name !== justMade),
    keep - 1,
  );
  const removed: string[] = [];
  const notRemoved: string[] = [];
  for (const entry of going) {
    try {
      rmSync(join(folder, entry.name));
      removed.push(entry.name);
    } catch (error) {
      notRemoved.push(`${entry.name} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { removed, kept: ours.length - removed.length, notRemoved };
}
