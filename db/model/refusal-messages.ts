import { declareMessages } from './messages.js';

/*
 * The services' refusals (RootLogError's words: a message and its values, declared once here),
 * said in the reader's language where the window shows them (useRefusalWords): who may sign,
 * the record, the follow-ups, Settings, the department server, the backups, the exports. And
 * the refusals of the PACS fetch (db/dose-report) and of Send again (db/ris/outbox.ts), for the
 * radiologist and the technologist at the form: each a message and values (errors.ts's
 * RootLogError), said in the reader's language where the window shows it (useRefusalWords).
 */
const PACS =
  'A refusal beside "Fetch from the PACS" on the form (the dose of a record), read by the radiologist or technologist.';
const RIS = 'A refusal beside "Send again" in the record’s RIS panel, read by the radiologist.';
const OP =
  "A refusal when an operator proves who they are (PIN, badge) to sign, amend, record a follow-up, open the console or change settings. {name}: the operator's name.";
const ADM = "A refusal in Settings → Operators, read by the administrator. {name}: the operator's name.";
const REC = 'A refusal on the form or the record, read by the radiologist.';
const SET = 'A refusal in Settings, read by the administrator.';
const FILE =
  'A refusal of an export or a backup, read by whoever chose where it goes (Export screen, Settings → Backups). {folder}, {path}: as the computer writes them.';
const DOSE =
  'A refusal of a file as a dose report (rootlog dose-report, the dose report receiver, the PACS fetch), read by the technologist or IT.';
