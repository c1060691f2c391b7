import type { ProcedureInput } from '../model/index.js';

/*
 * Drafts for tests, pure (the model only): the renderer's store tests use them too, and they
 * are type-checked on the window's side, which may read no Node-side file.
 */

/** 15 minutes on the table from the clock time of Performed: another Performed moves the table time with it. */
function tableTimeAt(performedAt: string | null | undefined): Pick<ProcedureInput, 'startedAt' | 'endedAt'> {
  const clock = /T(\d{2}):(\d{2})/.exec(performedAt ?? '');
  if (!clock) return {};
  const start = Number(clock[1]) * 60 + Number(clock[2]);
  const hhmm = (minutes: number) =>
    `${String(Math.floor((minutes % 1440) / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { startedAt: hhmm(start), endedAt: hhmm(start + 15) };
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
    ...('performedAt' in overrides ? tableTimeAt(overrides.performedAt) : {}),
    ...overrides,
  };
}
