import type { Migration } from './migration.js';

/*
 * Schema 6: a signed record keeps what the catalogue said of its drugs when it was signed
 * (name, class, particulate, maximum dose), beside each drug row and in its signed version,
 * so that editing the catalogue no longer rewrites what old records say. Records signed
 * before this schema have no such copy, and their signed versions cannot be given one (they
 * are hashed); for them the catalogue as it stands at this upgrade is kept, unchangeable, in
 * drug_catalogue_at_schema_6, and read instead of today's. Never edit it.
 */
const SQL = `
ALTER TABLE drug_administrations ADD COLUMN signed_name TEXT CHECK (signed_name IS NULL OR length(signed_name) BETWEEN 1 AND 80);
ALTER TABLE drug_administrations ADD COLUMN signed_class TEXT CHECK (signed_class IS NULL OR signed_class IN ('steroid', 'local_anaesthetic', 'other'));
ALTER TABLE drug_administrations ADD COLUMN signed_particulate INTEGER CHECK (signed_particulate IS NULL OR signed_particulate IN (0, 1));
ALTER TABLE drug_administrations ADD COLUMN signed_max_dose_mg REAL CHECK (signed_max_dose_mg IS NULL OR signed_max_dose_mg > 0);

CREATE TABLE drug_catalogue_at_schema_6 (
  code TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  drug_class TEXT NOT NULL,
  particulate INTEGER NOT NULL,
  max_dose_mg REAL
) STRICT;
INSERT INTO drug_catalogue_at_schema_6 (code, name, drug_class, particulate, max_dose_mg)
  SELECT code, name, drug_class, particulate, max_dose_mg FROM drug_catalogue;
CREATE TRIGGER drug_catalogue_at_schema_6_no_insert BEFORE INSERT ON drug_catalogue_at_schema_6
BEGIN SELECT RAISE(ABORT, 'drug_catalogue_at_schema_6 is the catalogue as it was at the upgrade: it can never change'); END;
CREATE TRIGGER drug_catalogue_at_schema_6_no_update BEFORE UPDATE ON drug_catalogue_at_schema_6
BEGIN SELECT RAISE(ABORT, 'drug_catalogue_at_schema_6 is the catalogue as it was at the upgrade: it can never change'); END;
CREATE TRIGGER drug_catalogue_at_schema_6_no_delete BEFORE DELETE ON drug_catalogue_at_schema_6
BEGIN SELECT RAISE(ABORT, 'drug_catalogue_at_schema_6 is the catalogue as it was at the upgrade: it can never change'); END;
`;

export const signedDrugFacts: Migration = { version: 6, name: 'signed drug facts', up: (db) => db.exec(SQL) };
