import { translator } from '../i18n/translator.js';
import { localeFor, type ProcedureDraft, procedureReport, reportValues } from '../model/index.js';
import { catalogueForRecord } from '../model/signed-drugs.js';
import { drugCatalogue, getSettings } from '../settings.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { type OutboxKey, signedVersion } from '../sqlite/ris-outbox.js';
import { personNameFromShown } from '../worklist/person-name.js';
import type { ReportMessageInput } from './report-message.js';

/*
 * A queued report's message input, built when it is sent from the record's signed version
 * exactly as signed (procedure_versions), never from the live row: the RIS gets what was
 * signed. The report text is the department's template filled in, as the record's report
 * panel shows it. The signer is the version's signer (the operator's name when the signer is
 * one of the department's operators).
 *
 * The issuer of the patient ID and the requested procedure are the worklist's (schema 17): OBR-4
 * names the procedure the RIS ordered, in its code and words, so the RIS files the report
 * under its own order; a record typed by hand has neither, and the procedure is named in
 * RootLog's words.
 */

export function reportInputFor(read: ReadConnection, key: OutboxKey): ReportMessageInput {
  const version = signedVersion(read, key.procedureId, key.version);
  if (!version) throw new Error(`procedure ${key.procedureId} has no signed version ${key.version}`);
  const record = JSON.parse(version.content) as ProcedureDraft;
  const settings = getSettings(read);
  const catalogue = catalogueForRecord(record, drugCatalogue(read));
  const operatorName = (id: string | null | undefined) =>
    settings.operators.find((operator) => operator.id === id)?.name ?? null;
  // The report goes to the RIS in the department's report language, its corrected wordings included.
  const language = settings.reportLanguage;
  const context = {
    operatorName: operatorName(record.operatorId),
    drug: (code: string) => catalogue.find((drug) => drug.code === code),
    speaking: { t: translator(language, settings.wordings), language },
    locale: localeFor(language, settings),
  };
  if (!record.patientId || !record.performedAt)
    throw new Error(`signed version ${key.version} lacks a patient ID or time`);
  return {
    patient: {
      id: record.patientId,
      issuer: record.issuerOfPatientId ?? null,
      name: personNameFromShown(record.patientName ?? ''),
      birthDate: record.birthDate ?? null,
      sex: record.sex ?? null,
    },
    accessionNumber: record.accessionNumber ?? null,
    procedure: {
      code: record.requestedProcedureCode ?? null,
      codingScheme: record.requestedProcedureCode ? (record.requestedProcedureScheme ?? null) : null,
      text: record.requestedProcedureText ?? reportValues(record, context).procedure,
    },
    reportText: procedureReport(record, context, settings.reportTemplate),
    status: key.version === 1 ? 'final' : 'corrected',
    signer: { id: version.signedBy, name: personNameFromShown(operatorName(version.signedBy) ?? version.signedBy) },
    observedAt: record.performedAt,
    signedAt: version.signedAt,
  };
}
