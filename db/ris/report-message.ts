import { Hl7Context, Hl7Message, Hl7Segment } from '@medplum/core';
import type { RisCharset, RisServer } from '../model/connection-settings.js';
import type { Sex } from '../model/vocabularies.js';
import type { PersonName } from '../worklist/person-name.js';
import { escapeHl7, formattedText, linesOf } from './hl7-text.js';
import { hl7Date, hl7DateTime } from './hl7-time.js';

/*
 * The procedure report for the RIS as an HL7 v2.5 ORU^R01 (unsolicited observation result):
 * MSH (who sends it to whom, MSH-18 its character set), PID (the patient: ID with its issuer,
 * name, birth date, sex), OBR (the order by accession number, the procedure, when, the result
 * status, the signer), OBX (the report text). Status F for the signed report, C for each
 * amendment (a corrected result). Built from a plain input, every value escaped as HL7
 * requires; @medplum/hl7's Hl7Message holds the segments. Pure (the time and the message's
 * control ID are given).
 */

export interface ReportMessageInput {
  patient: {
    id: string;
    issuer: string | null;
    name: PersonName;
    birthDate: string | null;
    sex: Sex | null;
  };
  accessionNumber: string | null;
  procedure: { code: string | null; codingScheme: string | null; text: string };
  reportText: string;
  /** final: the signed report (F); corrected: an amendment (C). */
  status: 'final' | 'corrected';
  signer: { id: string; name: PersonName };
  /** When the procedure was done ("2026-03-14T09:30:00+01:00"). */
  observedAt: string;
  /** When this version was signed. */
  signedAt: string;
}

/** How each character set is named in MSH-18 and written on the wire. */
export const CHARSETS: Record<RisCharset, { msh18: string; encoding: string; fits: (text: string) => boolean }> = {
  'ISO-8859-1': {
    msh18: '8859/1',
    encoding: 'latin1',
    fits: (text) => [...text].every((char) => char.charCodeAt(0) <= 0xff),
  },
  'UTF-8': { msh18: 'UNICODE UTF-8', encoding: 'utf-8', fits: () => true },
};

/** LOINC 18748-4, "Diagnostic imaging study": what a RIS files a radiology report under. */
const REPORT_OBSERVATION = ['18748-4', 'Diagnostic imaging study', 'LN'];

const SEX_CODES: Record<Sex, string> = { female: 'F', male: 'M', other: 'O', unknown: 'U' };

/** A field of components, each escaped, trailing empty ones left off. */
const field = (...components: (string | null | undefined)[]) => {
  const values = components.map((component) => escapeHl7(component ?? ''));
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return values.join('^');
};
/** One component made of subcomponents (as in OBR-32's name), each escaped. */
const subcomponents = (...parts: (string | null | undefined)[]) => {
  const values = parts.map((part) => escapeHl7(part ?? ''));
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return values.join('&');
};

/** XPN / XCN name order: family ^ given ^ middle ^ suffix ^ prefix. */
const nameComponents = (name: PersonName) => [name.family, name.given, name.middle, name.suffix, name.prefix];

function time(iso: string, what: string): string {
  const value = hl7DateTime(iso);
  if (!value) throw new Error(`${what} "${iso}" is not a date and time with its offset`);
  return value;
}

/**
 * Typography ISO-8859-1 lacks, in the plain forms a RIS reading it shows as meant: the
 * report's own dashes ("1–3 days"), quotes, ellipsis and arrows. Only in the text RootLog
 * writes (the report and the procedure's name), never in a name or an ID; any other
 * character outside the set stops the report (charactersOutside), named.
 */
const LATIN1_TYPOGRAPHY: [RegExp, string][] = [
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/[\u2018\u2019\u201a\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u2033]/g, '"'],
  [/\u2026/g, '...'],
  [/\u2192/g, '->'],
  [/\u2190/g, '<-'],
  [/\u2022/g, '*'],
  [/[\u2009\u202f]/g, ' '],
];

/** The input as the RIS's character set can carry it (see LATIN1_TYPOGRAPHY); UTF-8 carries it as it is. */
export function inCharset(input: ReportMessageInput, charset: RisCharset): ReportMessageInput {
  if (charset === 'UTF-8') return input;
  const plain = (text: string) => LATIN1_TYPOGRAPHY.reduce((value, [pattern, to]) => value.replace(pattern, to), text);
  return {
    ...input,
    reportText: plain(input.reportText),
    procedure: { ...input.procedure, text: plain(input.procedure.text) },
  };
}

/** Characters the RIS's character set cannot carry, as they appear in the text (none: []). */
export function charactersOutside(charset: RisCharset, input: ReportMessageInput): string[] {
  const text = JSON.stringify(input);
  if (CHARSETS[charset].fits(text)) return [];
  return [...new Set([...text].filter((char) => !CHARSETS[charset].fits(char)))];
}

export function reportMessage(
  input: ReportMessageInput,
  header: { ris: RisServer; controlId: string; createdAt: string },
): Hl7Message {
  const context = new Hl7Context();
  const { ris } = header;
  const status = input.status === 'final' ? 'F' : 'C';
  const observedAt = time(input.observedAt, 'The procedure time');
  const signer = [input.signer.id, ...nameComponents(input.signer.name)];
  const segment = (fields: string[]) => new Hl7Segment(fields, context);

  const msh = segment([
    'MSH',
    context.getMsh2(),
    field(ris.sendingApplication),
    field(ris.sendingFacility),
    field(ris.receivingApplication),
    field(ris.receivingFacility),
    time(header.createdAt, 'The message time'),
    '',
    'ORU^R01^ORU_R01',
    field(header.controlId),
    'P',
    '2.5',
    '',
    '',
    '',
    '',
    '',
    CHARSETS[ris.charset].msh18,
  ]);
  const pid = segment([
    'PID',
    '1',
    '',
    field(input.patient.id, '', '', input.patient.issuer),
    '',
    field(...nameComponents(input.patient.name)),
    '',
    input.patient.birthDate ? hl7Date(input.patient.birthDate) : '',
    input.patient.sex ? SEX_CODES[input.patient.sex] : '',
  ]);
  const obr = segment([
    'OBR',
    '1',
    field(input.accessionNumber),
    field(input.accessionNumber),
    field(input.procedure.code, input.procedure.text, input.procedure.codingScheme),
    '',
    '',
    observedAt,
    ...Array(14).fill(''),
    time(input.signedAt, 'The signing time'),
    '',
    '',
    status,
    ...Array(6).fill(''),
    subcomponents(...signer),
  ]);
  const observation = (setId: number, valueType: 'FT' | 'TX', value: string, subId: string) =>
    segment([
      'OBX',
      String(setId),
      valueType,
      field(...REPORT_OBSERVATION),
      subId,
      value,
      '',
      '',
      '',
      '',
      '',
      status,
      '',
      '',
      observedAt,
      '',
      field(...signer),
    ]);
  const obx =
    ris.reportFormat === 'FT'
      ? [observation(1, 'FT', formattedText(input.reportText), '')]
      : linesOf(input.reportText).map((line, index) => observation(index + 1, 'TX', escapeHl7(line), '1'));
  return new Hl7Message([msh, pid, obr, ...obx], context);
}
