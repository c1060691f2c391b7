import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordFollowUp } from '../follow-ups.js';
import { checkDatabase } from '../maintenance.js';
import { connectionSettingsPatchSchema } from '../model/connection-settings.js';
import { STARTING_REFERENCE_LEVELS, settingsPatchSchema } from '../model/index.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { saveDrug, updateSettings } from '../settings.js';
import { context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner, someSigner } from '../testing/signer.js';
import { type ChainHead, formatHead, parseHead } from './head.js';

/*
 * Everything an export, a report or a rule reads is inside the chained evidence or recomputed
 * from it, so whatever someone with sqlite3 changes behind the app, `check` says so, with and
 * without a head kept elsewhere. The cases are generated from the file itself: every column of
 * a record's tables, of the operators and of the drug catalogue, and every setting the
 * department can set, so a column or a setting added later is covered without a new test.
 */

let sound: string;
let keptHead: ChainHead;
/** A signed record (version 1) with at least one drug, one target and one complication. */
let signedId: string;
let amendedId: string;

beforeAll(() => {
  const { store } = tempStore();
  seedDatabase(store, { count: 40, seed: 23, until: new Date('2026-06-30T12:00:00Z') }, context);
  updateSettings(
    store,
    {
      reportTemplate: 'Infiltration {targets}. {drugs}.',
      referenceLevels: {
        levels: STARTING_REFERENCE_LEVELS.levels.map((level) => ({ ...level, value: level.value + 10, origin: 'set' })),
      },
      steroidDayMaxDexamethasoneMg: 24,
      department: { name: 'Radiology', address: 'Main street 1', phone: '+41 00 000 00 00' },
    },
    context,
  );
  saveDrug(
    store,
    {
      code: 'triamcinolone',
      name: 'Triamcinolone acetonide',
      drugClass: 'steroid',
      particulate: true,
      dosing: 'mg',
      usualDoseMg: 40,
      maxDoseMg: 80,
      active: true,
    },
    context,
  );
  // Records with a row in every table a record is made of (so every column can be changed).
  const parts = recordTables(store.reader.db).filter((table) => table !== 'procedures');
  const ids = store.reader
    .prepare(
      `SELECT p.id FROM procedures p WHERE p.status = 'signed'
          AND EXISTS (SELECT 1 FROM drug_administrations d WHERE d.procedure_id = p.id AND d.dose_given_mg > 0)
          AND ${parts.map((table) => `EXISTS (SELECT 1 FROM ${table} x WHERE x.procedure_id = p.id)`).join(' AND ')}
        ORDER BY p.id`,
    )
    .pluck()
    .all() as string[];
  expect(ids.length).toBeGreaterThan(1);
  signedId = ids[0] as string;
  amendedId = ids[1] as string;
  const { record } = getProcedure(store, amendedId);
  amendProcedure(
    store,
    { ...clinicalContent(record), painPost: record.painPost === 0 ? 1 : 0 },
    { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
    recordSigner(store, amendedId),
    context,
  );
  saveDraft(store, { painPre: 6 }, context);
  const performed = getProcedure(store, signedId).record.performedAt?.slice(0, 10) as string;
  recordFollowUp(
    store,
    { procedureId: signedId, contactDate: performed, method: 'phone', legNrs: 2 },
    someSigner(store),
    context,
  );
  sound = store.path;
  store.close();
  const report = checkDatabase(sound);
  expect(report.ok, JSON.stringify(report)).toBe(true);
  keptHead = report.ledger?.head as ChainHead;
});

/** A copy of the sound file, changed by `tamper` on a plain connection, as sqlite3 would. */
function tampered(tamper: (db: Database.Database) => void): string {
  const path = tempPath();
  copyFileSync(sound, path);
  const db = new Database(path);
  // What an attacker may switch off on their own connection: constraint checks and defensive mode.
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  db.unsafeMode(true);
  tamper(db);
  db.close();
  return path;
}

const triggersOn = (db: Database.Database, table: string) =>
  db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?").all(table) as {
    name: string;
    sql: string;
  }[];

/** Runs `change` with every trigger of `table` dropped, then recreates them exactly as they were. */
function behindTheTriggers(db: Database.Database, table: string, change: () => void): void {
  const saved = triggersOn(db, table);
  for (const { name } of saved) db.exec(`DROP TRIGGER ${name}`);
  change();
  for (const { sql } of saved) db.exec(sql);
}

