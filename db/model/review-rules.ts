import type { Drug } from './catalogue.js';
import type { ClinicalWarning } from './clinical-warning.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';
import { LOCAL_ANAESTHETIC_MAX_MG_PER_KG } from './steroid-dose.js';
import { isUnsafeSpread } from './vocabularies.js';

/*
 * Rules on the fields a clinical review added (schema 9): allergies, the anticoagulant's class
 * (ASRA guidance for intermediate-risk interventional spine procedures), a positive pregnancy
 * test, a prior contrast reaction, the local anaesthetic per kg, the time-out, and what was
 * done after abnormal spread. Pure; `catalogue` is the record's own.
 */

export const ANTICOAGULANT_WORDS: Record<string, string> = {
  none: 'none',
  aspirin_alone: 'aspirin alone',
  other_antiplatelet: 'an antiplatelet other than aspirin',
  doac: 'a direct oral anticoagulant',
  warfarin: 'warfarin',
  heparin: 'heparin',
};

export function reviewWarnings(record: ProcedureDraft, catalogue: ReadonlyMap<string, Drug>): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  const given = record.drugs.map((administration, index) => ({
    administration,
    index,
    drug: catalogue.get(administration.drug),
  }));

  for (const [allergy, drugClass, words] of [
    [record.steroidAllergy, 'steroid', 'a steroid'],
    [record.localAnaestheticAllergy, 'local_anaesthetic', 'a local anaesthetic'],
  ] as const) {
    const first = given.find((entry) => entry.drug?.drugClass === drugClass);
    if (allergy === 'yes' && first) {
      found.push({
        code: drugClass === 'steroid' ? 'steroid_given_despite_allergy' : 'local_anaesthetic_given_despite_allergy',
        level: 'safety',
        field: `drugs[${first.index}].drug`,
        message: `${first.drug?.name} given, but the patient has a recorded allergy to ${words}.`,
      });
    }
  }

  const paused = record.anticoagulation === 'paused_per_protocol' || record.anticoagulation === 'continued';
  const mustPause =
    record.anticoagulantClass === 'other_antiplatelet' ||
    record.anticoagulantClass === 'doac' ||
    record.anticoagulantClass === 'warfarin' ||
    record.anticoagulantClass === 'heparin';
  if (mustPause && !paused) {
    found.push({
      code: 'anticoagulant_not_paused',
      level: 'safety',
      field: 'anticoagulation',
      message: `The patient takes ${ANTICOAGULANT_WORDS[record.anticoagulantClass ?? '']}: for an intermediate-risk spine procedure ASRA guidance is to pause it per protocol; record that it was paused (or continued, with the reason).`,
    });
  }

  if (record.pregnancyExcluded === 'positive') {
    found.push({
      code: 'pregnancy_positive',
      level: 'safety',
      field: 'pregnancyExcluded',
      message:
        'Pregnancy test positive: an X-ray-guided steroid injection needs a documented decision that it cannot wait.',
    });
  }

  const iodinated =
    record.contrastAgent != null && record.contrastAgent !== 'none' && record.contrastAgent !== 'gadolinium_based';
  if (record.contrastAllergy === 'prior_reaction_not_premedicated' && iodinated) {
    found.push({
      code: 'contrast_reaction_not_premedicated',
      level: 'safety',
      field: 'contrastAllergy',
      message:
        'A prior reaction to iodinated contrast, not premedicated, and iodinated contrast used: premedicate per protocol or avoid iodinated contrast.',
    });
  }

  if (record.weightKg != null) {
    const mgByDrug = new Map<string, { mg: number; index: number; drug: Drug }>();
    for (const { administration, index, drug } of given) {
      const mg = doseInMg(administration);
      if (!drug || drug.drugClass !== 'local_anaesthetic' || mg == null) continue;
      const total = mgByDrug.get(drug.code);
      if (total) total.mg += mg;
      else mgByDrug.set(drug.code, { mg, index, drug });
    }
    for (const [code, { mg, index, drug }] of mgByDrug) {
      const perKg = LOCAL_ANAESTHETIC_MAX_MG_PER_KG[code];
      if (perKg == null || mg <= perKg * record.weightKg) continue;
      found.push({
        code: 'local_anaesthetic_above_mg_per_kg',
        level: 'safety',
        field: `drugs[${index}].doseMg`,
        message: `${drug.name} ${Math.round(mg * 100) / 100} mg is above ${perKg} mg/kg for ${record.weightKg} kg (${Math.round(perKg * record.weightKg * 10) / 10} mg): risk of systemic toxicity.`,
      });
    }
  }

  if (record.timeOutLevelVerified === false || record.timeOutSideMarked === false) {
    found.push({
      code: 'time_out_incomplete',
      level: 'safety',
      field: record.timeOutLevelVerified === false ? 'timeOutLevelVerified' : 'timeOutSideMarked',
      message: `The time-out is recorded as incomplete (${[
        record.timeOutLevelVerified === false && 'level not verified on the images',
        record.timeOutSideMarked === false && 'side not marked',
      ]
        .filter(Boolean)
        .join(', ')}): wrong-level and wrong-side injections are prevented there.`,
    });
  }

  record.targets.forEach((target, index) => {
    if (target.spread.some(isUnsafeSpread) && !target.abnormalSpreadAction) {
      found.push({
        code: 'abnormal_spread_without_action',
        level: 'check',
        field: `targets[${index}].abnormalSpreadAction`,
        message: `Target ${index + 1} had intravascular or intrathecal spread: record what was done (repositioned with a clean retest, digital subtraction, switched to a non-particulate steroid, or aborted).`,
      });
    }
  });
  if (record.caudalSpread.some(isUnsafeSpread) && !record.caudalAbnormalSpreadAction) {
    found.push({
      code: 'abnormal_spread_without_action',
      level: 'check',
      field: 'caudalAbnormalSpreadAction',
      message:
        'The caudal injection had intravascular or intrathecal spread: record what was done (repositioned with a clean retest, digital subtraction, switched to a non-particulate steroid, or aborted).',
    });
  }
  return found;
}
