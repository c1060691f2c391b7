import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft } from '../procedures.js';
import { listProcedures } from '../search.js';
import { seedDatabase } from '../seed.js';
import { drugCatalogue } from '../settings.js';
import { computeDashboard } from '../stats/dashboard.js';
import { openStore } from '../store.js';
import { backToSchema } from '../testing/back-in-time.js';
import { dashboardRowByRow } from '../testing/dashboard-oracle.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempStore } from '../testing/fixtures.js';
import { someSigner } from '../testing/signer.js';
import { asWritable } from './connection.js';
import { proceduresWithWrongFacts } from './dashboard-facts.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

/** The schema as SQLite keeps it, whitespace aside: what "the same file layout" means here. */
function schemaOf(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
      .pluck()
      .all() as string[]
  ).map((entry) => entry.replace(/\s+/g, ' '));
}

/** The lists schema 9 widened, as they were before it: [table, before, after]. */
const NARROWED_BY_SCHEMA_8: ReadonlyArray<readonly [string, string, string]> = [
  [
    'procedures',
    "'none', 'premedicated', 'no_iodinated_contrast_used', 'prior_reaction_not_premedicated'",
    "'none', 'premedicated', 'no_iodinated_contrast_used'",
  ],
  ['procedures', "'yes', 'not_applicable', 'not_excluded', 'positive'", "'yes', 'not_applicable'"],
  [
    'targets',
    "'transforaminal', 'periradicular_extraforaminal', 'preganglionic', 'retrodiscal'",
    "'transforaminal', 'periradicular_extraforaminal', 'preganglionic'",
  ],
];

/**
 * Today's demo data uses fields and values schema 8 could not hold (a retrodiscal approach,
 * pregnancy not excluded or positive, schema 9's columns): a file written by schema 8 had the
 * nearest older values and nothing in the new columns. Applied
 * right after seeding, before a test takes its "before" picture.
 */
function withSchema8Values(db: Database.Database): void {
  const locks = [
    'signed_procedure_no_update',
    'targets_locked_when_signed_update',
    'complications_locked_when_signed_update',
  ];
  const sql = locks.map(
    (name) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string,
  );
  for (const name of locks) db.exec(`DROP TRIGGER ${name}`);
  db.exec(`
    UPDATE targets SET approach = 'preganglionic' WHERE approach = 'retrodiscal';
    UPDATE targets SET abnormal_spread_action = NULL;
    UPDATE complications SET sir_grade = NULL;
    UPDATE procedures SET pregnancy_excluded = 'yes' WHERE pregnancy_excluded IN ('not_excluded', 'positive');
    UPDATE procedures SET time_out_level_verified = NULL, time_out_side_marked = NULL, transitional_vertebra = NULL,
      anticoagulant_class = NULL, steroid_allergy = NULL, local_anaesthetic_allergy = NULL, sedation = NULL,
      weight_kg = NULL, dose_exceedance_reason = NULL, caudal_abnormal_spread_action = NULL;
  `);
  for (const statement of sql) db.exec(statement);
}

/** Turns a current file back into what RootLog with schema 9 wrote: one betamethasone, no dose salt. */
function backToVersion9(path: string): void {
  backToSchema(path, 12);
  const db = new Database(path);
  db.exec(`
    DROP TRIGGER sync_outbox_on_insert;
    DROP TRIGGER sync_outbox_on_update;
    DROP TRIGGER sync_outbox_on_follow_up;
    DROP TABLE sync_outbox;
    DROP INDEX procedures_doses;
    ALTER TABLE drug_administrations DROP COLUMN dose_salt;
    DELETE FROM drug_catalogue WHERE code = 'betamethasone_phosphate';
    UPDATE drug_catalogue SET name = 'Betamethasone' WHERE code = 'betamethasone' AND name = 'Betamethasone phosphate + acetate (suspension)';
    PRAGMA user_version = 9;
  `);
  db.close();
}

