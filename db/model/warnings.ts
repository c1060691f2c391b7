import type { Drug } from './catalogue.js';
import type { ClinicalWarning, SameDaySteroidMg } from './clinical-warning.js';
import { concentrationWarnings } from './concentration.js';
import { dosePlausibilityWarnings } from './dose-plausibility.js';
import { doseMaximumWarnings } from './dose-rules.js';
import type { Message } from './messages.js';
import type { ProcedureDraft } from './procedure.js';
import { referenceLevelWarnings } from './reference-warnings.js';
import { ANTICOAGULANT_WORDS, reviewWarnings } from './review-rules.js';
import { type SameDayRecord, sameDayWarnings } from './same-day-rules.js';
import type { RuleSettings } from './settings.js';
import { catalogueForRecord } from './signed-drugs.js';
import { spinalSafetyWarnings } from './spinal-rules.js';
import { tableTimeWarnings } from './table-time.js';
import { isUnsafeSpread } from './vocabularies.js';
import { clinicalWarning, WARNING_MESSAGES } from './warning-messages.js';
import { sentence, type WordList } from './words.js';

export type { ClinicalWarning, SameDaySteroidMg, WarningCode, WarningLevel } from './clinical-warning.js';
export { WARNING_CODES } from './clinical-warning.js';

const W = WARNING_MESSAGES;
const UNSAFE_SPREAD_WORDS: Record<string, Message> = {
  intravascular_venous: W.spreadIntravascularVenous,
  intravascular_arterial: W.spreadIntravascularArterial,
  intrathecal: W.spreadIntrathecal,
};
const spreadWords = (patterns: readonly string[]): WordList => ({
  list: patterns.flatMap((pattern) => {
    const message = UNSAFE_SPREAD_WORDS[pattern];
    return message ? [sentence(message)] : [];
  }),
});
const SIDE_WORDS: Record<'left' | 'right', Message> = { left: W.sideLeft, right: W.sideRight };

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
    const where = site === 'caudal' ? sentence(W.atCaudal) : sentence(W.atTarget, { number: site + 1 });
    found.push(
      clinicalWarning(
        'particulate_after_unsafe_spread',
        'safety',
        `drugs[${index}].drug`,
        sentence(W.particulateAfterUnsafeSpread, {
          drug: drug.name,
          where,
          spread: spreadWords(spread),
          retest: action ? '' : sentence(W.noCleanRetest),
        }),
      ),
    );
  });

  found.push(...doseMaximumWarnings(record, catalogue, settings, sameDaySteroidMg));
  found.push(...concentrationWarnings(record, catalogue));
  found.push(...dosePlausibilityWarnings(record));
  found.push(...referenceLevelWarnings(record, settings.referenceLevels));
  found.push(...sameDayWarnings(record, sameDayRecords));
  found.push(...tableTimeWarnings(record));

  if (record.symptomSide === 'left' || record.symptomSide === 'right') {
    record.targets.forEach((target, index) => {
      const symptomSide = record.symptomSide as 'left' | 'right';
      if (target.side && target.side !== symptomSide) {
        found.push(
          clinicalWarning(
            'side_differs_from_symptoms',
            'check',
            `targets[${index}].side`,
            sentence(W.sideDiffersFromSymptoms, {
              number: index + 1,
              side: target.side === 'left' || target.side === 'right' ? sentence(SIDE_WORDS[target.side]) : target.side,
              symptomSide: sentence(SIDE_WORDS[symptomSide]),
            }),
          ),
        );
      }
    });
  }

  // ASRA (interventional spine, intermediate-risk procedures): aspirin alone may be continued
  // after a shared assessment; any other anticoagulant or antiplatelet is paused per protocol.
  if (record.anticoagulation === 'continued' && record.anticoagulantClass !== 'aspirin_alone') {
    const anticoagulant = record.anticoagulantClass ? ANTICOAGULANT_WORDS[record.anticoagulantClass] : undefined;
    found.push(
      clinicalWarning(
        'anticoagulation_continued',
        'safety',
        'anticoagulation',
        anticoagulant
          ? sentence(W.anticoagulationContinuedOf, { anticoagulant: sentence(anticoagulant) })
          : sentence(W.anticoagulationContinued),
      ),
    );
  }

  if (record.painPre != null && record.painPost != null && record.painPost > record.painPre) {
    found.push(
      clinicalWarning(
        'pain_worse_after',
        'check',
        'painPost',
        sentence(W.painWorseAfter, { after: record.painPost, before: record.painPre }),
      ),
    );
  }

  const steroidGiven = record.drugs.some(
    (administration) => catalogue.get(administration.drug)?.drugClass === 'steroid',
  );
  if (record.diabetes === 'yes' && steroidGiven) {
    found.push(
      clinicalWarning('diabetes_glucose_reminder', 'reminder', 'diabetes', sentence(W.diabetesGlucoseReminder)),
    );
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
