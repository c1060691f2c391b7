import { declareMessages } from '../../../db/model/index.js';

/* The form's own words (its sections, its buttons), as messages to translate; fields' labels come from their declarations. */
const P = 'Procedure form, patient section';
export const PATIENT_SECTION_MESSAGES = declareMessages('form.patient', {
  title: ['Patient', `${P}: the heading.`],
  fromWorklist: ['from the worklist', `${P}: beside the heading, when the identity came from the RIS worklist.`],
  fromWorklistChanged: [
    'from the worklist, changed by hand',
    `${P}: beside the heading, when the worklist's identity was then changed at the console.`,
  ],
  ordered: ['Ordered: {procedure}', `${P}: the procedure the RIS ordered, in its words.`],
  referredBy: [', referred by {physician}', `${P}: after "Ordered: …"; keep the leading comma.`],
  issuedBy: [' · patient ID issued by {issuer}', `${P}: after "Ordered: …"; {issuer} names who issued the ID.`],
  patientId: ['Patient ID', `${P}: a field.`],
  name: ['Name', `${P}: the patient's name.`],
  birthDate: ['Birth date', `${P}: a field.`],
  accession: ['Accession number', `${P}: the RIS accession number.`],
  sex: ['Sex', `${P}: a field.`],
  performed: ['Performed', `${P}: date and time of the procedure.`],
  start: ['Start', `${P}: start time.`],
  end: ['End', `${P}: end time.`],
  changeTimes: ['Change times', `${P}: a button that brings the time fields into reach.`],
  operator: ['Operator', `${P}: the doctor performing the procedure.`],
  choose: ['— choose —', `${P}: no operator chosen yet.`],
  assistant: ['Assistant', `${P}: a field.`],
  noOperators: ['No operators are set up on this console yet.', `${P}.`],
  operatorName: ['Operator’s name', `${P}: adding the first operator.`],
  addOperator: ['Add operator', `${P}: a button, adding the first operator.`],
});

export const PRINT_ACTION_MESSAGES = declareMessages('form.print', {
  record: ['Record as PDF', 'Procedure form: a button that saves the record as a PDF.'],
  aftercare: ['Aftercare sheet as PDF', 'Procedure form: a button that saves the patient’s aftercare sheet as a PDF.'],
});
