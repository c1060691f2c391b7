import { openReadOnly, type ReadConnection, type WriteConnection } from './connection.js';
import { ROOTLOG_APPLICATION_ID } from './migrations/index.js';
import { chainState } from './state-chain.js';

/** The one reader and writer of the settings table: one JSON value per key. */

export const readSetting = <T>(read: ReadConnection, key: string): T | undefined => {
  const value = read.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as T);
};

export const writeSetting = (write: WriteConnection, key: string, value: unknown): void => {
  write
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
  // A setting a report, an export or a rule reads gets its link in the same transaction.
  chainState(write, 'settings', key);
};

/**
 * A note no report, export or rule reads (when the file was last found sound): written without
 * a link in the state chain, so it leaves the rules a save holds as they are.
 */
export const writeNote = (write: WriteConnection, key: string, value: string): void => {
  write
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, json_quote(?)) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, value);
};

/**
 * A setting of another file (a backup in a folder), or null when the file is not a readable
 * RootLog logbook: it is opened read-only for a moment and never touched.
 */
export function readSettingOfFile<T>(path: string, key: string): T | undefined | null {
  let db: ReturnType<typeof openReadOnly> | undefined;
  try {
    db = openReadOnly(path, 1000);
    if (db.pragma('application_id', { simple: true }) !== ROOTLOG_APPLICATION_ID) return null;
    const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    return value ? (JSON.parse(value) as T) : undefined;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export const DEFAULT_CONSOLE_NAME = 'RootLog console';

/** The console's name as the settings give it: what a record made here is stamped with. */
export const consoleNameOf = (read: ReadConnection): string =>
  readSetting<string>(read, 'consoleName') ?? DEFAULT_CONSOLE_NAME;
