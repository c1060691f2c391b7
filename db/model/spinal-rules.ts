import { defaultForamen, foramenAbove } from './anatomy.js';
import type { Drug } from './catalogue.js';
import type { ClinicalWarning } from './clinical-warning.js';
import type { ProcedureDraft } from './procedure.js';
import { ageInYears } from './time.js';
import { isIntravascularSpread } from './vocabularies.js';
import { clinicalWarning, WARNING_MESSAGES as W } from './warning-messages.js';
import { sentence } from './words.js';

/*
 * Rules a clinical review found missing (each a clinician's sentence at its field). Pure; the
 * catalogue passed is the record's own (a signed record's drugs as they were signed).
 */

export function spinalSafetyWarnings(record: ProcedureDraft, catalogue: ReadonlyMap<string, Drug>): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  const spreadAt = (site: number | 'caudal' | null | undefined) =>
    site === 'caudal' ? record.caudalSpread : typeof site === 'number' ? (record.targets[site]?.spread ?? []) : [];

  if (record.contrastAgent === 'gadolinium_based') {
    found.push(clinicalWarning('gadolinium_contrast', 'safety', 'contrastAgent', sentence(W.gadoliniumContrast)));
  }

  record.drugs.forEach((administration, index) => {
    const drug = catalogue.get(administration.drug);
    const spread = spreadAt(administration.site);
    if (drug?.drugClass === 'local_anaesthetic' && spread.includes('intrathecal')) {
      found.push(
        clinicalWarning(
          'local_anaesthetic_after_intrathecal',
          'safety',
          `drugs[${index}].drug`,
          sentence(W.localAnaestheticAfterIntrathecal, { drug: drug.name }),
        ),
      );
    }
    const noContrast = record.contrastAgent === 'none';
    if (
      drug?.drugClass === 'steroid' &&
      administration.site != null &&
      (noContrast || spread.length === 0 || spread.includes('not_assessed'))
    ) {
      found.push(
        clinicalWarning(
          'steroid_without_spread_check',
          'check',
          `drugs[${index}].site`,
          sentence(noContrast ? W.steroidWithoutContrast : W.steroidWithoutSpreadCheck, { drug: drug.name }),
        ),
      );
    }
  });

  record.targets.forEach((target, index) => {
    // A retrodiscal approach reaches the root through the foramen above (S1 through L5/S1).
    const retrodiscal =
      target.approach === 'retrodiscal' && target.root && target.foramen === foramenAbove(target.root);
    if (target.root && target.foramen && target.foramen !== defaultForamen(target.root) && !retrodiscal) {
      found.push(
        clinicalWarning(
          'root_foramen_mismatch',
          'check',
          `targets[${index}].foramen`,
          sentence(W.rootForamenMismatch, {
            root: target.root,
            foramen: target.foramen,
            expected: defaultForamen(target.root),
          }),
        ),
      );
    }
  });

  const age = record.birthDate && record.performedAt ? ageInYears(record.birthDate, record.performedAt) : null;
  if (
    record.sex === 'female' &&
    age != null &&
    age >= 12 &&
    age <= 55 &&
    record.pregnancyExcluded !== 'yes' &&
    record.pregnancyExcluded !== 'positive' // a positive test has its own warning (review-rules.ts)
  ) {
    found.push(
      clinicalWarning(
        'pregnancy_not_excluded',
        'safety',
        'pregnancyExcluded',
        sentence(W.pregnancyNotExcluded, { age }),
      ),
    );
  }

  const intrathecal =
    record.targets.some((target) => target.spread.includes('intrathecal')) ||
    record.caudalSpread.includes('intrathecal');
  const motorBlock = record.complications.some((entry) => entry.type === 'transient_motor_block');
  if (record.disposition === 'home_not_driving' && (intrathecal || motorBlock)) {
    found.push(
      clinicalWarning(
        'home_after_intrathecal_or_motor_block',
        'safety',
        'disposition',
        sentence(motorBlock ? W.homeAfterMotorBlock : W.homeAfterIntrathecal),
      ),
    );
  }

  const spreadIntravascular =
    record.targets.some((target) => target.spread.some(isIntravascularSpread)) ||
    record.caudalSpread.some(isIntravascularSpread);
  const complicationIntravascular = record.complications.some((entry) => entry.type === 'intravascular_injection');
  if (spreadIntravascular !== complicationIntravascular && record.complications.length > 0) {
    found.push(
      clinicalWarning(
        'intravascular_complication_mismatch',
        'check',
        'complications',
        sentence(complicationIntravascular ? W.intravascularListedNotSeen : W.intravascularSeenNotListed),
      ),
    );
  }
  return found;
}
