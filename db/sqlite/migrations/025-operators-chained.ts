import { connection } from '../connection.js';
import { chainUnlinked } from '../state-chain.js';
import type { Migration } from './migration.js';

/*
 * Schema 25: every operator chained as stored. Before the one operator writer
 * (db/sqlite/operator-rows.ts), the first administrator was written without their link of the
 * state chain, so `rootlog check` on a logbook set up then reported them "added outside
 * RootLog" until they were next saved. This migration gives every operator that has no link
 * at all one as it now stands (schema 19's rule, this schema's own list: the operators only).
 * An operator that has a link is left alone, even when its row differs from that link: such a
 * row was changed outside RootLog, and check goes on reporting it. No table or stored row
 * changes. An operator put in with sqlite3 before the upgrade without a link is chained too
 * (what check proves starts at the chain, docs/evidence.md).
 * Edited once, on 2026-12-02, the day it landed: its first form also re-chained operators whose
 * row differed from their last link, blessing tampering from before the upgrade. No release
 * carries that form, so no logbook ran it. Never edit it again.
 */
export const operatorsChained: Migration = {
  version: 25,
  name: 'operators chained',
  up: (db) => {
    chainUnlinked(connection(db), 'operators', 'id');
  },
};
