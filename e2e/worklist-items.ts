import type { TestWorklistItem } from '../db/testing/dicom-peers.js';
import { localDate } from '../db/worklist/dicom-dates.js';
import { E2E_STATION } from './fixtures.js';

/** Today's scheduled patients for this console's station, as the RIS sends them (umlauts in Latin-1 and UTF-8). */
export function todaysWorklist(): TestWorklistItem[] {
  const date = localDate(new Date()).replaceAll('-', '');
  const common = {
    issuerOfPatientId: 'KSB',
    stationAe: E2E_STATION.stationAe,
    modality: E2E_STATION.modality,
    date,
    requestedProcedure: 'CT-gesteuerte PRT L5 rechts',
    procedureCode: { value: 'CTPRT', scheme: '99KSB', meaning: 'CT-gesteuerte PRT lumbal' },
  };
  return [
    {
      ...common,
      charset: 'ISO_IR 100',
      patientId: 'K-100300',
      patientName: 'Muster^Erika',
      birthDate: '19580312',
      sex: 'F',
      accessionNumber: 'A26-004711',
      studyInstanceUid: '1.2.826.0.1.3680043.10.4711.1',
      referringPhysician: 'Hausarzt^Hans',
      time: '073000',
    },
    {
      ...common,
      charset: 'ISO_IR 192',
      patientId: 'K-100301',
      patientName: 'Müller^Jürg',
      birthDate: '19610704',
      sex: 'M',
      accessionNumber: 'A26-004712',
      studyInstanceUid: '1.2.826.0.1.3680043.10.4711.2',
      time: '081500',
    },
    // Another station's patient: not asked for.
    {
      ...common,
      charset: 'ISO_IR 100',
      patientId: 'K-999',
      patientName: 'Anders^Anna',
      stationAe: 'CT9',
      time: '090000',
    },
  ];
}