/** `check` fails on the file, without a head and with the one kept before the change. */
function expectEvident(path: string, what: string) {
  const alone = checkDatabase(path);
  expect(alone.ok, `${what}: check without a head`).toBe(false);
  expect(alone.ledger?.ok, `${what}: the ledger (tamper evidence), not only the dashboard check`).toBe(false);
  const withHead = checkDatabase(path, { expectHead: keptHead });
  expect(withHead.ok, `${what}: check with the kept head`).toBe(false);
  return alone;
}

const columnsOf = (db: Database.Database, table: string) =>
  db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[];

/** A different value of the column's storage type (STRICT tables keep the type even without CHECKs). */
function otherValue(type: string, value: unknown): unknown {
  if (type === 'INTEGER') return typeof value === 'number' ? value + 100 : 1;
  if (type === 'REAL') return typeof value === 'number' ? value * 10 + 1 : 1.5;
  if (type === 'BLOB') return Buffer.from('forged');
  return typeof value === 'string' && value.length > 0
    ? `${value.slice(0, -1)}${value.endsWith('x') ? 'y' : 'x'}`
    : 'x';
}

/** Changes `column` of the first row of `table` that `where` selects, the row found by its primary key. */
function changeOneRow(
  db: Database.Database,
  table: string,
  column: string,
  type: string,
  where: string,
  params: unknown[],
): void {
  const keys = db
    .prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk')
    .pluck()
    .all(table) as string[];
  const row = db.prepare(`SELECT * FROM ${table} WHERE ${where} LIMIT 1`).get(...params) as
    | Record<string, unknown>
    | undefined;
  if (!row) throw new Error(`${table} has no row to change`);
  const match = keys.length > 0 ? keys : Object.keys(row);
  const changed = db
    .prepare(`UPDATE ${table} SET ${column} = ? WHERE ${match.map((name) => `${name} IS ?`).join(' AND ')}`)
    .run(otherValue(type, row[column]), ...match.map((name) => row[name]));
  if (changed.changes !== 1) throw new Error(`${table}.${column}: ${changed.changes} rows changed`);
}

/** The tables a signed record is made of: procedures and each table its lock triggers protect. */
function recordTables(db: Database.Database): string[] {
  const locked = db
    .prepare(
      "SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%_locked_when_signed_%'",
    )
    .pluck()
    .all() as string[];
  return ['procedures', ...locked];
}

describe('a signed record changed behind the app', () => {
  it('a dose multiplied by ten through open_amendments, no trigger touched', () => {
    const path = tampered((db) => {
      db.prepare('INSERT INTO open_amendments (procedure_id) VALUES (?)').run(signedId);
      db.prepare('UPDATE drug_administrations SET dose_given_mg = dose_given_mg * 10 WHERE procedure_id = ?').run(
        signedId,
      );
      db.prepare('DELETE FROM open_amendments').run();
    });
    const report = expectEvident(path, 'dose_given_mg × 10');
    expect(report.ledger?.records.problems.join('\n')).toMatch(
      new RegExp(`procedure ${signedId}: .*dose_given_mg.*signed version 1`),
    );
  });

  it('a row left in open_amendments is flagged: it lifts every lock of that record', () => {
    const path = tampered((db) => db.prepare('INSERT INTO open_amendments (procedure_id) VALUES (?)').run(signedId));
    const report = expectEvident(path, 'open amendment left');
    expect(report.ledger?.openAmendments).toEqual([expect.stringContaining(signedId)]);
  });

  it('every column of every table of a signed record, changed with its triggers lifted and put back', () => {
    const db = new Database(sound, { readonly: true });
    const cases = recordTables(db).flatMap((table) => columnsOf(db, table).map((column) => ({ table, ...column })));
    db.close();
    expect(cases.length).toBeGreaterThan(80);
    const missed: string[] = [];
    for (const { table, name, type } of cases) {
      const key = table === 'procedures' ? 'id' : 'procedure_id';
      const path = tampered((raw) => {
        behindTheTriggers(raw, table, () => changeOneRow(raw, table, name, type, `${key} = ?`, [signedId]));
      });
      const alone = checkDatabase(path);
      const withHead = checkDatabase(path, { expectHead: keptHead });
      if (alone.ok || alone.ledger?.ok !== false || withHead.ok) missed.push(`${table}.${name}`);
    }
    expect(missed).toEqual([]);
  });

  it('only the denormalised columns edited (and the facts recomputed to match) is tampering, said as such', () => {
    const path = tampered((db) => {
      behindTheTriggers(db, 'procedures', () => {
        db.prepare("UPDATE procedures SET indications_text = 'other', root_sides = 'L1 left' WHERE id = ?").run(
          signedId,
        );
      });
    });
    const report = expectEvident(path, 'denormalised columns');
    expect(report.ledger?.records.problems.join('\n')).toMatch(/indications_text|root_sides/);
  });
});

