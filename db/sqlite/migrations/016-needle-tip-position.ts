import type { Migration } from './migration.js';

/*
 * Schema 14: where the needle tip lay, per target (extraforaminal, foraminal, recessal). A new
 * column that may be empty: every stored row stays as it is. Never edit it.
 */
const SQL = `
ALTER TABLE targets ADD COLUMN needle_tip_position TEXT CHECK (needle_tip_position IS NULL OR needle_tip_position IN ('extraforaminal', 'foraminal', 'recessal'));
`;

export const needleTipPosition: Migration = { version: 16, name: 'needle tip position', up: (db) => db.exec(SQL) };