/** Turns a current file back into what RootLog with schema 8 wrote: none of the clinical review's fields. */
function backToVersion8(path: string): void {
  backToVersion9(path);
  const db = new Database(path);
  db.exec(`
    ALTER TABLE procedures DROP COLUMN time_out_level_verified;
    ALTER TABLE procedures DROP COLUMN time_out_side_marked;
    ALTER TABLE procedures DROP COLUMN transitional_vertebra;
    ALTER TABLE procedures DROP COLUMN anticoagulant_class;
    ALTER TABLE procedures DROP COLUMN steroid_allergy;
    ALTER TABLE procedures DROP COLUMN local_anaesthetic_allergy;
    ALTER TABLE procedures DROP COLUMN sedation;
    ALTER TABLE procedures DROP COLUMN weight_kg;
    ALTER TABLE procedures DROP COLUMN dose_exceedance_reason;
    ALTER TABLE procedures DROP COLUMN caudal_abnormal_spread_action;
    ALTER TABLE targets DROP COLUMN abnormal_spread_action;
    ALTER TABLE complications DROP COLUMN sir_grade;
  `);
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  for (const [table, before, after] of NARROWED_BY_SCHEMA_8) {
    const sql = db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table) as string;
    expect(sql).toContain(before);
    db.prepare('UPDATE sqlite_schema SET sql = ? WHERE name = ?').run(sql.replace(before, after), table);
  }
  db.pragma('writable_schema = OFF');
  db.pragma('user_version = 8');
  db.close();
}

/**
 * Turns a current file back into what RootLog with schema 6 wrote: no follow-up entries, and
 * the audit log's CHECK as it was (its text taken from a file made by migrations 1–6).
 */
function backToVersion6(path: string): void {
  const version6 = new Database(':memory:');
  for (const migration of MIGRATIONS.slice(0, 6)) migration.up(asWritable(version6));
  const auditSql = version6.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_log'").pluck().get();
  version6.close();
  backToVersion8(path);
  const db = new Database(path);
  // Schema 8's indexes first, then schema 7's table.
  db.exec('DROP INDEX procedures_outcomes; DROP INDEX follow_up_entries_outcomes');
  db.exec('DROP TABLE follow_up_entries');
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_schema SET sql = ? WHERE name = 'audit_log'").run(auditSql);
  db.pragma('writable_schema = OFF');
  db.pragma('user_version = 6');
  db.close();
}

/** Turns a current file back into what RootLog with schema 5 wrote: no signed drug facts. */
function backToVersion5(path: string): void {
  backToVersion6(path);
  const db = new Database(path);
  db.exec(`
    DROP TABLE drug_catalogue_at_schema_6;
    ALTER TABLE drug_administrations DROP COLUMN signed_name;
    ALTER TABLE drug_administrations DROP COLUMN signed_class;
    ALTER TABLE drug_administrations DROP COLUMN signed_particulate;
    ALTER TABLE drug_administrations DROP COLUMN signed_max_dose_mg;
    PRAGMA user_version = 5;
  `);
  db.close();
}

/** Turns a current file back into what RootLog with schema 4 wrote: no hash chain. */
function backToVersion4(path: string): void {
  backToVersion5(path);
  const db = new Database(path);
  db.exec(`
    DROP TRIGGER audit_log_hash_required;
    DROP TRIGGER procedure_versions_hash_required;
    ALTER TABLE audit_log DROP COLUMN hash;
    ALTER TABLE procedure_versions DROP COLUMN hash;
    PRAGMA user_version = 4;
  `);
  db.close();
}

/** Turns a current file back into what RootLog with schema 2 wrote: no stored mg given. */
function backToVersion2(path: string): void {
  backToVersion4(path);
  const db = new Database(path);
  db.exec(`
    ALTER TABLE drug_administrations DROP COLUMN dose_given_mg;
    ALTER TABLE procedures DROP COLUMN caudal_drugs_text;
    PRAGMA user_version = 2;
  `);
  db.close();
}

/**
 * Turns a current file back into what RootLog with schema 1 wrote: no dashboard terms or facts,
 * the first dashboard index. Checked below against a file made by migration 1 alone.
 */
