import { declareMessages } from './messages.js';

/*
 * Why an import refuses a record of another console's export file (rootlog import, Settings →
 * Import; the department server's pull checks records the same way): each a message and its
 * values, said in the reader's language in the import's report. The field is named by its
 * path in the file ("versions[1].signedAt"), as IT finds it there, not by the form's label.
 */
const IMP =
  'Why an imported record is refused, in the import\'s report (read by IT or the administrator). {field}: where in the file, as the file names it ("versions[1].signedAt"): keep it first, as it is.';
const FU = `${IMP} A follow-up call of the record.`;
const RULE =
  'What a value of an imported record breaks, after where it is in the file ("life.createdAt is in the future"), in the import\'s report.';
export const IMPORT_MESSAGES = declareMessages('import', {
  contentNotObject: ['{field} must be the record’s content (an object)', IMP],
  anotherRecordsId: ['{field} is another record’s id', IMP],
  draftWithSignature: ['{field} is draft, but the record has a signature or signed versions', IMP],
  signedWithoutSigner: ['{field} is required: the record is signed', IMP],
  signedNotAmended: ['{field} must be 1 with no amendment: the record is signed, not amended', IMP],
  amendedNeeds: ['{field} an amended record needs version 2 or more, its amender, time and reason', IMP],
  versionsNumbered: [
    '{field} must be numbered 1 to {count} in order (given: {given})',
    `${IMP} {count}: a number; {given}: the numbers the file gives, or the word below.`,
  ],
  noneGiven: ['none', 'Inside "(given: none)": the file numbers no version.'],
  firstVersionSigner: ['{field} must be the record’s signer and signing time', IMP],
  latestIsAmendment: ['{field} must be the record’s amendment (amender, time and reason)', IMP],
  amendmentReason: ['{field} is required for an amendment', IMP],
  beforeItAmends: ['{field} is before the version it amends', IMP],
  contentDiffers: [
    '{field} differs from its latest signed version in {fields}',
    `${IMP} {fields}: the fields that differ, as the file names them.`,
  ],
  noSignatureEntry: [
    '{field} has no {action} entry for version {version}',
    `${IMP} {action}: the history's action as the file writes it (sign, amend): keep it; {version}: a number.`,
  ],
  beyondVersion: ['{field} is {version}, beyond the record’s version {latest}', `${IMP} {version}, {latest}: numbers.`],
  followUpsOfDraft: ['{field} belong to a signed record, not a draft', `${FU} {field} names the follow-ups (plural).`],
  notPlausibleTime: ['{field} must be a real, plausible date and time', FU],
  daysAfterMismatch: ['{field} does not match the procedure and contact dates', FU],
  reliefMismatch: ['{field} does not match the pain before the procedure and the leg pain now', FU],
  supersedesEarlier: ['{field} must name an earlier, not yet corrected follow-up of this record', FU],
  correctionReason: ['{field} is required for a correction', FU],
  givenTwice: ['{field} is given twice', FU],
  noFollowUpEntry: [
    '{field} has no follow_up entry in the history',
    `${FU} Keep "follow_up" (the history's action as the file writes it).`,
  ],
  hashMismatch: ['{field} does not match its hash: it was changed after it was written', IMP],
  hashWithoutPrevious: ['{field} must come with the previous hash it follows', IMP],
  updatedBeforeCreated: ['{field} is before the record was created', IMP],
  createdAfterSigned: ['{field} is after the record was signed', IMP],
  signedBeforePerformed: ['{field} is before the procedure was performed', IMP],
  amendedBeforeSigned: ['{field} is before the record was signed', IMP],
  signatureWithoutVersion: ['{field} is a signature that no signed version of the record holds', IMP],
  amendmentWithoutVersion: ['{field} is an amendment that no signed version of the record holds', IMP],
  secondEntry: [
    '{field} is a second {action} entry for version {version}',
    `${IMP} {action}: sign or amend, as the file writes it: keep it; {version}: a number.`,
  ],
  entryBySigner: [
    '{field} must be by the signer of version {version}, at its signing time',
    `${IMP} {version}: a number.`,
  ],
  followUpIdTaken: [
    '{field} is already the id of a follow-up of another record here ({owner}): a follow-up belongs to one record only, so one of the two records was changed after it was written',
    `${FU} {owner}: the other record's id.`,
  ],
  ofTheFile: [
    'The file’s {problem}',
    'Why an import file is refused as a whole (its header): "The file’s format must be …". {problem}: a field and what it breaks.',
  ],
  refusedByDatabase: [
    'The record was refused by the database: {reason}',
    `${IMP} {reason}: the database's (SQLite's) own words, in English.`,
  ],
  tooLarge: [
    'The record {problem}: a record may not be this large',
    `${IMP} {problem}: what is too large, in English ("holds more than 100000 characters").`,
  ],
  dateAndTime: ['must be a date and time', RULE],
  realDateTime: ['must be a real date and time (ISO 8601 with its offset)', `${RULE} Keep "ISO 8601".`],
  beforeRootLog: ['is before the year 2000: not a date RootLog wrote', RULE],
  inTheFuture: ['is in the future', RULE],
  sha256: ['must be a SHA-256 hash (64 hexadecimal digits)', `${RULE} Keep "SHA-256".`],
  historyAction: [
    'must be create, update, sign, amend or follow_up (the actions of a procedure)',
    `${RULE} Keep create, update, sign, amend and follow_up as they are (how the file writes them).`,
  ],
  complicationCodes: ['must be complication codes joined by ";"', `${RULE} Keep ";".`],
  atMostVersions: ['must be at most {count} versions', `${RULE} {count}: a number.`],
  atMostHistory: ['must be at most {count} entries', `${RULE} The record's history. {count}: a number.`],
  atMostFollowUps: ['must be at most {count} follow-ups', `${RULE} {count}: a number.`],
  followUpList: ['must be the list of follow-ups', RULE],
  notAnExport: [
    'is not a RootLog JSON export (format must be "{format}")',
    `${RULE} The file's format. {format}: the format's name as the file writes it.`,
  ],
  newerRootLog: [
    'is from a newer RootLog (this one reads format version {version})',
    `${RULE} The file's format version. {version}: a number.`,
  ],
  schemaNumber: ['must be a whole number (the exporting logbook’s schema)', `${RULE} The file's schema version.`],
  sayTrueOrFalse: ['must say true or false', `${RULE} Keep "true", "false" (how the file writes them).`],
  pseudonymised: [
    'is pseudonymised: pseudonymised exports cannot be merged (their identifiers are hashes)',
    `${RULE} The file.`,
  ],
  operatorList: ['must be the list of operators', RULE],
  atMostOperators: ['must hold at most {count} operators', `${RULE} {count}: a number.`],
  drugList: ['must be the list of drugs', RULE],
  atMostDrugs: ['must hold at most {count} drugs', `${RULE} {count}: a number.`],
});

