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
  recordSaved: [
    'Record saved as {path}',
    'Procedure form, beside the print buttons: the record was saved as a PDF; {path} is the file, as the computer names it.',
  ],
  aftercareSaved: [
    'Aftercare sheet saved as {path}',
    'Procedure form, beside the print buttons: the aftercare sheet was saved as a PDF; {path} is the file, as the computer names it.',
  ],
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
  chooseSigner: [
    'Choose who signs: the radiologist who performed the procedure.',
    `${S}: said where the save state is when Sign is pressed with no radiologist chosen.`,
  ],
  pinToSign: ['Type your PIN to sign.', `${S}: said where the save state is when Sign is pressed with no PIN typed.`],
  pinToAmend: [
    'Type your PIN to sign the amendment.',
    `${S}: said where the save state is when an amendment is signed with no PIN typed.`,
  ],
  amendReasonFirst: [
    'Give the reason for the amendment, then your PIN.',
    `${S}: said where the save state is when an amendment is signed without its reason.`,
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
  sendNow: ['Send now', 'Procedure record, report to the RIS: a button that sends what waits at once.'],
  sending: ['Sending…', 'Procedure record, report to the RIS: while Send now sends.'],
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
    'Procedure — {status, select, draft {Draft} signed {Signed} amended {Amended} other {{status}}}{version}',
    `${H}: the heading, "Procedure — Signed", "Procedure — Amended, version 2": the record's status in words that agree with your word for the procedure (French: "Intervention — signée"); {version} is ", version 2" or empty.`,
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

/** A field of the n-th target on the form, its label the field's own: "Contrast spread, target 2". */
const T = 'Procedure form, the targets section';
export const TARGETS_SECTION_MESSAGES = declareMessages('form.targets', {
  target: ['Target {number}', `${T}: a target's heading before its root is chosen.`],
  targetAt: [
    'Target {number}: {root} {side}',
    `${T}: a target's heading; {root} is the nerve root (L5), {side} the side in the sentence's words ("left").`,
  ],
  ofTarget: [
    '{label}, target {number}',
    `${T}: a field of the n-th target; {label} is the field's name ("Contrast spread, target 2").`,
  ],
  bilateral: [
    '{side, select, left {Bilateral: add left side} right {Bilateral: add right side} other {Bilateral: add other side}}',
    `${T}: a button that adds the same root on the other side; translate inside each choice.`,
  ],
  alreadyTarget: [
    '{root} {side} is already a target',
    `${T}: why the bilateral button is disabled; {root} is the root (or "This root"), {side} the other side's words.`,
  ],
  thisRoot: ['This root', `${T}: in "This root left is already a target", before a root is chosen.`],
  removeTarget: ['Remove target {number}', `${T}: a button.`],
  injectionSlowed: [
    'Waited and injected more slowly because of provoked pain',
    `${T}: a tick box (the record's "injection slowed").`,
  ],
  needleDetails: [
    'Needle (gauge, length, repositionings)',
    `${T}: the line of a folded group, opened to record the needle.`,
  ],
  addTarget: ['Add target', `${T}: a button.`],
  caudalAsWell: ['Caudal epidural injection as well', `${T}: a tick box, a caudal injection besides the roots.`],
  drugsGiven: [
    '{count, plural, one {# drug was given at target {number}. What should happen to it?} other {# drugs were given at target {number}. What should happen to them?}}',
    `${T}: asked before a target with drugs is removed.`,
  ],
  removeWithDrugs: [
    '{count, plural, one {Remove the target and its drug} other {Remove the target and its drugs}}',
    `${T}: an answer to "What should happen to them?".`,
  ],
  keepDrugs: [
    '{count, plural, one {Keep the drug, without a target (to assign before signing)} other {Keep the drugs, without a target (to assign before signing)}}',
    `${T}: an answer to "What should happen to them?".`,
  ],
  keepTarget: ['Keep the target', `${T}: an answer to "What should happen to them?": nothing is removed.`],
});

const G = 'Procedure form, the guidance, dose and contrast section';
export const GUIDANCE_SECTION_MESSAGES = declareMessages('form.guidance', {
  screen: [
    'Screen: {unit}',
    `${G}: under a dose field, the unit the scanner's or C-arm's screen shows when it is not the field's.`,
  ],
  typeDose: ['— (type the dose above)', `${G}: the empty choice of the reasons no dose is recorded.`],
  otherReason: ['The other reason', `${G}: a field, when the reason no dose is recorded is "other".`],
  fromReport: ["From the scanner's dose report", `${G}: where the dose figures came from; the device follows.`],
  changedByHand: [
    "Changed by hand after the scanner's dose report",
    `${G}: the dose figures came from the scanner's report and were then changed; the device follows.`,
  ],
  irradiation: ['irradiation {time}', `${G}: after the scanner's name, when its irradiation started.`],
  putBack: ["Put back the report's figures", `${G}: a button that undoes the changes by hand.`],
  changeReason: ["Reason for changing the scanner's dose", `${G}: a field.`],
  reportSays: [
    "The scanner's dose report ({device}) says {figures}.",
    `${G}: a dose report that came for this procedure, not taken yet; {figures} are its figures.`,
  ],
  fluoroscopy: ['fluoroscopy {seconds} s', `${G}: one of the report's figures, the fluoroscopy time.`],
  takeFigures: ["Take the report's figures", `${G}: a button that fills the dose fields from the report.`],
});

const DR = 'Procedure form, the drugs section';
export const DRUGS_SECTION_MESSAGES = declareMessages('form.drugs', {
  drug: ['Drug {number}', `${DR}: the n-th drug given, a field.`],
  particulate: ['{name} (particulate)', `${DR}: a drug of the catalogue that is a particulate steroid.`],
  concentrationHint: ['mg/mL, or % as on the ampoule', `${DR}: under the concentration field.`],
  doseOf: ['Dose of drug {number}', `${DR}: the dose computed from concentration and volume (read by screen readers).`],
  where: ['Where', `${DR}: the field choosing at which target (or the caudal injection) the drug was given.`],
  atTarget: ['Target {number}', `${DR}: a choice of where the drug was given.`],
  atTargetRoot: ['Target {number} ({root})', `${DR}: a choice of where the drug was given; {root} is the nerve root.`],
  atTargetRootSide: [
    'Target {number} ({root} {side})',
    `${DR}: a choice of where the drug was given; {root} is the nerve root, {side} its side in the sentence's words.`,
  ],
  phosphate: ['Phosphate (as on the ampoule)', `${DR}: dexamethasone's dose stated as the phosphate salt.`],
  base: ['Base (4 mg phosphate ≈ 3.3 mg base)', `${DR}: dexamethasone's dose stated as the base.`],
  remove: ['Remove', `${DR}: a button beside a drug.`],
  removeDrug: ['Remove drug {number}', `${DR}: the remove button's name for screen readers.`],
  addDrug: ['Add a drug', `${DR}: the row of the catalogue's drugs, one button each (read by screen readers).`],
  sameAsLast: ['Same drugs as my last procedure', `${DR}: a button.`],
});

const PN = 'Procedure form, the pain section';
export const PAIN_SECTION_MESSAGES = declareMessages('form.pain', {
  before: ['Pain before (NRS 0–10)', `${PN}: the pain score before the injection (numeric rating scale).`],
  after: ['Pain after (NRS 0–10)', `${PN}: the pain score after the injection (numeric rating scale).`],
  relief: ['Relief:', `${PN}: before the relief in percent, computed from the scores.`],
  readAsTen: [
    'Read as 10: 1 then 0. For 0, press 0 again.',
    `${PN}: under the scale, when "1" then "0" were typed slowly.`,
  ],
  notOnScale: [
    '1{digit} is not on the scale: pain is scored 0 to 10. The score stays 1.',
    `${PN}: under the scale, when "1" and another digit were typed quickly; {digit} is that digit.`,
  ],
});

const C = 'Procedure form, the complications and disposition section';
export const COMPLICATIONS_SECTION_MESSAGES = declareMessages('form.complications', {
  ofComplication: [
    '{label}: {complication}',
    `${C}: a field of one complication; {label} is "SIR grade" or "Severity", {complication} the complication's words.`,
  ],
  sirA: ['no therapy', `${C}: the SIR adverse-event grade A, shortened.`],
  sirB: ['nominal therapy', `${C}: the SIR adverse-event grade B, shortened.`],
  sirC: ['therapy, short stay', `${C}: the SIR adverse-event grade C, shortened.`],
  sirD: ['major therapy', `${C}: the SIR adverse-event grade D, shortened.`],
  sirE: ['permanent sequelae', `${C}: the SIR adverse-event grade E, shortened.`],
  sirF: ['death', `${C}: the SIR adverse-event grade F.`],
});

const Q = 'Procedure form, the quick starts above it';
export const QUICK_START_MESSAGES = declareMessages('form.quickStart', {
  title: ['Quick start', `${Q}: their name for screen readers.`],
  sameAsLast: ['Same as this patient’s last procedure', `${Q}: a button (Alt+L).`],
  savePlan: ['Save this plan as a preset', `${Q}: a button.`],
  cannotBePreset: [
    'This plan cannot be a preset yet: every target needs its root and side, every drug its site.',
    `${Q}: after "Save this plan as a preset".`,
  ],
  savedAsPreset: ['Saved as preset Alt+{key}: {name}', `${Q}: after "Save this plan as a preset"; {key} is 1 to 9.`],
  notSaved: ['Not saved.', `${Q}: after "Save this plan as a preset" failed.`],
  nextNeeded: ['next needed field', `${Q}: the keys' line, what Enter does.`],
  jumpThere: ['jump there', `${Q}: the keys' line, what Alt+J does (to the next field needed).`],
  nextSection: ['next section', `${Q}: the keys' line, what Alt+↓ does.`],
  doseFromPacs: ['dose report from the PACS', `${Q}: the keys' line, what Alt+D does.`],
  undoRemoval: ['undo a removal', `${Q}: the keys' line, what Ctrl+Z does.`],
  sign: ['sign', `${Q}: the keys' line, what Ctrl+Enter does.`],
  noEarlier: [
    'No earlier signed procedure of patient {patientId} in this logbook: nothing was copied.',
    `${Q}: after Alt+L, "same as this patient's last procedure".`,
  ],
  nothingCopied: [
    '{problem}. Nothing was copied.',
    `${Q}: after Alt+L when the patient ID is not valid; {problem} says why (the patient ID's own problem).`,
  ],
});

const RP = 'Procedure form, the procedure report';
export const REPORT_PANEL_MESSAGES = declareMessages('form.report', {
  title: ['Procedure report', `${RP}: the heading of a signed record's report.`],
  titleDraft: ['Procedure report (draft, not signed)', `${RP}: the heading while the record is a draft.`],
  titleAmend: ['Procedure report (amendment, not saved yet)', `${RP}: the heading while a signed record is amended.`],
  copy: ['Copy report', `${RP}: a button (Alt+C).`],
  copied: ['Report copied: paste it into the RIS/PACS report.', `${RP}: after Copy report.`],
  notCopied: ['The report could not be copied: select its text and copy it.', `${RP}: after Copy report failed.`],
});

const F = "Procedure record, its follow-ups' list";
export const FOLLOW_UPS_PANEL_MESSAGES = declareMessages('form.followUps', {
  none: ['No follow-up yet.', `${F}.`],
  entry: [
    'Day {day} ({date}, {method}): leg pain {leg}, back pain {back}',
    `${F}: one call; {method} is how the patient was reached (phone…), the pains are NRS scores.`,
  ],
  relief: [', relief {percent} %', `${F}: after the pains, the relief in percent; keep the leading comma.`],
  correction: [' (correction: {reason})', `${F}: after a correcting entry's line; keep the leading space.`],
  correctedLater: [' — corrected by a later entry', `${F}: after a line a later entry corrected.`],
  correct: ['Correct', `${F}: a button that corrects an entry.`],
  correctDay: ['Correct the day {day} follow-up', `${F}: the Correct button's name for screen readers.`],
  correctTitle: ['Correct a follow-up', `${F}: the form correcting an entry (read by screen readers).`],
  newTitle: ['New follow-up', `${F}: the form of a new entry (read by screen readers).`],
  reason: ['Reason for the correction', `${F}: a field.`],
  saveCorrection: ['Save correction', `${F}: a button.`],
  save: ['Save follow-up', `${F}: a button.`],
  cancel: ['Cancel', `${F}: a button that closes the form.`],
  add: ['Add follow-up', `${F}: a button.`],
});

const HI = "Procedure record, its history (the audit log's lines)";
export const HISTORY_PANEL_MESSAGES = declareMessages('form.history', {
  created: ['Created', `${HI}: what was done.`],
  edited: ['Edited', `${HI}: what was done.`],
  signed: ['Signed', `${HI}: what was done.`],
  amended: ['Amended', `${HI}: what was done.`],
  deleted: ['Deleted', `${HI}: what was done.`],
  imported: ['Imported', `${HI}: what was done.`],
  followUp: ['Follow-up recorded', `${HI}: what was done.`],
  followUpCorrected: ['Follow-up corrected', `${HI}: what was done.`],
  by: ['by {actor},', `${HI}: after what was done, who did it; the date and time follow.`],
  version: [' — version {version}', `${HI}: after the date, the record's version; keep the leading dash.`],
  correction: ['Correction: {reason}', `${HI}: a follow-up's correction and its reason.`],
  reason: ['Reason: {reason}', `${HI}: an amendment's reason.`],
  warningsConfirmed: [
    'Warnings confirmed: {warnings}',
    `${HI}: the warnings the signer confirmed, each by its title, joined by "; ".`,
  ],
  change: ['{field}: {before} → {after}', `${HI}: one field an amendment changed, its value before and after.`],
  yes: ['yes', `${HI}: a yes/no value an amendment changed ("Caudal epidural injection: no → yes").`],
  no: ['no', `${HI}: a yes/no value an amendment changed ("Caudal epidural injection: no → yes").`],
});

const DD = 'Procedure form, deleting a draft';
export const DELETE_DRAFT_MESSAGES = declareMessages('form.deleteDraft', {
  delete: ['Delete draft…', `${DD}: a button that asks first.`],
  question: [
    'Delete this draft? Everything typed into it is removed from the logbook.',
    `${DD}: the question, for a draft without a patient ID.`,
  ],
  questionOf: [
    'Delete this draft of {patientId}? Everything typed into it is removed from the logbook.',
    `${DD}: the question; {patientId} names the patient.`,
  ],
  keep: ['Keep the draft', `${DD}: the answer that keeps it (Enter).`],
  confirm: ['Delete the draft', `${DD}: the answer that deletes it.`],
});
