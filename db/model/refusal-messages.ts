import { declareMessages } from './messages.js';

/*
 * The refusals of the PACS fetch (db/dose-report) and of Send again (db/ris/outbox.ts), for the
 * radiologist and the technologist at the form: each a message and values (errors.ts's
 * RootLogError), said in the reader's language where the window shows it (useRefusalWords).
 */
const PACS =
  'A refusal beside "Fetch from the PACS" on the form (the dose of a record), read by the radiologist or technologist.';
const RIS = 'A refusal beside "Send again" in the record’s RIS panel, read by the radiologist.';
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
});
