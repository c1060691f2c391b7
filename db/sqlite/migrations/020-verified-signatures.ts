import { connection } from '../connection.js';
import { chainAsStored } from '../state-chain.js';
import type { Migration } from './migration.js';

/*
 * Schema 20: a signature is a person's. Operators get a role (radiologist or technologist) and
 * may be administrators; each may hold a credential (operator_credentials: a slow salted hash
 * of their PIN with its recorded parameters, the wrong PINs in a row and the lock they cause,
 * a keyed hash of their badge number) — a table apart from operators, so that nothing which
 * copies or chains the operators ever carries a credential. A signed version, a follow-up
 * entry and the record's life name the operator proven by their PIN (their id beside the
 * printed name) and what the signature means; the hash chains cover both (hash-chain.ts).
 *
 * From this schema on a version or a follow-up is written only for an operator holding a
 * credential, under their name as it stands (the triggers below); a record made elsewhere (an
 * import, the hub, the demo seed) is written while its id is in carried_signatures — its
 * signatures were proven where they were made. Existing records keep their stored signer text;
 * existing operators hold no credential until an administrator sets their first PIN. Never
 * edit it.
 */
const SQL = `
ALTER TABLE operators ADD COLUMN role TEXT NOT NULL DEFAULT 'radiologist' CHECK (role IN ('radiologist', 'technologist'));
ALTER TABLE operators ADD COLUMN administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1));

CREATE TABLE operator_credentials (
  operator_id TEXT PRIMARY KEY NOT NULL REFERENCES operators (id),
  scheme TEXT NOT NULL CHECK (scheme IN ('scrypt')),
  -- scrypt's N, r and p as the hash was made: a later RootLog may raise them for new PINs.
  cost INTEGER NOT NULL CHECK (cost BETWEEN 1024 AND 1048576),
  block_size INTEGER NOT NULL CHECK (block_size BETWEEN 1 AND 32),
  parallelism INTEGER NOT NULL CHECK (parallelism BETWEEN 1 AND 16),
  salt TEXT NOT NULL CHECK (length(salt) = 32 AND salt NOT GLOB '*[^0-9a-f]*'),
  hash TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
  set_at TEXT NOT NULL,
  -- The operator who set it: its owner, or the administrator who set the first one or reset it.
  set_by TEXT NOT NULL REFERENCES operators (id),
  wrong_in_a_row INTEGER NOT NULL DEFAULT 0 CHECK (wrong_in_a_row >= 0),
  locked_until TEXT,
  -- HMAC-SHA-256 of the badge number with the logbook's badge key (table badge_key).
  badge_hash TEXT UNIQUE CHECK (badge_hash IS NULL OR (length(badge_hash) = 64 AND badge_hash NOT GLOB '*[^0-9a-f]*'))
) STRICT;

ALTER TABLE procedures ADD COLUMN signed_by_id TEXT;
ALTER TABLE procedures ADD COLUMN signed_meaning TEXT CHECK (signed_meaning IS NULL OR signed_meaning IN ('performed_and_signed'));
ALTER TABLE procedures ADD COLUMN amended_by_id TEXT;
ALTER TABLE procedures ADD COLUMN amended_meaning TEXT CHECK (amended_meaning IS NULL OR amended_meaning IN ('amended'));

ALTER TABLE procedure_versions ADD COLUMN signer_id TEXT;
ALTER TABLE procedure_versions ADD COLUMN meaning TEXT CHECK (meaning IS NULL OR meaning IN ('performed_and_signed', 'amended'));

ALTER TABLE follow_up_entries ADD COLUMN recorded_by_id TEXT;
ALTER TABLE follow_up_entries ADD COLUMN meaning TEXT CHECK (meaning IS NULL OR meaning IN ('follow_up_recorded'));

-- The key of the badge numbers' keyed hashes: made once, kept only here (never exported, never pushed).
CREATE TABLE badge_key (
  id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  key TEXT NOT NULL CHECK (length(key) = 64 AND key NOT GLOB '*[^0-9a-f]*')
) STRICT;

-- Open only while a record made elsewhere is written whole (record-life.ts, writeWholeRecord).
CREATE TABLE carried_signatures (
  procedure_id TEXT PRIMARY KEY NOT NULL
) STRICT;

CREATE TRIGGER procedure_versions_signed_by_operator BEFORE INSERT ON procedure_versions
  WHEN NOT EXISTS (SELECT 1 FROM carried_signatures WHERE procedure_id = NEW.procedure_id)
   AND (NEW.signer_id IS NULL OR NEW.meaning IS NULL
     OR NOT EXISTS (SELECT 1 FROM operator_credentials WHERE operator_id = NEW.signer_id)
     OR NEW.signed_by IS NOT (SELECT name FROM operators WHERE id = NEW.signer_id))
BEGIN SELECT RAISE(ABORT, 'a signature names an operator who proved it with their own PIN'); END;

CREATE TRIGGER procedure_versions_signer_whole BEFORE INSERT ON procedure_versions
  WHEN (NEW.signer_id IS NULL) <> (NEW.meaning IS NULL)
BEGIN SELECT RAISE(ABORT, 'a signature names its operator and its meaning together'); END;

CREATE TRIGGER follow_up_entries_recorded_by_operator BEFORE INSERT ON follow_up_entries
  WHEN NOT EXISTS (SELECT 1 FROM carried_signatures WHERE procedure_id = NEW.procedure_id)
   AND (NEW.recorded_by_id IS NULL OR NEW.meaning IS NULL
     OR NOT EXISTS (SELECT 1 FROM operator_credentials WHERE operator_id = NEW.recorded_by_id)
     OR NEW.recorded_by IS NOT (SELECT name FROM operators WHERE id = NEW.recorded_by_id))
BEGIN SELECT RAISE(ABORT, 'a follow-up names an operator who proved it with their own PIN'); END;

CREATE TRIGGER follow_up_entries_recorder_whole BEFORE INSERT ON follow_up_entries
  WHEN (NEW.recorded_by_id IS NULL) <> (NEW.meaning IS NULL)
BEGIN SELECT RAISE(ABORT, 'a follow-up names its operator and its meaning together'); END;
`;

// The operators' new columns (role, administrator) give every operator row a new fingerprint: the
// rows are chained again as they now stand, in this transaction (schema 19's rule).
const CHAINED_HERE = { settings: [], tables: { operators: 'id' }, recordTables: [] } as const;

export const verifiedSignatures: Migration = {
  version: 20,
  name: 'verified signatures',
  up: (db) => {
    db.exec(SQL);
    chainAsStored(connection(db), CHAINED_HERE);
  },
};
