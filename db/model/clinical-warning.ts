import type { Words } from './words.js';

/*
 * What a clinical warning is: its code, level, field and words. A file of its own so that
 * warnings.ts and the rule files it gathers (dose, spinal, review, reference) all name it
 * without importing one another.
 */

/** Every warning a rule can raise: the confirmations store these codes. */
export const WARNING_CODES = [
  'particulate_after_unsafe_spread',
  'dose_above_maximum',
  'day_steroid_above_maximum',
  'dlp_above_reference',
  'ctdivol_above_reference',
  'dap_above_reference',
  'fluoro_time_above_reference',
  'side_differs_from_symptoms',
  'anticoagulation_continued',
  'pain_worse_after',
  'diabetes_glucose_reminder',
  'gadolinium_contrast',
  'local_anaesthetic_after_intrathecal',
  'steroid_without_spread_check',
  'root_foramen_mismatch',
  'pregnancy_not_excluded',
  'home_after_intrathecal_or_motor_block',
  'intravascular_complication_mismatch',
  'contrast_reaction_not_premedicated',
  'steroid_given_despite_allergy',
  'local_anaesthetic_given_despite_allergy',
  'anticoagulant_not_paused',
  'pregnancy_positive',
  'local_anaesthetic_above_mg_per_kg',
  'time_out_incomplete',
  'abnormal_spread_without_action',
  'dlp_implausible',
  'ctdivol_implausible',
  'dap_implausible',
  'fluoro_time_implausible',
  'concentration_implausible',
  'same_root_same_day',
  'table_time_implausible',
  'performed_outside_table_time',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * `safety`: could harm the patient; `check`: may be an entry error; `reminder`: tell the patient;
 * `reference`: a dose or time above the department's reference level, answered with a reason
 * (doseExceedanceReason) instead of a tick.
 */
export type WarningLevel = 'safety' | 'check' | 'reminder' | 'reference';

export interface ClinicalWarning {
  code: WarningCode;
  level: WarningLevel;
  field: string;
  /** Its English words (the command line, the hub's conflicts, a refusal's detail). */
  message: string;
  /** Its message and values, which the window says in the operator's language (warning-messages.ts). */
  words: Words;
}

/** Steroid given to the same patient earlier the same day, per drug code, in mg. */
export type SameDaySteroidMg = Readonly<Record<string, number>>;
