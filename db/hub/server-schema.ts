import type { ClientBase } from 'pg';
import {
  HUB_ADMIN_MESSAGES as A,
  inEnglish,
  lookAlikeTables,
  sentence,
  type Words,
  type WordValue,
} from '../model/index.js';

/*
 * The department hub's schema on PostgreSQL, made and migrated by an administrator
 * (`rootlog hub init`), never by a console: syncing runs no DDL. Numbered migrations, frozen as
 * they shipped, each in one transaction with its version.
 *
 * Everything a console adds is a signed entry appended to one of five tables (versions,
 * follow-ups, catalogue entries, conflicts, resolutions); nothing is ever updated or deleted by
 * a console, and the latest version of a record is the highest one there. Each row carries:
 *   seq, xid     the order a pull reads in: (xid, seq), taking only rows whose transaction
 *                is older than every one still open, so a pull never passes a row that commits
 *                later (pushes take no lock; see pull.ts)
 *   console      set by the server from the login role (hub_current_console()), never by the
 *                console: the column is not in its INSERT grant
 *   entry        the signed entry's text, exactly as signed (json keeps the text), bounded in
 *                size by the server, and its size in entry_bytes so a pull can bound a row
 *                before it reads it
 *   signature    Ed25519 over the entry, by the console's registered key (checked by every
 *                console that pulls it; PostgreSQL cannot)
 *   inserted_at  the server's time, against the console's retirement and its keys' validity
 *
 * Row-level security lets a console insert only rows of its own console (and versions only of
 * records it owns: version 1 is its own, and each later one follows its own); it reads all.
 */

/** The figure of HUB_LIMITS.entryBytes (db/model/hub.ts) as it was frozen into migration 1. */
const ENTRY_BYTES_AT_1 = 262_144;

/** Columns every signed table has; `table` names its constraints. */
const signedColumns = (schema: string, table: string) => `
  seq bigint NOT NULL DEFAULT nextval('${schema}.hub_seq') UNIQUE,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  console text NOT NULL DEFAULT ${schema}.hub_current_console() REFERENCES ${schema}.hub_consoles (name),
  entry json NOT NULL,
  entry_bytes integer GENERATED ALWAYS AS (octet_length(entry::text)) STORED,
  signature text NOT NULL,
  inserted_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ${table}_a_entry_bytes CHECK (entry_bytes <= ${ENTRY_BYTES_AT_1}),
  CONSTRAINT ${table}_b_entry_object CHECK (json_typeof(entry) = 'object'),
  CONSTRAINT ${table}_c_signature CHECK (signature ~ '^[A-Za-z0-9+/]{86}==$')`;

