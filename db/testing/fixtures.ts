import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcedureInput, WarningCode } from '../model/index.js';
import { saveOperator } from '../settings.js';
import { openStore, type ServiceContext, type Store } from '../store.js';

export const tempPath = (name = 'rootlog.sqlite'): string => join(mkdtempSync(join(tmpdir(), 'rootlog-test-')), name);

export const context: ServiceContext = { actor: 'Dr. Test' };

/** A fresh database file with one operator, as a department would have after setup. */
export function tempStore(): { store: Store; operatorId: string } {
  const store = openStore(tempPath());
  const { id } = saveOperator(store, { name: 'Dr. A. Keller' }, context);
  return { store, operatorId: id };
}

/** A standard single-level L5 case that passes every signing rule and raises no warning. */
export function completeDraft(operatorId: string, overrides: Partial<ProcedureInput> = {}): ProcedureInput {
  return {
    patientId: 'P1234567',
    patientName: 'Muster, Erika',
    birthDate: '1961-04-02',
    sex: 'female',
    accessionNumber: 'ACC77001',
    performedAt: '2026-03-14T09:30:00+01:00',
    startedAt: '09:30',
    endedAt: '09:45',
    operatorId,
    indications: ['disc_herniation'],
    symptomSide: 'left',
    consent: 'obtained',
    anticoagulation: 'none',
    targets: [{ root: 'L5', side: 'left', foramen: 'L5/S1', approach: 'transforaminal', spread: ['perineural'] }],
    modality: 'ct',
    dlpMGyCm: 150,
    contrastAgent: 'iopamidol_300',
    contrastVolumeMl: 1,
    drugs: [
      { drug: 'dexamethasone', doseMg: 8, site: 0 },
      { drug: 'lidocaine', concentrationMgPerMl: 10, volumeMl: 2, site: 0 },
    ],
    painPre: 7,
    painPost: 2,
    painPostMinutes: 10,
    complications: [{ type: 'none' }],
    disposition: 'home_not_driving',
    ...overrides,
  };
}

/** Every warning that signing asks to confirm: for tests that amend records to arbitrary values. */
export const EVERY_CONFIRMABLE_WARNING: WarningCode[] = [
  'particulate_after_unsafe_spread',
  'dose_above_maximum',
  'day_steroid_above_maximum',
  'side_differs_from_symptoms',
  'anticoagulation_continued',
  'pain_worse_after',
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
];
