import { declareMessages } from './messages.js';

/*
 * The main process's own sentences the window shows as they come: the worklist server's
 * problem and warnings and a row's refused values (db/worklist), why a dose report waits
 * (db/dose-report/reports.ts), the dose report receiver's state (electron/dose-receiver-service.ts,
 * db/dose-report/receiver.ts) and where the console's signing key is kept (the vaults). Each is
 * kept as words (message and values, words.ts) and said in the reader's language; the command
 * line and the logs write their English (inEnglish).
 */

const SERVER =
  'The worklist panel beside the procedure list (and `rootlog worklist`): why the RIS worklist could not be asked, read by the technologist and IT.';
const ENTRY =
  'The worklist panel: a value the RIS worklist sent for a patient that RootLog refused, read by the technologist and IT.';
export const WORKLIST_SERVER_MESSAGES = declareMessages('main.worklist', {
  kept: [
    '{problem} The worklist keeps showing what it last received, and patients can be entered by hand.',
    `${SERVER} {problem}: what went wrong (a sentence of its own).`,
  ],
  notReachable: [
    'The worklist server at {address} cannot be reached: check that it is running and that the network and firewall let this console through.',
    `${SERVER} {address}: host:port.`,
  ],
  noAnswer: [
    'The worklist server at {address} did not answer within {seconds} seconds: it may be overloaded or a firewall may be dropping the connection.',
    `${SERVER} {address}: host:port.`,
  ],
  calledAeUnknown: [
    "The worklist server at {address} does not answer to the AE title {aeTitle}: check the server's AE title in Settings → Worklist (IT knows it).",
    `${SERVER} {aeTitle}: the server's DICOM name (keep "AE title").`,
  ],
  callingAeUnknown: [
    "The worklist server at {address} refused this console's AE title {aeTitle}: ask IT to register it on the worklist server.",
    `${SERVER} {aeTitle}: this console's DICOM name (keep "AE title").`,
  ],
  busy: ['The worklist server at {address} is busy and refused the connection for now: try again in a moment.', SERVER],
  refused: [
    'The worklist server at {address} refused the connection from this console (AE title {aeTitle}): ask IT to check that this console may query the worklist.',
    `${SERVER} {aeTitle}: this console's DICOM name.`,
  ],
  notAWorklist: [
    'The worklist server at {address} accepted the connection but does not offer the Modality Worklist: check the address and AE title in Settings → Worklist.',
    `${SERVER} Keep "Modality Worklist" (a DICOM service).`,
  ],
  aborted: [
    'The worklist server at {address} broke off the query before it was complete: try again; if it keeps happening, tell IT.',
    SERVER,
  ],
  queryFailed: [
    'The worklist server at {address} could not answer the query (status {status}): tell IT.',
    `${SERVER} {status}: a DICOM status code (0xA700), or "unknown".`,
  ],
  queryFailedSaying: [
    'The worklist server at {address} could not answer the query (status {status}: "{comment}"): tell IT.',
    `${SERVER} {status}: a DICOM status code (0xA700); {comment}: the server's own words.`,
  ],
  statusUnknown: ['unknown', 'Inside a worklist problem: the server gave no status.'],
  answered: [
    'The worklist server at {address} ({aeTitle}) answered in {milliseconds} ms.',
    "Settings → Worklist → Test: the worklist server answered this console's echo (C-ECHO). {address}: host:port; {aeTitle}: the server's DICOM name; {milliseconds}: how long it took.",
  ],
  notSetUp: [
    'No worklist server is set up: Settings → Worklist. Patients are entered by hand.',
    'The worklist panel beside the procedure list, when Settings → Worklist is empty.',
  ],
  unexpected: [
    'The worklist could not be asked (an unexpected error; the details are in the log). Patients can be entered by hand.',
    SERVER,
  ],
  unsupportedKeys: [
    'The worklist server does not support some of the details asked for (status 0xFF01, for example the patient’s language): the list is complete, those details are missing.',
    'A warning above the worklist: the list is complete, some details are missing.',
  ],
  cut: [
    'The worklist server sent {count} entries; the first {shown} are shown: ask IT to narrow it to this station (Settings → Worklist).',
    'A warning above the worklist: the RIS sent more patients than the panel shows.',
  ],
  leftOut: [
    '{entry} was left out: {why}',
    'A warning above the worklist: a patient the RIS sent that cannot start a case. {entry}: which one.',
  ],
  entryOfPatient: ['the entry for patient {patientId}', 'Inside a worklist warning: which patient.'],
  entryOfPatientAccession: [
    'the entry for patient {patientId} (accession {accession})',
    'Inside a worklist warning: which patient, and the accession number.',
  ],
  entryOfAccession: ['the entry with accession {accession}', 'Inside a worklist warning: which accession number.'],
  entryAt: ['entry {position} of the answer', 'Inside a worklist warning: an entry that names no patient.'],
  patientIdRefused: [
    '{field} {reason}',
    'Inside a worklist warning: why the patient ID cannot be used. {field}: "Patient ID"; {reason}: what is wrong with it.',
  ],
  patientIdMissing: ['{field} is missing: it cannot start a case', 'Inside a worklist warning. {field}: "Patient ID".'],
});

