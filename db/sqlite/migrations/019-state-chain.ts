import { connection } from '../connection.js';
import { chainAsStored } from '../state-chain.js';
import type { Migration } from './migration.js';

/*
 * Schema 19: the state chain (db/sqlite/state-chain.ts). What the exports, reports and rules
 * read besides a record's content — the department's settings and the pseudonym key, the
 * operators, the drug catalogue and the catalogue as it was at schema 6, and each signed
 * record's stored rows, derived columns and life included — gets a fingerprint in a hash
 * chain of its own, appended in the transaction of each change, so `rootlog check` can prove
 * that what is stored now is what the app last wrote. Only fingerprints: no value is copied.
 * Here the file is chained as it stands (as schema 5 chained the audit log): from now on a
 * change made behind the app shows. The lists below are this schema's and never change; the
 * fingerprint and hash functions are imported (a stored format, pinned by hash-chain.test.ts).
 * Never edit it.
 */
const SQL = `
CREATE TABLE state_chain (
  seq INTEGER PRIMARY KEY,
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 64),
  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  fingerprint TEXT CHECK (fingerprint IS NULL OR (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*')),
  hash TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;
CREATE INDEX state_chain_by_key ON state_chain (subject, key, seq);
CREATE TRIGGER state_chain_no_update BEFORE UPDATE ON state_chain
BEGIN SELECT RAISE(ABORT, 'state_chain is append-only: rows can never be changed'); END;
CREATE TRIGGER state_chain_no_delete BEFORE DELETE ON state_chain
BEGIN SELECT RAISE(ABORT, 'state_chain is append-only: rows can never be deleted'); END;
`;

const AT_SCHEMA_19 = {
  settings: [
    'consoleName',
    'department',
    'defaultOperatorId',
    'referenceLevels',
    'followUpWindows',
    'presets',
    'hubServer',
    'reportTemplate',
    'steroidDayMaxDexamethasoneMg',
    'worklistServer',
    'risServer',
    'pseudonymKey',
  ],
  tables: { operators: 'id', drug_catalogue: 'code', drug_catalogue_at_schema_6: 'code' },
  recordTables: [
    'procedures',
    'procedure_indications',
    'caudal_spread',
    'complications',
    'target_spread',
    'drug_administrations',
    'targets',
  ],
} as const;

export const stateChain: Migration = {
  version: 19,
  name: 'state chain',
  up: (db) => {
    db.exec(SQL);
    chainAsStored(connection(db), AT_SCHEMA_19);
  },
};
