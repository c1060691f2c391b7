import { z } from 'zod';
import { aeTitleSchema, type WorklistServer } from '../model/connection-settings.js';
import { RULE_MESSAGES as R } from '../model/rule-messages.js';
import { rule } from '../model/zod-words.js';
import { dateFromDicom, dateToDicom, dicomDateRange, localDate } from './dicom-dates.js';

/*
 * What the console asks the worklist for, and the C-FIND identifier that asks it. Only the
 * keys RootLog means are sent: the matching keys (station, modality, dates) with their
 * values, every return key empty (universal matching). A default value in a return key would
 * act as a filter on some servers, which then answer nothing (found with dcmjs-dimse's
 * built-in worklist request). Pure.
 */

const day = z
  .string(rule(R.dicomDate))
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && dateFromDicom(dateToDicom(value)) !== null,
    rule(R.realDicomDate),
  );

export const worklistQuerySchema = z
  .object({
    /** Empty: every station. */
    stationAe: z.union([z.literal(''), aeTitleSchema]),
    modality: z.string().regex(/^[A-Z0-9_]{1,16}$/, rule(R.modalityCode)),
    from: day,
    to: day,
  })
  .strict()
  .refine((query) => query.to >= query.from, { ...rule(R.endsOnOrAfterStart), path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 31 * 86_400_000, {
    ...rule(R.atMostDaysSpan, { count: 31 }),
    path: ['to'],
  });
export type WorklistQuery = z.output<typeof worklistQuerySchema>;

/** Today's (and the next days') worklist for this station, as Settings → Worklist describes it. */
export const queryForSettings = (
  settings: Pick<WorklistServer, 'stationAe' | 'modality' | 'daysAhead'>,
  now: Date,
): WorklistQuery => ({
  stationAe: settings.stationAe,
  modality: settings.modality,
  from: localDate(now),
  to: localDate(now, settings.daysAhead),
});

/** The C-FIND identifier, as dcmjs names its attributes. */
export function worklistIdentifier(query: WorklistQuery): Record<string, unknown> {
  return {
    PatientName: '',
    PatientID: '',
    IssuerOfPatientID: '',
    PatientBirthDate: '',
    PatientSex: '',
    PatientPrimaryLanguageCodeSequence: [{ CodeValue: '', CodingSchemeDesignator: '' }],
    AccessionNumber: '',
    ReferringPhysicianName: '',
    StudyInstanceUID: '',
    RequestedProcedureID: '',
    RequestedProcedureDescription: '',
    RequestedProcedureCodeSequence: [{ CodeValue: '', CodingSchemeDesignator: '', CodeMeaning: '' }],
    ScheduledProcedureStepSequence: [
      {
        ScheduledStationAETitle: query.stationAe,
        Modality: query.modality,
        ScheduledProcedureStepStartDate: dicomDateRange(query.from, query.to),
        ScheduledProcedureStepStartTime: '',
        ScheduledProcedureStepDescription: '',
        ScheduledProcedureStepID: '',
      },
    ],
  };
}