export const WORKLIST_ENTRY_MESSAGES = declareMessages('main.worklistEntry', {
  leftEmpty: [
    '{field} {reason}: left empty',
    `${ENTRY} {field}: the value's name (the record field's label, or one below); {reason}: what is wrong with it ("is not a date (YYYYMMDD)").`,
  ],
  severalValues: ['holds several values where one is expected', ENTRY],
  notText: ['is not text', ENTRY],
  notDecoded: ['did not decode in the character set the server declared', ENTRY],
  controlCharacter: ['holds a control character', ENTRY],
  tooLong: [
    'is longer than {length} characters, the most its DICOM type ({vr}) holds',
    `${ENTRY} {vr}: a DICOM value representation (LO, PN).`,
  ],
  severalNames: ['holds several names where one is expected', ENTRY],
  notAName: ['is not a name', ENTRY],
  notAPersonName: ['is not a DICOM person name (more than five parts)', ENTRY],
  notASequence: ['is not a DICOM sequence', ENTRY],
  notADate: ['"{value}" is not a date (YYYYMMDD)', `${ENTRY} Keep YYYYMMDD (DICOM's form).`],
  notASex: ['"{value}" is not M, F or O', `${ENTRY} M, F, O: DICOM's codes, keep them.`],
  notAUid: ['is not a DICOM UID (digits and dots)', ENTRY],
  notATime: ['"{value}" is not a time of day (HHMMSS)', `${ENTRY} Keep HHMMSS (DICOM's form).`],
  notALanguage: ['"{value}" is not a language code', ENTRY],
  requestedProcedureId: ['Requested procedure ID', `${ENTRY} The value's name.`],
  scheduledAt: ['Scheduled time', `${ENTRY} The value's name.`],
  scheduledStationAe: ['Scheduled station', `${ENTRY} The value's name (a modality's AE title).`],
  modality: ['Modality', `${ENTRY} The value's name.`],
});

const WAITING =
  'Beside the procedure list, a dose report without a procedure (the dose inbox), and a refused PACS fetch: why it was not attached, read by the technologist.';
export const DOSE_WAITING_MESSAGES = declareMessages('main.doseWaiting', {
  ambiguousAccession: ['{count} records match its accession number: choose one.', `${WAITING} {count}: 2 or more.`],
  ambiguousPatientDay: ['{count} records match its patient and day: choose one.', `${WAITING} {count}: 2 or more.`],
  ambiguousStudy: ['{count} records match its study: choose one.', `${WAITING} {count}: 2 or more.`],
  noRecord: ['No record has its study, accession number, or patient and day yet.', WAITING],
  noPatientId: ['the report carries no patient ID', `${WAITING} Follows "but" inside a sentence.`],
  recordWithoutPatientId: ['this record has no patient ID yet', `${WAITING} Follows "but" inside a sentence.`],
  otherPatient: [
    "it is of patient {reportPatientId}, not this record's {recordPatientId}",
    `${WAITING} Follows "but" inside a sentence; the values are patient IDs.`,
  ],
  otherStudy: [
    "its Study Instance UID and accession number are not this record's",
    `${WAITING} Follows "but" inside a sentence (keep "Study Instance UID").`,
  ],
});

