import Database from 'better-sqlite3';
import { asWritable } from '../sqlite/connection.js';
import { MIGRATIONS, type Migration } from '../sqlite/migrations/index.js';
import type { AddingMigration } from '../sqlite/migrations/migration.js';

/*
 * Tests of a migration start from a file an older RootLog wrote; they make it from today's file
 * by taking away, newest first, what each later schema added. Each schema's undo is written
 * here once, so a new migration breaks no older migration's test: it adds its own undo, and
 * `backToSchema` says so when it is missing. A migration made with `addingColumns` (a new
 * field) needs none: its columns are dropped. (Schemas before 13 are undone by the tests of
 * db/sqlite/migrations.test.ts, which go further back.)
 */

/** The follow_ups table and its triggers exactly as schemas 12–14 had them (from a file made by migrations 1–12). */
export function schema12FollowUps(): string[] {
  const version12 = new Database(':memory:');
  for (const migration of MIGRATIONS.slice(0, 12)) migration.up(asWritable(version12));
  const sql = version12
    .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'follow_ups' AND sql IS NOT NULL ORDER BY type <> 'table'")
    .pluck()
    .all() as string[];
  version12.close();
  return sql;
}

/** What schema N added, taken away from a file of schema N. */
const UNDO: Readonly<Record<number, (db: Database.Database) => void>> = {
  13: (db) => db.exec('DROP TABLE dose_reports; DROP INDEX procedures_by_accession;'),
  14: (db) => db.exec('DROP TRIGGER ris_outbox_on_sign; DROP TRIGGER ris_outbox_on_amend; DROP TABLE ris_outbox;'),
  15: (db) => {
    for (const statement of schema12FollowUps()) db.exec(statement);
  },
  16: (db) => db.exec('ALTER TABLE targets DROP COLUMN needle_tip_position'),
  // Layout-2 dashboard facts may stay: migration 17 gives a layout-2 row the same bytes again.
  17: () => {},
  18: (db) =>
    db.exec(`
      DROP TABLE hub_console_key;
      DROP TABLE hub_positions;
      DROP TABLE hub_seen;
      DROP TABLE hub_received_versions;
      DROP TABLE hub_received_follow_ups;
      DROP TABLE hub_catalogue_state;
      DROP TRIGGER hub_refusals_no_update;
      DROP TRIGGER hub_refusals_no_delete;
      DROP TABLE hub_refusals;
      DROP TABLE hub_waiting;
      DROP TABLE hub_conflicts;
    `),
  19: (db) =>
    db.exec('DROP TRIGGER state_chain_no_update; DROP TRIGGER state_chain_no_delete; DROP TABLE state_chain;'),
  // The operators' roles and credentials, the signer's operator and meaning.
  20: (db) =>
    db.exec(`
      DROP TRIGGER procedure_versions_signed_by_operator;
      DROP TRIGGER procedure_versions_signer_whole;
      DROP TRIGGER follow_up_entries_recorded_by_operator;
      DROP TRIGGER follow_up_entries_recorder_whole;
      DROP TABLE carried_signatures;
      DROP TABLE badge_key;
      DROP TABLE operator_credentials;
      ALTER TABLE follow_up_entries DROP COLUMN meaning;
      ALTER TABLE follow_up_entries DROP COLUMN recorded_by_id;
      ALTER TABLE procedure_versions DROP COLUMN meaning;
      ALTER TABLE procedure_versions DROP COLUMN signer_id;
      ALTER TABLE procedures DROP COLUMN amended_meaning;
      ALTER TABLE procedures DROP COLUMN amended_by_id;
      ALTER TABLE procedures DROP COLUMN signed_meaning;
      ALTER TABLE procedures DROP COLUMN signed_by_id;
      ALTER TABLE operators DROP COLUMN administrator;
      ALTER TABLE operators DROP COLUMN role;
    `),
  // The folded lookups: the patient key, the folded name, the search index as it was.
  21: (db) =>
    db.exec(`
    DROP INDEX procedures_drafts;
    DROP INDEX procedures_by_patient_day;
    CREATE INDEX procedures_by_patient_day ON procedures (patient_id, performed_date);
    DROP TRIGGER procedure_text_insert;
    DROP TRIGGER procedure_text_update;
    DROP TRIGGER procedure_text_delete;
    DROP TABLE procedure_text;
    ALTER TABLE procedures DROP COLUMN patient_key;
    ALTER TABLE procedures DROP COLUMN patient_name_folded;
    CREATE VIRTUAL TABLE procedure_text USING fts5 (patient_id, patient_name, accession_number, tokenize = 'trigram');
    INSERT INTO procedure_text (rowid, patient_id, patient_name, accession_number)
      SELECT rowid, patient_id, patient_name, accession_number FROM procedures;
    CREATE TRIGGER procedure_text_insert AFTER INSERT ON procedures BEGIN
      INSERT INTO procedure_text (rowid, patient_id, patient_name, accession_number)
      VALUES (NEW.rowid, NEW.patient_id, NEW.patient_name, NEW.accession_number);
    END;
    CREATE TRIGGER procedure_text_update AFTER UPDATE OF patient_id, patient_name, accession_number ON procedures BEGIN
      UPDATE procedure_text SET patient_id = NEW.patient_id, patient_name = NEW.patient_name, accession_number = NEW.accession_number
       WHERE rowid = NEW.rowid;
    END;
    CREATE TRIGGER procedure_text_delete AFTER DELETE ON procedures BEGIN
      DELETE FROM procedure_text WHERE rowid = OLD.rowid;
    END;
    `),
  // A local anaesthetic's usual concentrations.
  22: (db) =>
    db.exec(`
    ALTER TABLE drug_catalogue DROP COLUMN usual_concentration_min_mg_per_ml;
    ALTER TABLE drug_catalogue DROP COLUMN usual_concentration_max_mg_per_ml;
    `),
  // The reason a case has no dose.
  23: (db) =>
    db.exec(`
    ALTER TABLE procedures DROP COLUMN no_dose_reason;
    ALTER TABLE procedures DROP COLUMN no_dose_reason_text;
    `),
  // What the worklist and the scanner's dose report said.
  24: (db) =>
    db.exec(`
      DROP INDEX procedures_study_instance_uid;
      ALTER TABLE procedures DROP COLUMN issuer_of_patient_id;
      ALTER TABLE procedures DROP COLUMN study_instance_uid;
      ALTER TABLE procedures DROP COLUMN requested_procedure_text;
      ALTER TABLE procedures DROP COLUMN requested_procedure_code;
      ALTER TABLE procedures DROP COLUMN requested_procedure_scheme;
      ALTER TABLE procedures DROP COLUMN referring_physician;
      ALTER TABLE procedures DROP COLUMN patient_language;
      ALTER TABLE procedures DROP COLUMN identity_source;
      ALTER TABLE procedures DROP COLUMN dose_source;
      ALTER TABLE procedures DROP COLUMN dose_report_uids;
      ALTER TABLE procedures DROP COLUMN dose_report_device;
      ALTER TABLE procedures DROP COLUMN dose_report_at;
      ALTER TABLE procedures DROP COLUMN dose_change_reason;
    `),
  // Every operator chained as stored: it changed no table, and the links it appended are ones
  // schema 24 writes too (the state chain is append-only): nothing to take back.
  25: () => undefined,
};

/** A migration that only added columns (`addingColumns`) is undone by dropping them, newest first. */
export function undoAdded(
  migration: Migration | AddingMigration | undefined,
): ((db: Database.Database) => void) | undefined {
  if (!migration || !('adds' in migration)) return undefined;
  const added = [...migration.adds].reverse();
  return (db) => {
    for (const { table, column } of added) db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  };
}

/** The oldest schema `backToSchema` reaches. */
export const OLDEST_UNDONE = 12;

/** Turns the logbook file at `path` back into what RootLog with schema `version` (12 or later) wrote. */
export function backToSchema(path: string, version: number): void {
  if (version < OLDEST_UNDONE) throw new Error(`backToSchema reaches schema ${OLDEST_UNDONE}, not ${version}`);
  const db = new Database(path);
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let schema = current; schema > version; schema--) {
      const undo = UNDO[schema] ?? undoAdded(MIGRATIONS[schema - 1]);
      if (!undo) throw new Error(`schema ${schema} has no undo: add one to db/testing/back-in-time.ts`);
      undo(db);
    }
    db.pragma(`user_version = ${version}`);
  } finally {
    db.close();
  }
}