const MIGRATIONS: readonly { version: number; sql: (schema: string) => string }[] = [
  {
    version: 1,
    sql: (s) => `
CREATE TABLE ${s}.hub_identity (
  id uuid PRIMARY KEY,
  one boolean NOT NULL DEFAULT true UNIQUE CHECK (one),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO ${s}.hub_identity (id) VALUES (gen_random_uuid());
CREATE SEQUENCE ${s}.hub_seq AS bigint;
CREATE TABLE ${s}.hub_consoles (
  name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64 AND name !~ '[[:cntrl:]]'),
  role name NOT NULL UNIQUE,
  registered_at timestamptz NOT NULL DEFAULT now(),
  registered_by name NOT NULL DEFAULT current_user,
  retired_at timestamptz,
  retired_by name
);
CREATE TABLE ${s}.hub_console_keys (
  public_key text PRIMARY KEY CHECK (public_key ~ '^[A-Za-z0-9+/]{59}=$'),
  console text NOT NULL REFERENCES ${s}.hub_consoles (name),
  fingerprint text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by name NOT NULL DEFAULT current_user,
  replaced_at timestamptz
);
CREATE INDEX hub_console_keys_by_console ON ${s}.hub_console_keys (console);
CREATE FUNCTION ${s}.hub_current_console() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT name FROM ${s}.hub_consoles WHERE role = current_user AND retired_at IS NULL $$;

CREATE TABLE ${s}.hub_versions (
  record_id uuid NOT NULL,
  version integer NOT NULL CHECK (version BETWEEN 1 AND 500),
  ${signedColumns(s, 'hub_versions')},
  PRIMARY KEY (record_id, version)
);
CREATE TABLE ${s}.hub_follow_ups (
  id uuid PRIMARY KEY,
  record_id uuid NOT NULL,
  ${signedColumns(s, 'hub_follow_ups')}
);
CREATE TABLE ${s}.hub_catalogue (
  kind text NOT NULL CHECK (kind IN ('operator', 'drug')),
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
  version integer NOT NULL CHECK (version >= 1),
  ${signedColumns(s, 'hub_catalogue')},
  PRIMARY KEY (kind, key, version)
);
CREATE TABLE ${s}.hub_conflicts (
  id uuid PRIMARY KEY,
  record_id uuid NOT NULL,
  base_version integer NOT NULL CHECK (base_version BETWEEN 1 AND 500),
  ${signedColumns(s, 'hub_conflicts')}
);
CREATE TABLE ${s}.hub_resolutions (
  conflict_id uuid PRIMARY KEY REFERENCES ${s}.hub_conflicts (id),
  ${signedColumns(s, 'hub_resolutions')}
);
CREATE INDEX hub_versions_pull ON ${s}.hub_versions (xid, seq);
CREATE INDEX hub_versions_by_console ON ${s}.hub_versions (console, record_id);
CREATE INDEX hub_follow_ups_pull ON ${s}.hub_follow_ups (xid, seq);
CREATE INDEX hub_follow_ups_by_record ON ${s}.hub_follow_ups (record_id);
CREATE INDEX hub_catalogue_pull ON ${s}.hub_catalogue (xid, seq);
CREATE INDEX hub_conflicts_pull ON ${s}.hub_conflicts (xid, seq);
CREATE INDEX hub_conflicts_by_record ON ${s}.hub_conflicts (record_id);
CREATE INDEX hub_resolutions_pull ON ${s}.hub_resolutions (xid, seq);

ALTER TABLE ${s}.hub_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${s}.hub_follow_ups ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${s}.hub_catalogue ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${s}.hub_conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${s}.hub_resolutions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON ${s}.hub_versions FOR SELECT USING (true);
CREATE POLICY read_all ON ${s}.hub_follow_ups FOR SELECT USING (true);
CREATE POLICY read_all ON ${s}.hub_catalogue FOR SELECT USING (true);
CREATE POLICY read_all ON ${s}.hub_conflicts FOR SELECT USING (true);
CREATE POLICY read_all ON ${s}.hub_resolutions FOR SELECT USING (true);
-- A version of a record this console owns: its first, or the one after its own last.
CREATE POLICY insert_own ON ${s}.hub_versions FOR INSERT WITH CHECK (
  console = (SELECT ${s}.hub_current_console())
  AND (version = 1 OR EXISTS (
    SELECT 1 FROM ${s}.hub_versions earlier
     WHERE earlier.record_id = hub_versions.record_id AND earlier.version = hub_versions.version - 1
       AND earlier.console = hub_versions.console)));
-- A follow-up of a record the hub has, from this console.
CREATE POLICY insert_own ON ${s}.hub_follow_ups FOR INSERT WITH CHECK (
  console = (SELECT ${s}.hub_current_console())
  AND EXISTS (SELECT 1 FROM ${s}.hub_versions v WHERE v.record_id = hub_follow_ups.record_id AND v.version = 1));
-- A catalogue entry from this console: the first of its key, or the next.
CREATE POLICY insert_own ON ${s}.hub_catalogue FOR INSERT WITH CHECK (
  console = (SELECT ${s}.hub_current_console())
  AND (version = 1 OR EXISTS (
    SELECT 1 FROM ${s}.hub_catalogue earlier
     WHERE earlier.kind = hub_catalogue.kind AND earlier.key = hub_catalogue.key
       AND earlier.version = hub_catalogue.version - 1)));
-- An amendment of another console's record, on a version the hub has.
CREATE POLICY insert_own ON ${s}.hub_conflicts FOR INSERT WITH CHECK (
  console = (SELECT ${s}.hub_current_console())
  AND EXISTS (SELECT 1 FROM ${s}.hub_versions v
               WHERE v.record_id = hub_conflicts.record_id AND v.version = hub_conflicts.base_version)
  AND NOT EXISTS (SELECT 1 FROM ${s}.hub_versions v
                   WHERE v.record_id = hub_conflicts.record_id AND v.version = 1 AND v.console = hub_conflicts.console));
-- The resolution of a conflict on a record this console owns.
CREATE POLICY insert_own ON ${s}.hub_resolutions FOR INSERT WITH CHECK (
  console = (SELECT ${s}.hub_current_console())
  AND EXISTS (SELECT 1 FROM ${s}.hub_conflicts c
                JOIN ${s}.hub_versions v ON v.record_id = c.record_id AND v.version = 1
               WHERE c.id = hub_resolutions.conflict_id AND v.console = hub_resolutions.console));

CREATE TABLE ${s}.hub_schema (
  version integer PRIMARY KEY,
  migrated_at timestamptz NOT NULL DEFAULT now(),
  migrated_by name NOT NULL DEFAULT current_user
);`,
  },
  {
    version: 2,
    // An operator whose name looks like, without being, another operator's (issue 23, item 9).
    // The key is hub_look_alike_key(), made again at every init from db/model (lookAlikeKeySql);
    // the lock makes two consoles adding look-alikes at once meet (each query of a volatile
    // function sees what committed before it), and the function runs as its owner so that it
    // reads every operator whatever a console's rights.
    sql: (s) => `
CREATE FUNCTION ${s}.hub_refuse_look_alike_operator() RETURNS trigger LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = ${s}, pg_temp AS $$
DECLARE
  given text := NEW.entry -> 'value' ->> 'name';
  other record;
BEGIN
  IF given IS NULL THEN RETURN NEW; END IF;
  PERFORM pg_advisory_xact_lock(${OPERATOR_NAMES_LOCK});
  SELECT latest.key, latest.name INTO other
    FROM (SELECT DISTINCT ON (key) key, entry -> 'value' ->> 'name' AS name
            FROM hub_catalogue WHERE kind = 'operator' AND key <> NEW.key ORDER BY key, version DESC) latest
   WHERE latest.name <> given AND hub_look_alike_key(latest.name) = hub_look_alike_key(given)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = '${LOOK_ALIKE_REFUSED}', MESSAGE = format(
      'the operator name “%s” looks like “%s”, the name of another operator on the hub, ID %s: one person is one operator, and two need names that can be told apart (rename this one at its console)',
      given, other.name, other.key);
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION ${s}.hub_refuse_look_alike_operator() FROM PUBLIC;
CREATE TRIGGER hub_catalogue_look_alike_operator BEFORE INSERT ON ${s}.hub_catalogue
  FOR EACH ROW WHEN (NEW.kind = 'operator') EXECUTE FUNCTION ${s}.hub_refuse_look_alike_operator();`,
  },
];

