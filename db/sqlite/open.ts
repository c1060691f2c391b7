import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { RootLogError } from '../model/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  /** Open an existing file without migrating or writing anything (check, backup verify). */
  readonly?: boolean;
  /** Milliseconds to wait for another connection's lock before giving up. */
  busyTimeoutMs?: number;
  /** Refuse to create a new file (commands that read an existing database). */
  mustExist?: boolean;
}

const isSqliteError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

function explainOpenFailure(path: string, error: unknown): RootLogError {
  const code = isSqliteError(error) ? error.code : '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new RootLogError(
      'database_corrupt',
      `The database file ${path} is damaged or is not a RootLog database (${code}). It was left untouched: restore the latest backup, or run "rootlog check" on a copy.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new RootLogError(
      'database_locked',
      `The database file ${path} is locked by another program (is RootLog already open on this computer?). Close it and try again.`,
      { cause: error },
    );
  }
  if (error instanceof RootLogError) return error;
  return new RootLogError(
    'database_unavailable',
    `The database file ${path} could not be opened: ${error instanceof Error ? error.message : String(error)}.`,
    { cause: error },
  );
}

/**
 * Opens (creating when missing) a RootLog database: checks it before touching it,
 * refuses files from a newer RootLog, then sets the durability pragmas and migrates.
 * On any failure the connection is closed and the file is left as it was.
 */
export function openDatabase(path: string, options: OpenOptions = {}): SqliteDatabase {
  if ((options.readonly || options.mustExist) && !existsSync(path)) {
    throw new RootLogError('database_unavailable', `The database file ${path} does not exist.`);
  }
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, timeout: options.busyTimeoutMs ?? 5000 });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new RootLogError(
        'database_corrupt',
        `The database file ${path} failed its integrity check (${String(check)}). It was left untouched: restore the latest backup.`,
      );
    }
    const fileVersion = db.pragma('user_version', { simple: true }) as number;
    if (fileVersion > SCHEMA_VERSION) {
      throw new RootLogError(
        'database_newer',
        `The database file ${path} was written by a newer version of RootLog (schema ${fileVersion}; this version knows up to ${SCHEMA_VERSION}). Update RootLog on this computer; the file was left untouched.`,
      );
    }
    db.pragma('foreign_keys = ON');
    // 32 MiB of page cache (the default is 2 MiB): the dashboard index of 100 000 procedures
    // (about 21 MB) stays in memory between requests instead of being re-read from the file.
    // Bounded, so an export's scan of every row raises memory by at most this much.
    db.pragma('cache_size = -32768');
    if (!options.readonly) {
      // WAL + FULL: a save that returned is on disk, even after a power cut.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      migrate(db, fileVersion);
      db.prepare(`INSERT OR IGNORE INTO settings (key, value) VALUES ('consoleName', json_quote(?))`).run(hostname());
    }
    return db;
  } catch (error) {
    db?.close();
    throw explainOpenFailure(path, error);
  }
}

function migrate(db: SqliteDatabase, fromVersion: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= fromVersion) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
