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

const S = 'Procedure form, the sign panel';
const TO_CONFIRM = '{count, plural, one {Confirm the warning above} other {Confirm the # warnings above}}';
export const SIGN_PANEL_MESSAGES = declareMessages('form.sign', {
  title: ['Sign', `${S}: the heading.`],
  amendTitle: ['Amend the signed record', `${S}: the heading while a signed record is amended.`],
  notSavedYet: ['Not saved yet', `${S}: the save state of a new record.`],
  saving: ['Saving…', `${S}: the save state.`],
  saved: ['Saved', `${S}: the save state.`],
  notSaved: ['Not saved', `${S}: the save state.`],
  notSavedFields: [
    'Not saved: {count, plural, one {# field needs} other {# fields need}} attention',
    `${S}: the save state while fields hold what the logbook does not store.`,
  ],
  confirmWarnings: [
    `${TO_CONFIRM} to sign.`,
    `${S}: beside the disabled Sign button; the warnings to tick are above it.`,
  ],
  giveReason: [
    'Give the reason above the reference level to sign.',
    `${S}: beside the disabled Sign button; a dose above the department’s reference level needs a reason.`,
  ],
  confirmAndGiveReason: [
    `${TO_CONFIRM} and give the reason above the reference level to sign.`,
    `${S}: beside the disabled Sign button: both at once.`,
  ],
  confirmBefore: ['Confirm before signing', `${S}: the heading of the warnings to tick.`],
  confirmedAtSignature: [
    'Confirmed at the signature',
    `${S}: the list of warnings the signature confirmed (an amendment).`,
  ],
  confirmedAtSignatureItem: [
    'Confirmed at the signature: {warning}',
    `${S}: one warning the signature confirmed; {warning} is its sentence.`,
  ],
  exceedanceReason: ['Reason above the reference level', `${S}: a choice of reasons.`],
  pinOf: ['PIN of {name}', `${S}: the PIN field's label; {name} is the operator who signs.`],
  pinOfOperator: ['PIN of the operator', `${S}: the PIN field's label when no operator is chosen.`],
  pin: ['PIN', `${S}: the PIN field's label in an amendment.`],
  signProcedure: ['Sign procedure', `${S}: the button (Ctrl+Enter).`],
  amendReason: ['Reason for the amendment', `${S}: a field.`],
  amendedBy: ['Amended by', `${S}: who amends (a choice of radiologists).`],
  mayNotAmend: [
    '{name} may not amend a signed record: choose who amends it.',
    `${S}: a badge scanned at "Amended by" whose holder is no radiologist with a PIN; {name} is the holder.`,
  ],
  choose: ['Choose…', `${S}: no one chosen yet.`],
  saveAmendment: ['Save amendment', `${S}: the button (Ctrl+Enter).`],
  cancel: ['Cancel', `${S}: a button that leaves the amendment.`],
});

const D = 'Procedure form, under the dose fields';
export const DOSE_FETCH_MESSAGES = declareMessages('form.doseFetch', {
  fetch: [
    'Fetch dose report from the PACS',
    `${D}: a button (key Alt+D) that asks the department's PACS for the scanner's dose report (RDSR) of this study.`,
  ],
  asking: ['Asking the PACS…', `${D}: while the PACS is asked for the dose report.`],
  fetched: [
    '{count, plural, one {The PACS sent # dose report.} other {The PACS sent # dose reports.}}',
    `${D}: after the PACS sent the study's dose reports to RootLog.`,
  ],
});

export const RIS_AGAIN_MESSAGES = declareMessages('form.ris', {
  sendAgain: [
    'Send again',
    'Procedure record, report to the RIS: a button that queues a report the RIS refused once more (after the cause was fixed at the RIS).',
  ],
  sentAgain: [
    'Queued again for the RIS.',
    'Procedure record, report to the RIS: after Send again put the refused report back in the outbox.',
  ],
});

const I = 'Procedure form, the indication and safety section';
export const INDICATION_SECTION_MESSAGES = declareMessages('form.indication', {
  title: ['Indication and safety checks', `${I}: the heading.`],
  pregnancy: ['Pregnancy', `${I}: the choice whether pregnancy was excluded.`],
  excluded: ['Excluded', `${I}: the pregnancy choice "excluded" (the code yes).`],
  timeOut: ['Time-out', `${I}: the safety time-out before the needle, a group heading.`],
  levelVerified: ['Level verified on the images', `${I}: the time-out; the level was counted on the images.`],
  sideMarked: ['Side marked', `${I}: the time-out; the side was marked on the skin.`],
  priorInfiltrations: ['Prior infiltrations (this indication)', `${I}: the number of earlier infiltrations.`],
  notRecorded: ['not recorded', `${I}: in a folded line's summary, a value not given yet.`],
  timeOutLevelVerified: ['level verified', `${I}: in a folded line's summary of the time-out.`],
  timeOutLevelNotVerified: ['level NOT verified', `${I}: in a folded line's summary; keep the emphasis on NOT.`],
  timeOutSideMarked: ['side marked', `${I}: in a folded line's summary of the time-out.`],
  timeOutSideNotMarked: ['side NOT marked', `${I}: in a folded line's summary; keep the emphasis on NOT.`],
  safetyLine: [
    'Time-out: {timeOut}; anticoagulant: {anticoagulant}; allergies, sedation, weight: {weight}',
    `${I}: the line of a folded group (opened to record the details); the values are filled in.`,
  ],
  positionLine: [
    'Position: {position}; prior infiltrations: {prior}',
    `${I}: the line of a folded group (opened to change them); the values are filled in.`,
  ],
});

const H = 'Procedure form';
export const FORM_HEADER_MESSAGES = declareMessages('form.header', {
  form: ['Procedure', `${H}: the form's accessible name.`],
  newProcedure: ['New procedure', `${H}: the heading of a record not saved yet.`],
  procedure: [
    'Procedure — {status}',
    `${H}: the heading; {status} is "Draft", "Signed" or "Signed and amended, version 2".`,
  ],
  beingAmended: ['{heading}, being amended', `${H}: the heading while a signed record is amended.`],
  amend: ['Amend', `${H}: a button that starts amending a signed record.`],
});

export const FORM_SECTION_MESSAGES = declareMessages('form.section', {
  targets: ['Targets and contrast spread', `${H}: a section heading (the nerve roots treated).`],
  guidance: ['Guidance, dose and contrast', `${H}: a section heading.`],
  drugs: ['Drugs', `${H}: a section heading (the drugs given).`],
  pain: ['Immediate pain response', `${H}: a section heading (pain before and after the injection).`],
  complications: ['Complications and disposition', `${H}: a section heading.`],
  followUps: ['Follow-ups', `${H}: the heading of a signed record's follow-up calls.`],
  history: ['History', `${H}: the heading of the record's audit history.`],
  risDelivery: ['Report to the RIS', `${H}: the heading of the report's delivery to the RIS.`],
});