describe('settings, catalogue, operators and schema changed behind the app', () => {
  const DEPARTMENT_SETTINGS = [
    ...Object.keys(settingsPatchSchema.shape),
    ...Object.keys(connectionSettingsPatchSchema.shape),
    'pseudonymKey',
  ];

  it('every setting the department can set, and the pseudonym key, changed or added with sqlite3', () => {
    const missed: string[] = [];
    for (const key of DEPARTMENT_SETTINGS) {
      const path = tampered((db) => {
        const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
        const value = stored === undefined ? null : JSON.parse(stored);
        const forged =
          typeof value === 'string'
            ? key === 'pseudonymKey'
              ? 'f'.repeat(64)
              : `${value}x`
            : typeof value === 'number'
              ? value * 2
              : value && typeof value === 'object'
                ? { ...value, forged: 1 }
                : 'forged';
        db.prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ).run(key, JSON.stringify(forged));
      });
      const alone = checkDatabase(path);
      const withHead = checkDatabase(path, { expectHead: keptHead });
      if (alone.ok || withHead.ok) missed.push(key);
    }
    expect(missed).toEqual([]);
  });

  for (const table of ['operators', 'drug_catalogue', 'drug_catalogue_at_schema_6']) {
    it(`every column of ${table} changed, a row added and a row removed`, () => {
      const db = new Database(sound, { readonly: true });
      const columns = columnsOf(db, table);
      db.close();
      const missed: string[] = [];
      for (const { name, type } of columns) {
        const path = tampered((raw) =>
          behindTheTriggers(raw, table, () => changeOneRow(raw, table, name, type, '1 = 1', [])),
        );
        if (checkDatabase(path).ok || checkDatabase(path, { expectHead: keptHead }).ok) missed.push(name);
      }
      expect(missed).toEqual([]);
      const removed = tampered((raw) =>
        behindTheTriggers(raw, table, () =>
          raw.exec(`DELETE FROM ${table} WHERE rowid = (SELECT max(rowid) FROM ${table})`),
        ),
      );
      expectEvident(removed, `a row of ${table} removed`);
      const added = tampered((raw) =>
        behindTheTriggers(raw, table, () =>
          raw.exec(
            `CREATE TEMP TABLE copied AS SELECT * FROM ${table} WHERE rowid = 1;
             UPDATE copied SET ${columnsOf(raw, table)[0]?.name} = 'forged-0000-0000-0000-000000000000';
             INSERT INTO ${table} SELECT * FROM copied;`,
          ),
        ),
      );
      expectEvident(added, `a row added to ${table}`);
    });
  }

  it('a CHECK widened through writable_schema, and an index dropped', () => {
    const widened = tampered((db) => {
      const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'procedures'").pluck().get() as string;
      const version = db.pragma('schema_version', { simple: true }) as number;
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_schema SET sql = ? WHERE name = 'procedures'").run(
        sql.replace('pain_pre BETWEEN 0 AND 10', 'pain_pre BETWEEN 0 AND 100'),
      );
      db.pragma(`schema_version = ${version + 1}`);
      db.pragma('writable_schema = OFF');
    });
    expect(expectEvident(widened, 'a CHECK widened').ledger?.schema).toEqual([
      expect.stringMatching(/table procedures is not as RootLog defines it/),
    ]);
    const dropped = tampered((db) => db.exec('DROP INDEX procedures_list'));
    expect(expectEvident(dropped, 'an index dropped').ledger?.schema).toEqual([
      expect.stringMatching(/index procedures_list is missing/),
    ]);
  });
});

describe('the chain head', () => {
  it('covers the settings and catalogue, and gives the pseudonym key as a fingerprint, never itself', () => {
    const text = formatHead(keptHead);
    expect(text).toMatch(/ state:\d+:[0-9a-f]{64} key:[0-9a-f]{16}$/);
    const db = new Database(sound, { readonly: true });
    const key = JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'pseudonymKey'").pluck().get() as string);
    db.close();
    expect(text).not.toContain(key);
    expect(parseHead(text)).toEqual(keptHead);
  });

  it('an old head, without the state and the key, still verifies', () => {
    const { state: _state, key: _key, ...old } = keptHead as ChainHead & { state?: unknown; key?: unknown };
    const oldText = formatHead(old as ChainHead);
    expect(oldText).not.toMatch(/state:|key:/);
    const report = checkDatabase(sound, { expectHead: parseHead(oldText) });
    expect(report.ok).toBe(true);
    expect(report.ledger?.expectedHead).toBe('ok');
  });
});