const RECEIVER = 'Settings → Dose reports: whether RootLog receives the scanners’ dose reports, read by IT.';
export const DOSE_RECEIVER_MESSAGES = declareMessages('main.doseReceiver', {
  off: ['Dose reports are not received: Settings → Dose reports names the scanners allowed to send.', RECEIVER],
  listeningEverywhere: [
    'Receiving dose reports on every network address of this console, port {port}, as {aeTitle}, from {senders}.',
    `${RECEIVER} {aeTitle}: RootLog's DICOM name; {senders}: the scanners' AE titles.`,
  ],
  listeningAt: [
    'Receiving dose reports at {host}, port {port}, as {aeTitle}, from {senders}.',
    `${RECEIVER} {host}: a network address; {aeTitle}: RootLog's DICOM name; {senders}: the scanners' AE titles.`,
  ],
  portTaken: [
    'Port {port} is already in use by another program: dose reports cannot be received. Choose another port in Settings → Dose reports (and on the scanner).',
    RECEIVER,
  ],
  notThisComputer: [
    "The address {host} is not one of this computer's: dose reports cannot be received. In Settings → Dose reports, give one of its addresses, or {everyAddress} for every one.",
    `${RECEIVER} {everyAddress}: the address meaning every one ("::").`,
  ],
  needsAdministrator: [
    'Port {port} needs administrator rights on this computer: choose a port above 1023 in Settings → Dose reports.',
    RECEIVER,
  ],
  couldNotStart: [
    'The dose report receiver could not start: {error}.',
    `${RECEIVER} {error}: the system's words (English).`,
  ],
});

const RECEIVING =
  'What Settings → Dose reports breaks, when it is saved or the receiver starts (read by the administrator or IT).';
export const DOSE_RECEIVER_SETTING_MESSAGES = declareMessages('main.doseReceiverSetting', {
  enabled: ['Receiving dose reports', `${RECEIVING} The on/off setting's label, before what it breaks.`],
  settings: ['The settings', `${RECEIVING} The settings as a whole, before what they break.`],
  broken: ['{label} {rule}.', `${RECEIVING} {label}: a label above; {rule}: what it breaks ("must be on or off").`],
  brokenEntry: [
    '{label} (entry {number}) {rule}.',
    `${RECEIVING} {label}: a label above; {number}: which entry of the list; {rule}: what it breaks.`,
  ],
});

const KEPT = 'Settings → Department server: where this console’s signing key is kept, inside "kept in {where}".';
export const KEPT_IN_MESSAGES = declareMessages('main.keptIn', {
  keychain: ['this computer’s keychain', KEPT],
  keyFile: ['the key file {path}', `${KEPT} {path}: the file's path.`],
  memory: ['memory (this run only)', `${KEPT} For tests and demonstrations: the key is lost when RootLog closes.`],
});

const FILL =
  "Procedure form, under the dose report's figures (Take the figures): how the procedure's dose reports were combined, read by the technologist.";
export const DOSE_FILL_MESSAGES = declareMessages('main.doseFill', {
  overlapping: [
    'Two dose reports share some irradiation events but neither holds all of them: their totals are not added up; check them by hand.',
    FILL,
  ],
  ctAdded: [
    '{count} CT dose reports: their DLPs are added up, the highest CTDIvol taken.',
    `${FILL} {count}: 2 or more. Keep DLP and CTDIvol (the scanners' names).`,
  ],
  projectionAdded: [
    '{count} fluoroscopy dose reports: their dose-area products and fluoroscopy times are added up.',
    `${FILL} {count}: 2 or more.`,
  ],
  localTime: [
    "The scanner wrote the irradiation's time ({time}) without a time zone: it is taken as this console's local time.",
    `${FILL} {time}: the date and time as the scanner wrote it (2026-03-14 09:30).`,
  ],
});
