import { declareMessages } from '../../../db/model/index.js';

/* The dose-report inbox's words (beside the list, under the form's dose fields), as messages to translate. */
const I = 'Dose reports without a procedure (the scanner’s radiation dose reports no record matched yet)';
export const DOSE_INBOX_MESSAGES = declareMessages('doseReports.inbox', {
  title: [
    '{count, plural, one {# dose report without a procedure} other {# dose reports without a procedure}}',
    `${I}: the heading beside the procedure list.`,
  ],
  hint: [
    "Open (or start) the patient's procedure: under the dose fields, attach the report to it.",
    `${I}: under the heading beside the list.`,
  ],
  list: ['Dose reports without a procedure', `${I}: the accessible name of the list.`],
  attachTitle: [
    '{count, plural, one {# dose report without a procedure: attach it to this procedure} other {# dose reports without a procedure: attach one to this procedure}}',
    `${I}: under the dose fields of a saved draft, the line that opens the list.`,
  ],
  attach: ['Attach to this procedure', `${I}: the button beside a report.`],
  attached: ['Dose report attached to this procedure.', `${I}: after the button.`],
  patientId: ['Patient ID {id}', `${I}: who a report is of.`],
  noPatient: ['No patient named', `${I}: a report that names no patient.`],
  study: ['study of {date}', `${I}: the date of the study the report is of.`],
  accession: ['accession {number}', `${I}: the report's accession number.`],
  received: ['{device}, received {at}.', `${I}: the scanner that sent the report and when it arrived.`],
});
