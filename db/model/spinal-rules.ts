import { defaultForamen, foramenAbove } from './anatomy.js';
import type { Drug } from './catalogue.js';
import type { ClinicalWarning } from './clinical-warning.js';
import type { ProcedureDraft } from './procedure.js';
import { ageInYears } from './time.js';
import { isIntravascularSpread } from './vocabularies.js';

/*
 * Rules a clinical review found missing (each a clinician's sentence at its field). Pure; the
 * catalogue passed is the record's own (a signed record's drugs as they were signed).
 */

export function spinalSafetyWarnings(record: ProcedureDraft, catalogue: ReadonlyMap<string, Drug>): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  const spreadAt = (site: number | 'caudal' | null | undefined) =>
    site === 'caudal' ? record.caudalSpread : typeof site === 'number' ? (record.targets[site]?.spread ?? []) : [];

  if (record.contrastAgent === 'gadolinium_based') {
    found.push({
      code: 'gadolinium_contrast',
      level: 'safety',
      field: 'contrastAgent',
      message:
        'Gadolinium-based contrast for a spinal injection: inadvertent intrathecal gadolinium can cause severe encephalopathy. Use it only with documented iodinated-contrast allergy, in the smallest volume.',
    });
  }

  record.drugs.forEach((administration, index) => {
    const drug = catalogue.get(administration.drug);
    const spread = spreadAt(administration.site);
    if (drug?.drugClass === 'local_anaesthetic' && spread.includes('intrathecal')) {
      found.push({
        code: 'local_anaesthetic_after_intrathecal',
        level: 'safety',
        field: `drugs[${index}].drug`,
        message: `${drug.name} given where contrast spread was intrathecal: risk of spinal anaesthesia (motor block, hypotension). Observe the patient before discharge.`,
      });
    }
    const noContrast = record.contrastAgent === 'none';
    if (
      drug?.drugClass === 'steroid' &&
      administration.site != null &&
      (noContrast || spread.length === 0 || spread.includes('not_assessed'))
    ) {
      found.push({
        code: 'steroid_without_spread_check',
        level: 'check',
        field: `drugs[${index}].site`,
        message: `${drug.name} given without a contrast check of the spread${noContrast ? ' (no contrast used)' : ''}: an intravascular position cannot be excluded.`,
      });
    }
  });

  record.targets.forEach((target, index) => {
    // A retrodiscal approach reaches the root through the foramen above (S1 through L5/S1).
    const retrodiscal =
      target.approach === 'retrodiscal' && target.root && target.foramen === foramenAbove(target.root);
    if (target.root && target.foramen && target.foramen !== defaultForamen(target.root) && !retrodiscal) {
      found.push({
        code: 'root_foramen_mismatch',
        level: 'check',
        field: `targets[${index}].foramen`,
        message: `The ${target.root} root does not exit through the ${target.foramen} foramen (it exits through ${defaultForamen(target.root)}): check the level.`,
      });
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
    found.push({
      code: 'pregnancy_not_excluded',
      level: 'safety',
      field: 'pregnancyExcluded',
      message: `A woman of ${age}: pregnancy is not recorded as excluded before an X-ray-guided injection with a steroid.`,
    });
  }

  const intrathecal =
    record.targets.some((target) => target.spread.includes('intrathecal')) ||
    record.caudalSpread.includes('intrathecal');
  const motorBlock = record.complications.some((entry) => entry.type === 'transient_motor_block');
  if (record.disposition === 'home_not_driving' && (intrathecal || motorBlock)) {
    found.push({
      code: 'home_after_intrathecal_or_motor_block',
      level: 'safety',
      field: 'disposition',
      message: `${motorBlock ? 'Motor block' : 'Intrathecal spread'} recorded, but the patient goes home: observe until motor function is back and document it.`,
    });
  }

  const spreadIntravascular =
    record.targets.some((target) => target.spread.some(isIntravascularSpread)) ||
    record.caudalSpread.some(isIntravascularSpread);
  const complicationIntravascular = record.complications.some((entry) => entry.type === 'intravascular_injection');
  if (spreadIntravascular !== complicationIntravascular && record.complications.length > 0) {
    found.push({
      code: 'intravascular_complication_mismatch',
      level: 'check',
      field: 'complications',
      message: complicationIntravascular
        ? 'An intravascular injection is listed as a complication, but no target has intravascular spread recorded.'
        : 'Intravascular spread is recorded, but not the intravascular injection among the complications.',
    });
  }
  return found;
}
