import { UNTRUSTED_CHARACTERS } from '../model/connection-settings.js';
import { fieldLabelWords } from '../model/labels.js';
import { WORKLIST_ENTRY_MESSAGES as E, WORKLIST_SERVER_MESSAGES as S } from '../model/main-messages.js';
import type { Message } from '../model/messages.js';
import type { Sex } from '../model/vocabularies.js';
import { inEnglish, sentence, type Words, type WordValue } from '../model/words.js';
import { dateFromDicom, timeFromDicom } from './dicom-dates.js';
import { type PersonName, parsePersonName, personNameShown } from './person-name.js';

/*
 * One scheduled patient from the DICOM Modality Worklist, as the console uses it: typed, in
 * the logbook's own codes (sex "female", dates YYYY-MM-DD), every value checked. Nothing from
 * the network is trusted: a value that is too long for its DICOM type, holds a control
 * character or did not decode in the declared character set is refused alone, and the entry
 * says which one (an entry without a usable patient ID is refused whole: it cannot start a
 * case). Pure: the dataset is the one dcmjs read (its "naturalized" form).
 */

export interface RequestedProcedure {
  code: string | null;
  codingScheme: string | null;
  text: string | null;
}

export interface WorklistEntry {
  patientId: string;
  issuerOfPatientId: string | null;
  patientName: PersonName | null;
  birthDate: string | null;
  sex: Sex | null;
  accessionNumber: string | null;
  studyInstanceUid: string | null;
  requestedProcedureId: string | null;
  requestedProcedure: RequestedProcedure | null;
  referringPhysician: PersonName | null;
  /** Local date and time "2026-03-12T10:30" (or the date alone when the server gave no time). */
  scheduledAt: string | null;
  scheduledStationAe: string | null;
  modality: string | null;
  /** The patient's primary language, a lower-case code ("de", "fr"), when the server sends it. */
  language: string | null;
  /** Values refused, each in words ("Patient's name is longer than 64 characters"). */
  problems: EntryProblem[];
}

export interface EntryProblem {
  field: keyof WorklistEntry;
  /** Its English (the command line). */
  message: string;
  /** The same as words, said in the reader's language at the window. */
  words: Words;
}

/** An entry refused whole, with why, named as far as it can be (English, and as words). */
export interface RejectedEntry {
  entry: string;
  message: string;
  words: { entry: Words; why: Words };
}

/** DICOM value representations as far as the worklist needs them: their longest value (PS3.5 6.2). */
const MAX_LENGTH = { LO: 64, SH: 16, PN: 64, UI: 64, CS: 16, AE: 16, DA: 8, TM: 16 } as const;
type Vr = keyof typeof MAX_LENGTH;

/** Each value's name: the record field's label where the value fills one (worklist-identity.ts), else its own. */
const FIELD_WORDS: Record<keyof Omit<WorklistEntry, 'problems'>, WordValue> = {
  patientId: fieldLabelWords('patientId'),
  issuerOfPatientId: fieldLabelWords('issuerOfPatientId'),
  patientName: fieldLabelWords('patientName'),
  birthDate: fieldLabelWords('birthDate'),
  sex: fieldLabelWords('sex'),
  accessionNumber: fieldLabelWords('accessionNumber'),
  studyInstanceUid: fieldLabelWords('studyInstanceUid'),
  requestedProcedureId: sentence(E.requestedProcedureId),
  requestedProcedure: fieldLabelWords('requestedProcedureText'),
  referringPhysician: fieldLabelWords('referringPhysician'),
  scheduledAt: sentence(E.scheduledAt),
  scheduledStationAe: sentence(E.scheduledStationAe),
  modality: sentence(E.modality),
  language: fieldLabelWords('patientLanguage'),
};

type Dataset = Record<string, unknown>;
/** A value refused, with why as words ("is not a date (YYYYMMDD)"). */
class Refused extends Error {
  readonly words: Words;
  constructor(message: Message, values?: Readonly<Record<string, WordValue>>) {
    const words = sentence(message, values);
    super(inEnglish(words));
    this.words = words;
  }
}