/** The advisory lock operator names are added under, one at a time (migration 2). */
const OPERATOR_NAMES_LOCK = 7_301_550_012;
/** The SQLSTATE of a look-alike operator name refused (class 23, a constraint: a refusal of what was sent). */
const LOOK_ALIKE_REFUSED = '23R01';

/**
 * hub_look_alike_key(name): db/model's lookAlikeKey as a PostgreSQL function, written from
 * its tables (lookAlikeTables), made again at every init so a newer RootLog brings the hub its
 * rule. NFKC is the server's own (`normalize`, PostgreSQL 13 on, in a UTF-8 database); case
 * folding does not ask the database's locale. The hub test compares the two on every character
 * of the basic plane.
 */
function lookAlikeKeySql(schema: string): string {
  const t = lookAlikeTables();
  let folded = 'normalize(name, NFKC)';
  folded = `translate(${folded}, ${literal(t.formatCharacters)}, '')`;
  folded = `translate(${folded}, ${literal(t.confusables.from)}, ${literal(t.confusables.to)})`;
  for (const [from, to] of t.longerCaseFolds) folded = `replace(${folded}, ${literal(from)}, ${literal(to)})`;
  folded = `translate(${folded}, ${literal(t.caseFolds.from)}, ${literal(t.caseFolds.to)})`;
  folded = `normalize(${folded}, NFKC)`;
  folded = `translate(${folded}, ${literal(t.dashes)}, ${literal('-'.repeat([...t.dashes].length))})`;
  folded = `translate(${folded}, ${literal(t.spaces)}, ${literal(' '.repeat([...t.spaces].length))})`;
  const s = quote(schema);
  return `
CREATE OR REPLACE FUNCTION ${s}.hub_look_alike_key(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT btrim(regexp_replace(${folded}, ' {2,}', ' ', 'g'), ' ') $$;
REVOKE ALL ON FUNCTION ${s}.hub_look_alike_key(text) FROM PUBLIC;`;
}

