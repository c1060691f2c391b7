import type { ClinicalWarning, WarningCode, WarningLevel } from './clinical-warning.js';
import { declareMessages, type Message } from './messages.js';
import { inEnglish, type Words } from './words.js';

/*
 * The clinical warnings' sentences (warnings.ts and the rule files it gathers), for staff: the
 * radiologist reads them beside the field and confirms them at signing. A warning carries its
 * message and values (Words); the window says it in the operator's language.
 */
const STAFF = 'A clinical warning beside its field on the form and in the sign panel, read by the radiologist.';
export const WARNING_MESSAGES = declareMessages('warning', {
  levelSafety: ['Safety', 'The tag before a warning that could harm the patient (beside its field).'],
  levelCheck: ['Check', 'The tag before a warning that may be an entry error (beside its field).'],
  levelReference: ['Above reference level', 'The tag before a dose or time above the department’s reference level.'],
  levelReminder: ['Reminder', 'The tag before something to tell the patient (beside its field).'],
  particulateAfterUnsafeSpread: [
    '{drug} is a particulate steroid, injected at {where} where contrast spread was {spread}{retest}: risk of embolic spinal cord or brain infarction. Consider a non-particulate steroid (dexamethasone).',
    `${STAFF} {drug}: the drug's name; {where}: "target 1" or "the caudal epidural"; {spread}: the spread patterns; {retest}: " and no clean retest is recorded" or nothing.`,
  ],
  noCleanRetest: [
    ' and no clean retest is recorded',
    'Added to the particulate steroid warning (note the leading space).',
  ],
  atTarget: ['target {number}', 'Where a drug was injected, inside a warning: "target 2".'],
  atCaudal: ['the caudal epidural', 'Where a drug was injected, inside a warning.'],
  spreadIntravascularVenous: ['intravascular (venous)', 'A contrast spread pattern inside a warning.'],
  spreadIntravascularArterial: ['intravascular (arterial)', 'A contrast spread pattern inside a warning.'],
  spreadIntrathecal: ['intrathecal', 'A contrast spread pattern inside a warning.'],
  sideLeft: ['left', 'A side inside a warning: "Target 1 is on the left".'],
  sideRight: ['right', 'A side inside a warning: "the symptoms are on the right".'],
  sideDiffersFromSymptoms: [
    'Target {number} is on the {side}, but the symptoms are on the {symptomSide}: check the side.',
    `${STAFF} {side} and {symptomSide}: "left" or "right".`,
  ],
  anticoagulationContinued: ['Anticoagulation was continued: higher risk of bleeding and epidural hematoma.', STAFF],
  anticoagulationContinuedOf: [
    'Anticoagulation ({anticoagulant}) was continued: higher risk of bleeding and epidural hematoma.',
    `${STAFF} {anticoagulant}: its class, e.g. "a direct oral anticoagulant".`,
  ],
  anticoagulantOtherAntiplatelet: ['an antiplatelet other than aspirin', 'An anticoagulant class inside a warning.'],
  anticoagulantDoac: ['a direct oral anticoagulant', 'An anticoagulant class inside a warning.'],
  anticoagulantWarfarin: ['warfarin', 'An anticoagulant class inside a warning.'],
  anticoagulantHeparin: ['heparin', 'An anticoagulant class inside a warning.'],
  painWorseAfter: [
    'Pain after ({after}) is higher than before ({before}): check the entry.',
    `${STAFF} Pain scores 0–10.`,
  ],
  diabetesGlucoseReminder: [
    'Diabetic patient given a steroid: advise checking blood glucose over the next days.',
    `${STAFF} A reminder to tell the patient.`,
  ],
  gadoliniumContrast: [
    'Gadolinium-based contrast for a spinal injection: inadvertent intrathecal gadolinium can cause severe encephalopathy. Use it only with documented iodinated-contrast allergy, in the smallest volume.',
    STAFF,
  ],
  localAnaestheticAfterIntrathecal: [
    '{drug} given where contrast spread was intrathecal: risk of spinal anaesthesia (motor block, hypotension). Observe the patient before discharge.',
    `${STAFF} {drug}: the local anaesthetic's name.`,
  ],
  steroidWithoutSpreadCheck: [
    '{drug} given without a contrast check of the spread: an intravascular position cannot be excluded.',
    `${STAFF} {drug}: the steroid's name.`,
  ],
  steroidWithoutContrast: [
    '{drug} given without a contrast check of the spread (no contrast used): an intravascular position cannot be excluded.',
    `${STAFF} {drug}: the steroid's name.`,
  ],
  rootForamenMismatch: [
    'The {root} root does not exit through the {foramen} foramen (it exits through {expected}): check the level.',
    `${STAFF} {root}: "L5"; {foramen} and {expected}: "L4/L5".`,
  ],
  pregnancyNotExcluded: [
    'A woman of {age}: pregnancy is not recorded as excluded before an X-ray-guided injection with a steroid.',
    `${STAFF} {age}: her age in years.`,
  ],
  homeAfterMotorBlock: [
    'Motor block recorded, but the patient goes home: observe until motor function is back and document it.',
    STAFF,
  ],
  homeAfterIntrathecal: [
    'Intrathecal spread recorded, but the patient goes home: observe until motor function is back and document it.',
    STAFF,
  ],
  intravascularListedNotSeen: [
    'An intravascular injection is listed as a complication, but no target has intravascular spread recorded.',
    STAFF,
  ],
  intravascularSeenNotListed: [
    'Intravascular spread is recorded, but not the intravascular injection among the complications.',
    STAFF,
  ],
  givenDespiteSteroidAllergy: [
    '{drug} given, but the patient has a recorded allergy to a steroid.',
    `${STAFF} {drug}: the steroid's name.`,
  ],
  givenDespiteLocalAnaestheticAllergy: [
    '{drug} given, but the patient has a recorded allergy to a local anaesthetic.',
    `${STAFF} {drug}: the local anaesthetic's name.`,
  ],
  anticoagulantNotPaused: [
    'The patient takes {anticoagulant}: for an intermediate-risk spine procedure ASRA guidance is to pause it per protocol; record that it was paused (or continued, with the reason).',
    `${STAFF} {anticoagulant}: its class, e.g. "warfarin".`,
  ],
  pregnancyPositive: [
    'Pregnancy test positive: an X-ray-guided steroid injection needs a documented decision that it cannot wait.',
    STAFF,
  ],
  contrastReactionNotPremedicated: [
    'A prior reaction to iodinated contrast, not premedicated, and iodinated contrast used: premedicate per protocol or avoid iodinated contrast.',
    STAFF,
  ],
  localAnaestheticAboveMgPerKg: [
    '{drug} {mg} mg is above {perKg} mg/kg for {weight} kg ({limit} mg): risk of systemic toxicity.',
    `${STAFF} {drug}: the local anaesthetic's name; the rest are numbers.`,
  ],
  timeOutIncomplete: [
    'The time-out is recorded as incomplete ({missing}): wrong-level and wrong-side injections are prevented there.',
    `${STAFF} {missing}: what was not done, e.g. "side not marked".`,
  ],
  levelNotVerified: ['level not verified on the images', 'What the time-out missed, inside a warning.'],
  sideNotMarked: ['side not marked', 'What the time-out missed, inside a warning.'],
  abnormalSpreadWithoutAction: [
    'Target {number} had intravascular or intrathecal spread: record what was done (repositioned with a clean retest, digital subtraction, switched to a non-particulate steroid, or aborted).',
    STAFF,
  ],
  caudalAbnormalSpreadWithoutAction: [
    'The caudal injection had intravascular or intrathecal spread: record what was done (repositioned with a clean retest, digital subtraction, switched to a non-particulate steroid, or aborted).',
    STAFF,
  ],
  doseAboveMaximum: [
    '{drug} {mg} mg {where} is above the department maximum of {max} mg {per}.',
    `${STAFF} {where}: "at target 1", "at the caudal epidural" or "in this procedure"; {per}: "per level" or "per procedure".`,
  ],
  atTargetDose: ['at target {number}', 'Where a dose was given, inside a warning: "at target 2".'],
  atCaudalDose: ['at the caudal epidural', 'Where a dose was given, inside a warning.'],
  inThisProcedure: ['in this procedure', 'Where a dose was given, inside a warning.'],
  perLevel: ['per level', 'A maximum dose per level (injection site), inside a warning.'],
  perProcedure: ['per procedure', 'A maximum dose for the whole procedure, inside a warning.'],
  daySteroidAboveMaximum: [
    'Steroid for the day {total} mg dexamethasone-equivalent ({here} mg here) is above the department limit of {limit} mg.',
    STAFF,
  ],
  daySteroidAboveMaximumEarlier: [
    'Steroid for the day {total} mg dexamethasone-equivalent ({here} mg here, {earlier} mg earlier today) is above the department limit of {limit} mg.',
    STAFF,
  ],
  tableTimeImplausible: [
    'From {times} is {duration} on the table: check the start and end times.',
    `${STAFF} {times}: "08:10–14:30"; {duration}: "6 h 20 min".`,
  ],
  performedOutsideTableTime: [
    'Performed at {clock} is outside the table time ({times}): check Performed, Start and End.',
    `${STAFF} {clock}: "07:30"; {times}: "08:10–08:30". Performed, Start and End are the fields' labels.`,
  ],
  tableTimes: ['{start}–{end}', 'A table time inside a warning: "08:10–08:30".'],
  tableTimesNextDay: ['{start}–{end} (next day)', 'A table time ending after midnight, inside a warning.'],
  concentrationPercentTyped: [
    '{drug} {typed} mg/mL is below the usual {usual}: was it {typed} % (= {meant} mg/mL)? Type the percentage with its sign, as on the ampoule: {asOnAmpoule} %.',
    `${STAFF} {drug}: the local anaesthetic's name; {usual}: "2–10 mg/mL (0.2–1 %)"; {asOnAmpoule}: the figure with a decimal comma, as ampoules print it.`,
  ],
  concentrationBelowUsual: [
    '{drug} {typed} mg/mL is below the usual {usual}: check the ampoule and the unit.',
    `${STAFF} {usual}: "2–10 mg/mL (0.2–1 %)".`,
  ],
  concentrationAboveUsual: [
    '{drug} {typed} mg/mL is above the usual {usual}: check the ampoule and the unit.',
    `${STAFF} {usual}: "2–10 mg/mL (0.2–1 %)".`,
  ],
  concentrationUsualRange: [
    '{min}–{max} mg/mL ({minPercent}–{maxPercent} %)',
    'A drug’s usual concentrations, inside a warning: "2–10 mg/mL (0.2–1 %)".',
  ],
  doseFigure: [
    '{name} {value} {unit}',
    'A dose figure inside a warning, in the procedure report and in "The scanner\'s dose report … says …" under the dose fields: "DAP 320 Gy·cm²".',
  ],
  valueWithUnit: ['{value} {unit}', 'A figure and its unit inside a warning: "320 µGy·m²", "1.6 min".'],
  doseFarAbove: [
    '{figure} is far above {usual}: check the figure and its unit.',
    `${STAFF} {figure}: "DLP 4659 mGy·cm"; {usual}: the department’s usual or the published range.`,
  ],
  doseFarBelow: [
    '{figure} is far below {usual}: check the figure and its unit.',
    `${STAFF} {figure}: "DLP 0.1 mGy·cm"; {usual}: the department’s usual or the published range.`,
  ],
  doseUsualOfDepartment: [
    'the department’s usual (median {median} {unit})',
    'Inside a dose warning: "is far above the department’s usual (median 90 mGy·cm)".',
  ],
  doseUsualPublished: [
    'what a lumbar root infiltration usually gives ({low}–{high} {unit})',
    'Inside a dose warning: "is far above what a lumbar root infiltration usually gives (1–500 mGy·cm)".',
  ],
  doseLikelySlip: [
    '{figure} is {size}: {question}{meaning}',
    `${STAFF} {figure}: "DAP 320 Gy·cm²"; {size}: "100× the usual"; {question}: "was it µGy·m²?"; {meaning}: " (320 µGy·m² = 3.2 Gy·cm²)" or nothing.`,
  ],
  doseFarAboveUsual: ['far above the usual', 'How far a dose figure is from the usual, inside a warning.'],
  doseFarBelowUsual: ['far below the usual', 'How far a dose figure is from the usual, inside a warning.'],
  doseTimesUsual: [
    '{factor}× the usual',
    'How far a dose figure is from the usual, inside a warning: "100× the usual".',
  ],
  doseFractionOfUsual: ['1/{factor} of the usual', 'How far a dose figure is from the usual: "1/60 of the usual".'],
  slipUnit: ['was it {unit}?', 'A question about a dose figure’s unit: "was it µGy·m²?".'],
  slipDecimal: ['was a decimal point missed?', 'A question about a dose figure, inside a warning.'],
  slipDlpInCtdiVol: ['was it the DLP (mGy·cm)?', 'A question about a CTDIvol figure, inside a warning.'],
  slipMeaning: [
    ' ({asRead} = {meant} {unit})',
    'What a dose figure would be, after the question (note the leading space): " (320 µGy·m² = 3.2 Gy·cm²)".',
  ],
  slipMeaningThen: [
    ' (then it = {meant} {unit})',
    'What a dose figure would be, after the question (note the leading space): " (then it = 465.9 mGy·cm)".',
  ],
  unitMilliseconds: ['milliseconds', 'A unit inside a dose warning: "was it milliseconds?".'],
  unitMinutes: ['minutes', 'A unit inside a dose warning: "was it minutes?".'],
  aboveReferenceLevel: [
    '{figure} is above the reference level: {level}. Give the reason.',
    `${STAFF} {figure}: "DLP 200 mGy·cm"; {level}: the level and where it comes from.`,
  ],
  referenceLevel: [
    '{figure} ({modality}, {protocol}; {origin})',
    'A reference level inside a warning: "DLP 150 mGy·cm (CT, any protocol; set by the department)".',
  ],
  protocolAny: ['any protocol', 'A reference level’s protocol, inside a warning.'],
  protocolSingleLevel: ['one level', 'A reference level’s protocol, inside a warning.'],
  protocolTwoLevelsOrBilateral: ['two levels or bilateral', 'A reference level’s protocol, inside a warning.'],
  protocolWithCaudal: ['with caudal', 'A reference level’s protocol, inside a warning.'],
  originStarting: ['starting value, not yet the department’s own', 'Where a reference level comes from.'],
  originAdopted: ['the department’s 75th percentile', 'Where a reference level comes from.'],
  originAdoptedOf: [
    'the department’s 75th percentile of {cases} cases, {from} to {to}',
    'Where a reference level comes from; {cases}: two or more; {from} and {to}: dates.',
  ],
  originAdoptedOfOne: [
    'the department’s 75th percentile of 1 case, {from} to {to}',
    'Where a reference level comes from; {from} and {to}: dates.',
  ],
  originSet: ['set by the department', 'Where a reference level comes from.'],
  sameRootSameDay: [
    'This patient already has {what} today: is this the same procedure entered twice? Delete the duplicate, or confirm that it was done again.',
    `${STAFF} {what}: "L5 right (an unsigned draft performed at 09:12)", several joined by "; ".`,
  ],
  sameDayRepeat: ['{root} {side} ({other})', 'A root done twice on one day, inside a warning: "L5 right (…)".'],
  sameDayRepeats: ['{first}; {rest}', 'Several roots done twice on one day, inside a warning.'],
  sameDayDraft: ['an unsigned draft performed at {clock}', 'The other record of the day, inside a warning.'],
  sameDaySigned: ['a signed record performed at {clock}', 'The other record of the day, inside a warning.'],
  sameDayAmended: ['an amended record performed at {clock}', 'The other record of the day, inside a warning.'],
  unknownTime: ['an unknown time', 'Inside a warning: "performed at an unknown time".'],
});

/** The tag before a warning of each level. */
export const WARNING_LEVEL_MESSAGES: Readonly<Record<WarningLevel, Message>> = {
  safety: WARNING_MESSAGES.levelSafety,
  check: WARNING_MESSAGES.levelCheck,
  reference: WARNING_MESSAGES.levelReference,
  reminder: WARNING_MESSAGES.levelReminder,
};

/** A warning with its sentence kept as message and values, and its English (the command line, the hub, the refusals). */
export const clinicalWarning = (
  code: WarningCode,
  level: WarningLevel,
  field: string,
  said: Words,
): ClinicalWarning => ({
  code,
  level,
  field,
  message: inEnglish(said),
  words: said,
});
