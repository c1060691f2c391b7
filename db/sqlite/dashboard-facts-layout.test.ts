import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { triggerProblems } from '../ledger/expected-triggers.js';
import { amendProcedure, clinicalContent, getProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { computeScreen } from '../stats/screen.js';
import { openStore } from '../store.js';
import { context, EVERY_CONFIRMABLE_WARNING, tempStore } from '../testing/fixtures.js';
import { recordSigner } from '../testing/signer.js';
import { asWritable } from './connection.js';
import { proceduresWithWrongFacts } from './dashboard-facts.js';
import { dashboardFactsLayout2 } from './migrations/017-dashboard-facts-layout-2.js';
import { SCHEMA_VERSION } from './migrations/index.js';

/*
 * Migration 17 turns every row's dashboard facts from layout 1 into layout 2 (the day and the
 * steroid beside them). Today's file is given back the facts layout 1 wrote (zeros at bytes 10
 * and 11) and the migration is run on it alone, as it runs in its transaction: the test does not
 * depend on which migrations come after it.
 */
const AS_OF = '2026-07-15';

function backToLayout1AndMigrate(path: string): void {
  const db = new Database(path);
  const lock = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'signed_procedure_no_update'").pluck().get();
  db.exec('DROP TRIGGER signed_procedure_no_update');
  const rows = db.prepare('SELECT rowid, dashboard_facts FROM procedures').raw().all() as [number, string][];
  const update = db.prepare('UPDATE procedures SET dashboard_facts = ? WHERE rowid = ?');
  for (const [rowid, text] of rows) {
    const facts = Buffer.from(text, 'base64');
    facts[0] = 1;
    facts[10] = 0;
    facts[11] = 0;
    update.run(facts.toString('base64'), rowid);
  }
  db.exec(lock as string);
  db.transaction(() => dashboardFactsLayout2.up(asWritable(db)))();
  db.close();
}

const everyRow = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();

describe('migration 17: dashboard facts layout 2', () => {
  it('gives every record its day and steroid, changes nothing else, and keeps the figures and locks', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 300, seed: 31, until: new Date('2026-06-30T12:00:00Z') }, context);
    const db = store.writer.db;
    // A record signed before schema 6 (no drug facts of its own) reads the catalogue of then.
    const old = db
      .prepare(
        "SELECT procedure_id FROM drug_administrations WHERE signed_class = 'steroid' AND signed_particulate = 1 LIMIT 1",
      )
      .pluck()
      .get() as string;
    const locks = ['drug_administrations_locked_when_signed_update'].map(
      (name) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string,
    );
    db.exec('DROP TRIGGER drug_administrations_locked_when_signed_update');
    db.prepare(
      'UPDATE drug_administrations SET signed_name = NULL, signed_class = NULL, signed_particulate = NULL, signed_max_dose_mg = NULL WHERE procedure_id = ?',
    ).run(old);
    for (const sql of locks) db.exec(sql);
    const amended = db.prepare("SELECT id FROM procedures WHERE status = 'signed' LIMIT 1 OFFSET 5").pluck().get();
    const { record } = getProcedure(store, amended as string);
    amendProcedure(
      store,
      { ...clinicalContent(record), painPost: record.painPost === 0 ? 1 : 0, doseExceedanceReason: 'patient_size' },
      { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(store, amended as string),
      context,
    );
    const figures = computeScreen(store, {}, { asOf: AS_OF, folded: false });
    const facts = db.prepare('SELECT id, dashboard_facts FROM procedures ORDER BY id').raw().all();
    const records = db
      .prepare('SELECT * FROM procedures ORDER BY id')
      .all()
      .map((row) => ({ ...(row as Record<string, unknown>), dashboard_facts: undefined }));
    const history = everyRow(db, 'audit_log');
    const path = store.path;
    store.close();

    backToLayout1AndMigrate(path);
    const migrated = openStore(path);
    const after = migrated.writer.db;
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(proceduresWithWrongFacts(after)).toEqual([]);
    expect(after.prepare('SELECT id, dashboard_facts FROM procedures ORDER BY id').raw().all()).toEqual(facts);
    expect(
      after
        .prepare('SELECT * FROM procedures ORDER BY id')
        .all()
        .map((row) => ({ ...(row as Record<string, unknown>), dashboard_facts: undefined })),
    ).toEqual(records);
    expect(everyRow(after, 'audit_log')).toEqual(history);
    expect(triggerProblems(after)).toEqual([]);
    expect(computeScreen(migrated, {}, { asOf: AS_OF, folded: false })).toEqual(figures);
    // The old record's steroid came from the catalogue at schema 6: particulate.
    const oldFacts = Buffer.from(
      after.prepare('SELECT dashboard_facts FROM procedures WHERE id = ?').pluck().get(old) as string,
      'base64',
    );
    expect([oldFacts[0], oldFacts[11]]).toEqual([2, 2]);
    // The lock on signed records is back: the facts of a signed record cannot be written by hand.
    expect(() =>
      after.prepare('UPDATE procedures SET dashboard_facts = dashboard_facts WHERE id = ?').run(old),
    ).toThrow(/immutable/);
    migrated.close();
  });
});