export const HUB_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The signed tables, each with what a console may insert into it (the rest the server sets). */
export const SIGNED_TABLES = {
  hub_versions: ['record_id', 'version', 'entry', 'signature'],
  hub_follow_ups: ['id', 'record_id', 'entry', 'signature'],
  hub_catalogue: ['kind', 'key', 'version', 'entry', 'signature'],
  hub_conflicts: ['id', 'record_id', 'base_version', 'entry', 'signature'],
  hub_resolutions: ['conflict_id', 'entry', 'signature'],
} as const;

/** An arbitrary, fixed key for the advisory lock that serialises administration. */
const ADMIN_LOCK = 7_301_550_011;

/** PostgreSQL names RootLog makes: lower-case letters, digits and "_", starting with a letter. */
const IDENTIFIER = /^[a-z][a-z0-9_]{0,47}$/;

/** `what`: the option given (--schema), or the words for the name (A.theSchema). */
export function checkIdentifier(what: WordValue, value: string): string {
  if (!IDENTIFIER.test(value)) throw new HubAdminError(sentence(A.badIdentifier, { what, value }));
  return value;
}

/** The hub administration refusing what IT asked: declared words (`hub.admin.*`), its message their English. */
export class HubAdminError extends Error {
  readonly words: Words;
  constructor(said: Words) {
    super(inEnglish(said));
    this.name = 'HubAdminError';
    this.words = said;
  }
}

/** The role every console's login role belongs to, one per department (schema). */
export const consoleGroupOf = (schema: string) => `${schema}_console`;

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function inTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_LOCK]);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function schemaVersion(client: ClientBase, schema: string): Promise<number> {
  const table = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
    `${schema}.hub_schema`,
  ]);
  if (!table.rows[0]?.found) return 0;
  const found = await client.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${quote(schema)}.hub_schema`,
  );
  return found.rows[0]?.version ?? 0;
}

export interface InitReport {
  schema: string;
  hubId: string;
  from: number;
  to: number;
  consoleGroup: string;
  /** Rows restored from another PostgreSQL server, given a transaction number of this one. */
  renumbered: number;
}

/**
 * A dump restored into another PostgreSQL server keeps the transaction numbers its rows had
 * there, which this server has not reached: a pull (which reads by this server's horizon) would
 * never take them. They all committed long ago, so they are given the lowest number there is,
 * in their order; every console notices the hub went back and reads it again from the start.
 */
async function renumberForeignRows(client: ClientBase, schema: string): Promise<number> {
  let renumbered = 0;
  for (const table of Object.keys(SIGNED_TABLES)) {
    const result = await client.query(
      `UPDATE ${quote(schema)}.${table} SET xid = '1'::xid8 WHERE xid >= pg_snapshot_xmax(pg_current_snapshot())`,
    );
    renumbered += result.rowCount ?? 0;
  }
  return renumbered;
}

/**
 * Creates or migrates the hub in `schema` and (re)applies the consoles' rights: run by an
 * administrator (a role that may create roles and owns the database). Idempotent.
 */
export async function initHub(client: ClientBase, schema: string): Promise<InitReport> {
  checkIdentifier(sentence(A.theSchema), schema);
  const group = consoleGroupOf(schema);
  return inTransaction(client, async () => {
    const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db as string;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(schema)}`);
    const from = await schemaVersion(client, schema);
    if (from > HUB_SCHEMA_VERSION)
      throw new HubAdminError(sentence(A.newerHub, { schema, version: from, needed: HUB_SCHEMA_VERSION }));
    await client.query(lookAlikeKeySql(schema));
    for (const migration of MIGRATIONS) {
      if (migration.version <= from) continue;
      await client.query(migration.sql(quote(schema)));
      await client.query(`INSERT INTO ${quote(schema)}.hub_schema (version) VALUES ($1)`, [migration.version]);
    }
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [group]);
    if (exists.rowCount === 0) await client.query(`CREATE ROLE ${quote(group)} NOLOGIN`);
    await client.query(grantsSql(schema, database));
    const renumbered = await renumberForeignRows(client, schema);
    const hubId = (await client.query<{ id: string }>(`SELECT id::text FROM ${quote(schema)}.hub_identity`)).rows[0]
      ?.id as string;
    return { schema, hubId, from, to: HUB_SCHEMA_VERSION, consoleGroup: group, renumbered };
  });
}

