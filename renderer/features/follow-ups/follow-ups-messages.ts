import { declareMessages } from '../../../db/model/index.js';

/* The follow-ups' words, as messages to translate (db/i18n/catalogues/). */
const S = 'Follow-ups screen';
export const FOLLOW_UPS_MESSAGES = declareMessages('followUps.screen', {
  title: ['Follow-ups due', `${S}: the heading.`],
  none: ['No follow-ups are due today.', `${S}: the empty list.`],
  call: [
    'Follow-up call: {patient}',
    `${S}: the accessible name of the call's form; {patient} is the patient's name or ID.`,
  ],
  patient: ['patient', `${S}: in "Follow-up call: patient" when the record has neither name nor ID.`],
  noId: ['no ID', `${S}: in place of a patient ID the record lacks.`],
  early: ['Day 1–3 call', `${S}: the early follow-up, a phone call one to three days after the procedure.`],
  late: ['Week 2–6 review', `${S}: the late follow-up, two to six weeks after the procedure.`],
  day: ['day {day}', `${S}: how many days after the procedure, e.g. "day 2".`],
  procedure: ['Procedure {date}, {targets}', `${S}: under the patient's name; {date} and {targets} ("L5 left").`],
  save: ['Save and next', `${S}: the button that saves the call and opens the next patient.`],
  due: ['{count, plural, one {# patient is due} other {# patients are due}}', `${S}: the table's caption.`],
  colPatient: ['Patient', `${S}: a column heading.`],
  colProcedure: ['Procedure', `${S}: a column heading (its date).`],
  colTargets: ['Targets', `${S}: a column heading: the nerve roots treated.`],
  colFollowUp: ['Follow-up', `${S}: a column heading: which follow-up (day 1–3, week 2–6).`],
  colStatus: ['Status', `${S}: a column heading.`],
  overdue: ['Overdue (day {day})', `${S}: the follow-up is past its window; {day} days after the procedure.`],
  dueDay: ['Due (day {day})', `${S}: the follow-up is due; {day} days after the procedure.`],
});

const F = 'A follow-up call’s fields (Follow-ups screen and the record’s follow-ups)';
export const FOLLOW_UP_FIELD_MESSAGES = declareMessages('followUps.fields', {
  legNrs: ['Leg pain now (NRS 0–10)', `${F}: the patient's leg pain today, 0 to 10.`],
  backNrs: ['Back pain now (NRS 0–10)', `${F}: the patient's back pain today, 0 to 10.`],
  impression: ["Patient's impression of change", `${F}: the patient's global impression of change (PGIC).`],
  method: ['How', `${F}: how the patient was reached (phone, visit …).`],
  date: ['Date', `${F}: the day of the contact.`],
  notes: ['Notes', `${F}.`],
  recordedBy: ['Recorded by', `${F}: the doctor (or technologist) who recorded the call.`],
  choose: ['Choose…', `${F}: a chooser with nothing chosen yet.`],
  pin: ['PIN', `${F}: the recorder's PIN.`],
  wholeDate: [
    'must be a whole date: day, month and year',
    `${F}: after the date's label when the date typed is not complete ("Date must be a whole date: …").`,
  ],
});

const ST = 'Follow-ups: the status line after a call is saved (Follow-ups screen and the record’s follow-ups)';
export const FOLLOW_UP_STATUS_MESSAGES = declareMessages('followUps.status', {
  savedOf: ['Follow-up of {patient} saved.', `${ST}; {patient} is the patient's name or ID.`],
  saved: ['Follow-up saved.', `${ST}.`],
  corrected: ['Follow-up corrected.', `${ST}: a correction of an earlier follow-up.`],
  typePin: ['Type your PIN to record the call', `${ST}: beside the PIN field.`],
  chooseRecorder: ['Choose who records the call', `${ST}: beside the "Recorded by" chooser.`],
});
