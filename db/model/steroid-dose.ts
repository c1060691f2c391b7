/*
 * Steroid doses compared across drugs. Glucocorticoid potency, as in the usual equivalence
 * tables: dexamethasone 0.75 mg ≈ betamethasone 0.6 mg ≈ methylprednisolone 4 mg ≈
 * triamcinolone 4 mg. With these, the starting per-level maxima (docs/clinical-data.md)
 * (dexamethasone 15, betamethasone 12, triamcinolone 80, methylprednisolone 80 mg) are each
 * 15 mg of dexamethasone.
 */

/** mg of dexamethasone per mg of the steroid. */
export const DEXAMETHASONE_EQUIVALENT_PER_MG: Readonly<Record<string, number>> = {
  dexamethasone: 1,
  betamethasone: 1.25,
  betamethasone_phosphate: 1.25,
  triamcinolone: 0.1875,
  methylprednisolone: 0.1875,
};

/**
 * A steroid the department added to its catalogue has no known potency here: it counts mg
 * for mg as dexamethasone, the most potent of the usual ones, so the total errs towards a
 * warning rather than away from one.
 */
export const dexamethasoneEquivalentMg = (drugCode: string, mg: number): number =>
  mg * (DEXAMETHASONE_EQUIVALENT_PER_MG[drugCode] ?? 1);

/**
 * Starting value of the department's limit on a patient's steroid per day, in mg of
 * dexamethasone: two levels at the per-level maximum (2 × 15 mg). A bilateral case with
 * 2 × 8 mg, or with a caudal injection on top (24 mg), stays below it.
 */
export const STARTING_STEROID_DAY_MAX_DEXAMETHASONE_MG = 30;

/** Maximum local anaesthetic per kg of body weight (plain solution, no adrenaline), by drug. */
export const LOCAL_ANAESTHETIC_MAX_MG_PER_KG: Readonly<Record<string, number>> = {
  lidocaine: 4.5,
  bupivacaine: 2,
  ropivacaine: 3,
};

/** mg of dexamethasone phosphate per mg of dexamethasone base (4 mg phosphate ≈ 3.3 mg base). */
export const DEXAMETHASONE_PHOSPHATE_PER_BASE = 4 / 3.3;

/**
 * The dose compared with maxima and summed into the day's steroid: as given, except a
 * dexamethasone dose stated as the base, which the catalogue's figures (stated as the
 * phosphate, as on the ampoule) compare with once converted.
 */
export const doseForLimitsMg = (drugCode: string, mg: number, doseSalt: string | null | undefined): number =>
  drugCode === 'dexamethasone' && doseSalt === 'base' ? mg * DEXAMETHASONE_PHOSPHATE_PER_BASE : mg;