/** Exactly the consoles' rights, applied again at every init (new tables get theirs). */
function grantsSql(schema: string, database: string): string {
  const s = quote(schema);
  const g = quote(consoleGroupOf(schema));
  const inserts = Object.entries(SIGNED_TABLES)
    .map(([table, columns]) => `GRANT INSERT (${columns.join(', ')}) ON ${s}.${table} TO ${g};`)
    .join('\n');
  return `
REVOKE ALL ON DATABASE ${quote(database)} FROM PUBLIC;
GRANT CONNECT ON DATABASE ${quote(database)} TO ${g};
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA ${s} FROM PUBLIC;
GRANT USAGE ON SCHEMA ${s} TO ${g};
REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM PUBLIC, ${g};
GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${g};
${inserts}
REVOKE ALL ON SEQUENCE ${s}.hub_seq FROM PUBLIC;
GRANT USAGE, SELECT ON SEQUENCE ${s}.hub_seq TO ${g};
REVOKE ALL ON FUNCTION ${s}.hub_current_console() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ${s}.hub_current_console() TO ${g};`;
}

export interface ConsoleRegistration {
  schema: string;
  name: string;
  role: string;
  publicKey: string;
  fingerprint: string;
  /** The console has a new key (its old one lost): the old key stays valid for what it signed before. */
  newKey?: boolean;
}

/**
 * Registers a console (its name and public key) and makes its login role with exactly the
 * consoles' rights; IT then gives the role its password or certificate. Registering the same
 * console again changes nothing; another key for a registered console needs `newKey`.
 */
