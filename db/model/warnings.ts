import type { Drug } from './catalogue.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';
import type { RuleSettings } from './settings.js';
import { catalogueForRecord } from './signed-drugs.js';
import { spinalSafetyWarnings } from './spinal-rules.js';
import { isUnsafeSpread } from './vocabularies.js';

export type WarningCode =
  | 'particulate_after_unsafe_spread'
  | 'dose_above_maximum'
  | 'day_steroid_above_maximum'
  | 'dlp_above_reference'
  | 'fluoro_time_above_reference'
  | 'side_differs_from_symptoms'
  | 'anticoagulation_continued'
  | 'pain_worse_after'
  | 'diabetes_glucose_reminder'
  | 'gadolinium_contrast'
  | 'local_anaesthetic_after_intrathecal'
  | 'steroid_without_spread_check'
  | 'root_foramen_mismatch'
  | 'pregnancy_not_excluded'
  | 'home_after_intrathecal_or_motor_block'
  | 'intravascular_complication_mismatch';

/** `safety`: could harm the patient; `check`: may be an entry error; `reminder`: tell the patient. */
export type WarningLevel = 'safety' | 'check' | 'reminder';

export interface ClinicalWarning {
  code: WarningCode;
  level: WarningLevel;
  field: string;
  message: string;
}

/** Steroid given to the same patient earlier the same day, per drug code, in mg. */
export type SameDaySteroidMg = Readonly<Record<string, number>>;

const UNSAFE_SPREAD_WORDS: Record<string, string> = {
  intravascular_venous: 'intravascular (venous)',
  intravascular_arterial: 'intravascular (arterial)',
  intrathecal: 'intrathecal',
};
const spreadWords = (patterns: readonly string[]) =>
  patterns
    .map((pattern) => UNSAFE_SPREAD_WORDS[pattern])
    .filter(Boolean)
    .join(' and ');

const formatMg = (mg: number) => `${Math.round(mg * 100) / 100} mg`;

/**
 * The clinical rules of data-dictionary.md, shown beside their fields while typing and
 * confirmed at signing. Pure: the caller supplies the department's settings and, for the
 * day's steroid total, what the patient already received today.
 */
export function warnings(
  record: ProcedureDraft,
  settings: RuleSettings,
  sameDaySteroidMg: SameDaySteroidMg = {},
): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  // A signed record's drugs are judged by what the catalogue said when it was signed.
  const catalogue = new Map<string, Drug>(
    catalogueForRecord(record, settings.drugCatalogue).map((drug) => [drug.code, drug]),
  );

  record.drugs.forEach((administration, index) => {
    const drug = catalogue.get(administration.drug);
    if (!drug?.particulate || administration.site == null) return;
    const spread = administration.site === 'caudal' ? record.caudalSpread : record.targets[administration.site]?.spread;
    if (!spread?.some(isUnsafeSpread)) return;
    const where = administration.site === 'caudal' ? 'the caudal epidural' : `target ${administration.site + 1}`;
    found.push({
      code: 'particulate_after_unsafe_spread',
      level: 'safety',
      field: `drugs[${index}].drug`,
      message: `${drug.name} is a particulate steroid, injected at ${where} where contrast spread was ${spreadWords(spread)}: risk of embolic spinal cord or brain infarction. Consider a non-particulate steroid (dexamethasone).`,
    });
  });

  const totals = new Map<string, { mg: number; firstIndex: number }>();
  record.drugs.forEach((administration, index) => {
    const mg = doseInMg(administration);
    if (mg == null) return;
    const total = totals.get(administration.drug);
    if (total) total.mg += mg;
    else totals.set(administration.drug, { mg, firstIndex: index });
  });
  for (const [code, { mg, firstIndex }] of totals) {
    const drug = catalogue.get(code);
    if (drug?.maxDoseMg == null) continue;
    const field = `drugs[${firstIndex}].doseMg`;
    if (mg > drug.maxDoseMg) {
      found.push({
        code: 'dose_above_maximum',
        level: 'safety',
        field,
        message: `${drug.name} ${formatMg(mg)} in this procedure is above the department maximum of ${formatMg(drug.maxDoseMg)}.`,
      });
      continue;
    }
    const earlier = sameDaySteroidMg[code] ?? 0;
    if (drug.drugClass === 'steroid' && earlier > 0 && mg + earlier > drug.maxDoseMg) {
      found.push({
        code: 'day_steroid_above_maximum',
        level: 'safety',
        field,
        message: `${drug.name}: with ${formatMg(earlier)} given earlier today, the patient's total for the day is ${formatMg(mg + earlier)}, above the department maximum of ${formatMg(drug.maxDoseMg)}.`,
      });
    }
  }

  const { ctDlpMGyCm, fluoroTimeS } = settings.referenceLevels;
  if (record.dlpMGyCm != null && record.dlpMGyCm > ctDlpMGyCm) {
    found.push({
      code: 'dlp_above_reference',
      level: 'check',
      field: 'dlpMGyCm',
      message: `DLP ${record.dlpMGyCm} mGy·cm is above the department reference level of ${ctDlpMGyCm} mGy·cm.`,
    });
  }
  if (record.fluoroTimeS != null && record.fluoroTimeS > fluoroTimeS) {
    found.push({
      code: 'fluoro_time_above_reference',
      level: 'check',
      field: 'fluoroTimeS',
      message: `Fluoroscopy time ${record.fluoroTimeS} s is above the department reference level of ${fluoroTimeS} s.`,
    });
  }

  if (record.symptomSide === 'left' || record.symptomSide === 'right') {
    record.targets.forEach((target, index) => {
      if (target.side && target.side !== record.symptomSide) {
        found.push({
          code: 'side_differs_from_symptoms',
          level: 'check',
          field: `targets[${index}].side`,
          message: `Target ${index + 1} is on the ${target.side}, but the symptoms are on the ${record.symptomSide}: check the side.`,
        });
      }
    });
  }

  if (record.anticoagulation === 'continued') {
    found.push({
      code: 'anticoagulation_continued',
      level: 'safety',
      field: 'anticoagulation',
      message: 'Anticoagulation was continued: higher risk of bleeding and epidural hematoma.',
    });
  }

  if (record.painPre != null && record.painPost != null && record.painPost > record.painPre) {
    found.push({
      code: 'pain_worse_after',
      level: 'check',
      field: 'painPost',
      message: `Pain after (${record.painPost}) is higher than before (${record.painPre}): check the entry.`,
    });
  }

  const steroidGiven = record.drugs.some(
    (administration) => catalogue.get(administration.drug)?.drugClass === 'steroid',
  );
  if (record.diabetes === 'yes' && steroidGiven) {
    found.push({
      code: 'diabetes_glucose_reminder',
      level: 'reminder',
      field: 'diabetes',
      message: 'Diabetic patient given a steroid: advise checking blood glucose over the next days.',
    });
  }

  found.push(...spinalSafetyWarnings(record, catalogue));
  return found;
}
