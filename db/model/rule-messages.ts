import { declareMessages } from './messages.js';

/*
 * The schemas' own rules, where a schema says more than zod's words (zod-words.ts): each a
 * message, given to zod with `rule()` so its English is zod's message and its words are found
 * again (zodIssueWords) to be said in the reader's language beside the field.
 */
const RULE = 'What a value breaks, after the field\'s label ("PIN must be typed"), beside the field and in refusals.';
export const RULE_MESSAGES = declareMessages('rule', {
  pinRepeatedCharacter: ['must not be one character repeated (such as 0000)', `${RULE} A new PIN.`],
  pinRunOfDigits: ['must not be a run of digits (such as 1234 or 4321)', `${RULE} A new PIN.`],
  noSpaceAtEnds: ['must not begin or end with a space', `${RULE} A new PIN.`],
  atLeastCharacters: ['must be at least {count} characters', `${RULE} {count}: a number (4).`],
  atMostCharacters: ['must be at most {count} characters', `${RULE} {count}: a number.`],
  mustBeTyped: ['must be typed', `${RULE} A PIN.`],
  mustBeChosen: ['must be chosen', `${RULE} Who signs.`],
  badgeTyped: ['must be the number the card reader types', `${RULE} A badge.`],
  badgeForm: ['must be 4 to 32 letters, digits or dashes, as the card reader types it', `${RULE} A badge.`],
  eitherNameOrOperator: [
    'Give either a new name or an operator already listed',
    'A refusal at first run: the first administrator.',
  ],
  idleMinutes: ['must be a whole number of minutes from 1 to 60', `${RULE} The console's lock time.`],
  wholeNumberRange: ['must be a whole number from {min} to {max}', `${RULE} {min}, {max}: numbers.`],
  numberRange: ['must be a number from {min} to {max}', `${RULE} {min}, {max}: numbers.`],
  atMostEntries: ['must have at most {count} entries', `${RULE} {count}: a number.`],
  noValueTwice: ['must not list the same value twice', RULE],
  clockTime: ['must be a time as HH:MM', `${RULE} Keep HH:MM.`],
  dateTimeOffset: [
    'must be a date and time with its UTC offset, e.g. 2026-03-14T09:30:00+01:00',
    `${RULE} Keep the example as it is.`,
  ],
  dicomUid: ['must be a DICOM UID (digits and dots, at most 64 characters)', `${RULE} Keep "DICOM UID".`],
  dicomUids: [
    'must be up to {count} DICOM UIDs separated by spaces',
    `${RULE} {count}: a number (8). Keep "DICOM UID".`,
  ],
  languageCode: ['must be a language code such as de, fr, it or en', `${RULE} The patient's language.`],
  yesNo: ['must be yes or no', RULE],
  folder: ['must be a folder', `${RULE} The backup folder.`],
  noControlCharacters: ['must not contain control characters', RULE],
  wholePath: [
    'must be a whole path from the top, e.g. /mnt/backup, D:\\Backup or \\\\server\\share\\rootlog',
    `${RULE} The backup folder. Keep the examples as they are.`,
  ],
  timeOfDayKind: ['must be a time of day', `${RULE} The backups' time.`],
  timeOfDay: ['must be a time of day as HH:MM, from 00:00 to 23:59', `${RULE} The backups' time. Keep HH:MM.`],
  backupsKept: [
    'must be a whole number of backups from {min} to {max}',
    `${RULE} How many backups are kept. {min}, {max}: numbers.`,
  ],
  trueOrFalse: ['must be true or false', `${RULE} A yes-or-no setting as written in a file or the API (true/false).`],
  eitherCode: [
    'must be {first} or {second}',
    `${RULE} {first}, {second}: the two values allowed, as stored (codes such as "UTF-8", "radiologist").`,
  ],
  positiveNumber: ['must be a positive number', RULE],
  atMostNumber: ['must be at most {limit}', `${RULE} {limit}: a number.`],
  fromTo: ['must be from {min} to {max}', `${RULE} {min}, {max}: numbers (how many results a search shows).`],
  notAfterItEnds: ['must not start after it ends', `${RULE} A period's start ("From").`],
  endsOnOrAfterStart: [
    'must end on or after the day it starts',
    `${RULE} A span of days (a follow-up window, the days the worklist shows).`,
  ],
  atLeastDays: ['must be {min} or more days', `${RULE} {min}: a number. A follow-up window's first day.`],
  followUpWindowsOrder: [
    'The 2–6-week window must start after the day-1–3 window ends',
    "A refusal in Settings → Follow-ups: the two follow-up windows overlap. Keep the windows' names as Settings shows them.",
  ],
  drugCode: [
    'must be 2–40 lower-case letters, digits or _ and start with a letter',
    `${RULE} A drug's code in the catalogue (what is stored).`,
  ],
  drugSite: ['must be a target number or caudal', `${RULE} Where a drug was given. Keep "caudal" as the code it is.`],
  notInCatalogue: ['is not in the catalogue', `${RULE} A drug.`],
  notProcedureId: ['is not a procedure id', `${RULE} A follow-up's procedure.`],
  notFollowUpId: ['is not a follow-up id', `${RULE} The follow-up a correction replaces.`],
  notSevenAnswers: [
    'is not one of the seven answers',
    `${RULE} The patient's global impression of change (seven answers).`,
  ],
  uuidV7: ['must be a UUIDv7', `${RULE} A record's id. Keep "UUIDv7".`],
  needleGauge: ['must be one of: {gauges} G', `${RULE} {gauges}: needle gauges (numbers); G: gauge.`],
  realDate: ['must be a real date as YYYY-MM-DD', `${RULE} Keep YYYY-MM-DD.`],
  reasonLength: [
    'must be {min} to {max} characters',
    `${RULE} A reason (an amendment's, a correction's). {min}, {max}: numbers.`,
  ],
  labelled: [
    '{label} {rule}',
    'A label and what its value breaks, said as one refusal where no field names it: "Reason for the amendment must be 3 to 500 characters". {label}: the label; {rule}: the rule. A colon may join them where the language needs it.',
  ],
  followUpHowThePatientIs: [
    'Leg pain, back pain or the global impression is needed: a follow-up records how the patient is',
    'A refusal of a follow-up without any answer on how the patient is, beside the leg pain field.',
  ],
  portNumber: ['must be a port number from 1 to 65535', `${RULE} A network port.`],
  hostNameOrAddress: ['must be a host name or address', `${RULE} A server.`],
  hostName: ['must be a host name', `${RULE} The department server.`],
  hostForm: ['must be a host name or address (letters, digits, dots, dashes)', `${RULE} A server.`],
  aeTitle: ['must be an AE title', `${RULE} Keep "AE title" (DICOM's Application Entity title).`],
  aeTitleLength: ['must be at most 16 characters (a DICOM AE title)', `${RULE} Keep "DICOM AE title".`],
  aeTitleCharacters: [
    'must be plain letters, digits and punctuation without "\\" (a DICOM AE title)',
    `${RULE} Keep the backslash and "DICOM AE title".`,
  ],
  modalityCode: ['must be a modality code such as CT', `${RULE} Keep "CT" (a DICOM code).`],
  modalityForm: [
    'must be a DICOM modality code such as CT, XA or RF (capital letters)',
    `${RULE} Keep the codes CT, XA, RF.`,
  ],
  hl7Name: ['must be a name', `${RULE} An HL7 application or facility name.`],
  hl7Delimiters: [
    'must not contain | ^ ~ \\ & or control characters (HL7 delimiters)',
    `${RULE} Keep the characters | ^ ~ \\ & as they are.`,
  ],
  wholeDaysRange: ['must be a whole number of days from {min} to {max}', `${RULE} {min}, {max}: numbers.`],
  aeTitleList: ['must be AE titles separated by commas', `${RULE} Who may send dose reports.`],
  atLeastOneSender: ['must name at least one scanner (or PACS) that may send', `${RULE} Who may send dose reports.`],
  atMostAeTitles: ['must be at most {count} AE titles', `${RULE} {count}: a number.`],
  aeTitleTwice: ['must not name the same AE title twice', `${RULE} Who may send dose reports.`],
  listenAddress: [
    'must be an IP address of this console, such as 10.2.3.4 ({every}: every network address)',
    `${RULE} The dose report receiver's address. {every}: an address (0.0.0.0).`,
  ],
  notConnectionSetting: [
    '{field} is not a connection setting',
    'A refusal of connection settings given with a key RootLog does not know. {field}: the key as written ("risServer.extra").',
  ],
  connectionSettings: ['Connection settings', 'A label in a refusal: the connection settings as a whole.'],
  settingsOf: [
    '{connection} settings',
    'A label in a refusal: one connection\'s settings. {connection}: its heading ("RIS").',
  ],
  pemText: [
    'must be the text of a PEM certificate file',
    `${RULE} The department server's CA certificates. Keep "PEM".`,
  ],
  pemSize: [
    'must be at most 64 KB (a PEM file of the department’s CA certificates)',
    `${RULE} Keep "64 KB" and "PEM".`,
  ],
  pemForm: [
    'must be a PEM certificate file (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)',
    `${RULE} Keep the PEM markers exactly as they are.`,
  ],
  databaseName: ['must be a database name', `${RULE} The department server's database.`],
  databaseNameForm: ['must be letters, digits, "_" or "-"', `${RULE} A database name.`],
  userName: ['must be a user name', `${RULE} The department server's user.`],
  userNameForm: ['must be letters, digits, "_", "." or "-"', `${RULE} A database user name.`],
  tookOrKept: [
    'must be took (the other console’s amendment) or kept (this record)',
    `${RULE} A hub conflict's decision. Keep "took" and "kept": they are the codes sent.`,
  ],
  regularExpression: [
    'must be a regular expression, such as {example} (K, a hyphen, six digits)',
    `${RULE} Settings → Patient ID's pattern. {example}: a pattern (K-\\d{6}).`,
  ],
  exampleForPattern: [
    'is required with a pattern: an ID that follows it',
    `${RULE} Settings → Patient ID: the example ID.`,
  ],
  notFollowingPattern: ['does not follow the pattern', `${RULE} Settings → Patient ID: the example ID.`],
  atLeastOneTarget: ['needs at least one target', `${RULE} A quick start (preset).`],
  atMostTargets: ['must have at most {count} targets', `${RULE} A quick start (preset). {count}: a number.`],
  atMostDrugs: ['must have at most {count} drugs', `${RULE} A quick start (preset). {count}: a number.`],
  notPresetTarget: ['is not a target of the preset', `${RULE} A quick start's drug.`],
  atMostPresets: [
    'must have at most {count} presets (Alt+1 … Alt+9)',
    `${RULE} Settings → Quick starts. {count}: a number. Keep the keys Alt+1 … Alt+9.`,
  ],
  complicationTwice: ['must not list the same complication twice', RULE],
  atMostLevels: ['must have at most {count} levels', `${RULE} Reference levels. {count}: a number.`],
  levelTwice: [
    'has {quantity} for {modality}, {protocol} twice',
    `${RULE} Reference levels. {quantity}: a dose quantity ("DLP"); {modality}: a code (CT); {protocol}: which procedures ("single level").`,
  ],
  phoneNumber: [
    'must be a phone number: digits, spaces and + ( ) / . -',
    `${RULE} The department's phone. Keep the characters + ( ) / . - as they are.`,
  ],
  unknownPlaceholders: [
    'names {unknown}, which the report does not know: use {known}',
    `${RULE} A report template. {unknown}, {known}: placeholders as typed, in braces; keep them.`,
  ],
  messageId: ['must be a message id', `${RULE} A department's corrected wording.`],
  atMostWordings: [
    'must correct at most {count} wordings',
    `${RULE} A department's corrected wordings. {count}: a number.`,
  ],
  mgRange: ['must be a number of mg from {min} to {max}', `${RULE} A dose. {min}, {max}: numbers.`],
  loneSurrogate: [
    'must be well-formed text: it holds a broken character (a lone surrogate)',
    `${RULE} Any text. Keep "lone surrogate" (the technical term) in the brackets.`,
  ],
  oneLineNoControl: ['must be one line of text without control characters', `${RULE} A name or an identifier.`],
  noDirectionCharacters: ['must not contain characters that change the text’s direction', RULE],
  noInvisibleCharacters: ['must not contain invisible characters (zero-width spaces or joiners)', RULE],
  unclearMarks: [
    'is not clear: {typed} has more than one "." or ",": type one decimal mark and thousands without a separator, as in {example}',
    `${RULE} A number typed. {typed}: what was typed; {example}: a number (1480.5).`,
  ],
  unclearGroups: [
    'is not clear: in {typed} a thousands separator must stand between groups of three digits ({example}): type the number without it',
    `${RULE} A number typed. {typed}: what was typed; {example}: a number with a thousands separator (1'480).`,
  ],
  unclearThousands: [
    'is not clear: {typed} could be {thousands} or {value}: type {thousands} without a separator or {value}',
    `${RULE} A number typed (1.480: 1480 or 1.48?). {typed}: what was typed; {thousands}, {value}: the two numbers it could be.`,
  ],
  unclearThousandsKeep: [
    'is not clear: {typed} could be {thousands} or {value}: type {thousands} without a separator, or {kept} for {value}',
    `${RULE} A number typed (1.234: 1234 or 1.234?). {typed}: what was typed; {thousands}, {value}: the two numbers; {kept}: how to type the second (1.2340).`,
  ],
  onOrOff: ['must be on or off', `${RULE} Receiving dose reports.`],
  aeTitles: ['must be a list of AE titles', `${RULE} Who may send dose reports.`],
  sendersBeforeOn: [
    'must name the scanners (and the PACS) that may send, before the receiver is turned on',
    `${RULE} Who may send dose reports.`,
  ],
  dicomDate: ['must be a date YYYY-MM-DD', `${RULE} A day the worklist is asked for. Keep YYYY-MM-DD.`],
  realDicomDate: ['must be a real date YYYY-MM-DD', `${RULE} A day the worklist is asked for. Keep YYYY-MM-DD.`],
  atMostDaysSpan: ['may span at most {count} days', `${RULE} The days the worklist is asked for. {count}: a number.`],
  exportJobId: ['must be an export job id', `${RULE} A request of the window (an export under way).`],
  conflictId: ['must be a conflict id', `${RULE} A request of the window (a hub conflict).`],
  doseReportId: ['must be a dose report id', `${RULE} A request of the window (a dose report waiting).`],
  versionNumber: ['must be a version number', `${RULE} A request of the window (a signed version of a record).`],
  draftSavesFull: [
    'This draft cannot take another change: it has been saved with changes {count} times, the most one record may hold. Sign it, or start a new record.',
    'A refusal when a draft reaches its limit of saves. {count}: a number.',
  ],
  versionsFull: [
    'This record cannot be amended again: it holds {count} signed versions, the most one record may hold.',
    'A refusal when a record reaches its limit of amendments. {count}: a number.',
  ],
  followUpsFull: [
    'This procedure cannot take another follow-up: it holds {count}, the most one record may hold.',
    'A refusal when a procedure reaches its limit of follow-ups. {count}: a number.',
  ],
});
