import type { ClinicalWarning, WarningCode } from './clinical-warning.js';
import type { ProcedureDraft } from './procedure.js';
import {
  DOSE_QUANTITIES,
  DOSE_QUANTITY_WORDS,
  type DoseQuantity,
  describeLevel,
  doseProtocolOf,
  levelFor,
  type ReferenceLevels,
} from './reference-levels.js';

const CODE_OF: Record<DoseQuantity, WarningCode> = {
  dlpMGyCm: 'dlp_above_reference',
  ctdiVolMGy: 'ctdivol_above_reference',
  dapGyCm2: 'dap_above_reference',
  fluoroTimeS: 'fluoro_time_above_reference',
};

/** Dose warnings that are answered with a reason from a list, not a tick. */
export const REFERENCE_WARNING_CODES: readonly WarningCode[] = Object.values(CODE_OF);

/**
 * Each recorded dose or time above the level for the procedure's modality and protocol. The
 * signer answers with a reason (patient size, difficult access, …): a level that raises a
 * warning on most cases is a wrong level, which the department replaces by its own P75.
 */
export function referenceLevelWarnings(record: ProcedureDraft, levels: ReferenceLevels): ClinicalWarning[] {
  if (!record.modality) return [];
  const protocol = doseProtocolOf(record);
  const found: ClinicalWarning[] = [];
  for (const quantity of DOSE_QUANTITIES) {
    const value = record[quantity];
    const level = levelFor(levels, record.modality, protocol, quantity);
    if (value == null || !level || value <= level.value) continue;
    const { name, unit } = DOSE_QUANTITY_WORDS[quantity];
    found.push({
      code: CODE_OF[quantity],
      level: 'reference',
      field: quantity,
      message: `${name} ${value} ${unit} is above the reference level: ${describeLevel(level)}. Give the reason.`,
    });
  }
  return found;
}
