import { declareMessages } from '../../../db/model/index.js';

/* The procedure list's words, as messages to translate (db/i18n/catalogues/). */
const D = 'Start screen, the unsigned drafts of earlier days';
export const EARLIER_DRAFTS_MESSAGES = declareMessages('list.earlierDrafts', {
  title: ['{count, plural, one {# unsigned draft} other {# unsigned drafts}} from earlier days', `${D}: the heading.`],
  titleMore: ['{count}+ unsigned drafts from earlier days', `${D}: the heading when there are more than {count}.`],
  hint: ['Not in the logbook’s audits until signed: open each to sign it, or delete it.', `${D}.`],
  noDate: ['No date', `${D}: a draft without its date and time.`],
  noPatientId: ['No patient ID', `${D}: a draft without a patient ID.`],
});

const L = 'Start screen, the procedure list';
export const LIST_MESSAGES = declareMessages('list.screen', {
  titleToday: ["Today's procedures", `${L}: the heading when only today is shown.`],
  title: ['Procedures', `${L}: the heading when other dates are shown.`],
  titleToday_at: [
    "Today's procedures at {console}",
    `${L}: the heading, today and this console only; {console} is the console's name, e.g. "CT 2".`,
  ],
  title_at: ['Procedures at {console}', `${L}: the heading, this console only; {console} is the console's name.`],
  newProcedure: ['New procedure', `${L}: the big button that opens an empty form (Alt+N).`],
  search: ['Search patient ID, name, accession', `${L}: the search field's label.`],
  from: ['From', `${L}: the filter's first date.`],
  to: ['To', `${L}: the filter's last date.`],
  operator: ['Operator', `${L}: the filter by the doctor who performed the procedure.`],
  root: ['Root', `${L}: the filter by the nerve root treated (L4, L5, S1 …).`],
  modality: ['Modality', `${L}: the filter by the imaging guidance (CT, fluoroscopy).`],
  status: ['Status', `${L}: the filter by draft, signed, amended …`],
  allDates: ['All dates', `${L}: a button that removes the date filter.`],
  todayOnly: ['Today only', `${L}: a button that shows today's procedures only.`],
  thisConsole: ['This console only', `${L}: a switch: only the procedures logged at this console.`],
  noneToday: ['No procedures logged today yet.', `${L}: the empty list, today.`],
  noneMatch: ['No procedures match these filters.', `${L}: the empty list with filters.`],
});

const R = 'Start screen, the procedure list’s table';
export const LIST_ROW_MESSAGES = declareMessages('list.rows', {
  status: ['Status', `${R}: a column heading.`],
  time: ['Time', `${R}: a column heading (today's list: the time of day).`],
  date: ['Date', `${R}: a column heading.`],
  patient: ['Patient', `${R}: a column heading.`],
  targets: ['Targets', `${R}: a column heading: the nerve roots treated.`],
  pain: ['NRS pre → post', `${R}: a column heading: the pain score (0–10) before and after.`],
  operator: ['Operator', `${R}: a column heading: the doctor who performed the procedure.`],
  warnings: ['Warnings', `${R}: a column heading.`],
  noPatientId: ['(no patient ID)', `${R}: a draft without a patient ID.`],
  caudal: ['+ caudal', `${R}: after the roots, when a caudal epidural injection was given too.`],
  warningCount: ['{count, plural, one {# warning} other {# warnings}}', `${R}: how many warnings the record shows.`],
  risWaiting: ['RIS: waiting', `${R}: the report waits to be sent to the RIS.`],
  risSent: ['RIS: sent', `${R}: the report reached the RIS.`],
  risRefused: ['RIS: refused', `${R}: the RIS refused the report.`],
  risUnsendable: ['RIS: not sent', `${R}: the report cannot be sent (no accession number, no RIS set up …).`],
});

export const LIST_STATUS_MESSAGES = declareMessages('list.status', {
  loadFailed: [
    'The list could not be read: {reason}',
    'Procedure list: the logbook did not answer; {reason} is the main process’s own words (still English).',
  ],
});