const BK = 'A refusal of a backup (Settings → Backups, the top bar). {folder}: the backup folder as typed.';
export const REFUSAL_MESSAGES = declareMessages('refusal', {
  pacsNotSetUp: [
    'No PACS is set up (Settings → PACS): ask IT for its address, port and AE title, or enter the dose by hand.',
    PACS,
  ],
  pacsReceiverOff: [
    'The PACS sends the dose report to RootLog’s dose report receiver, which is not receiving: turn it on in Settings → Dose reports.',
    PACS,
  ],
  pacsAeNotAllowed: [
    'The PACS’s AE title {aeTitle} is not among the AE titles allowed to send (Settings → Dose reports): add it, or RootLog refuses what the PACS sends.',
    `${PACS} {aeTitle}: the PACS's DICOM name (keep "AE title").`,
  ],
  pacsNoStudyKey: [
    'This record has neither a Study Instance UID (from the worklist) nor an accession number: the PACS cannot be asked for its dose report. Enter the accession number, or the dose by hand.',
    `${PACS} Keep "Study Instance UID" (a DICOM name).`,
  ],
  pacsNoReport: [
    'The PACS {aeTitle} has no dose report for this study ({key}): the scanner may not have sent it yet; try again later, or enter the dose by hand.',
    `${PACS} {key}: "Study Instance UID …" or "accession number …".`,
  ],
  pacsNotSent: [
    'The PACS {aeTitle} found the dose report of this study ({key}) but did not send it to RootLog: check that the PACS knows {rootlogAeTitle} at this console’s address and port {port}.',
    `${PACS} {key}: "Study Instance UID …" or "accession number …"; {rootlogAeTitle}: RootLog's DICOM name.`,
  ],
  pacsWaiting: [
    "The PACS {aeTitle} sent a dose report of this study ({key}), but {why}: it waits among the dose reports without a procedure. Check the record's patient and accession number, or attach the report by hand if it is this patient's.",
    `${PACS} {why}: why it was not attached (a sentence of its own).`,
  ],
  pacsKeyStudy: ['Study Instance UID {uid}', 'Inside a PACS refusal: the study asked for (keep "Study Instance UID").'],
  pacsKeyAccession: ['accession number {number}', 'Inside a PACS refusal: the accession number asked for.'],
  pacsUnreachable: [
    'The PACS {aeTitle} at {address} {why}: the dose report was not fetched; enter the dose by hand or try again.',
    `${PACS} {address}: host:port; {why}: what went wrong ("could not be reached (…)").`,
  ],
  pacsRefusedAssociation: [
    "refused RootLog's association (is {rootlogAeTitle} known to it?)",
    'Inside a PACS refusal: the PACS would not talk to RootLog (a DICOM association).',
  ],
  pacsCouldNotReach: [
    'could not be reached ({error})',
    'Inside a PACS refusal; {error}: the network’s words (English).',
  ],
  pacsAnsweredStatus: [
    'answered the query with status {status}',
    'Inside a PACS refusal; {status}: a DICOM status code (0xa700).',
  ],
  pacsNoMoveAnswer: [
    'did not answer the move',
    'Inside a PACS refusal: the PACS did not answer the request to send (C-MOVE).',
  ],
  pacsUnknownDestination: [
    "does not know {rootlogAeTitle} as a destination: add RootLog's receiver to the PACS",
    'Inside a PACS refusal: the PACS does not know where to send the report.',
  ],
  pacsNeitherKey: [
    'A dose report is fetched by the record’s Study Instance UID or accession number: it has neither.',
    PACS,
  ],
  sendAgainUnsendable: [
    'Version {version} of this record still cannot be sent to the RIS as its connection is set: {why}.',
    `${RIS} {why}: why (English, e.g. a character the RIS's character set cannot carry).`,
  ],
  sendAgainUnreadable: ['it cannot be read', 'Inside a Send again refusal: why the report cannot be sent.'],
  sendAgainWaiting: [
    'Only a report the RIS refused, or one its character set could not carry, is sent again: version {version} of this record is already waiting to be sent.',
    RIS,
  ],
  sendAgainSent: [
    'Only a report the RIS refused, or one its character set could not carry, is sent again: version {version} of this record is sent.',
    RIS,
  ],
  sendAgainNeverQueued: ['Version {version} of this record was never queued for the RIS.', RIS],
  notActive: ['{name} is no longer an active operator here.', OP],
  technologistFollowUps: [
    '{name} is a technologist: in this department radiologists record follow-ups (an administrator can allow technologists in Settings).',
    OP,
  ],
  technologistSigns: ['{name} is a technologist: a technologist prepares the case, a radiologist signs it.', OP],
  technologistAmends: ['{name} is a technologist: a technologist prepares the case, a radiologist amends it.', OP],
  notAdministrator: ['{name} is not an administrator: settings are changed by an administrator.', OP],
  chooseWhoYouAre: ['Choose who you are: that operator is not one of this logbook’s.', OP],
  noPinYet: [
    '{name} has no PIN yet: an administrator sets the first one (Settings → Operators), with {name} at the keyboard.',
    OP,
  ],
  lockedUntil: [
    '{name} is locked after {count} wrong PINs in a row, until {time}: wait, or ask an administrator to set a new PIN.',
    `${OP} {count}: 5; {time}: a time of day (14:05).`,
  ],
  pinChangedMeanwhile: ['{name}’s PIN was changed meanwhile: type the PIN again.', OP],
  wrongPin: [
    'That is not {name}’s PIN. {left, plural, one {One more wrong PIN locks} other {# more wrong PINs lock}} {name} for {minutes} minutes.',
    `${OP} {left}: wrong PINs left before the lock; {minutes}: 5.`,
  ],
  lockedNow: [
    'That is not {name}’s PIN either: after {count} wrong PINs in a row {name} is locked until {time} ({minutes} minutes), or until an administrator sets a new PIN.',
    `${OP} {count}: 5; {time}: a time of day; {minutes}: 5.`,
  ],
  administratorExists: [
    'This logbook has its administrator already: an administrator adds operators and sets their first PIN in Settings → Operators.',
    'A refusal at first run, when the logbook has an administrator already.',
  ],
  notAnOperator: ['That operator is not one of this logbook’s.', ADM],
  administratorRequired: ['Settings are changed by an administrator.', SET],
  administratorPinRequired: [
    'Settings are changed by an administrator: an administrator types their PIN to open the changes.',
    SET,
  ],
  noAdministratorYet: [
    'This logbook has no administrator yet: set up the first one (your name and PIN) before setting PINs.',
    SET,
  ],
  noPinForBadge: ['{name} has no PIN yet: set their first PIN, then the badge.', ADM],
  badgeTaken: [
    '{field} is already bound to another operator',
    'A refusal in Settings → Operators, read by the administrator. {field}: "Badge".',
  ],
  consoleLocked: ['The console is locked: type your PIN to open it.', 'A refusal while the console is locked.'],
  pinToSign: ['Type your PIN to sign.', REC],
  noProcedure: ['There is no procedure with id {id}.', `${REC} {id}: the record's id.`],
  signedNoEdit: ['This procedure is signed and can no longer be edited: amend it with a reason.', REC],
  alreadySigned: ['This procedure is already signed.', REC],
  operatorSigns: [
    'The record names {operator} as its operator: the signature means “performed and signed”, so {operator} signs it. If {signer} performed it, choose {signer} as the operator first.',
    `${REC} {operator}: the name of the operator on the record; {signer}: who tries to sign.`,
  ],
  anotherOperatorSigns: [
    'The record names another operator as its operator: the signature means “performed and signed”, so they sign it. If {signer} performed it, choose {signer} as the operator first.',
    `${REC} {signer}: who tries to sign.`,
  ],
  draftNoAmendment: ['This procedure is a draft: edit it directly, no amendment is needed.', REC],
  noSignedVersion: [
    'Procedure {id} has no signed version {version}.',
    `${REC} {id}: the record's id; {version}: a number.`,
  ],
  signedNeverDeleted: ['A signed procedure can never be deleted; amend it instead.', REC],
  notSignableYet: [
    'The record cannot be signed yet: {count, plural, one {# field needs} other {# fields need}} attention.',
    REC,
  ],
  beforeSigningConfirm: [
    'Before signing, confirm {count, plural, one {this warning} other {these # warnings}}: {warnings}',
    `${REC} {warnings}: the warnings, each a sentence.`,
  ],
  beforeSigningReason: [
    'Before signing, give the reason above the reference level ({levels}).',
    `${REC} {levels}: which reference levels the dose is above.`,
  ],
  figureAboveLevel: [
    '{figure}, level {level}',
    `${REC} Inside "give the reason above the reference level (…)": {figure}: "DLP 200 mGy·cm"; {level}: the level it is above and where it comes from.`,
  ],
  beforeSigningBoth: [
    'Before signing, confirm {count, plural, one {this warning} other {these # warnings}}: {warnings}; and give the reason above the reference level ({levels}).',
    `${REC} {warnings}: the warnings; {levels}: which reference levels the dose is above.`,
  ],
  followUpOfDraft: [
    '{field} is a draft: a follow-up belongs to a signed procedure',
    "A refusal of a follow-up call, read by whoever records it. {field}: the field's label.",
  ],
  contactBeforeProcedure: [
    '{field} is before the procedure ({date})',
    "A refusal of a follow-up call. {field}: the field's label; {date}: the procedure's date (YYYY-MM-DD).",
  ],
  contactInFuture: ['{field} is in the future', "A refusal of a follow-up call. {field}: the field's label."],
  notThisFollowUp: [
    "{field} is not one of this procedure's follow-ups",
    "A refusal of a follow-up call. {field}: the field's label.",
  ],
  pseudonymKeyMissing: [
    'The pseudonymisation key is not in this logbook (it was restored from a backup made with --exclude-key): put it back with "rootlog key --db FILE --set KEY" before a pseudonymised export, so pseudonyms match earlier exports.',
    'A refusal of a pseudonymised export. Keep the command as it is.',
  ],
  pseudonymKeyForm: [
    '{field} must be the 64 hexadecimal characters rootlog key --show printed',
    "A refusal of the command line's key. {field}: the field's label.",
  ],
  pseudonymKeySet: [
    '{field} is already set to another key in this logbook: it is never replaced',
    "A refusal of the command line's key. {field}: the field's label.",
  ],
  notDepartmentOperator: ["{field} is not one of the department's operators", `${SET} {field}: the field's label.`],
  noOperatorWithId: ['There is no operator with id {id}.', SET],
  lastAdministrator: [
    '{name} is the last administrator who can prove it with a PIN: make another operator an administrator first',
    ADM,
  ],
  usualAboveMaximum: [
    '{field} must not be above the maximum dose',
    `${SET} The drug catalogue. {field}: the field's label.`,
  ],
  usualRangeBothEnds: [
    '{field} is required with the other end of the range',
    `${SET} The drug catalogue's usual concentration (lowest, highest). {field}: the field's label.`,
  ],
  usualLowestAboveHighest: [
    '{field} must not be above the highest',
    `${SET} The drug catalogue's usual concentration: its lowest above its highest. {field}: the field's label.`,
  ],
  defaultOutsideUsual: [
    '{field} must be within the usual {min}–{max} mg/mL',
    `${SET} The drug catalogue's default concentration outside the usual range. {field}: the field's label; {min}, {max}: numbers.`,
  ],
  noDoseReasonNeeded: [
    '{field} is required to sign a case with no dose recorded: type the DLP, CTDIvol, DAP or fluoroscopy time, or choose why there is none',
    `${REC} Signing. {field}: the field's label (the reason there is no dose). Keep DLP, CTDIvol, DAP.`,
  ],
  noDoseReasonWords: [
    '{field} is required when the reason is "other"',
    `${REC} Signing: the no-dose reason "other" needs its words. {field}: the field's label.`,
  ],
  drugNotInCatalogue: ['{field} is not in the drug catalogue', `${REC} {field}: the field's label (a drug).`],
  siteNotATarget: [
    '{field} refers to target {number}, which does not exist',
    `${REC} A drug given at a target the record does not have. {field}: the field's label; {number}: the target's number.`,
  ],
  patientIdOffPattern: [
    '{field} does not look like this department’s patient IDs: type it like {example}',
    `${REC} {field}: the field's label (Patient ID); {example}: an ID of the department, as Settings → Patient ID gives it.`,
  ],
  operatorNameTaken: [
    '{field} is the name of another operator, “{other}”, or looks the same: reports and exports could not tell the two apart (add a first name or initial)',
    `${ADM} {field}: the field's label; {other}: the other operator's name.`,
  ],
  consoleLooksLikeKnown: [
    '{field} looks like “{other}”, the name of a console known to this logbook, but is not it: the records of the two could not be told apart (choose a name that differs in letters)',
    `${SET} The console's name. {field}: the field's label; {other}: another console's name.`,
  ],
  consoleIsHubPeer: [
    '{field} is the name of “{other}”, another console this logbook received records from through the hub: the records of the two could not be told apart (choose another name)',
    `${SET} The console's name. {field}: the field's label; {other}: another console's name. Keep "hub" as the department server is called.`,
  ],
  drugNameTaken: [
    '{field} is the name of another drug of the catalogue, “{other}” ({code}), or looks the same: the form, reports and exports could not tell the two apart',
    `${SET} The drug catalogue. {field}: the field's label; {other}: another drug's name; {code}: its code.`,
  ],
  claimedOwnConsole: [
    '“{name}” looks like “{own}”, this console’s own name, but is not it: a record keeps the name of the console it was made at',
    "What a record's console name breaks, after the field (an import, the department server). {name}: the name the record brings; {own}: this console's name.",
  ],
  claimedKnownConsole: [
    '“{name}” looks like “{other}”, the console of records already here, but is not it: a record keeps the name of the console it was made at',
    "What a record's console name breaks, after the field (an import, the department server). {name}: the name the record brings; {other}: a console whose records are here.",
  ],
  wordingNoMessage: [
    'there is no message {id}',
    "What a department's corrected wording breaks, after its language (rootlog wordings --set). {id}: a message id as in the .po files.",
  ],
  wordingBraces: [
    'the wording of {id} is not a valid message: check its braces {braces}',
    "What a department's corrected wording breaks, after its language. {id}: a message id; {braces}: the braces themselves.",
  ],
  wordingValues: [
    'the wording of {id} must name {wanted} (it names {given})',
    "What a department's corrected wording breaks, after its language. {id}: a message id; {wanted}, {given}: the {values} of the original and of the wording, or the words below.",
  ],
  wordingNoValue: ['no value', 'Inside "the wording of … must name no value": the original has no {value}.'],
  wordingNoneNamed: ['none', 'Inside "(it names none)": the wording has no {value}.'],
  amendmentChangesNothing: [
    'The amendment changes nothing in the signed record',
    `${REC} Amending a signed record without a change.`,
  ],
  noReferenceGroup: [
    'From date to To date holds no group of at least {count} signed procedures with a recorded dose: choose a longer period',
    `${SET} Settings → Reference levels, adopting the department's own. {count}: a number. "From date", "To date": the period's fields.`,
  ],
  wrongArgumentCount: [
    'The request to {method} has the wrong number of arguments',
    'A refusal of the main process to a request from the window (a fault of the program, for IT). {method}: its name.',
  ],
  doseFileNotDicom: [
    'The file is not a DICOM file (it has no DICM header): give the dose report (RDSR) as the scanner sent it.',
    `${DOSE} Keep "DICM" and "RDSR".`,
  ],
  doseFileDamaged: ['The file is damaged: its DICOM data could not be read to the end.', DOSE],
  doseFileUidNotAnnounced: [
    "The data set's SOP Instance UID ({found}) is not the one its C-STORE announced ({announced}).",
    `${DOSE} {found}, {announced}: DICOM UIDs. Keep "SOP Instance UID", "C-STORE".`,
  ],
  doseFileNoSopClass: ['The file is not a dose report: it has no SOP class UID.', `${DOSE} Keep "SOP class UID".`],
  doseFileEnhancedSr: [
    'The file is an Enhanced X-Ray Radiation Dose SR ({sopClass}, for cone-beam CT and tomosynthesis), which RootLog does not read: set the scanner to send an X-Ray Radiation Dose SR ({rdsr}).',
    `${DOSE} {sopClass}, {rdsr}: DICOM UIDs. Keep the DICOM names ("Enhanced X-Ray Radiation Dose SR", "X-Ray Radiation Dose SR").`,
  ],
  doseFileOtherObject: [
    'The file is {what} (SOP class {sopClass}), not an X-Ray Radiation Dose SR ({rdsr}).',
    `${DOSE} {what}: the kind of DICOM object, in English as DICOM names it ("a CT image"), or the words below; {sopClass}, {rdsr}: DICOM UIDs.`,
  ],
  doseFileOtherKind: ['another kind of DICOM object', `Inside "The file is {what} …": ${DOSE}`],
  doseFileNotDoseDocument: [
    'The file is a structured report but not an X-Ray Radiation Dose Report (its document is {found}, not 113701 in DCM).',
    `${DOSE} {found}: the document's code, "{value} in {scheme}", or the words below. Keep "113701 in DCM".`,
  ],
  doseFileCodedAs: ['{value} in {scheme}', `Inside "its document is …": a code and its coding scheme. ${DOSE}`],
  doseFileNotCoded: ['not coded', `Inside "its document is …": ${DOSE}`],
  doseFileUnknownTemplate: [
    'The dose report uses template {template}, which RootLog does not read.',
    `${DOSE} {template}: a DICOM template number.`,
  ],
  doseFileNoTemplate: [
    'The dose report has no template identifier and neither CT nor projection X-ray dose data.',
    DOSE,
  ],
  doseFileNoSopInstance: [
    'The dose report has no SOP Instance UID: it cannot be kept.',
    `${DOSE} Keep "SOP Instance UID".`,
  ],
  conflictResolved: ['This conflict was resolved already', "A refusal in Settings → Department server's conflicts."],
  conflictOwner: [
    'Only the console that owns the record ("{owner}") resolves this conflict',
    "A refusal in Settings → Department server's conflicts. {owner}: a console's name.",
  ],
  noConflict: ['There is no conflict with id {id}.', "A refusal in Settings → Department server's conflicts."],
  noHubSync: ['This console has no department hub sync.', 'A refusal in Settings → Department server.'],
  hubSaid: [
    '{why}',
    'A refusal of the department server (Settings → Department server): its words, in English, as it said them. Keep it "{why}".',
  ],
  chooseBackupFolder: ['Choose the backup folder first, then back up.', 'A refusal in Settings → Backups.'],
  noDoseReport: [
    'This dose report does not exist.',
    'A refusal in the dose-report inbox, read by the technologist or radiologist.',
  ],
  noSuchProcedure: ['This procedure does not exist.', 'A refusal in the dose-report inbox.'],
  noExportJob: ['There is no export job {id}.', "A refusal of the export screen. {id}: the export's number."],
  exportCancelled: ['The export was cancelled; no file was written.', 'The export screen, after Cancel.'],
  receivedNeedsSyntax: [
    'A received data set needs its transfer syntax and SOP UIDs to be read.',
    'A refusal of the dose report receiver (DICOM words: keep "transfer syntax", "SOP UIDs").',
  ],
  writeFailed: [
    '{clause}: {unwritten} {remedy}',
    `${FILE} {clause}: what happened; {unwritten}: that nothing was written; {remedy}: what to do.`,
  ],
  exportUnwritten: ['the export was not written; nothing in the logbook changed.', FILE],
  backupUnwritten: ['the backup was not written; nothing in the logbook changed.', FILE],
  thenExportAgain: ['then export again', `${FILE} The end of a remedy: "Choose another disk, then export again."`],
  thenBackUpAgain: ['then back up again', `${FILE} The end of a remedy: "Choose another disk, then back up again."`],
  diskFull: ['The disk holding {folder} is full', FILE],
  freeSpace: ['Free some space there or choose another disk, {again}.', `${FILE} {again}: "then export again".`],
  quotaUsed: ['Your share of the disk holding {folder} is used up (disk quota)', FILE],
  freeFiles: [
    'Free some of your files there or choose another disk, {again}.',
    `${FILE} {again}: "then export again".`,
  ],
  exportTooLarge: [
    'The export is larger than the disk holding {folder} accepts for one file (a FAT32 USB stick takes at most 4 GB)',
    FILE,
  ],
  backupTooLarge: [
    'The backup is larger than the disk holding {folder} accepts for one file (a FAT32 USB stick takes at most 4 GB)',
    FILE,
  ],
  shorterRange: ['Choose another disk, or a shorter date range, {again}.', `${FILE} {again}: "then export again".`],
  diskReadOnly: ['The disk holding {folder} is read-only', FILE],
  anotherDisk: ['Choose another disk, {again}.', `${FILE} {again}: "then export again".`],
  mayNotWrite: ['You may not write in the folder {folder}', FILE],
  anotherFolder: ['Choose another folder, {again}.', `${FILE} {again}: "then export again".`],
  folderGoneExport: [
    'The folder {folder} went away while the export was written (a disk removed or a network share lost)',
    FILE,
  ],
  folderGoneBackup: [
    'The folder {folder} went away while the backup was written (a disk removed or a network share lost)',
    FILE,
  ],
  connectAgain: ['Connect the disk again or choose another one, {again}.', `${FILE} {again}: "then export again".`],
  diskFailedExport: [
    'The disk holding {folder} failed while the export was written (an input/output error: it may be failing or was removed)',
    FILE,
  ],
  diskFailedBackup: [
    'The disk holding {folder} failed while the backup was written (an input/output error: it may be failing or was removed)',
    FILE,
  ],
  couldNotWrite: [
    '{path} could not be written ({why})',
    `${FILE} {why}: the system's code (ENOSPC) or words (English).`,
  ],
  tryAgain: ['Try again, or choose another disk; if it happens again, report it to IT support.', FILE],
  cannotWrite: [
    'Cannot write {path}: {why}',
    `${FILE} {why}: why (a sentence below, or the system's words in English).`,
  ],
  noSuchFolder: ['the folder {folder} does not exist.', FILE],
  noPermission: ['you may not write in the folder {folder}.', FILE],
  readOnlyDisk: ['the disk is read-only.', FILE],
  isTheLogbook: ['{path} is the logbook itself: writing there would destroy it. Choose another file.', FILE],
  isPartOfLogbook: [
    '{path} is part of the logbook ({suffix}): writing there would destroy it. Choose another file.',
    `${FILE} {suffix}: "-wal", "-shm" or "-journal".`,
  ],
  folderMissing: ['Cannot write {path}: the folder {folder} does not exist.', FILE],
  beingWritten: ['{path} is being written by another export or backup right now.', FILE],
  isAFolder: ['{path} is a folder: choose a file name.', FILE],
  alreadyExists: [
    '{path} already exists: choose another name, or confirm replacing it (--force).',
    `${FILE} Keep "--force" (the command line's option).`,
  ],
  backupFolderIsFile: [
    'The backup folder {folder} is a file, not a folder: choose a folder in Settings → Backups.',
    BK,
  ],
  backupFolderUnreachable: [
    'The backup folder {folder} cannot be reached: it does not exist, or its network share is not connected. No backup was written.',
    BK,
  ],
  backupFolderNotAllowed: [
    'RootLog may not write into the backup folder {folder} (no permission, or it is read-only): no backup was written.',
    BK,
  ],
  backupFolderNotFolder: ['The backup folder {folder} is not a folder: no backup was written.', BK],
  backupFailed: [
    'The backup into {folder} failed ({why}): no backup was written.',
    `${BK} {why}: the system's words (English).`,
  ],
  backupUnexpected: [
    'The backup failed: {why}. No backup was written.',
    `${BK} A failure RootLog did not foresee. {why}: the system's words (English).`,
  ],
  backupCopyDamaged: ['The backup copy failed its integrity check: {why}', `${BK} {why}: SQLite's words (English).`],
  noLogbookFile: ['The database file {path} does not exist.', 'A refusal when a logbook file is opened or backed up.'],
  openedReadOnly: [
    'The database file {path} was opened read-only: nothing can be saved to it.',
    'A refusal of any save when the logbook was opened read-only.',
  ],
  logbookDamaged: [
    'The database file {path} failed its integrity check ({problems}). RootLog shows what it can read but saves nothing more to it: restore the latest backup.',
    "A refusal of any save in a damaged logbook. {problems}: SQLite's words (English).",
  ],
  busyApp: [
    'The logbook {path} is being written by another program (RootLog, or another rootlog command): RootLog waited, then stopped without writing a half change. Try again in a moment: nothing already saved is lost.',
    'A refusal when another program holds the logbook. Keep "rootlog" (a command).',
  ],
  busyCommand: [
    'The logbook {path} is being written by another program (RootLog, or another rootlog command): this command waited, then stopped without writing a half change. Run it again when the other one is done.',
    'A refusal of a command when another program holds the logbook. Keep "rootlog" (a command).',
  ],
  factsMissing: [
    '{missing} of {procedures} signed procedures have no dashboard facts; run "rootlog check".',
    'A refusal of the dashboard. Keep "rootlog check" (a command).',
  ],
  factsUnknownTerms: [
    'The dashboard facts name terms this database does not hold; run "rootlog check" and report it to IT support.',
    'A refusal of the dashboard. Keep "rootlog check" (a command).',
  ],
  noApiMethod: [
    'There is no API method {method}.',
    'A refusal of the main process to a request it does not know (a fault of the program, for IT).',
  ],
  expectedHead: [
    'Expected head must be written as rootlog check prints it: "audit:SEQ:HASH versions:COUNT:HASH follow-ups:COUNT:HASH state:COUNT:HASH key:FINGERPRINT"',
    'A refusal of the command line\'s --expect-head. Keep the quoted form and "rootlog check" as they are.',
  ],
  alreadyCorrected: [
    '{field} was already corrected: correct the latest entry',
    "A refusal of a follow-up call's correction. {field}: the field's label.",
  ],
  notAPageCursor: [
    '{field} is not a page cursor from this list',
    "A refusal of the procedure list's paging (a fault of the program, for IT). {field}: the field's label.",
  ],
});
