import { connection } from '../connection.js';
import { chainAsStored } from '../state-chain.js';
import type { Migration } from './migration.js';

/*
 * Schema 25: every operator chained as stored. Before the one operator writer
 * (db/sqlite/operator-rows.ts), the first administrator was written without their link of the
 * state chain, so `rootlog check` on a logbook set up then reported them "added outside
 * RootLog" until they were next saved. This migration gives every operator without a link, or
 * whose row differs from its last link, one as it now stands (schema 19's rule, this schema's
 * own list: the operators only). No table or stored row changes. Like migrations 20 to 22,
 * it takes the rows as they are when it runs: an operator put in with sqlite3 before the
 * upgrade is chained too (what check proves starts at the chain, docs/evidence.md).
 * Never edit it.
 */
export const operatorsChained: Migration = {
  version: 25,
  name: 'operators chained',
  up: (db) => {
    chainAsStored(connection(db), { settings: [], tables: { operators: 'id' }, recordTables: [] });
  },
};
