import type { ReadConnection, WriteConnection } from './connection.js';
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

export const DEFAULT_CONSOLE_NAME = 'RootLog console';

/** The console's name as the settings give it: what a record made here is stamped with. */
export const consoleNameOf = (read: ReadConnection): string =>
  readSetting<string>(read, 'consoleName') ?? DEFAULT_CONSOLE_NAME;
