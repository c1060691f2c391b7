import type { ClientBase } from 'pg';

/*
 * The department hub's schema on PostgreSQL, created and migrated by RootLog like the console's
 * SQLite file: numbered migrations, frozen as they shipped, each in one transaction with its
 * version. Consoles racing to migrate an empty server take an advisory lock first.
 *
 * hub_records: each signed record once, as the JSON export carries it (versions, history,
 *   follow-ups with their hash links), with `seq` from one sequence: a pull asks for
 *   everything after the last seq it saw (indexed).
 * hub_versions: each signed version once (record id and version number are the key).
 * hub_follow_ups: each follow-up entry once.
 * hub_catalogue: the operators and drugs the records name.
 * Records, versions and follow-ups are kept as `json`, not `jsonb`: their text exactly as the
 * console wrote it, so the hash links they carry still verify when another console pulls them
 * (jsonb would reorder keys).
 * hub_conflicts, hub_refusals: what a console pushed that was not taken, and why.
 */

const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE SEQUENCE hub_seq;
CREATE TABLE hub_records (
  id uuid PRIMARY KEY,
  seq bigint NOT NULL DEFAULT nextval('hub_seq'),
  console text NOT NULL,
  latest_version integer NOT NULL CHECK (latest_version >= 1),
  record json NOT NULL,
  pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX hub_records_by_seq ON hub_records (seq);
CREATE TABLE hub_versions (
  record_id uuid NOT NULL REFERENCES hub_records (id),
  version integer NOT NULL CHECK (version >= 1),
  hash text,
  content json NOT NULL,
  console text NOT NULL,
  PRIMARY KEY (record_id, version)
);
CREATE TABLE hub_follow_ups (
  id uuid PRIMARY KEY,
  record_id uuid NOT NULL REFERENCES hub_records (id),
  hash text NOT NULL,
  entry json NOT NULL
);
CREATE TABLE hub_catalogue (
  kind text NOT NULL CHECK (kind IN ('operator', 'drug')),
  key text NOT NULL,
  value jsonb NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE TABLE hub_conflicts (
  record_id uuid NOT NULL,
  console text NOT NULL,
  reason text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, console, reason)
);
CREATE TABLE hub_refusals (
  record_id text NOT NULL,
  console text NOT NULL,
  reason text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, console, reason)
);`,
  },
];

export const HUB_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** An arbitrary, fixed key for the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_301_550_001;

/** Creates or migrates the hub schema; refuses a server from a newer RootLog. */
export async function ensureServerSchema(client: ClientBase): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS hub_schema (version integer NOT NULL)');
    const found = await client.query<{ version: number }>('SELECT max(version) AS version FROM hub_schema');
    const current = found.rows[0]?.version ?? 0;
    if (current > HUB_SCHEMA_VERSION) {
      throw new Error(
        `The department server has hub schema ${current}, newer than this RootLog knows (${HUB_SCHEMA_VERSION}): update RootLog on this console.`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO hub_schema (version) VALUES ($1)', [migration.version]);
    }
    await client.query('COMMIT');
    return HUB_SCHEMA_VERSION;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
