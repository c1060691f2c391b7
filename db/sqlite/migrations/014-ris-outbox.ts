import type { Migration } from './migration.js';

/*
 * Schema 13: the outbox of reports for the RIS (HL7 ORU^R01, db/ris/outbox.ts). A trigger
 * queues the report inside the very transaction that signs the record, and each amendment as a
 * corrected result — nothing signed can miss the RIS because the console stopped in between.
 * Only what this console signs or amends is queued, and only once a RIS is set up (settings
 * key 'risServer'): a record that arrives by import or from the hub was reported by the console
 * that signed it (it has no 'create' audit row of this console's own when it is signed, and
 * its amendments never pass through open_amendments), and the demo seed is never reported.
 * A row stays after it is sent, as the record of what the RIS was told and what it answered.
 * The message is built when sent, from the signed version (procedure_versions). Never edit it.
 */
const SQL = `
CREATE TABLE ris_outbox (
  procedure_id TEXT NOT NULL REFERENCES procedures (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  queued_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'refused', 'unsendable')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  failing_since TEXT,
  last_error TEXT,
  next_attempt_at TEXT,
  done_at TEXT,
  answer_code TEXT,
  answer_text TEXT,
  control_id TEXT,
  message TEXT,
  acknowledgement TEXT,
  PRIMARY KEY (procedure_id, version),
  CHECK (state = 'waiting' OR done_at IS NOT NULL)
) STRICT;
CREATE INDEX ris_outbox_waiting ON ris_outbox (state, queued_at);
CREATE TRIGGER ris_outbox_on_sign AFTER UPDATE OF status ON procedures
  WHEN OLD.status = 'draft' AND NEW.status = 'signed'
   AND EXISTS (SELECT 1 FROM settings WHERE key = 'risServer' AND value <> 'null')
   AND EXISTS (SELECT 1 FROM audit_log WHERE entity = 'procedure' AND entity_id = NEW.id AND action = 'create')
BEGIN
  INSERT OR IGNORE INTO ris_outbox (procedure_id, version, queued_at)
  VALUES (NEW.id, NEW.version, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER ris_outbox_on_amend AFTER UPDATE OF version ON procedures
  WHEN NEW.status = 'amended' AND NEW.version > OLD.version
   AND EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.id)
   AND EXISTS (SELECT 1 FROM settings WHERE key = 'risServer' AND value <> 'null')
BEGIN
  INSERT OR IGNORE INTO ris_outbox (procedure_id, version, queued_at)
  VALUES (NEW.id, NEW.version, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
`;

export const risOutbox: Migration = { version: 14, name: 'RIS outbox', up: (db) => db.exec(SQL) };
