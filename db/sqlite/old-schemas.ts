import Database from 'better-sqlite3';

/*
 * A current logbook file turned back into what an older RootLog wrote, so that a migration's
 * test starts from a real old file. Each step undoes one migration and calls the next newer
 * one first: a new migration adds its own step here, and every older test still starts right.
 * Read by the migrations' tests only (beside the migrations: it speaks SQLite as they do).
 */

/** Turns a current file back into what RootLog with schema 18 wrote: no reason for a case without a dose. */
export function backToVersion18(path: string): void {
  const db = new Database(path);
  db.exec(`
    ALTER TABLE procedures DROP COLUMN no_dose_reason;
    ALTER TABLE procedures DROP COLUMN no_dose_reason_text;
    PRAGMA user_version = 18;
  `);
  db.close();
}

/** Turns a current file back into what RootLog with schema 17 wrote: no usual concentrations in the catalogue. */
export function backToVersion17(path: string): void {
  backToVersion18(path);
  const db = new Database(path);
  db.exec(`
    ALTER TABLE drug_catalogue DROP COLUMN usual_concentration_min_mg_per_ml;
    ALTER TABLE drug_catalogue DROP COLUMN usual_concentration_max_mg_per_ml;
    PRAGMA user_version = 17;
  `);
  db.close();
}

/** Turns a current file back into what RootLog with schema 16 wrote: no folded lookups, the search index without the folded name. */
export function backToVersion16(path: string): void {
  backToVersion17(path);
  const db = new Database(path);
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
    PRAGMA user_version = 16;
  `);
  db.close();
}

/** Turns a current file back into what RootLog with schema 15 wrote: no needle tip position. */
export function backToVersion15(path: string): void {
  backToVersion16(path);
  const db = new Database(path);
  db.exec('ALTER TABLE targets DROP COLUMN needle_tip_position; PRAGMA user_version = 15;');
  db.close();
}
