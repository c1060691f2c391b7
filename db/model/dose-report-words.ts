import { declareMessages, type Translate } from './messages.js';
import { messagesById } from './stored-words.js';
import { sentence, type Words } from './words.js';

/*
 * The dose report reader's own findings about one report (db/dose-report: a unit it does not
 * know, a missing total, a character set declared wrongly …), the parts of a report they name,
 * and the device a report does not name. Each finding is kept as words (message and values) and
 * said in the reader's language: the form under the dose fields, `rootlog dose-report`; its
 * English stays for the logs and the command line's JSON. The DICOM object names the report
 * gives ("Mean CTDIvol"), its numbers, units and raw values stay values, as the file wrote them.
 */

const PART =
  'Dose report, inside a finding about one report: the part of the report it is about (lower case, inside a sentence).';
export const DOSE_REPORT_PART_MESSAGES = declareMessages('doseReport.part', {
  ctEvent: ['CT event {number}', `${PART} {number}: the scan's place in the report (1, 2 …).`],
  irradiationEvent: [
    'irradiation event {number}',
    `${PART} A fluoroscopy run or an acquisition of a C-arm; {number}: its place in the report (1, 2 …).`,
  ],
  planeTotal: [
    'the accumulated dose of plane {number}',
    `${PART} The totals of one plane of a C-arm (a biplane system has two); {number}: 1, 2.`,
  ],
  ctTotal: ['the accumulated CT dose', `${PART} The report's totals of a CT examination.`],
  report: ['the report', `${PART} The report as a whole.`],
  anItem: [
    'an item',
    `${PART} In place of the name of a value the report does not name (at the start of a finding: "an item of CT event 2 …").`,
  ],
  body32: ['32 cm body', `${PART} The CTDI phantom for the body (32 cm across).`],
  head16: ['16 cm head', `${PART} The CTDI phantom for the head (16 cm across).`],
});
const P = DOSE_REPORT_PART_MESSAGES;

const F =
  'Dose report, what RootLog found odd while reading one report from the scanner, read by the technologist and the physicist: under the dose fields of the form (a note), and by `rootlog dose-report`.';
const ITEM =
  '{item}: the name the report gives the value (the scanner\'s words, often English: "Mean CTDIvol"); {where}: the part of the report (a phrase below, "CT event 2").';