/** The single value of an element as text: a string, a one-element list, or a number; else refused. */
function single(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.length > 1) throw new Refused(E.severalValues);
    return single(value[0]);
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new Refused(E.notText);
  return value;
}

function checked(text: string | undefined, vr: Vr): string | undefined {
  if (text === undefined) return undefined;
  // DICOM pads values with spaces (UIDs with a NUL) to an even length.
  const value = text.replace(/[ \0]+$/, '').replace(/^ +/, '');
  if (value === '') return undefined;
  if (UNTRUSTED_CHARACTERS.test(value)) throw new Refused(value.includes('\ufffd') ? E.notDecoded : E.controlCharacter);
  if (value.length > MAX_LENGTH[vr]) throw new Refused(E.tooLong, { length: MAX_LENGTH[vr], vr });
  return value;
}

const textOf = (dataset: Dataset, keyword: string, vr: Vr) => checked(single(dataset[keyword]), vr);

/** A PN value as dcmjs reads it: [{ Alphabetic: "Müller^Jürg" }], { Alphabetic }, or the string itself. */
function nameOf(dataset: Dataset, keyword: string): PersonName | null {
  const raw = dataset[keyword];
  if (Array.isArray(raw) && raw.length > 1) throw new Refused(E.severalNames);
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  const alphabetic = first && typeof first === 'object' ? (first as { Alphabetic?: unknown }).Alphabetic : first;
  if (alphabetic === undefined || alphabetic === null) return null;
  if (typeof alphabetic !== 'string') throw new Refused(E.notAName);
  const value = checked(alphabetic, 'PN');
  if (value === undefined) return null;
  const name = parsePersonName(value);
  if (!name) throw new Refused(E.notAPersonName);
  return name;
}

function firstItem(dataset: Dataset, keyword: string): Dataset | undefined {
  const raw = dataset[keyword];
  const item = Array.isArray(raw) ? raw[0] : raw;
  if (item === undefined || item === null) return undefined;
  if (typeof item !== 'object') throw new Refused(E.notASequence);
  return item as Dataset;
}

const SEX_CODES: Record<string, Sex> = { F: 'female', M: 'male', O: 'other' };

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** "the entry for patient P1 (accession A1)", or its place in the answer when it names no patient. */
export function entryName(dataset: Dataset, position: number): Words {
  const read = (keyword: string, vr: Vr) => {
    try {
      return textOf(dataset, keyword, vr);
    } catch {
      return undefined;
    }
  };
  const id = read('PatientID', 'LO');
  const accession = read('AccessionNumber', 'SH');
  if (id)
    return accession
      ? sentence(S.entryOfPatientAccession, { patientId: id, accession })
      : sentence(S.entryOfPatient, { patientId: id });
  if (accession) return sentence(S.entryOfAccession, { accession });
  return sentence(S.entryAt, { position: String(position) });
}

const rejectedEntry = (dataset: Dataset, position: number, why: Words): { rejected: RejectedEntry } => {
  const entry = entryName(dataset, position);
  return { rejected: { entry: inEnglish(entry), message: inEnglish(why), words: { entry, why } } };
};

/**
 * One worklist answer (a C-FIND pending response's identifier) as an entry, or refused whole
 * with the reason when it has no usable patient ID.
 */
