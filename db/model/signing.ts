import type { z } from 'zod';
import type { Drug } from './catalogue.js';
import { noDoseReasonProblems } from './dose-record.js';
import { catalogueProblem, siteProblem } from './drug-checks.js';
import { type FieldProblem, problem } from './problems.js';
import { doseInMg, type ProcedureDraft, procedureDraftSchema } from './procedure.js';

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
    problems.push(problem('birthDate', 'must not be after the date of the procedure'));
  }
  const ageAt = performedDate ?? now.toISOString().slice(0, 10);
  if (record.birthDate && record.birthDate < yearsBefore(ageAt, OLDEST_PATIENT_YEARS)) {
    problems.push(
      problem(
        'birthDate',
        `must be at most ${OLDEST_PATIENT_YEARS} years before the ${performedDate ? 'procedure' : 'present day'}`,
      ),
    );
  }
  if (performedDate && performedDate < EARLIEST_PROCEDURE) {
    problems.push(problem('performedAt', `must be from the year ${EARLIEST_PROCEDURE.slice(0, 4)} on`));
  }
  if (record.performedAt && Date.parse(record.performedAt) > now.getTime() + CLOCK_SLACK_MS) {
    problems.push(problem('performedAt', 'must not be in the future'));
  }
  return problems;
}

/**
 * Everything that stops a draft from being signed, all at once (the form shows each
 * beside its field). Empty means the record is complete and consistent.
 */
export function signingProblems(record: ProcedureDraft, context?: SigningContext, now = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [...impossibleDates(record, now)];
  const need = (field: string, present: boolean, rule = 'is required to sign') => {
    if (!present) problems.push(problem(field, rule));
  };

  need('patientId', Boolean(record.patientId));
  need('performedAt', Boolean(record.performedAt));
  need('operatorId', Boolean(record.operatorId));
  if (record.operatorId && context && !context.operatorIds.has(record.operatorId)) {
    problems.push(problem('operatorId', "is not one of the department's operators"));
  }
  need('indications', record.indications.length > 0, 'needs at least one entry to sign');
  need('consent', record.consent === 'obtained', 'must be obtained to sign');
  need('modality', Boolean(record.modality));
  need('painPre', record.painPre != null);
  need('painPost', record.painPost != null);

  need('targets', record.targets.length > 0, 'needs at least one target to sign');
  const rootSides = new Set<string>();
  record.targets.forEach((target, index) => {
    const at = `targets[${index}]`;
    need(`${at}.root`, Boolean(target.root));
    need(`${at}.side`, Boolean(target.side));
    need(`${at}.spread`, target.spread.length > 0, 'needs at least one pattern to sign (or not assessed)');
    if (target.root && target.side) {
      const key = `${target.root}-${target.side}`;
      if (rootSides.has(key))
        problems.push(problem(`${at}.root`, `repeats ${target.root} ${target.side}, already a target`));
      rootSides.add(key);
    }
    if (target.spread.includes('not_assessed') && target.spread.length > 1) {
      problems.push(problem(`${at}.spread`, 'cannot be "not assessed" and a pattern at once'));
    }
    if (record.contrastAgent === 'none' && target.spread.some((pattern) => pattern !== 'not_assessed')) {
      problems.push(problem(`${at}.spread`, 'must be "not assessed" when no contrast agent was used'));
    }
  });

  if (record.caudalEpidural) {
    need('caudalSpread', record.caudalSpread.length > 0, 'needs at least one pattern to sign (or not assessed)');
  } else if (record.caudalSpread.length > 0) {
    problems.push(problem('caudalSpread', 'is recorded but no caudal epidural was given'));
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
      problems.push(
        problem(field, drug.dosing === 'mg' ? 'is required to sign' : 'and concentration are required to sign'),
      );
    }
    if (drug?.dosing === 'volume') need(`${at}.volumeMl`, administration.volumeMl != null);
    if (administration.doseSalt && administration.drug !== 'dexamethasone') {
      problems.push(problem(`${at}.doseSalt`, 'applies to dexamethasone only'));
    }
    need(`${at}.site`, administration.site != null);
    const site = administration.site;
    const missingTarget = siteProblem(index, site, record.targets.length);
    if (missingTarget) problems.push(missingTarget);
    if (site === 'caudal' && !record.caudalEpidural) {
      problems.push(problem(`${at}.site`, 'is caudal but no caudal epidural was given'));
    }
  });
  if (!context) therapeuticDrugGiven = record.drugs.length > 0;
  if (!therapeuticDrugGiven && !record.noDrugReason) {
    problems.push(problem('drugs', 'need at least one steroid or local anaesthetic, or a reason none was given'));
  }

  // The scanner's figures changed by hand: why, for the audit (the report itself is kept as received).
  need(
    'doseChangeReason',
    record.doseSource !== 'dose_report_then_changed' || Boolean(record.doseChangeReason?.trim()),
    "is required when the dose from the scanner's dose report was changed by hand",
  );

  const types = record.complications.map((entry) => entry.type);
  need('complications', types.length > 0, 'must be "none" or at least one complication to sign');
  if (types.includes('none') && types.length > 1) {
    problems.push(problem('complications', 'cannot be "none" and a complication at once'));
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
  for (const { field, message } of signingProblems(record)) {
    ctx.addIssue({
      code: 'custom',
      path: field
        .split(/\.|\[|\]\.?/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message,
      params: { labelled: true },
    });
  }
});

export type SignedProcedure = z.output<typeof signedProcedureSchema>;