export async function addConsole(
  client: ClientBase,
  registration: ConsoleRegistration,
): Promise<'added' | 'unchanged' | 'new key'> {
  const { schema, name, role, publicKey, fingerprint } = registration;
  checkIdentifier(sentence(A.theSchema), schema);
  checkIdentifier(sentence(A.theRole), role);
  const s = quote(schema);
  return inTransaction(client, async () => {
    if ((await schemaVersion(client, schema)) === 0) throw new HubAdminError(sentence(A.noHub, { schema }));
    const byName = await client.query<{ role: string; retired: boolean }>(
      `SELECT role, retired_at IS NOT NULL AS retired FROM ${s}.hub_consoles WHERE name = $1`,
      [name],
    );
    const byRole = await client.query<{ name: string }>(`SELECT name FROM ${s}.hub_consoles WHERE role = $1`, [role]);
    const existing = byName.rows[0];
    if (existing?.retired) throw new HubAdminError(sentence(A.retired, { name }));
    if (existing && existing.role !== role)
      throw new HubAdminError(sentence(A.otherRole, { name, registered: existing.role, role }));
    if (!existing && byRole.rows[0])
      throw new HubAdminError(sentence(A.roleTaken, { role, name: byRole.rows[0].name }));
    const keys = await client.query<{ public_key: string; console: string; replaced: boolean }>(
      `SELECT public_key, console, replaced_at IS NOT NULL AS replaced FROM ${s}.hub_console_keys WHERE console = $1 OR public_key = $2`,
      [name, publicKey],
    );
    const sameKey = keys.rows.find((row) => row.public_key === publicKey);
    if (sameKey && sameKey.console !== name) throw new HubAdminError(sentence(A.keyTaken, { name: sameKey.console }));
    if (sameKey?.replaced) throw new HubAdminError(sentence(A.keyReplaced, { name }));
    const current = keys.rows.filter((row) => row.console === name && !row.replaced);
    let outcome: 'added' | 'unchanged' | 'new key' = 'added';
    if (existing && sameKey) outcome = 'unchanged';
    else if (existing && current.length > 0 && !registration.newKey)
      throw new HubAdminError(sentence(A.otherKey, { name }));
    else if (existing) outcome = 'new key';
    const roleExists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (roleExists.rowCount === 0) await client.query(`CREATE ROLE ${quote(role)} LOGIN`);
    await client.query(`GRANT ${quote(consoleGroupOf(schema))} TO ${quote(role)}`);
    await client.query(`ALTER ROLE ${quote(role)} SET search_path = ${literal(schema)}`);
    // A console that leaves a transaction open would hold back every pull (see pull.ts).
    await client.query(`ALTER ROLE ${quote(role)} SET idle_in_transaction_session_timeout = '60s'`);
    if (!existing) await client.query(`INSERT INTO ${s}.hub_consoles (name, role) VALUES ($1, $2)`, [name, role]);
    if (outcome === 'unchanged') return outcome;
    await client.query(
      `UPDATE ${s}.hub_console_keys SET replaced_at = now() WHERE console = $1 AND replaced_at IS NULL`,
      [name],
    );
    await client.query(`INSERT INTO ${s}.hub_console_keys (public_key, console, fingerprint) VALUES ($1, $2, $3)`, [
      publicKey,
      name,
      fingerprint,
    ]);
    return outcome;
  });
}

/**
 * Ends a console's right to add anything (and to log in at all); everything it added stays, and
 * stays valid on every console (it was signed before the retirement).
 */
export async function retireConsole(client: ClientBase, schema: string, name: string): Promise<{ role: string }> {
  checkIdentifier(sentence(A.theSchema), schema);
  const s = quote(schema);
  return inTransaction(client, async () => {
    const found = await client.query<{ role: string; retired: boolean }>(
      `SELECT role, retired_at IS NOT NULL AS retired FROM ${s}.hub_consoles WHERE name = $1`,
      [name],
    );
    const row = found.rows[0];
    if (!row) throw new HubAdminError(sentence(A.noConsole, { name }));
    if (!row.retired)
      await client.query(`UPDATE ${s}.hub_consoles SET retired_at = now(), retired_by = current_user WHERE name = $1`, [
        name,
      ]);
    const roleExists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [row.role]);
    if (roleExists.rowCount !== 0) {
      await client.query(`REVOKE ${quote(consoleGroupOf(schema))} FROM ${quote(row.role)}`);
      await client.query(`ALTER ROLE ${quote(row.role)} NOLOGIN`);
    }
    return { role: row.role };
  });
}

export interface ListedConsole {
  name: string;
  role: string;
  fingerprint: string;
  registeredAt: string;
  retiredAt: string | null;
}

export async function listConsoles(client: ClientBase, schema: string): Promise<ListedConsole[]> {
  checkIdentifier(sentence(A.theSchema), schema);
  const s = quote(schema);
  const rows = await client.query<ListedConsole>(
    `SELECT c.name, c.role, coalesce(k.fingerprint, '') AS fingerprint, c.registered_at::text AS "registeredAt",
            c.retired_at::text AS "retiredAt"
       FROM ${s}.hub_consoles c
       LEFT JOIN ${s}.hub_console_keys k ON k.console = c.name AND k.replaced_at IS NULL
      ORDER BY c.name`,
  );
  return rows.rows;
}
