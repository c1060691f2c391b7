import type { Migration } from './migration.js';

/*
 * Schema 12: the outbox of the department hub. Whatever is signed, amended or followed up is
 * queued here by trigger, inside the very transaction that writes it, so nothing is lost
 * between a save and the next push (db/hub/sync.ts). A queued record is pushed whole; the row
 * goes once the server has it. Drafts are never queued: they stay on their console.
 * Never edit it.
 */
const SQL = `
CREATE TABLE sync_outbox (
  procedure_id TEXT PRIMARY KEY NOT NULL REFERENCES procedures (id),
  queued_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER sync_outbox_on_insert AFTER INSERT ON procedures WHEN NEW.status <> 'draft'
BEGIN INSERT OR REPLACE INTO sync_outbox (procedure_id, queued_at) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER sync_outbox_on_update AFTER UPDATE OF status ON procedures WHEN NEW.status <> 'draft'
BEGIN INSERT OR REPLACE INTO sync_outbox (procedure_id, queued_at) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER sync_outbox_on_follow_up AFTER INSERT ON follow_up_entries
BEGIN INSERT OR REPLACE INTO sync_outbox (procedure_id, queued_at) VALUES (NEW.procedure_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
INSERT INTO sync_outbox (procedure_id, queued_at)
  SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM procedures WHERE status <> 'draft';
`;

export const syncOutbox: Migration = { version: 12, name: 'sync outbox', up: (db) => db.exec(SQL) };
