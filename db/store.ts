import { v7 as uuidv7 } from 'uuid';
import { isBusy } from './busy.js';
import type { DatabaseHealth, HealthReport } from './model/answers.js';
import { REFUSAL_MESSAGES as R, RootLogError, sentence } from './model/index.js';

/** The Electron main process names its own build of SQLite's addon here, once at start. */
export { setNativeBinding } from './sqlite/native-binding.js';

import {
  connection,
  openReadOnly,
  type ReadableDb,
  type ReadConnection,
  type WriteConnection,
} from './sqlite/connection.js';
import { quickCheckInWorker } from './sqlite/integrity.js';
import {
  beginSnapshot,
  explainOpenFailure,
  type OpenOptions,
  openDatabase,
  openReadOnlyAnywhere,
  openReadOnlyDatabase,
  quickCheckProblems,
} from './sqlite/open.js';
import { readSetting, writeNote } from './sqlite/settings-rows.js';

export type { DatabaseHealth, HealthReport } from './model/answers.js';

/** Who is acting and what time it is: every write records both. */
export interface ServiceContext {
  actor: string;
  now?: () => Date;
}

/**
 * An open RootLog database: one write connection and read-only ones beside it. Services
 * write on `writer` (inside its transactions they may read on it too), make short
 * synchronous reads on `reader`, and read anything long (exports, check) in a `snapshot`,
 * so a read never holds the writer and a save never waits for an export.
 */
export interface Store {
  readonly path: string;
  /** The one connection that writes. Throws once the file has been found damaged. */
  readonly writer: WriteConnection;
  /** A read-only connection for short, synchronous reads (never an iterator across an await). */
  readonly reader: ReadConnection;
  /** Runs `use` on a fresh read-only connection inside one read transaction: what it reads is the file as of its start. */
  snapshot<T>(use: (read: ReadConnection) => Promise<T> | T): Promise<T>;
  /** Checks every page (quick_check) off the main thread, once; writes are refused if it fails. */
  verify(): Promise<HealthReport>;
  health(): HealthReport;
  close(): void;
}

/**
 * What a read-only service accepts: the store (it then reads on the store's reader) or a
 * connection (a write transaction passes its writer, so it reads what it just wrote; an
 * export passes its snapshot).
 */
export type ReadSource = Store | ReadConnection;

export const readerOf = (source: ReadSource): ReadConnection => ('reader' in source ? source.reader : source);

const LAST_CLEAN_CHECK = 'lastIntegrityCheck';

export interface StoreOptions extends OpenOptions {
  /**
   * Read only: nothing is written, not even a migration (a read-only medium, `check`,
   * `export`, `stats`). Every write is refused with a clear message.
   */
  readonly?: boolean;
}

export function openStore(path: string, options: StoreOptions = {}): Store {
  const writerDb = options.readonly ? undefined : openDatabase(path, options);
  const writer = writerDb ? connection(writerDb) : undefined;
  let reader: ReadConnection;
  try {
    reader = connection(writerDb ? openReadOnly(path, options.busyTimeoutMs) : openReadOnlyDatabase(path, options));
  } catch (error) {
    writerDb?.close();
    throw error;
  }
  const snapshots = new Set<ReadableDb>();
  let state: DatabaseHealth = 'unchecked';
  let problems: string[] = [];
  let verifying: Promise<HealthReport> | undefined;

  const lastCleanCheck = (): string | null => readSetting<string>(reader, LAST_CLEAN_CHECK) || null;
  const health = (): HealthReport => ({ state, problems, lastCleanCheck: reader.db.open ? lastCleanCheck() : null });

  const settle = (found: string[]): HealthReport => {
    problems = found.slice(0, 10);
    state = found.length === 0 ? 'sound' : 'damaged';
    if (state === 'sound' && writer && writerDb?.open) {
      try {
        writeNote(writer, LAST_CLEAN_CHECK, new Date().toISOString());
      } catch (error) {
        // Only a note of when the file was last found sound: another program writing to it at this
        // moment (a rootlog import) makes it no less sound, and must not fail every later write.
        if (!isBusy(error)) throw error;
      }
    }
    return health();
  };

  return {
    path,
    get writer() {
      if (!writer) {
        throw new RootLogError('database_unavailable', sentence(R.openedReadOnly, { path }));
      }
      if (state === 'damaged') {
        throw new RootLogError(
          'database_corrupt',
          sentence(R.logbookDamaged, { path, problems: problems.slice(0, 3).join('; ') }),
        );
      }
      return writer;
    },
    reader,
    snapshot: async (use) => {
      let db: ReadableDb;
      try {
        db = openReadOnlyAnywhere(path, options.busyTimeoutMs);
      } catch (error) {
        throw explainOpenFailure(path, error);
      }
      snapshots.add(db);
      try {
        beginSnapshot(db);
        return await use(connection(db));
      } finally {
        snapshots.delete(db);
        if (db.open) db.close();
      }
    },
    verify: () => {
      verifying ??= (async () => {
        state = 'checking';
        const found = await quickCheckInWorker(path);
        // The worker could not run here: check on this thread rather than not at all.
        return settle(found ?? quickCheckProblems(reader.db));
      })();
      return verifying;
    },
    health,
    close: () => {
      for (const db of snapshots) if (db.open) db.close();
      if (reader.db.open) reader.db.close();
      if (writerDb?.open) writerDb.close();
    },
  };
}

export const newId = (): string => uuidv7();

export const timestamp = (context: ServiceContext): string => (context.now?.() ?? new Date()).toISOString();
