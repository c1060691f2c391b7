import type { Migration } from './migration.js';

/*
 * Schema 18: what a console keeps of the department hub (db/hub/, db/sqlite/hub-local.ts).
 * - hub_console_key: this console's public signing key (the private key is never here).
 * - hub_positions: how far the pull has read each stream of each hub, by the hub's identity,
 *   as (transaction, sequence) numbers kept as decimal text (64-bit: never a JavaScript number).
 * - hub_seen: the last row each hub was seen to hold; a hub without it was restored.
 * - hub_received_versions / hub_received_follow_ups: what came from the hub, from which console,
 *   and which local version a hub version became.
 * - hub_catalogue_state: the catalogue entries as last synced, to tell a change made here.
 * - hub_refusals: rows of the hub this console did not take, with the reason and the row
 *   itself, kept for IT (never changed or removed); hub_waiting: rows that wait for another.
 * - hub_conflicts: amendments of one console's record made on another, until resolved.
 * Never edit it.
 */
const DECIMAL = (column: string) =>
  `CHECK (${column} <> '' AND ${column} NOT GLOB '*[^0-9]*' AND length(${column}) <= 20)`;
const SQL = `
CREATE TABLE hub_console_key (
  id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  public_key TEXT NOT NULL CHECK (length(public_key) = 60),
  kept_in TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE hub_positions (
  hub_id TEXT NOT NULL,
  stream TEXT NOT NULL,
  xid TEXT NOT NULL ${DECIMAL('xid')},
  seq TEXT NOT NULL ${DECIMAL('seq')},
  PRIMARY KEY (hub_id, stream)
) STRICT, WITHOUT ROWID;
CREATE TABLE hub_seen (
  hub_id TEXT PRIMARY KEY NOT NULL,
  seq TEXT NOT NULL ${DECIMAL('seq')},
  stream TEXT,
  row_key TEXT,
  horizon TEXT NOT NULL ${DECIMAL('horizon')},
  first_seen_at TEXT NOT NULL,
  last_sync_at TEXT NOT NULL
) STRICT;
CREATE TABLE hub_received_versions (
  record_id TEXT NOT NULL REFERENCES procedures (id),
  hub_version INTEGER NOT NULL CHECK (hub_version >= 1),
  local_version INTEGER NOT NULL CHECK (local_version >= 1),
  console TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (record_id, hub_version)
) STRICT, WITHOUT ROWID;
CREATE TABLE hub_received_follow_ups (
  id TEXT PRIMARY KEY NOT NULL REFERENCES follow_up_entries (id),
  console TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE hub_catalogue_state (
  kind TEXT NOT NULL CHECK (kind IN ('operator', 'drug')),
  key TEXT NOT NULL,
  hub_version INTEGER NOT NULL CHECK (hub_version >= 1),
  digest TEXT NOT NULL,
  PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;
CREATE TABLE hub_refusals (
  id INTEGER PRIMARY KEY,
  hub_id TEXT NOT NULL,
  stream TEXT NOT NULL,
  seq TEXT NOT NULL ${DECIMAL('seq')},
  subject TEXT NOT NULL,
  console TEXT,
  reason TEXT NOT NULL,
  entry TEXT,
  signature TEXT,
  refused_at TEXT NOT NULL,
  UNIQUE (hub_id, stream, seq)
) STRICT;
CREATE TRIGGER hub_refusals_no_update BEFORE UPDATE ON hub_refusals
BEGIN SELECT RAISE(ABORT, 'hub_refusals is kept for IT: rows are never changed'); END;
CREATE TRIGGER hub_refusals_no_delete BEFORE DELETE ON hub_refusals
BEGIN SELECT RAISE(ABORT, 'hub_refusals is kept for IT: rows are never removed'); END;
CREATE TABLE hub_waiting (
  hub_id TEXT NOT NULL,
  stream TEXT NOT NULL,
  seq TEXT NOT NULL ${DECIMAL('seq')},
  subject TEXT NOT NULL,
  reason TEXT NOT NULL,
  since TEXT NOT NULL,
  PRIMARY KEY (hub_id, stream, seq)
) STRICT, WITHOUT ROWID;
CREATE TABLE hub_conflicts (
  id TEXT PRIMARY KEY NOT NULL,
  record_id TEXT NOT NULL REFERENCES procedures (id),
  owner TEXT NOT NULL,
  proposer TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  entry TEXT NOT NULL CHECK (json_valid(entry)),
  signature TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  -- 1 once the hub holds it (a proposal made here is pushed; one pulled is there already).
  on_hub INTEGER NOT NULL CHECK (on_hub IN (0, 1)),
  decision TEXT CHECK (decision IS NULL OR decision IN ('took', 'kept')),
  decided_version INTEGER,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution_on_hub INTEGER NOT NULL DEFAULT 0 CHECK (resolution_on_hub IN (0, 1))
) STRICT;
CREATE INDEX hub_conflicts_by_record ON hub_conflicts (record_id);
`;

export const hubLocal: Migration = { version: 18, name: 'hub local', up: (db) => db.exec(SQL) };
