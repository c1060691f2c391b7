import type { Drug } from './catalogue.js';
import type { ClinicalWarning } from './clinical-warning.js';
import type { Message } from './messages.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';
import { LOCAL_ANAESTHETIC_MAX_MG_PER_KG } from './steroid-dose.js';
import { isUnsafeSpread } from './vocabularies.js';
import { clinicalWarning, WARNING_MESSAGES } from './warning-messages.js';
import { sentence } from './words.js';

/*
 * Rules on the fields a clinical review added (schema 9): allergies, the anticoagulant's class
 * (ASRA guidance for intermediate-risk interventional spine procedures), a positive pregnancy
 * test, a prior contrast reaction, the local anaesthetic per kg, the time-out, and what was
 * done after abnormal spread. Pure; `catalogue` is the record's own.
 */

const W = WARNING_MESSAGES;

/** An anticoagulant class inside a warning (none and aspirin alone are never warned of). */
export const ANTICOAGULANT_WORDS: Readonly<Record<string, Message>> = {
  other_antiplatelet: W.anticoagulantOtherAntiplatelet,
  doac: W.anticoagulantDoac,
  warfarin: W.anticoagulantWarfarin,
  heparin: W.anticoagulantHeparin,
};

export function reviewWarnings(record: ProcedureDraft, catalogue: ReadonlyMap<string, Drug>): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  const given = record.drugs.map((administration, index) => ({
    administration,
    index,
    drug: catalogue.get(administration.drug),
  }));

  for (const [allergy, drugClass, said] of [
    [record.steroidAllergy, 'steroid', W.givenDespiteSteroidAllergy],
    [record.localAnaestheticAllergy, 'local_anaesthetic', W.givenDespiteLocalAnaestheticAllergy],
  ] as const) {
    const first = given.find((entry) => entry.drug?.drugClass === drugClass);
    if (allergy === 'yes' && first) {
      found.push(
        clinicalWarning(
          drugClass === 'steroid' ? 'steroid_given_despite_allergy' : 'local_anaesthetic_given_despite_allergy',
          'safety',
          `drugs[${first.index}].drug`,
          sentence(said, { drug: first.drug?.name ?? '' }),
        ),
      );
    }
  }

  const paused = record.anticoagulation === 'paused_per_protocol' || record.anticoagulation === 'continued';
  const mustPause =
    record.anticoagulantClass === 'other_antiplatelet' ||
    record.anticoagulantClass === 'doac' ||
    record.anticoagulantClass === 'warfarin' ||
    record.anticoagulantClass === 'heparin';
  const anticoagulant = ANTICOAGULANT_WORDS[record.anticoagulantClass ?? ''];
  if (mustPause && !paused && anticoagulant) {
    found.push(
      clinicalWarning(
        'anticoagulant_not_paused',
        'safety',
        'anticoagulation',
        sentence(W.anticoagulantNotPaused, { anticoagulant: sentence(anticoagulant) }),
      ),
    );
  }

  if (record.pregnancyExcluded === 'positive') {
    found.push(clinicalWarning('pregnancy_positive', 'safety', 'pregnancyExcluded', sentence(W.pregnancyPositive)));
  }

  const iodinated =
    record.contrastAgent != null && record.contrastAgent !== 'none' && record.contrastAgent !== 'gadolinium_based';
  if (record.contrastAllergy === 'prior_reaction_not_premedicated' && iodinated) {
    found.push(
      clinicalWarning(
        'contrast_reaction_not_premedicated',
        'safety',
        'contrastAllergy',
        sentence(W.contrastReactionNotPremedicated),
      ),
    );
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
      found.push(
        clinicalWarning(
          'local_anaesthetic_above_mg_per_kg',
          'safety',
          `drugs[${index}].doseMg`,
          sentence(W.localAnaestheticAboveMgPerKg, {
            drug: drug.name,
            mg: Math.round(mg * 100) / 100,
            perKg,
            weight: record.weightKg,
            limit: Math.round(perKg * record.weightKg * 10) / 10,
          }),
        ),
      );
    }
  }

  if (record.timeOutLevelVerified === false || record.timeOutSideMarked === false) {
    found.push(
      clinicalWarning(
        'time_out_incomplete',
        'safety',
        record.timeOutLevelVerified === false ? 'timeOutLevelVerified' : 'timeOutSideMarked',
        sentence(W.timeOutIncomplete, {
          missing: {
            list: [
              ...(record.timeOutLevelVerified === false ? [sentence(W.levelNotVerified)] : []),
              ...(record.timeOutSideMarked === false ? [sentence(W.sideNotMarked)] : []),
            ],
          },
        }),
      ),
    );
  }

  record.targets.forEach((target, index) => {
    if (target.spread.some(isUnsafeSpread) && !target.abnormalSpreadAction) {
      found.push(
        clinicalWarning(
          'abnormal_spread_without_action',
          'check',
          `targets[${index}].abnormalSpreadAction`,
          sentence(W.abnormalSpreadWithoutAction, { number: index + 1 }),
        ),
      );
    }
  });
  if (record.caudalSpread.some(isUnsafeSpread) && !record.caudalAbnormalSpreadAction) {
    found.push(
      clinicalWarning(
        'abnormal_spread_without_action',
        'check',
        'caudalAbnormalSpreadAction',
        sentence(W.caudalAbnormalSpreadWithoutAction),
      ),
    );
  }
  return found;
}
