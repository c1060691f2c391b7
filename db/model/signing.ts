import type { z } from 'zod';
import type { Drug } from './catalogue.js';
import { noDoseReasonProblems } from './dose-record.js';
import { catalogueProblem, siteProblem } from './drug-checks.js';
import { declareMessages } from './messages.js';
import { type FieldProblem, problem } from './problems.js';
import { doseInMg, type ProcedureDraft, procedureDraftSchema } from './procedure.js';

const RULE =
  'A signing rule, beside its field on the form and in the refusal to sign (read by the radiologist). {field}: the field\'s label ("Side (target 2)").';
/** What stops a signature, each with `{field}` where the field's label goes. */
export const SIGNING_MESSAGES = declareMessages('signing', {
  required: ['{field} is required to sign', RULE],
  doseAndConcentrationRequired: [
    '{field} and concentration are required to sign',
    `${RULE} A drug dosed by volume and concentration.`,
  ],
  notAnOperator: ["{field} is not one of the department's operators", RULE],
  needsEntry: ['{field} needs at least one entry to sign', RULE],
  consentObtained: ['{field} must be obtained to sign', `${RULE} The patient's consent.`],
  needsTarget: ['{field} needs at least one target to sign', RULE],
  needsPattern: ['{field} needs at least one pattern to sign (or not assessed)', `${RULE} The contrast spread.`],
  repeatsTarget: [
    '{field} repeats {root} {side}, already a target',
    `${RULE} {root}: the root ("L5"); {side}: its side as stored (a code: left, right).`,
  ],
  notAssessedAndPattern: ['{field} cannot be "not assessed" and a pattern at once', `${RULE} The contrast spread.`],
  notAssessedWithoutContrast: [
    '{field} must be "not assessed" when no contrast agent was used',
    `${RULE} The contrast spread.`,
  ],
  caudalSpreadWithoutCaudal: ['{field} is recorded but no caudal epidural was given', RULE],
  saltDexamethasoneOnly: [
    '{field} applies to dexamethasone only',
    `${RULE} Whether a dose is of the salt or the base.`,
  ],
  caudalSiteWithoutCaudal: ['{field} is caudal but no caudal epidural was given', `${RULE} Where a drug was given.`],
  drugsNeeded: [
    '{field} need at least one steroid or local anaesthetic, or a reason none was given',
    `${RULE} {field}: "Drugs".`,
  ],
  doseChangeReason: ["{field} is required when the dose from the scanner's dose report was changed by hand", RULE],
  complicationsNoneOrOne: ['{field} must be "none" or at least one complication to sign', RULE],
  noneAndComplication: ['{field} cannot be "none" and a complication at once', RULE],
  birthAfterProcedure: ['{field} must not be after the date of the procedure', `${RULE} The birth date.`],
  tooOldAtProcedure: [
    '{field} must be at most {years} years before the procedure',
    `${RULE} The birth date; {years}: 120.`,
  ],
  tooOldToday: [
    '{field} must be at most {years} years before the present day',
    `${RULE} The birth date; {years}: 120.`,
  ],
  procedureBefore: ['{field} must be from the year {year} on', `${RULE} The date of the procedure; {year}: 2000.`],
  procedureInFuture: ['{field} must not be in the future', `${RULE} The date of the procedure.`],
});
const S = SIGNING_MESSAGES;

/** What signing needs to know beyond the record: who may operate, which drugs exist. */
export interface SigningContext {
  operatorIds: ReadonlySet<string>;
  drugCatalogue: readonly Drug[];
}

/** How far ahead of this computer's clock a procedure time may be (another console's clock may run fast). */
const CLOCK_SLACK_MS = 60 * 60 * 1000;

/** RootLog records procedures from the year 2000 on (nothing before it was recorded with it). */
export const EARLIEST_PROCEDURE = '2000-01-01';
/** The oldest a patient can be on the day of the procedure, in years (nobody documented has lived longer). */
export const OLDEST_PATIENT_YEARS = 120;

/** The date `years` years before `date` (YYYY-MM-DD), the same day of the month. */
const yearsBefore = (date: string, years: number) =>
  `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4, 10)}`;

/**
 * Dates that cannot all be true together: a birth after the procedure or more than 120 years
 * before it, a procedure before 2000 or in the future. Shown at the field as soon as entered
 * (the form leaves such a value unsaved and says so), refused at signing and at import. An
 * end time earlier than the start is not one of them: the case crossed midnight and ended the
 * next day (table-time.ts).
 */
export function impossibleDates(
  record: Pick<ProcedureDraft, 'birthDate' | 'performedAt' | 'startedAt' | 'endedAt'>,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const performedDate = record.performedAt?.slice(0, 10);
  if (record.birthDate && performedDate && record.birthDate > performedDate) {
    problems.push(problem('birthDate', S.birthAfterProcedure));
  }
  const ageAt = performedDate ?? now.toISOString().slice(0, 10);
  if (record.birthDate && record.birthDate < yearsBefore(ageAt, OLDEST_PATIENT_YEARS)) {
    problems.push(
      problem('birthDate', performedDate ? S.tooOldAtProcedure : S.tooOldToday, { years: OLDEST_PATIENT_YEARS }),
    );
  }
  if (performedDate && performedDate < EARLIEST_PROCEDURE) {
    problems.push(problem('performedAt', S.procedureBefore, { year: EARLIEST_PROCEDURE.slice(0, 4) }));
  }
  if (record.performedAt && Date.parse(record.performedAt) > now.getTime() + CLOCK_SLACK_MS) {
    problems.push(problem('performedAt', S.procedureInFuture));
  }
  return problems;
}