function backToVersion1(path: string): void {
  backToVersion2(path);
  const db = new Database(path);
  db.exec(`
    DROP INDEX procedures_stats;
    ALTER TABLE procedures DROP COLUMN dashboard_facts;
    DROP TABLE dashboard_terms;
    CREATE INDEX procedures_stats ON procedures (status, performed_date, operator_id, modality, pain_pre, pain_post, dlp_mgy_cm,
      ctdi_vol_mgy, fluoro_time_s, dap_gy_cm2, caudal_epidural, started_at, ended_at, root_sides, target_spread_text, target_drugs_text,
      indications_text, complications_text, performed_at_utc);
    PRAGMA user_version = 1;
  `);
  db.close();
}

const everyRecordRow = (db: Database.Database) =>
  db
    .prepare('SELECT * FROM procedures ORDER BY id')
    .all()
    .map((row) => {
      const { dashboard_facts: _facts, ...record } = row as Record<string, unknown>;
      return record;
    });

/** Schema 20's columns: the signer's operator and the signature's meaning. */
const SCHEMA_17_COLUMNS = [
  'signed_by_id',
  'signed_meaning',
  'amended_by_id',
  'amended_meaning',
  'signer_id',
  'meaning',
];

/**
 * Rows as a file from before schema 20 holds them once migrated: the signer's operator and
 * meaning empty (that file never had them). A version that had them was hashed with them, so
 * its hash, computed again by migration 5 without them, is another (`rehashed`).
 */
const beforeSchema17 = (rows: unknown[], { rehashed = false } = {}) =>
  rows.map((row) => {
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    const hadSigner = copy.signer_id != null;
    for (const column of SCHEMA_17_COLUMNS) if (column in copy) copy[column] = null;
    if (rehashed && hadSigner) copy.hash = expect.stringMatching(/^[0-9a-f]{64}$/);
    return copy;
  });

describe('migration 2: dashboard facts', () => {
  it('fills in the facts of a schema-1 file, changes no record or history, and keeps signed records locked', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 300, seed: 9, until: new Date('2026-06-30T12:00:00Z'), followUps: false }, context);
    const signedId = store.writer.db.prepare("SELECT id FROM procedures WHERE status = 'signed' LIMIT 1").pluck().get();
    const { record } = getProcedure(store, signedId);
    amendProcedure(
      store,
      { ...clinicalContent(record), painPost: record.painPost === 0 ? 1 : 0, doseExceedanceReason: 'patient_size' },
      { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      someSigner(store),
      context,
    );
    withSchema8Values(store.writer.db);
    const path = store.path;
    const figures = dashboardRowByRow(store, {});
    const records = everyRecordRow(store.writer.db);
    const history = store.writer.db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    const versions = store.writer.db.prepare('SELECT * FROM procedure_versions ORDER BY procedure_id, version').all();
    store.close();

    backToVersion1(path);
    const version1 = new Database(':memory:');
    MIGRATIONS[0]?.up(asWritable(version1));
    const downgraded = new Database(path, { readonly: true });
    expect(schemaOf(downgraded)).toEqual(schemaOf(version1));
    downgraded.close();

    const migrated = openStore(path);
    expect(migrated.writer.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(proceduresWithWrongFacts(migrated.writer.db)).toEqual([]);
    expect(
      migrated.writer.db.prepare('SELECT count(*) FROM procedures WHERE dashboard_facts IS NULL').pluck().get(),
    ).toBe(0);
    expect(everyRecordRow(migrated.writer.db)).toEqual(beforeSchema17(records));
    expect(migrated.writer.db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(history);
    expect(migrated.writer.db.prepare('SELECT * FROM procedure_versions ORDER BY procedure_id, version').all()).toEqual(
      beforeSchema17(versions, { rehashed: true }),
    );
    expect(computeDashboard(migrated, {})).toEqual(figures);
    // The trigger lifted for the backfill is back.
    expect(() =>
      migrated.writer.db.prepare('UPDATE procedures SET pain_post = 9 WHERE id = ?').run(signedId),
    ).toThrowError(/immutable/);
    migrated.close();
  });

  it('is undone as a whole when it fails', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 20, seed: 4, until: new Date('2026-06-30T12:00:00Z'), followUps: false }, context);
    withSchema8Values(store.writer.db);
    const path = store.path;
    store.close();
    backToVersion1(path);
    // A term table already there (say, a half-done copy by hand) makes migration 2 fail.
    const raw = new Database(path);
    raw.exec('CREATE TABLE dashboard_terms (x)');
    raw.close();
    expect(() => openStore(path)).toThrow();
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(
      after
        .prepare("SELECT count(*) FROM pragma_table_info('procedures') WHERE name = 'dashboard_facts'")
        .pluck()
        .get(),
    ).toBe(0);
    after.close();
  });
});

