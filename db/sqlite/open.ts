import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { RootLogError } from '../model/index.js';
import { asWritable, connection, openReadOnly, type ReadableDb, type WritableDb } from './connection.js';
import { MIGRATIONS, ROOTLOG_APPLICATION_ID, SCHEMA_VERSION } from './migrations/index.js';
import { nativeBinding } from './native-binding.js';
import { writeSetting } from './settings-rows.js';

export interface OpenOptions {
  /** Milliseconds to wait for another connection's lock before giving up. */
  busyTimeoutMs?: number;
  /** Refuse to create a new file (commands that read an existing database). */
  mustExist?: boolean;
}

const isSqliteError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

export function explainOpenFailure(path: string, error: unknown): RootLogError {
  const code = isSqliteError(error) ? error.code : '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return RootLogError.untranslated(
      'database_corrupt',
      `The database file ${path} is damaged or is not a RootLog database (${code}). It was left untouched: restore the latest backup, or run "rootlog check" on a copy.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return RootLogError.untranslated(
      'database_locked',
      `The database file ${path} is locked by another program (is RootLog already open on this computer?). Close it and try again.`,
      { cause: error },
    );
  }
  if (error instanceof RootLogError) return error;
  return RootLogError.untranslated(
    'database_unavailable',
    `The database file ${path} could not be opened: ${error instanceof Error ? error.message : String(error)}.`,
    { cause: error },
  );
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The first 16 bytes of every SQLite file; anything else is refused before SQLite sees it. */
export function checkHeader(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw RootLogError.untranslated(
      'database_corrupt',
      `The file ${path} is damaged or is not a RootLog database (its SQLite header is wrong). It was left untouched: restore the latest backup.`,
    );
  }
}

/** Tables every RootLog file at schema 1 or later has: a file without them is not ours. */
const CORE_TABLES = ['procedures', 'procedure_versions', 'audit_log', 'settings', 'operators', 'drug_catalogue'];

/** The schema version from which every RootLog file carries RootLog's application id. */
const APPLICATION_ID_SINCE = 4;

function notALogbook(path: string, why: string): RootLogError {
  return RootLogError.untranslated(
    'database_corrupt',
    `The file ${path} is an SQLite database but not a RootLog logbook (${why}). It was left untouched: give the path of a RootLog logbook, or a new file name to start one.`,
  );
}

export function checkSchema(db: Database.Database, path: string, fileVersion: number): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== ROOTLOG_APPLICATION_ID) {
    throw notALogbook(path, `its application id is ${applicationId}`);
  }
  if (fileVersion >= APPLICATION_ID_SINCE && applicationId !== ROOTLOG_APPLICATION_ID) {
    throw notALogbook(path, 'it lacks the RootLog application id');
  }
  // Reading the schema parses page 1 and every CREATE statement: a damaged schema throws here.
  const names = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  if (fileVersion === 0 && names.size > 0) {
    // Tables but no RootLog schema: someone else's database. Never migrate it into a logbook.
    throw notALogbook(path, `it holds other tables: ${[...names].slice(0, 5).join(', ')}`);
  }
  const missing = fileVersion >= 1 ? CORE_TABLES.filter((table) => !names.has(table)) : [];
  if (missing.length > 0) {
    throw RootLogError.untranslated(
      'database_corrupt',
      `The database file ${path} says it is RootLog schema ${fileVersion} but has no ${missing.join(', ')} table. It was left untouched: restore the latest backup.`,
    );
  }
}

/**
 * The file's schema version, after the checks every open makes before anything else: not
 * from a newer RootLog, and a RootLog logbook at all (application id, core tables).
 */
function checkedVersion(db: Database.Database, path: string): number {
  const fileVersion = db.pragma('user_version', { simple: true }) as number;
  if (fileVersion > SCHEMA_VERSION) {
    throw RootLogError.untranslated(
      'database_newer',
      `The database file ${path} was written by a newer version of RootLog (schema ${fileVersion}; this version knows up to ${SCHEMA_VERSION}). Update RootLog on this computer; the file was left untouched.`,
    );
  }
  checkSchema(db, path, fileVersion);
  return fileVersion;
}

/** SQLite's quick_check, as a list of problems (empty when sound). */
export function quickCheckProblems(db: Database.Database): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const messages = rows.map((row) => row.quick_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

const READ_ONLY_MEDIUM = new Set(['SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_CANTINIT', 'SQLITE_CANTOPEN']);

/**
 * A read-only connection, also on a read-only medium. SQLite reads a WAL-mode file only where
 * it can create the -shm beside it (or "immutable", which better-sqlite3's build cannot ask
 * for): on a write-protected folder the file (with its -wal, if any) is read from a private
 * temporary copy instead, removed when the connection closes. Backups are written in rollback
 * mode and open in place.
 */
export function openReadOnlyAnywhere(path: string, busyTimeoutMs?: number): ReadableDb {
  try {
    return openReadOnly(path, busyTimeoutMs);
  } catch (error) {
    if (!isSqliteError(error) || !READ_ONLY_MEDIUM.has(error.code)) throw error;
  }
  const folder = mkdtempSync(join(tmpdir(), 'rootlog-read-only-'));
  const copy = join(folder, basename(path));
  copyFileSync(path, copy);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  const db = openReadOnly(copy, busyTimeoutMs);
  const close = db.close.bind(db);
  db.close = () => {
    const closed = close();
    rmSync(folder, { recursive: true, force: true });
    return closed;
  };
  return db;
}

/** Begins the read transaction of a snapshot: its first read fixes it, so later commits by the writer are not seen. */
export function beginSnapshot(db: ReadableDb): void {
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
}

/**
 * Opens an existing logbook read-only (a CD, a write-protected share, a colleague's copy):
 * the same header, version and schema checks, and nothing is ever written. Only a file at
 * this RootLog's schema can be read this way: an older one needs migrating first.
 */
export function openReadOnlyDatabase(path: string, options: OpenOptions = {}): ReadableDb {
  if (!existsSync(path))
    throw RootLogError.untranslated('database_unavailable', `The database file ${path} does not exist.`);
  let db: ReadableDb | undefined;
  try {
    checkHeader(path);
    db = openReadOnlyAnywhere(path, options.busyTimeoutMs);
    const fileVersion = checkedVersion(db, path);
    if (fileVersion < SCHEMA_VERSION) {
      throw RootLogError.untranslated(
        'database_outdated',
        `The database file ${path} is at schema ${fileVersion} and can only be read after it is updated to schema ${SCHEMA_VERSION}, which needs writing: open a writable copy with this RootLog once.`,
      );
    }
    return db;
  } catch (error) {
    db?.close();
    throw explainOpenFailure(path, error);
  }
}

/**
 * Opens (creating when missing) a RootLog database for writing. The open costs the same
 * whatever the file's size: the header, the schema and the version are checked before
 * anything is written, and a file from a newer RootLog is refused. The page-by-page check
 * (`quick_check`, linear in the file) runs here only before a migration rewrites an old
 * file; otherwise the store runs it in the background (see integrity.ts) and refuses
 * writes if it fails. On any failure the connection is closed and the file left as it was.
 */
export function openDatabase(path: string, options: OpenOptions = {}): WritableDb {
  if (options.mustExist && !existsSync(path)) {
    throw RootLogError.untranslated('database_unavailable', `The database file ${path} does not exist.`);
  }
  let db: Database.Database | undefined;
  try {
    checkHeader(path);
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000, nativeBinding: nativeBinding() });
    const fileVersion = checkedVersion(db, path);
    if (fileVersion > 0 && fileVersion < SCHEMA_VERSION) {
      const problems = quickCheckProblems(db);
      if (problems.length > 0) {
        throw RootLogError.untranslated(
          'database_corrupt',
          `The database file ${path} failed its integrity check (${problems.slice(0, 3).join('; ')}); it was not migrated and was left untouched: restore the latest backup.`,
        );
      }
    }
    db.pragma('foreign_keys = ON');
    // 32 MiB of page cache (the default is 2 MiB): the dashboard index of 100 000 procedures
    // (about 21 MB) stays in memory between requests instead of being re-read from the file.
    db.pragma('cache_size = -32768');
    // WAL + FULL: a save that returned is on disk, even after a power cut. WAL also lets the
    // read connections (exports, dashboard, check) read while this one writes.
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const writable = asWritable(db);
    migrate(writable, fileVersion);
    if (fileVersion === 0)
      writable.transaction(() => writeSetting(connection(writable), 'consoleName', hostname())).immediate();
    return writable;
  } catch (error) {
    db?.close();
    throw explainOpenFailure(path, error);
  }
}

function migrate(db: WritableDb, fromVersion: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= fromVersion) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