export const DOSE_REPORT_FINDING_MESSAGES = declareMessages('doseReport.finding', {
  codeWithoutValue: [
    '{item} of {where} has no coded value (its concept code sequence is missing).',
    `${F} ${ITEM} Keep "concept code sequence" (DICOM's words).`,
  ],
  unreadableNumber: [
    '{item} of {where} is not a number ({raw}): not used.',
    `${F} ${ITEM} {raw}: what the report wrote instead, in quotes.`,
  ],
  unknownUnit: [
    '{item} of {where} is {value} in {unit}, a unit RootLog does not know: not used.',
    `${F} ${ITEM} {value}: the number; {unit}: the unit as the report codes it ("uGy.m (UCUM)").`,
  ],
  invalidDateTime: [
    '{item} of {where} is not a DICOM date-time ({raw}): not used.',
    `${F} ${ITEM} {raw}: what the report wrote, in quotes.`,
  ],
  invalidTimezone: [
    "The report's Timezone Offset From UTC ({raw}) is not a UTC offset such as +0100: its times are taken as the device's local time.",
    `${F} Keep "Timezone Offset From UTC" (a DICOM attribute's name); {raw}: what the report wrote, in quotes.`,
  ],
  eventWithoutUid: [
    '{where} has no irradiation event UID: a later report cannot be matched to it.',
    `${F} {where}: the scan or run (a phrase above, "CT event 2"). Keep "UID".`,
  ],
  noPhantom: [
    "{where}'s CTDIvol {ctdiVol} mGy does not say its phantom (32 cm body or 16 cm head): it cannot be compared.",
    `${F} {where}: the scan ("CT event 2"); {ctdiVol}: the number. Keep CTDIvol and mGy.`,
  ],
  mixedPhantoms: [
    "The events' CTDIvol were measured in different phantoms ({phantoms}): they are not comparable; the highest is given with its phantom.",
    `${F} {phantoms}: the phantoms, as a list ("32 cm body and 16 cm head"). Keep CTDIvol.`,
  ],
  noDlpTotal: [
    'The report has no accumulated DLP (CT Dose Length Product Total): the DLP is left empty.',
    `${F} Keep DLP and "CT Dose Length Product Total" (DICOM's name).`,
  ],
  eventCountDiffers: [
    'The report counts {count, plural, one {# irradiation event} other {# irradiation events}} but describes {described}.',
    `${F} {count}: the number of events (scans, runs) the report says it has; {described}: how many it describes.`,
  ],
  eventsDifferFromTotal: [
    "The events' DLPs add up to {sum} mGy·cm, the report's total is {total} mGy·cm: the total is taken.",
    `${F} {sum}, {total}: numbers. Keep DLP and mGy·cm.`,
  ],
  planesSummed: [
    'The report has {count} planes: their dose-area products and fluoroscopy times are added up; the dose at the reference point is per plane only.',
    `${F} A biplane C-arm; {count}: 2 or more.`,
  ],
  noDapTotal: [
    'The report has no dose-area product total for every plane: the DAP is left empty.',
    `${F} Keep DAP as the department writes it.`,
  ],
  noFluoroTimeTotal: [
    'The report has fluoroscopy events but no total fluoroscopy time: the time is left empty (a sum of events is not the time).',
    F,
  ],
  noTemplateCt: [
    'The report has no template identifier: read as a CT dose report from its contents.',
    `${F} Keep "template identifier" (DICOM's words).`,
  ],
  noTemplateProjection: [
    'The report has no template identifier: read as a projection X-ray dose report from its contents.',
    `${F} Keep "template identifier" (DICOM's words); a projection X-ray dose report: from a C-arm or fluoroscopy.`,
  ],
  utf8ButLatin1: [
    'The report declares UTF-8 (ISO_IR 192) but its text is Latin-1: read as Latin-1.',
    `${F} Keep UTF-8, Latin-1 and ISO_IR 192 (character sets' names).`,
  ],
  latin1ButUtf8: [
    'The report declares Latin-1 (ISO_IR 100) but its text is UTF-8: read as UTF-8.',
    `${F} Keep UTF-8, Latin-1 and ISO_IR 100 (character sets' names).`,
  ],
  noSetButUtf8: [
    'The report declares no character set but its text is UTF-8: read as UTF-8.',
    `${F} Keep UTF-8 (a character set's name).`,
  ],
  noSetAccented: [
    'The report declares no character set but has accented letters: read as Latin-1.',
    `${F} Keep Latin-1 (a character set's name).`,
  ],
  asWritten: [
    '{text}',
    `${F} A finding as an earlier RootLog wrote it in the report's summary (in English), shown as it was written.`,
  ],
});

export const DOSE_DEVICE_MESSAGES = declareMessages('doseReport.device', {
  unknown: [
    'unknown device',
    'Dose report: in place of the scanner when the report names no maker, model or station (under the dose fields, in the signed summary, the dose report inbox, `rootlog dose-report`).',
  ],
});

/**
 * What the record's "Dose report: device" holds when a report names no device: the English an
 * earlier RootLog wrote, kept as the stored value so every record, old and new, means the same.
 * Shown as DOSE_DEVICE_MESSAGES.unknown in the reader's language (deviceWords).
 */
export const UNKNOWN_DOSE_DEVICE = 'unknown device';

/** A report's device as the record and the inbox keep it: maker, model and (station), else UNKNOWN_DOSE_DEVICE. */
export const doseDeviceOf = (report: {
  manufacturer: string | null;
  model: string | null;
  stationName: string | null;
}): string =>
  [report.manufacturer, report.model, report.stationName && `(${report.stationName})`].filter(Boolean).join(' ') ||
  UNKNOWN_DOSE_DEVICE;

/**
 * The stored device (one, or several joined by ", ") in the reader's words: each device that is
 * UNKNOWN_DOSE_DEVICE said with `t`, the others as the scanners named themselves. For the
 * signed summary (screen and printed record), the form and the dose report inbox.
 */
export const sayDevice = (stored: string, t: Translate): string =>
  stored
    .split(', ')
    .map((device) => (device === UNKNOWN_DOSE_DEVICE ? t(DOSE_DEVICE_MESSAGES.unknown) : device))
    .join(', ');

/** The phantoms' words inside a finding. */
export const PHANTOM_PART_WORDS: Readonly<Record<'body-32cm' | 'head-16cm', Words>> = {
  'body-32cm': sentence(P.body32),
  'head-16cm': sentence(P.head16),
};

/** Every message a finding's words may use, by id (for wordsOfStoredForm). */
export const doseReportMessage = messagesById([DOSE_REPORT_FINDING_MESSAGES, P, DOSE_DEVICE_MESSAGES]);