describe('migration 3: the mg given, stored', () => {
  it("stores what today's writer stores for every drug row, changes nothing else, and keeps signed rows locked", () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 300, seed: 5, until: new Date('2026-06-30T12:00:00Z'), followUps: false }, context);
    withSchema8Values(store.writer.db);
    const path = store.path;
    const rowsOf = (db: Database.Database) => ({
      // Without the signed drug facts of schema 6, which going back to schema 2 drops.
      drugs: db
        .prepare('SELECT * FROM drug_administrations ORDER BY procedure_id, ordinal')
        .all()
        .map((row) =>
          Object.fromEntries(
            Object.entries(row as Record<string, unknown>).filter(([key]) => !key.startsWith('signed_')),
          ),
        ),
      targets: db.prepare('SELECT * FROM targets ORDER BY procedure_id, ordinal').all(),
      procedures: db.prepare('SELECT id, caudal_drugs_text FROM procedures ORDER BY id').all(),
    });
    const written = rowsOf(store.writer.db);
    const schema = schemaOf(store.writer.db);
    expect(
      (written.procedures as { caudal_drugs_text: string }[]).filter((row) => row.caudal_drugs_text !== '').length,
      'the seed has caudal injections with drugs',
    ).toBeGreaterThan(10);
    const computed = store.writer.db
      .prepare('SELECT count(*) FROM drug_administrations WHERE dose_mg IS NULL AND dose_given_mg IS NOT NULL')
      .pluck()
      .get() as number;
    expect(computed, 'the seed has drugs dosed by concentration × volume').toBeGreaterThan(50);
    const lockTrigger = store.writer.db
      .prepare("SELECT sql FROM sqlite_schema WHERE name = 'drug_administrations_locked_when_signed_update'")
      .pluck()
      .get();
    store.close();

    backToVersion2(path);
    const migrated = openStore(path);
    const db = migrated.writer.db;
    expect(rowsOf(db)).toEqual(written);
    // Every trigger it lifted is back exactly as it was: the same schema as a new file's.
    expect(schemaOf(db)).toEqual(schema);
    expect(
      db
        .prepare("SELECT sql FROM sqlite_schema WHERE name = 'drug_administrations_locked_when_signed_update'")
        .pluck()
        .get(),
    ).toBe(lockTrigger);
    expect(() => db.prepare('UPDATE drug_administrations SET dose_given_mg = 1').run()).toThrowError(/immutable/);
    migrated.close();
  });
});

describe('migration 5: the hash chain', () => {
  it('chains an old file exactly as the writer chains, changes nothing else, and keeps both tables append-only', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 200, seed: 3, until: new Date('2026-06-30T12:00:00Z'), followUps: false }, context);
    const signedId = store.writer.db.prepare("SELECT id FROM procedures WHERE status = 'signed' LIMIT 1").pluck().get();
    const { record } = getProcedure(store, signedId);
    amendProcedure(
      store,
      { ...clinicalContent(record), painPost: record.painPost === 0 ? 1 : 0, doseExceedanceReason: 'patient_size' },
      { reason: 'pain re-scored', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      someSigner(store),
      context,
    );
    withSchema8Values(store.writer.db);
    const path = store.path;
    const db = store.writer.db;
    const audit = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    const versions = db.prepare('SELECT * FROM procedure_versions ORDER BY rowid').all();
    const records = everyRecordRow(db);
    const schema = schemaOf(db);
    expect((audit as { hash: string | null }[]).every((row) => /^[0-9a-f]{64}$/.test(row.hash ?? ''))).toBe(true);
    store.close();

    backToVersion4(path);
    const migrated = openStore(path);
    const after = migrated.writer.db;
    // The migration's hashes are the ones the writer made as it wrote each row.
    expect(after.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(audit);
    expect(after.prepare('SELECT * FROM procedure_versions ORDER BY rowid').all()).toEqual(
      beforeSchema17(versions, { rehashed: true }),
    );
    expect(everyRecordRow(after)).toEqual(beforeSchema17(records));
    expect(schemaOf(after)).toEqual(schema);
    expect(() => after.prepare('UPDATE audit_log SET hash = NULL WHERE seq = 1').run()).toThrowError(/append-only/);
    expect(() => after.prepare('UPDATE procedure_versions SET reason = 1').run()).toThrowError(/append-only/);
    expect(() =>
      after
        .prepare(
          "INSERT INTO audit_log (at, actor, action, entity, entity_id, changes) VALUES ('x', 'y', 'create', 'procedure', 'z', '{}')",
        )
        .run(),
    ).toThrowError(/without its hash/);
    migrated.close();
  });
});