/*
 * Why an import file cannot be read at all, or a value of it is too large to be kept (the file
 * is read as a stream, db/imports/export-file.ts): said before any record, in the import's
 * report or as the command's error (rootlog import, Settings → Import).
 */
const FILE =
  "Why an import file is refused as a whole, before any of its records is read (the import's error, read by IT or the administrator).";
const TOO =
  'What is too large in a value of an import file, after what it is (The record …, its “operators” …): the file is refused or the record left out. {limit}: a number.';
export const IMPORT_FILE_MESSAGES = declareMessages('importFile', {
  notAnExport: [
    '{path} is not a RootLog export: {why}.',
    `${FILE} {path}: the file as typed or chosen; {why}: what is wrong, one of the messages below.`,
  ],
  notAnObject: ['it does not hold a JSON object', `${FILE} Inside "… is not a RootLog export: {why}".`],
  secondRecordList: [
    'it has a second "procedures" member after the list of records (an export has one list; this file was put together or changed by something else)',
    `${FILE} Inside "… is not a RootLog export: {why}". Keep "procedures" (the file's own word).`,
  ],
  recordsNotAList: [
    '"procedures" is not a list',
    `${FILE} Inside "… is not a RootLog export: {why}". Keep "procedures".`,
  ],
  headerValue: [
    'its "{key}" {problem}',
    `${FILE} Inside "… is not a RootLog export: {why}". {key}: a member of the file's header as the file names it; {problem}: what is too large in it.`,
  ],
  endsInTheMiddle: ['the file ends in the middle', `${FILE} Inside "… is not a RootLog export: {why}".`],
  grewWhileRead: [
    'it grew beyond the size limit while being read',
    `${FILE} Inside "… is not a RootLog export: {why}": the file was still being written.`,
  ],
  notJsonNear: [
    'it is not valid JSON near byte {byte} ({detail})',
    `${FILE} Inside "… is not a RootLog export: {why}". {byte}: a number; {detail}: the JSON reader's own words, in English.`,
  ],
  notJsonAtEnd: [
    'it is not valid JSON at its end ({detail})',
    `${FILE} Inside "… is not a RootLog export: {why}". {detail}: the JSON reader's own words, in English.`,
  ],
  noRecordList: [
    'it has no "procedures" list',
    `${FILE} Inside "… is not a RootLog export: {why}". Keep "procedures".`,
  ],
  cannotRead: [
    'Cannot read {path}: {reason}',
    `${FILE} {path}: the file; {reason}: the system's own words, in English, or the message below.`,
  ],
  notAFile: ['it is not a file', `${FILE} Inside "Cannot read {path}: {reason}": a folder was given.`],
  fileTooLarge: [
    '{path} is {size} GB; an import file may be at most {most} GB. Export fewer records per file (--from and --to).',
    `${FILE} {size}, {most}: gigabytes, with one decimal. Keep "--from" and "--to" (the export's options).`,
  ],
  keyTooLong: ['has a key longer than {limit} characters', TOO],
  textTooLong: ['has a text longer than {limit} characters', TOO],
  tooManyCharacters: ['holds more than {limit} characters of text', TOO],
  nestedTooDeep: ['is nested deeper than {limit} levels', TOO],
  tooManyValues: ['holds more than {limit} values', TOO],
});

