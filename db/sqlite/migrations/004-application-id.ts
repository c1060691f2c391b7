import type { Migration } from './migration.js';

/*
 * Schema 4 exactly as it shipped: the file says it is a RootLog logbook. SQLite's header has
 * a field for this (offset 68, `PRAGMA application_id`; `file` and other tools read it), so
 * RootLog can refuse an SQLite file that is not a logbook instead of migrating it into one.
 * Never edit it.
 */
export const ROOTLOG_APPLICATION_ID = 0x526f6f74; // "Root"

export const applicationId: Migration = {
  version: 4,
  name: 'application id',
  up: (db) => {
    db.pragma(`application_id = ${ROOTLOG_APPLICATION_ID}`);
  },
};