describe('migration 9: the clinical review fields', () => {
  it('adds the fields and widens three lists in place: every row, version and audit row unchanged, the schema a new file has', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 150, seed: 11, until: new Date('2026-06-30T12:00:00Z') }, context);
    withSchema8Values(store.writer.db);
    const draftId = saveDraft(store, { targets: [{ root: 'L5', side: 'left' }] }, context).record.id;
    const path = store.path;
    const db = store.writer.db;
    const audit = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    const versions = db.prepare('SELECT * FROM procedure_versions ORDER BY rowid').all();
    const records = everyRecordRow(db);
    const targets = db.prepare('SELECT * FROM targets ORDER BY procedure_id, ordinal').all();
    const schema = schemaOf(db);
    store.close();

    backToVersion8(path);
    const old = new Database(path);
    // Schema 8 refuses what schema 9 allows: the lists really were narrower.
    expect(() =>
      old.prepare("UPDATE targets SET approach = 'retrodiscal' WHERE procedure_id = ?").run(draftId),
    ).toThrowError(/CHECK/);
    expect(
      old.prepare("SELECT count(*) FROM pragma_table_info('procedures') WHERE name = 'sedation'").pluck().get(),
    ).toBe(0);
    old.close();

    const migrated = openStore(path);
    const after = migrated.writer.db;
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(schemaOf(after)).toEqual(schema);
    expect(everyRecordRow(after)).toEqual(records);
    expect(after.prepare('SELECT * FROM targets ORDER BY procedure_id, ordinal').all()).toEqual(targets);
    expect(after.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(audit);
    expect(after.prepare('SELECT * FROM procedure_versions ORDER BY rowid').all()).toEqual(versions);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    // The widened lists take the new values and still refuse what no vocabulary has.
    const update = (sql: string) => () => after.prepare(sql).run(draftId);
    expect(update("UPDATE procedures SET pregnancy_excluded = 'positive' WHERE id = ?")).not.toThrow();
    expect(
      update("UPDATE procedures SET contrast_allergy = 'prior_reaction_not_premedicated' WHERE id = ?"),
    ).not.toThrow();
    expect(update("UPDATE procedures SET pregnancy_excluded = 'maybe' WHERE id = ?")).toThrowError(/CHECK/);
    expect(update("UPDATE procedures SET sedation = 'general' WHERE id = ?")).toThrowError(/CHECK/);
    expect(() =>
      after.prepare("UPDATE targets SET approach = 'retrodiscal' WHERE procedure_id = ?").run(draftId),
    ).not.toThrow();
    expect(() =>
      after.prepare("UPDATE targets SET approach = 'posterior' WHERE procedure_id = ?").run(draftId),
    ).toThrowError(/CHECK/);
    // Signed rows stay locked.
    expect(() => after.prepare("UPDATE procedures SET sedation = 'iv' WHERE status = 'signed'").run()).toThrowError(
      /immutable/,
    );
    migrated.close();
  });

  it('refuses a file whose list is not the one RootLog shipped, and leaves it at schema 8', () => {
    const { store } = tempStore();
    const path = store.path;
    store.close();
    backToVersion8(path);
    const raw = new Database(path);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    const sql = raw.prepare("SELECT sql FROM sqlite_schema WHERE name = 'targets'").pluck().get() as string;
    raw
      .prepare("UPDATE sqlite_schema SET sql = ? WHERE name = 'targets'")
      .run(sql.replace("'preganglionic'", "'preganglionic', 'x'"));
    raw.pragma('writable_schema = OFF');
    raw.close();
    expect(() => openStore(path)).toThrowError(/targets\.approach is not the one RootLog shipped/);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(8);
    after.close();
  });
});

