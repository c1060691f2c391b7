/** What mg is computed from: a drug administration's dose fields. */
export interface DoseFields {
  doseMg?: number | null;
  concentrationMgPerMl?: number | null;
  volumeMl?: number | null;
}

/**
 * mg given: entered directly, or concentration × volume rounded half up to 0.01 mg, in
 * decimal (0.43 mL × 2.5 mg/mL = 1.075 → 1.08 mg; binary floating point alone would give
 * 1.07 or 1.08 depending on how it was computed). The one place mg is computed: the value
 * is stored with the drug row when written, and every list, export and rule reads that.
 */
export function doseInMg(administration: DoseFields): number | undefined {
  if (administration.doseMg != null) return administration.doseMg;
  if (administration.concentrationMgPerMl != null && administration.volumeMl != null) {
    const hundredths = Number((administration.concentrationMgPerMl * administration.volumeMl * 100).toPrecision(12));
    return Math.round(hundredths) / 100;
  }
  return undefined;
}
