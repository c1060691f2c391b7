import type { ClinicalWarning, WarningCode } from './clinical-warning.js';
import type { ProcedureDraft } from './procedure.js';
import {
  DOSE_QUANTITIES,
  type DoseQuantity,
  doseFigureWords,
  doseProtocolOf,
  levelFor,
  levelWords,
  type ReferenceLevels,
} from './reference-levels.js';
import { clinicalWarning, WARNING_MESSAGES as W } from './warning-messages.js';
import { sentence } from './words.js';

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
    found.push(
      clinicalWarning(
        CODE_OF[quantity],
        'reference',
        quantity,
        sentence(W.aboveReferenceLevel, { figure: doseFigureWords(quantity, value), level: levelWords(level) }),
      ),
    );
  }
  return found;
}