/* Why an import stopped part-way, and what it had committed by then. */
const STOP = "Why an import stopped part-way (the import's error, read by IT or the administrator).";
export const IMPORT_STOP_MESSAGES = declareMessages('importStop', {
  nothingAdded: ['Nothing was added.', `${STOP} After the reason it stopped.`],
  someAdded: [
    '{count, plural, one {# record had} other {# records had}} already been added and stay (each batch is in the audit log); running the same import again adds the rest and skips those.',
    `${STOP} After the reason it stopped.`,
  ],
  after: [
    '{reason} {committed}',
    `${STOP} {reason}: why it stopped; {committed}: what was added by then (one of the two messages above). Keep the order unless the language needs another.`,
  ],
  diskFull: [
    'The disk holding {folder} (the logbook) is full: the import stopped. Free some space there first. {committed}',
    `${STOP} {folder}: the logbook's folder; {committed}: what was added by then.`,
  ],
  diskFailed: [
    'The disk holding {folder} (the logbook) failed while the import wrote to it: the import stopped. Have the disk checked first. {committed}',
    `${STOP} {folder}: the logbook's folder; {committed}: what was added by then.`,
  ],
  databaseStopped: [
    'The import of {name} stopped: {reason}. {committed}',
    `${STOP} {name}: the file; {reason}: the database's (SQLite's) own words, in English; {committed}: what was added by then.`,
  ],
});
