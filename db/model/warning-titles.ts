import type { WarningCode } from './clinical-warning.js';
import { declareMessages, type Message } from './messages.js';

/*
 * A clinical warning named by its code alone: what the audit log keeps of a confirmed warning
 * (never its sentence, whose values were the record's at the time). The history says each
 * confirmed code by its title, in the reader's language; every code has one (the type says so).
 */
const TITLE =
  'Procedure record, its history: the name of a clinical warning the signer confirmed ("Warnings confirmed: …").';
const TITLES: Record<WarningCode, readonly [string, string]> = {
  particulate_after_unsafe_spread: ['particulate steroid after unsafe contrast spread', TITLE],
  dose_above_maximum: ['dose above the maximum', TITLE],
  day_steroid_above_maximum: ["day's steroid dose above the maximum", TITLE],
  dlp_above_reference: ['DLP above the reference level', `${TITLE} Keep DLP.`],
  ctdivol_above_reference: ['CTDIvol above the reference level', `${TITLE} Keep CTDIvol.`],
  dap_above_reference: ['DAP above the reference level', `${TITLE} DAP: the dose-area product.`],
  fluoro_time_above_reference: ['fluoroscopy time above the reference level', TITLE],
  side_differs_from_symptoms: ['target side differs from the symptoms', TITLE],
  anticoagulation_continued: ['anticoagulation continued', TITLE],
  pain_worse_after: ['pain worse after the procedure', TITLE],
  diabetes_glucose_reminder: ['blood glucose reminder (diabetes)', TITLE],
  gadolinium_contrast: ['gadolinium contrast', TITLE],
  local_anaesthetic_after_intrathecal: ['local anaesthetic after intrathecal spread', TITLE],
  steroid_without_spread_check: ['steroid without a contrast spread check', TITLE],
  root_foramen_mismatch: ['root and foramen do not match', TITLE],
  pregnancy_not_excluded: ['pregnancy not excluded', TITLE],
  home_after_intrathecal_or_motor_block: ['sent home after intrathecal spread or motor block', TITLE],
  intravascular_complication_mismatch: ['intravascular spread and the complications disagree', TITLE],
  contrast_reaction_not_premedicated: ['earlier contrast reaction, no premedication', TITLE],
  steroid_given_despite_allergy: ['steroid given despite an allergy', TITLE],
  local_anaesthetic_given_despite_allergy: ['local anaesthetic given despite an allergy', TITLE],
  anticoagulant_not_paused: ['anticoagulant not paused', TITLE],
  pregnancy_positive: ['positive pregnancy test', TITLE],
  local_anaesthetic_above_mg_per_kg: ['local anaesthetic above its mg/kg maximum', TITLE],
  time_out_incomplete: ['time-out incomplete', TITLE],
  abnormal_spread_without_action: ['abnormal spread without an action recorded', TITLE],
  dlp_implausible: ['implausible DLP', `${TITLE} Keep DLP.`],
  ctdivol_implausible: ['implausible CTDIvol', `${TITLE} Keep CTDIvol.`],
  dap_implausible: ['implausible DAP', `${TITLE} DAP: the dose-area product.`],
  fluoro_time_implausible: ['implausible fluoroscopy time', TITLE],
  concentration_implausible: ['implausible concentration', TITLE],
  same_root_same_day: ['same root treated earlier the same day', TITLE],
  table_time_implausible: ['implausible table time', TITLE],
  performed_outside_table_time: ['performed outside the table time', TITLE],
};

export const WARNING_TITLE_MESSAGES = declareMessages('warning.title', TITLES);

/** A confirmed warning's title (the audit log's code); a code this version does not know stays its code. */
export const warningTitle = (code: string): Message | string =>
  (WARNING_TITLE_MESSAGES as Readonly<Record<string, Message>>)[code] ?? code;
