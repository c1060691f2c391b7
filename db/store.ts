import type { Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { type OpenOptions, openDatabase, type SqliteDatabase } from './sqlite/open.js';
import { type ProcedureStatements, procedureStatements } from './sqlite/procedure-rows.js';

/** Who is acting and what time it is: every write records both. */
export interface ServiceContext {
  actor: string;
  now?: () => Date;
}

/** An open RootLog database with its prepared statements: what every service takes. */
export interface Store {
  readonly sqlite: SqliteDatabase;
  readonly path: string;
  readonly statements: ProcedureStatements;
  /** A prepared statement, made once per connection and SQL text. */
  prepare(sql: string): Statement;
  close(): void;
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  const sqlite = openDatabase(path, options);
  const statements = procedureStatements(sqlite);
  const cache = new Map<string, Statement>();
  return {
    sqlite,
    path,
    statements,
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

export const newId = (): string => uuidv7();

export const timestamp = (context: ServiceContext): string => (context.now?.() ?? new Date()).toISOString();
