import type { Migration } from './migration.js';

/*
 * Schema 7: the episode's follow-ups. A follow-up (the day-1–3 call, the 2–6-week review) is
 * appended to a signed record without amending it: its own row, never changed or removed, a
 * link in its own hash chain, and an audit row of its own (action 'follow_up', which the
 * audit log's CHECK now allows: the table is rebuilt with its rows, hashes and seq unchanged,
 * so the audit chain holds). A mistaken entry is corrected by a new one that supersedes it,
 * with a reason. Never edit it.
 */
const SQL = `
CREATE TABLE audit_log_rebuilt (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (length(actor) > 0),
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'sign', 'amend', 'delete', 'settings', 'import', 'follow_up')),
  entity TEXT NOT NULL CHECK (entity IN ('procedure', 'operator', 'drug', 'settings', 'import')),
  entity_id TEXT NOT NULL,
  version INTEGER,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  reason TEXT,
  hash TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'))
) STRICT;
INSERT INTO audit_log_rebuilt (seq, at, actor, action, entity, entity_id, version, changes, reason, hash)
  SELECT seq, at, actor, action, entity, entity_id, version, changes, reason, hash FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows can never be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows can never be deleted'); END;
CREATE TRIGGER audit_log_hash_required BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'audit_log rows are chained: a row without its hash cannot be written'); END;

CREATE TABLE follow_up_entries (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  procedure_id TEXT NOT NULL REFERENCES procedures (id),
  contact_date TEXT NOT NULL CHECK (contact_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  days_after INTEGER NOT NULL CHECK (typeof(days_after) = 'integer' AND days_after BETWEEN 0 AND 3650),
  method TEXT NOT NULL CHECK (method IN ('phone', 'visit', 'questionnaire')),
  leg_nrs INTEGER CHECK (leg_nrs IS NULL OR (typeof(leg_nrs) = 'integer' AND leg_nrs BETWEEN 0 AND 10)),
  back_nrs INTEGER CHECK (back_nrs IS NULL OR (typeof(back_nrs) = 'integer' AND back_nrs BETWEEN 0 AND 10)),
  global_impression TEXT CHECK (global_impression IS NULL OR global_impression IN ('very_much_improved', 'much_improved', 'minimally_improved', 'no_change', 'minimally_worse', 'much_worse', 'very_much_worse')),
  -- Derived when written: (NRS before − leg NRS now) / NRS before, in %, from the signed record.
  relief_percent REAL CHECK (relief_percent IS NULL OR relief_percent BETWEEN -1000 AND 100),
  -- Complications found at follow-up, ";"-joined codes of the complication vocabulary.
  new_complications TEXT NOT NULL DEFAULT '',
  further_treatment TEXT CHECK (further_treatment IS NULL OR further_treatment IN ('none', 'repeat_injection', 'physiotherapy', 'surgical_referral', 'other')),
  notes TEXT CHECK (notes IS NULL OR length(notes) <= 2000),
  supersedes TEXT REFERENCES follow_up_entries (id),
  reason TEXT,
  recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 100),
  recorded_at TEXT NOT NULL,
  hash TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
  CHECK (supersedes IS NULL OR (reason IS NOT NULL AND length(trim(reason)) >= 3))
) STRICT;
CREATE INDEX follow_up_entries_by_procedure ON follow_up_entries (procedure_id, contact_date);
CREATE UNIQUE INDEX follow_up_entries_superseded_once ON follow_up_entries (supersedes) WHERE supersedes IS NOT NULL;
CREATE TRIGGER follow_up_entries_no_update BEFORE UPDATE ON follow_up_entries
BEGIN SELECT RAISE(ABORT, 'follow_up_entries is append-only: correct an entry with a new one that supersedes it'); END;
CREATE TRIGGER follow_up_entries_no_delete BEFORE DELETE ON follow_up_entries
BEGIN SELECT RAISE(ABORT, 'follow_up_entries is append-only: rows can never be deleted'); END;
CREATE TRIGGER follow_up_entries_signed_only BEFORE INSERT ON follow_up_entries
  WHEN (SELECT status FROM procedures WHERE id = NEW.procedure_id) IS NOT 'signed'
   AND (SELECT status FROM procedures WHERE id = NEW.procedure_id) IS NOT 'amended'
BEGIN SELECT RAISE(ABORT, 'a follow-up belongs to a signed procedure'); END;
`;

export const followUpEntries: Migration = { version: 7, name: 'follow-up entries', up: (db) => db.exec(SQL) };
