import type { WritableDb } from '../connection.js';
import { connection } from '../connection.js';
import { chainAsStored } from '../state-chain.js';
import type { Migration } from './migration.js';

/*
 * Schema 21: two columns the lookups read, derived from the record when it is written (the
 * record's writer keeps them; no value of a record changes):
 * - patient_key: the patient ID without spaces and in one case, so "k-100301 " and "K-100301"
 *   are one patient for this patient's last procedure, the steroid total of the day and the
 *   same root twice on one day (indexed with the local date);
 * - patient_name_folded: the name with accents dropped and ä/ae, ö/oe, ü/ue, ß/ss read alike,
 *   so a search for "muller" or "mueller" finds "Müller"; added to the trigram index, which is
 *   rebuilt with it (an FTS5 table takes no new column).
 * And an index of the unsigned drafts alone, newest first: the list shows the drafts of
 * earlier days until they are signed or deleted, a lookup that must not walk every record.
 * Existing rows are filled by the functions below, copies of the model's at this schema, frozen
 * here as they shipped. Signed rows are immutable by trigger: it is set aside for the fill
 * and put back exactly as it was. Never edit it.
 */

const frozenPatientKey = (patientId: string) => patientId.normalize('NFC').replace(/\s+/gu, '').toUpperCase();

const frozenFoldName = (text: string) =>
  text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([aou])e/g, '$1');

const COLUMNS = `
ALTER TABLE procedures ADD COLUMN patient_key TEXT;
ALTER TABLE procedures ADD COLUMN patient_name_folded TEXT;
`;

const LOOKUPS = `
DROP INDEX procedures_by_patient_day;
CREATE INDEX procedures_by_patient_day ON procedures (patient_key, performed_date);
CREATE INDEX procedures_drafts ON procedures (performed_at_utc, id) WHERE status = 'draft';

DROP TRIGGER procedure_text_insert;
DROP TRIGGER procedure_text_update;
DROP TRIGGER procedure_text_delete;
DROP TABLE procedure_text;
-- Substring search on patient ID, name (as typed and folded) and accession number (trigram: any 3+ characters).
CREATE VIRTUAL TABLE procedure_text USING fts5 (patient_id, patient_name, accession_number, patient_name_folded, tokenize = 'trigram');
INSERT INTO procedure_text (rowid, patient_id, patient_name, accession_number, patient_name_folded)
  SELECT rowid, patient_id, patient_name, accession_number, patient_name_folded FROM procedures;
CREATE TRIGGER procedure_text_insert AFTER INSERT ON procedures BEGIN
  INSERT INTO procedure_text (rowid, patient_id, patient_name, accession_number, patient_name_folded)
  VALUES (NEW.rowid, NEW.patient_id, NEW.patient_name, NEW.accession_number, NEW.patient_name_folded);
END;
CREATE TRIGGER procedure_text_update AFTER UPDATE OF patient_id, patient_name, accession_number, patient_name_folded ON procedures BEGIN
  UPDATE procedure_text SET patient_id = NEW.patient_id, patient_name = NEW.patient_name, accession_number = NEW.accession_number,
    patient_name_folded = NEW.patient_name_folded
   WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER procedure_text_delete AFTER DELETE ON procedures BEGIN
  DELETE FROM procedure_text WHERE rowid = OLD.rowid;
END;
`;

function fill(db: WritableDb): void {
  const rows = db
    .prepare(
      'SELECT rowid, patient_id, patient_name FROM procedures WHERE patient_id IS NOT NULL OR patient_name IS NOT NULL',
    )
    .all() as { rowid: number; patient_id: string | null; patient_name: string | null }[];
  const update = db.prepare('UPDATE procedures SET patient_key = ?, patient_name_folded = ? WHERE rowid = ?');
  // The lock on signed records is lifted for this loop and put back exactly as the file has it.
  const lock = db
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'signed_procedure_no_update'")
    .pluck()
    .get() as string;
  db.exec('DROP TRIGGER signed_procedure_no_update');
  for (const row of rows) {
    update.run(
      row.patient_id == null ? null : frozenPatientKey(row.patient_id),
      row.patient_name == null ? null : frozenFoldName(row.patient_name),
      row.rowid,
    );
  }
  db.exec(lock);
}

const CHAINED_HERE = {
  settings: [],
  tables: {},
  recordTables: [
    'procedures',
    'procedure_indications',
    'caudal_spread',
    'complications',
    'target_spread',
    'drug_administrations',
    'targets',
  ],
} as const;

export const foldedLookups: Migration = {
  version: 21,
  name: 'folded lookups',
  up: (db) => {
    db.exec(COLUMNS);
    fill(db);
    db.exec(LOOKUPS);
    // Every procedure row gained two values: the signed records' seals are chained again as they
    // now stand (schema 19's rule), with this schema's own list of a record's tables.
    chainAsStored(connection(db), CHAINED_HERE);
  },
};