describe('migration 10: drugs by formulation', () => {
  it('adds soluble betamethasone, names the suspension as such unless the department renamed it, and keeps every row', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 80, seed: 12, until: new Date('2026-06-30T12:00:00Z') }, context);
    const path = store.path;
    const rows = everyRecordRow(store.writer.db);
    const catalogue = store.writer.db.prepare('SELECT * FROM drug_catalogue ORDER BY code').all();
    store.close();

    backToVersion9(path);
    const migrated = openStore(path);
    expect(everyRecordRow(migrated.writer.db)).toEqual(rows);
    expect(migrated.writer.db.prepare('SELECT * FROM drug_catalogue ORDER BY code').all()).toEqual(catalogue);
    const soluble = drugCatalogue(migrated).find((drug) => drug.code === 'betamethasone_phosphate');
    expect(soluble).toMatchObject({ particulate: false, drugClass: 'steroid', maxDoseMg: 12 });
    migrated.close();

    // A department that named its betamethasone keeps its name.
    backToVersion9(path);
    const raw = new Database(path);
    raw.prepare("UPDATE drug_catalogue SET name = 'Diprophos' WHERE code = 'betamethasone'").run();
    raw.close();
    const again = openStore(path);
    expect(drugCatalogue(again).find((drug) => drug.code === 'betamethasone')?.name).toBe('Diprophos');
    again.close();
  });
});

describe('migration 21: folded lookups', () => {
  it('fills the patient key and the folded name as the writer does, keeps every record, and finds "Müller" by "mueller"', () => {
    const { store, operatorId } = tempStore();
    seedDatabase(store, { count: 200, seed: 17, until: new Date('2026-06-30T12:00:00Z') }, context);
    saveDraft(store, completeDraft(operatorId, { patientId: ' k-100301 ', patientName: 'Müller, Hans' }), context);
    const path = store.path;
    const rows = everyRecordRow(store.writer.db);
    const schema = schemaOf(store.writer.db);
    store.close();

    backToSchema(path, 20);
    const old = new Database(path, { readonly: true });
    expect(old.prepare("SELECT count(*) FROM procedure_text WHERE procedure_text MATCH 'mueller'").pluck().get()).toBe(
      0,
    );
    old.close();
    const migrated = openStore(path);
    expect(everyRecordRow(migrated.writer.db)).toEqual(rows);
    expect(schemaOf(migrated.writer.db)).toEqual(schema);
    expect(
      migrated.writer.db
        .prepare("SELECT patient_key FROM procedures WHERE patient_name = 'Müller, Hans'")
        .pluck()
        .get(),
    ).toBe('K-100301');
    expect(listProcedures(migrated, { text: 'mueller' }).items.map((item) => item.patientName)).toContain(
      'Müller, Hans',
    );
    // The trigger lifted for the fill is back.
    const signedId = migrated.writer.db
      .prepare("SELECT id FROM procedures WHERE status = 'signed' LIMIT 1")
      .pluck()
      .get();
    expect(() =>
      migrated.writer.db.prepare('UPDATE procedures SET patient_key = NULL WHERE id = ?').run(signedId),
    ).toThrowError(/immutable/);
    migrated.close();
  });
});

