import type { WritableDb } from '../connection.js';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration's transaction, with the version bump. */
  up: (db: WritableDb) => void;
}
