import type { WorklistIdentity, WorklistRow } from '../model/worklist-identity.js';
import { personNameShown } from './person-name.js';
import { entryShownName, type WorklistEntry } from './worklist-entry.js';

/*
 * A worklist entry as the window shows it, with the identity it gives a new case in the
 * record's own fields. Pure; what the entry did not send stays unset (the form asks for it).
 */

export function identityFromEntry(entry: WorklistEntry): WorklistIdentity {
  const identity: WorklistIdentity = {
    patientId: entry.patientId,
    issuerOfPatientId: entry.issuerOfPatientId,
    patientName: entry.patientName ? personNameShown(entry.patientName) : null,
    birthDate: entry.birthDate,
    sex: entry.sex,
    accessionNumber: entry.accessionNumber,
    studyInstanceUid: entry.studyInstanceUid,
    requestedProcedureCode: entry.requestedProcedure?.code ?? null,
    requestedProcedureScheme: entry.requestedProcedure?.codingScheme ?? null,
    requestedProcedureText: entry.requestedProcedure?.text ?? null,
    referringPhysician: entry.referringPhysician ? personNameShown(entry.referringPhysician) : null,
    patientLanguage: entry.language,
    identitySource: 'worklist',
  };
  // Only what the entry holds: an absent value is left to the form, never written as null.
  return Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== null)) as WorklistIdentity;
}

export function worklistRow(entry: WorklistEntry, loggedToday: ReadonlySet<string>): WorklistRow {
  return {
    key: entry.accessionNumber ?? `${entry.patientId} ${entry.scheduledAt ?? ''}`,
    patientId: entry.patientId,
    name: entryShownName(entry),
    birthDate: entry.birthDate,
    requestedProcedure: entry.requestedProcedure?.text ?? null,
    scheduledAt: entry.scheduledAt,
    accessionNumber: entry.accessionNumber,
    loggedToday: loggedToday.has(entry.patientId),
    problems: entry.problems.map((problem) => problem.words),
    identity: identityFromEntry(entry),
  };
}
