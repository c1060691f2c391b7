import type { Statement } from 'better-sqlite3';
import Database from 'better-sqlite3';
import { nativeBinding } from './native-binding.js';

/*
 * Connections typed apart, as Signal Desktop's ReadableDB/WritableDB are. A function that
 * only reads takes a ReadableDb (or ReadConnection) and can be given any connection; a
 * function that writes takes a WritableDb, which only the store's one writer is. The brands
 * exist only for the compiler: at run time both are plain better-sqlite3 connections.
 */
declare const readable: unique symbol;
declare const writable: unique symbol;

export type ReadableDb = Database.Database & { readonly [readable]: true };
export type WritableDb = ReadableDb & { readonly [writable]: true };

/** Marks a connection opened for writing (only the store's opener and tests that build old files). */
export const asWritable = (db: Database.Database): WritableDb => db as WritableDb;
/** Marks a connection as one that is only read from. */
export const asReadable = (db: Database.Database): ReadableDb => db as ReadableDb;

/** A connection with its statement cache: a statement is prepared once per connection and SQL text. */
export interface Connection<Db extends ReadableDb> {
  readonly db: Db;
  prepare(sql: string): Statement;
}

export type ReadConnection = Connection<ReadableDb>;
export type WriteConnection = Connection<WritableDb>;

export function connection<Db extends ReadableDb>(db: Db): Connection<Db> {
  const cache = new Map<string, Statement>();
  return {
    db,
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

// Statements of functions that are given a bare connection, prepared once per connection and SQL text.
const prepared = new WeakMap<ReadableDb, Map<string, Statement>>();

/** A statement prepared once per connection (for code handed a bare connection rather than a Connection). */
export function preparedOn(db: ReadableDb, sql: string): Statement {
  let cache = prepared.get(db);
  if (!cache) {
    cache = new Map();
    prepared.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * A write transaction whose loss at a power cut costs only doing it again — a page of a pull
 * from the hub, whose position is saved in the same transaction — committed without waiting
 * for the disk (synchronous NORMAL: in WAL mode still all or nothing, never a torn file; the
 * next commit that waits for the disk, such as the clinician's next save, makes it durable
 * with it). The setting is back before anything else can run, so every other transaction
 * waits for the disk as before.
 */
export function redoableTransaction<T>(db: WritableDb, run: () => T): T {
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(run).immediate();
  } finally {
    db.pragma(`synchronous = ${Number(before)}`);
  }
}

/**
 * Opens a read-only connection to an existing RootLog file. It can never write (SQLite
 * refuses), so it is safe beside the writer; in WAL mode it reads without blocking it.
 */
export function openReadOnly(path: string, busyTimeoutMs = 5000): ReadableDb {
  const db = new Database(path, {
    readonly: true,
    fileMustExist: true,
    timeout: busyTimeoutMs,
    nativeBinding: nativeBinding(),
  });
  db.pragma('cache_size = -32768');
  return asReadable(db);
}
