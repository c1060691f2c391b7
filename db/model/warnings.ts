import type { Drug } from './catalogue.js';
import type { ClinicalWarning, SameDaySteroidMg } from './clinical-warning.js';
import { concentrationWarnings } from './concentration.js';
import { dosePlausibilityWarnings } from './dose-plausibility.js';
import { doseMaximumWarnings } from './dose-rules.js';
import type { ProcedureDraft } from './procedure.js';
import { referenceLevelWarnings } from './reference-warnings.js';
import { ANTICOAGULANT_WORDS, reviewWarnings } from './review-rules.js';
import { type SameDayRecord, sameDayWarnings } from './same-day-rules.js';
import type { RuleSettings } from './settings.js';
import { catalogueForRecord } from './signed-drugs.js';
import { spinalSafetyWarnings } from './spinal-rules.js';
import { tableTimeWarnings } from './table-time.js';
import { isUnsafeSpread } from './vocabularies.js';

export type { ClinicalWarning, SameDaySteroidMg, WarningCode, WarningLevel } from './clinical-warning.js';

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

/**
 * The clinical rules (docs/clinical-data.md, the clinical warnings), shown beside their fields while typing and
 * confirmed at signing. Pure: the caller supplies the department's settings and, for the
 * day's steroid total and the same root twice on one day, what the logbook holds of the
 * patient's other records that day (the window cannot see them: it keeps what the last save
 * answered, see OTHER_RECORDS_WARNINGS).
 */
export function warnings(
  record: ProcedureDraft,
  settings: RuleSettings,
  sameDaySteroidMg: SameDaySteroidMg = {},
  sameDayRecords: readonly SameDayRecord[] = [],
): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  // A signed record's drugs are judged by what the catalogue said when it was signed.
  const catalogue = new Map<string, Drug>(
    catalogueForRecord(record, settings.drugCatalogue).map((drug) => [drug.code, drug]),
  );

  record.drugs.forEach((administration, index) => {
    const drug = catalogue.get(administration.drug);
    if (!drug?.particulate || administration.site == null) return;
    const site = administration.site;
    const target = site === 'caudal' ? undefined : record.targets[site];
    const spread = site === 'caudal' ? record.caudalSpread : target?.spread;
    if (!spread?.some(isUnsafeSpread)) return;
    // The needle was moved and a second contrast injection showed no vascular or intrathecal
    // spread: the position the steroid went to is the clean one.
    const action = site === 'caudal' ? record.caudalAbnormalSpreadAction : target?.abnormalSpreadAction;
    if (action === 'repositioned_clean_retest') return;
    const where = site === 'caudal' ? 'the caudal epidural' : `target ${site + 1}`;
    found.push({
      code: 'particulate_after_unsafe_spread',
      level: 'safety',
      field: `drugs[${index}].drug`,
      message: `${drug.name} is a particulate steroid, injected at ${where} where contrast spread was ${spreadWords(spread)}${action ? '' : ' and no clean retest is recorded'}: risk of embolic spinal cord or brain infarction. Consider a non-particulate steroid (dexamethasone).`,
    });
  });

  found.push(...doseMaximumWarnings(record, catalogue, settings, sameDaySteroidMg));
  found.push(...concentrationWarnings(record, catalogue));
  found.push(...dosePlausibilityWarnings(record));
  found.push(...referenceLevelWarnings(record, settings.referenceLevels));
  found.push(...sameDayWarnings(record, sameDayRecords));
  found.push(...tableTimeWarnings(record));

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

  // ASRA (interventional spine, intermediate-risk procedures): aspirin alone may be continued
  // after a shared assessment; any other anticoagulant or antiplatelet is paused per protocol.
  if (record.anticoagulation === 'continued' && record.anticoagulantClass !== 'aspirin_alone') {
    found.push({
      code: 'anticoagulation_continued',
      level: 'safety',
      field: 'anticoagulation',
      message: `Anticoagulation${record.anticoagulantClass && record.anticoagulantClass !== 'none' ? ` (${ANTICOAGULANT_WORDS[record.anticoagulantClass]})` : ''} was continued: higher risk of bleeding and epidural hematoma.`,
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
  found.push(...reviewWarnings(record, catalogue));
  return found;
}

/**
 * The warnings only the logbook can give, from the patient's other records of the day: the
 * window's live check cannot, so it keeps them from the last save until the next answers.
 */
export const OTHER_RECORDS_WARNINGS: readonly ClinicalWarning['code'][] = [
  'day_steroid_above_maximum',
  'same_root_same_day',
];
