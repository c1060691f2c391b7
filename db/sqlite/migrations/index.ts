import { MIGRATION_LIST } from './list.js';
import type { Migration } from './migration.js';

/*
 * Numbered migrations, one file each (`NNN-name.ts`, exporting one Migration of version NNN),
 * frozen as they shipped: each runs in one transaction together with its `PRAGMA user_version`
 * bump, so a file is always at exactly one version. Never edit a migration that has shipped:
 * add the next one. Their list is derived from the files (build/migration-list.mjs writes
 * list.ts, not kept in git, before every build, type check and test run): a new migration is
 * its file alone.
 */
export const MIGRATIONS: readonly Migration[] = MIGRATION_LIST;

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export { ROOTLOG_APPLICATION_ID } from './004-application-id.js';
export type { Migration };