/**
 * Everything that stops a draft from being signed, all at once (the form shows each
 * beside its field). Empty means the record is complete and consistent.
 */
export function signingProblems(record: ProcedureDraft, context?: SigningContext, now = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [...impossibleDates(record, now)];
  const need = (field: string, present: boolean, rule = S.required) => {
    if (!present) problems.push(problem(field, rule));
  };

  need('patientId', Boolean(record.patientId));
  need('performedAt', Boolean(record.performedAt));
  need('operatorId', Boolean(record.operatorId));
  if (record.operatorId && context && !context.operatorIds.has(record.operatorId)) {
    problems.push(problem('operatorId', S.notAnOperator));
  }
  need('indications', record.indications.length > 0, S.needsEntry);
  need('consent', record.consent === 'obtained', S.consentObtained);
  need('modality', Boolean(record.modality));
  need('painPre', record.painPre != null);
  need('painPost', record.painPost != null);

  need('targets', record.targets.length > 0, S.needsTarget);
  const rootSides = new Set<string>();
  record.targets.forEach((target, index) => {
    const at = `targets[${index}]`;
    need(`${at}.root`, Boolean(target.root));
    need(`${at}.side`, Boolean(target.side));
    need(`${at}.spread`, target.spread.length > 0, S.needsPattern);
    if (target.root && target.side) {
      const key = `${target.root}-${target.side}`;
      if (rootSides.has(key))
        problems.push(problem(`${at}.root`, S.repeatsTarget, { root: target.root, side: target.side }));
      rootSides.add(key);
    }
    if (target.spread.includes('not_assessed') && target.spread.length > 1) {
      problems.push(problem(`${at}.spread`, S.notAssessedAndPattern));
    }
    if (record.contrastAgent === 'none' && target.spread.some((pattern) => pattern !== 'not_assessed')) {
      problems.push(problem(`${at}.spread`, S.notAssessedWithoutContrast));
    }
  });

  if (record.caudalEpidural) {
    need('caudalSpread', record.caudalSpread.length > 0, S.needsPattern);
  } else if (record.caudalSpread.length > 0) {
    problems.push(problem('caudalSpread', S.caudalSpreadWithoutCaudal));
  }

  const catalogue = new Map(context?.drugCatalogue.map((drug) => [drug.code, drug]));
  let therapeuticDrugGiven = false;
  record.drugs.forEach((administration, index) => {
    const at = `drugs[${index}]`;
    const drug = catalogue.get(administration.drug);
    const unknown = context ? catalogueProblem(index, administration.drug, (code) => catalogue.has(code)) : null;
    if (unknown) problems.push(unknown);
    if (drug && drug.drugClass !== 'other') therapeuticDrugGiven = true;
    if (drug && drug.dosing !== 'volume' && doseInMg(administration) == null) {
      const field = drug.dosing === 'mg' ? `${at}.doseMg` : `${at}.volumeMl`;
      problems.push(problem(field, drug.dosing === 'mg' ? S.required : S.doseAndConcentrationRequired));
    }
    if (drug?.dosing === 'volume') need(`${at}.volumeMl`, administration.volumeMl != null);
    if (administration.doseSalt && administration.drug !== 'dexamethasone') {
      problems.push(problem(`${at}.doseSalt`, S.saltDexamethasoneOnly));
    }
    need(`${at}.site`, administration.site != null);
    const site = administration.site;
    const missingTarget = siteProblem(index, site, record.targets.length);
    if (missingTarget) problems.push(missingTarget);
    if (site === 'caudal' && !record.caudalEpidural) {
      problems.push(problem(`${at}.site`, S.caudalSiteWithoutCaudal));
    }
  });
  if (!context) therapeuticDrugGiven = record.drugs.length > 0;
  if (!therapeuticDrugGiven && !record.noDrugReason) {
    problems.push(problem('drugs', S.drugsNeeded));
  }

  // The scanner's figures changed by hand: why, for the audit (the report itself is kept as received).
  need(
    'doseChangeReason',
    record.doseSource !== 'dose_report_then_changed' || Boolean(record.doseChangeReason?.trim()),
    S.doseChangeReason,
  );

  const types = record.complications.map((entry) => entry.type);
  need('complications', types.length > 0, S.complicationsNoneOrOne);
  if (types.includes('none') && types.length > 1) {
    problems.push(problem('complications', S.noneAndComplication));
  }
  record.complications.forEach((entry, index) => {
    if (entry.type !== 'none') need(`complications[${index}].severity`, entry.severity != null);
  });

  return problems;
}

/**
 * What this console asks of a signature or an amendment it makes: every signing rule, and the
 * rules added since records were first signed, which a record signed before them (an import,
 * the hub) is not held to — today the reason an X-ray-guided case has no dose.
 */
export function newSignatureProblems(
  record: ProcedureDraft,
  context?: SigningContext,
  now = new Date(),
): FieldProblem[] {
  return [...signingProblems(record, context, now), ...noDoseReasonProblems(record)];
}

/**
 * The signed record's schema: a draft that passes every signing rule. Used where a
 * record arrives already signed (an import) and by tests; the service uses
 * signingProblems with the department's context.
 */
export const signedProcedureSchema = procedureDraftSchema.superRefine((record, ctx) => {
  for (const { field, message, words } of signingProblems(record)) {
    ctx.addIssue({
      code: 'custom',
      path: field
        .split(/\.|\[|\]\.?/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message,
      params: { labelled: true, words },
    });
  }
});

export type SignedProcedure = z.output<typeof signedProcedureSchema>;