export function entryFromDataset(
  dataset: Dataset,
  position: number,
): { entry: WorklistEntry } | { rejected: RejectedEntry } {
  const problems: EntryProblem[] = [];
  const field = <T>(name: keyof typeof FIELD_WORDS, read: () => T | undefined | null): T | null => {
    try {
      return read() ?? null;
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      const words = sentence(E.leftEmpty, { field: FIELD_WORDS[name], reason: error.words });
      problems.push({ field: name, message: inEnglish(words), words });
      return null;
    }
  };

  let patientId: string | undefined;
  try {
    patientId = textOf(dataset, 'PatientID', 'LO');
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return rejectedEntry(
      dataset,
      position,
      sentence(S.patientIdRefused, { field: FIELD_WORDS.patientId, reason: error.words }),
    );
  }
  if (!patientId)
    return rejectedEntry(dataset, position, sentence(S.patientIdMissing, { field: FIELD_WORDS.patientId }));

  const step = field('scheduledAt', () => firstItem(dataset, 'ScheduledProcedureStepSequence')) ?? {};
  const code = field('requestedProcedure', () => firstItem(dataset, 'RequestedProcedureCodeSequence')) ?? {};
  const language = field('language', () => firstItem(dataset, 'PatientPrimaryLanguageCodeSequence')) ?? {};

  const entry: WorklistEntry = {
    patientId,
    issuerOfPatientId: field('issuerOfPatientId', () => textOf(dataset, 'IssuerOfPatientID', 'LO')),
    patientName: field('patientName', () => nameOf(dataset, 'PatientName')),
    birthDate: field('birthDate', () => {
      const value = textOf(dataset, 'PatientBirthDate', 'DA');
      if (value === undefined) return undefined;
      const date = dateFromDicom(value);
      if (!date) throw new Refused(E.notADate, { value });
      return date;
    }),
    sex: field('sex', () => {
      const value = textOf(dataset, 'PatientSex', 'CS');
      if (value === undefined) return undefined;
      const sex = SEX_CODES[value];
      if (!sex) throw new Refused(E.notASex, { value });
      return sex;
    }),
    accessionNumber: field('accessionNumber', () => textOf(dataset, 'AccessionNumber', 'SH')),
    studyInstanceUid: field('studyInstanceUid', () => {
      const value = textOf(dataset, 'StudyInstanceUID', 'UI');
      if (value !== undefined && !/^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+$/.test(value)) throw new Refused(E.notAUid);
      return value;
    }),
    requestedProcedureId: field('requestedProcedureId', () => textOf(dataset, 'RequestedProcedureID', 'SH')),
    requestedProcedure: field('requestedProcedure', () => {
      const text =
        textOf(dataset, 'RequestedProcedureDescription', 'LO') ??
        textOf(code, 'CodeMeaning', 'LO') ??
        textOf(step, 'ScheduledProcedureStepDescription', 'LO');
      const value = textOf(code, 'CodeValue', 'SH');
      if (text === undefined && value === undefined) return undefined;
      return {
        code: value ?? null,
        codingScheme: textOf(code, 'CodingSchemeDesignator', 'SH') ?? null,
        text: text ?? null,
      };
    }),
    referringPhysician: field('referringPhysician', () => nameOf(dataset, 'ReferringPhysicianName')),
    scheduledAt: field('scheduledAt', () => {
      const dateValue = textOf(step, 'ScheduledProcedureStepStartDate', 'DA');
      if (dateValue === undefined) return undefined;
      const date = dateFromDicom(dateValue);
      if (!date) throw new Refused(E.notADate, { value: dateValue });
      const timeValue = textOf(step, 'ScheduledProcedureStepStartTime', 'TM');
      if (timeValue === undefined) return date;
      const time = timeFromDicom(timeValue);
      if (!time) throw new Refused(E.notATime, { value: timeValue });
      return `${date}T${time}`;
    }),
    scheduledStationAe: field('scheduledStationAe', () => {
      const raw = step.ScheduledStationAETitle;
      // A step may name several stations ("CT1\CT2"): shown as the list.
      const values = (Array.isArray(raw) ? raw : [raw]).map((value) => checked(single(value), 'AE'));
      const present = values.filter((value): value is string => value !== undefined);
      return present.length > 0 ? present.join(', ') : undefined;
    }),
    modality: field('modality', () => textOf(step, 'Modality', 'CS')),
    language: field('language', () => {
      const value = textOf(language, 'CodeValue', 'SH');
      if (value === undefined) return undefined;
      if (!LANGUAGE.test(value)) throw new Refused(E.notALanguage, { value });
      return value.toLowerCase();
    }),
    problems,
  };
  return { entry };
}

/** How the worklist shows an entry's name: "Müller, Jürg", or the ID when the name was not given. */
export const entryShownName = (entry: WorklistEntry) =>
  entry.patientName ? personNameShown(entry.patientName) : `(no name) ${entry.patientId}`;
