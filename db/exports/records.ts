import type { ExportedRecord } from '../interchange/record.js';
import {
  ageInYears,
  clinicalValuesOnly,
  isPrivate,
  PROCEDURE_FIELDS,
  type ProcedureDraft,
  type RecordLife,
} from '../model/index.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { countFiltered, filteredIds } from '../sqlite/export-rows.js';
import type { ExportOptions } from './options.js';
import { coarseDate, type DatePrecision, pseudonym } from './pseudonyms.js';
import { exportFilter } from './tabular.js';

/*
 * Which records the JSON and FHIR exports hold, in export order (each read whole by
 * db/interchange/record.ts), and the pseudonymised form of a record: identifiers replaced by
 * keyed hashes, names, free text and history dropped (whose before/after values would carry
 * the identifiers back).
 */

export type {
  ExportedFollowUp,
  ExportedHistoryEntry,
  ExportedRecord,
  SignedVersion,
} from '../interchange/record.js';
export { readExportedRecord } from '../interchange/record.js';

export interface PseudonymisedRecord {
  /** A keyed pseudonym of the record id (see pseudonyms.ts): never the UUIDv7 itself. */
  recordPseudonym: string | null;
  life: Pick<RecordLife, 'status' | 'version' | 'consoleName'> & {
    createdOn: string | null;
    updatedOn: string | null;
    signedOn: string | null;
    amendedOn: string | null;
  };
  content: Omit<
    ProcedureDraft,
    | 'id'
    | 'patientName'
    | 'birthDate'
    | 'notes'
    | 'noDrugReason'
    | 'assistant'
    | 'startedAt'
    | 'endedAt'
    | 'performedAt'
  > & {
    performedOn: string | null;
    patientPseudonym: string | null;
    accessionPseudonym: string | null;
    ageYears: number | null;
  };
  operatorName: string | null;
}

export function countRecords(read: ReadConnection, options: ExportOptions): number {
  const { where, params } = exportFilter(options);
  return countFiltered(read, where, params);
}

export function* recordIds(read: ReadConnection, options: ExportOptions): Generator<string> {
  const { where, params } = exportFilter(options);
  yield* filteredIds(read, where, params);
}

/**
 * A record as a pseudonymised export gives it: keyed pseudonyms for the patient, the
 * accession and the record itself; age instead of birth date; dates to the chosen precision
 * and no clock times; no names, free text, lot numbers, staff names, versions or history.
 */
export function pseudonymise(record: ExportedRecord, key: string, precision: DatePrecision): PseudonymisedRecord {
  const content: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(clinicalValuesOnly(record.content))) {
    const field = PROCEDURE_FIELDS.find((candidate) => candidate.key === name);
    // A date and time is given as its day (or month): performedAt → performedOn.
    if (field?.type === 'datetime') content[name.replace(/At$/, 'On')] = coarseDate(value as string | null, precision);
    else content[name] = value;
  }
  for (const field of PROCEDURE_FIELDS) {
    const instead = field.pseudonymised;
    // The record's own pseudonym names the record, beside its content.
    if (!instead || instead.as === 'record' || field.role !== 'content') continue;
    const value = (record.content as Record<string, unknown>)[field.key] as string | null | undefined;
    content[instead.key] =
      instead.as === 'age'
        ? value && record.content.performedAt
          ? ageInYears(value, record.content.performedAt)
          : null
        : pseudonym(key, instead.as, value);
  }
  const life: Record<string, unknown> = {};
  for (const field of PROCEDURE_FIELDS) {
    if (field.role !== 'life' || isPrivate(field)) continue;
    const value = (record.life as Record<string, unknown>)[field.key];
    if (field.type === 'datetime') life[field.key.replace(/At$/, 'On')] = coarseDate(value as string | null, precision);
    else life[field.key] = value;
  }
  return {
    recordPseudonym: pseudonym(key, 'record', record.id),
    life: life as PseudonymisedRecord['life'],
    content: content as PseudonymisedRecord['content'],
    // A staff name, like the signer's: left out.
    operatorName: null,
  };
}
