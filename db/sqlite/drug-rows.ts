import { type Drug, drugNameClash, RootLogError } from '../model/index.js';
import type { ReadableDb, WriteConnection } from './connection.js';
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
  if (clash) throw RootLogError.invalid([{ field: 'name', message: `Name ${clash}` }]);
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

/** Each drug of the catalogue by its code, name and whether it is offered (for `rootlog check`). */
export const drugNames = (db: ReadableDb) =>
  (
    db.prepare('SELECT code, name, active FROM drug_catalogue ORDER BY code').all() as {
      code: string;
      name: string;
      active: number;
    }[]
  ).map((row) => ({ code: row.code, name: row.name, active: row.active === 1 }));
