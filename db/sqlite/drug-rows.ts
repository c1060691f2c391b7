import { type Drug, drugNameClash, problem, RootLogError } from '../model/index.js';
import type { ReadableDb, ReadConnection, WriteConnection } from './connection.js';
import { chainState } from './state-chain.js';

/**
 * The one writer of a drug of the catalogue, for Settings, the import and the hub: added or
 * changed by its code, with its link of the state chain. A name that is, or looks like, another
 * drug's (db/model/names.ts) is refused in words before anything is written, unless the drug
 * keeps the name it has stored.
 */
export function writeDrug(write: WriteConnection, drug: Drug): void {
  const others = write.prepare('SELECT code, name FROM drug_catalogue').all() as { code: string; name: string }[];
  // A drug that keeps its stored name is not asked again: a catalogue already holding two
  // look-alikes (from before the rule) must still be able to deactivate or correct either.
  const keepsItsName = others.some((other) => other.code === drug.code && other.name === drug.name);
  const clash = keepsItsName ? null : drugNameClash(drug.name, drug.code, others);
  if (clash) throw RootLogError.invalid([problem('name', clash)]);
  write
    .prepare(
      `INSERT INTO drug_catalogue (code, name, drug_class, particulate, dosing, default_concentration_mg_per_ml,
         usual_concentration_min_mg_per_ml, usual_concentration_max_mg_per_ml, usual_dose_mg, max_dose_mg, active)
       VALUES (@code, @name, @drugClass, @particulate, @dosing, @defaultConcentrationMgPerMl,
         @usualConcentrationMinMgPerMl, @usualConcentrationMaxMgPerMl, @usualDoseMg, @maxDoseMg, @active)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, drug_class = excluded.drug_class, particulate = excluded.particulate,
         dosing = excluded.dosing, default_concentration_mg_per_ml = excluded.default_concentration_mg_per_ml,
         usual_concentration_min_mg_per_ml = excluded.usual_concentration_min_mg_per_ml,
         usual_concentration_max_mg_per_ml = excluded.usual_concentration_max_mg_per_ml,
         usual_dose_mg = excluded.usual_dose_mg, max_dose_mg = excluded.max_dose_mg, active = excluded.active`,
    )
    .run({
      code: drug.code,
      name: drug.name,
      drugClass: drug.drugClass,
      particulate: drug.particulate ? 1 : 0,
      dosing: drug.dosing,
      defaultConcentrationMgPerMl: drug.defaultConcentrationMgPerMl ?? null,
      usualConcentrationMinMgPerMl: drug.usualConcentrationMinMgPerMl ?? null,
      usualConcentrationMaxMgPerMl: drug.usualConcentrationMaxMgPerMl ?? null,
      usualDoseMg: drug.usualDoseMg ?? null,
      maxDoseMg: drug.maxDoseMg ?? null,
      active: drug.active ? 1 : 0,
    });
  chainState(write, 'drug_catalogue', drug.code);
}

/** The catalogue as stored, by class and name. */
export function readDrugs(read: ReadConnection): Drug[] {
  const rows = read.prepare('SELECT * FROM drug_catalogue ORDER BY drug_class, name').all() as Record<
    string,
    unknown
  >[];
  return rows.map((row) => {
    const drug: Drug = {
      code: row.code as string,
      name: row.name as string,
      drugClass: row.drug_class as Drug['drugClass'],
      particulate: row.particulate === 1,
      dosing: row.dosing as Drug['dosing'],
      active: row.active === 1,
    };
    if (row.default_concentration_mg_per_ml != null)
      drug.defaultConcentrationMgPerMl = row.default_concentration_mg_per_ml as number;
    if (row.usual_concentration_min_mg_per_ml != null)
      drug.usualConcentrationMinMgPerMl = row.usual_concentration_min_mg_per_ml as number;
    if (row.usual_concentration_max_mg_per_ml != null)
      drug.usualConcentrationMaxMgPerMl = row.usual_concentration_max_mg_per_ml as number;
    if (row.usual_dose_mg != null) drug.usualDoseMg = row.usual_dose_mg as number;
    if (row.max_dose_mg != null) drug.maxDoseMg = row.max_dose_mg as number;
    return drug;
  });
}

/** The catalogue as it stood at the schema 6 upgrade (kept unchangeable), by code. */
export function drugsAtSchema6(read: ReadConnection): {
  code: string;
  name: string;
  drug_class: Drug['drugClass'];
  particulate: number;
  max_dose_mg: number | null;
}[] {
  return read.prepare('SELECT * FROM drug_catalogue_at_schema_6').all() as ReturnType<typeof drugsAtSchema6>;
}

/** The mg given of each drug of a procedure, in its order, as stored (null where not computed): one statement for many procedures. */
export function dosesGivenMg(read: ReadConnection): (procedureId: string) => (number | null)[] {
  const statement = read
    .prepare('SELECT dose_given_mg FROM drug_administrations WHERE procedure_id = ? ORDER BY ordinal')
    .pluck();
  return (procedureId) => statement.all(procedureId) as (number | null)[];
}

/** Each drug of the catalogue by its code, name and whether it is offered (for `rootlog check`). */
export const drugNames = (db: ReadableDb) =>
  (
    db.prepare('SELECT code, name, active FROM drug_catalogue ORDER BY code').all() as {
      code: string;
      name: string;
      active: number;
    }[]
  ).map((row) => ({ code: row.code, name: row.name, active: row.active === 1 }));