describe('migration 22: usual concentrations', () => {
  it('gives the shipped local anaesthetics their strengths, keeps a department default outside them, changes no record', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 50, seed: 18, until: new Date('2026-06-30T12:00:00Z') }, context);
    const path = store.path;
    const rows = everyRecordRow(store.writer.db);
    const schema = schemaOf(store.writer.db);
    store.close();

    backToSchema(path, 21);
    const old = new Database(path);
    // This department uses 4 % lidocaine: its own range is for it to set, not guessed.
    old.prepare("UPDATE drug_catalogue SET default_concentration_mg_per_ml = 40 WHERE code = 'lidocaine'").run();
    old.close();
    const migrated = openStore(path);
    expect(everyRecordRow(migrated.writer.db)).toEqual(rows);
    expect(schemaOf(migrated.writer.db)).toEqual(schema);
    const byCode = new Map(drugCatalogue(migrated.reader).map((drug) => [drug.code, drug]));
    expect(byCode.get('ropivacaine')).toMatchObject({
      usualConcentrationMinMgPerMl: 2,
      usualConcentrationMaxMgPerMl: 10,
    });
    expect(byCode.get('bupivacaine')).toMatchObject({
      usualConcentrationMinMgPerMl: 2.5,
      usualConcentrationMaxMgPerMl: 7.5,
    });
    expect(byCode.get('lidocaine')?.usualConcentrationMinMgPerMl).toBeUndefined();
    expect(byCode.get('dexamethasone')?.usualConcentrationMinMgPerMl).toBeUndefined();
    migrated.close();
  });
});

describe('migration 23: the reason a case has no dose', () => {
  it('adds the empty columns and changes no stored row', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 50, seed: 19, until: new Date('2026-06-30T12:00:00Z') }, context);
    const path = store.path;
    const rows = everyRecordRow(store.writer.db);
    const schema = schemaOf(store.writer.db);
    store.close();

    backToSchema(path, 22);
    const migrated = openStore(path);
    expect(schemaOf(migrated.writer.db)).toEqual(schema);
    expect(everyRecordRow(migrated.writer.db)).toEqual(rows);
    expect(
      migrated.writer.db.prepare('SELECT count(*) FROM procedures WHERE no_dose_reason IS NOT NULL').pluck().get(),
    ).toBe(0);
    migrated.close();
  });
});

describe('migration 25: operators chained as stored', () => {
  it('chains a first administrator written without a link, so check no longer says "added outside RootLog"', () => {
    const { store } = tempStore();
    seedDatabase(store, { count: 5, seed: 20, until: new Date('2026-06-30T12:00:00Z') }, context);
    const path = store.path;
    const rows = everyRecordRow(store.writer.db);
    store.close();

    backToSchema(path, 24);
    const old = new Database(path);
    // What setUpFirstAdministrator wrote before the one operator writer: the row, no link.
    old
      .prepare(
        "INSERT INTO operators (id, name, active, role, administrator) VALUES ('op-first-admin', 'Dr. F. Erst', 1, 'radiologist', 1)",
      )
      .run();
    expect(verifyLedger(old).stateProblems.problems.join('\n')).toMatch(/op-first-admin.*added outside RootLog/);
    old.close();

    const migrated = openStore(path);
    expect(everyRecordRow(migrated.writer.db)).toEqual(rows);
    const report = verifyLedger(migrated.reader.db);
    expect(report.stateProblems).toEqual({ problems: [], count: 0 });
    expect(report.ok).toBe(true);
    migrated.close();
  });

  it('leaves an operator changed outside RootLog before the upgrade unchained, so check still reports it', () => {
    const { store, operatorId } = tempStore();
    const path = store.path;
    store.close();

    backToSchema(path, 24);
    const old = new Database(path);
    // Renamed with sqlite3 before the upgrade: the row differs from its last link.
    old.prepare("UPDATE operators SET name = 'Dr. T. Ampered' WHERE id = ?").run(operatorId);
    const tampered = new RegExp(
      `operators ${operatorId} is not what RootLog last wrote: it was changed outside RootLog`,
    );
    expect(verifyLedger(old).stateProblems.problems.join('\n')).toMatch(tampered);
    old.close();

    const migrated = openStore(path);
    const report = verifyLedger(migrated.reader.db);
    expect(report.stateProblems.problems.join('\n')).toMatch(tampered);
    expect(report.ok).toBe(false);
    migrated.close();
  });
});
