import { type FieldProblem, problem } from './problems.js';
import type { ProcedureDraft } from './procedure.js';
import { DOSE_QUANTITIES } from './reference-levels.js';
import { REFUSAL_MESSAGES as R } from './refusal-messages.js';

/*
 * Every X-ray-guided procedure has a dose record (radiation protection): RootLog's modalities
 * are all X-ray guided (CT, CT fluoroscopy, fluoroscopy, both), so once the modality is chosen
 * a case is signed with at least one of DLP, CTDIvol, DAP or fluoroscopy time — or with the
 * reason there is none (not recorded by the scanner, dose report pending, equipment fault,
 * other with its words). A dose recorded later (typed, or filled from the scanner's dose
 * report) makes the reason moot: the service then drops it at the save or the amendment that
 * brings the dose, so a record never says both "DLP 180 mGy·cm" and "no dose recorded".
 */

type DoseFacts = Pick<ProcedureDraft, 'modality' | (typeof DOSE_QUANTITIES)[number]>;

/** At least one dose figure is in the record. */
export const doseRecorded = (record: Partial<DoseFacts>): boolean =>
  DOSE_QUANTITIES.some((quantity) => record[quantity] != null);

/** X-ray guidance chosen and no dose figure: signing asks why. */
export const needsNoDoseReason = (record: Partial<DoseFacts>): boolean =>
  record.modality != null && !doseRecorded(record);

/** What signing needs of the no-dose reason, at its fields. */
export function noDoseReasonProblems(
  record: Partial<DoseFacts> & Pick<ProcedureDraft, 'noDoseReason' | 'noDoseReasonText'>,
): FieldProblem[] {
  if (!needsNoDoseReason(record)) return [];
  if (!record.noDoseReason) return [problem('noDoseReason', R.noDoseReasonNeeded)];
  if (record.noDoseReason === 'other' && !record.noDoseReasonText?.trim())
    return [problem('noDoseReasonText', R.noDoseReasonWords)];
  return [];
}

/** The record without a no-dose reason once a dose is recorded (unchanged otherwise). */
export function withoutMootNoDoseReason<
  T extends Partial<DoseFacts> & Pick<ProcedureDraft, 'noDoseReason' | 'noDoseReasonText'>,
>(record: T): T {
  if (!doseRecorded(record) || (record.noDoseReason == null && record.noDoseReasonText == null)) return record;
  const { noDoseReason: _reason, noDoseReasonText: _text, ...rest } = record;
  return rest as T;
}
