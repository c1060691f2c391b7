import type { Drug } from './catalogue.js';
import type { ClinicalWarning } from './clinical-warning.js';
import { type FieldProblem, problem } from './problems.js';
import type { ProcedureDraft } from './procedure.js';
import { REFUSAL_MESSAGES as R } from './refusal-messages.js';
import { clinicalWarning, WARNING_MESSAGES as W } from './warning-messages.js';
import { sentence, type Words } from './words.js';

/*
 * A local anaesthetic's concentration, as the ampoule says it: "Ropivacaine 0,2 %" or
 * "2 mg/mL". A percentage is grams per 100 mL, so 1 % is 10 mg/mL and 0.2 % is 2 mg/mL. The
 * record stores mg/mL; what is typed as a percentage is converted, and the conversion shown.
 * A figure far from the drug's usual concentrations (the catalogue's, which the department
 * edits) is most likely a percentage typed as mg/mL: asked at the field, never changed.
 */

/** mg/mL in one percent (1 g in 100 mL). */
export const MG_PER_ML_PER_PERCENT = 10;

export interface ConcentrationReading {
  /** mg/mL; NaN when the text is not a concentration a clinician meant. */
  mgPerMl: number;
  /** The percentage typed, when it was typed as one ("0,2 %" → 0.2). */
  percent: number | null;
}

const DECIMAL = /^[+]?(\d+([.,]\d*)?|[.,]\d+)$/;
/** "0,2 %", "0.2%", "0,2%", "2 mg/ml": a number and, optionally, its unit. */
const WITH_UNIT = /^(.*?)\s*(%|mg\s*\/\s*ml)?$/i;

const rounded = (value: number) => Number(value.toPrecision(10));

/** What a typed concentration means, in mg/mL; undefined when nothing is typed. */
export function readConcentration(text: string): ConcentrationReading | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const [, number = '', unit] = WITH_UNIT.exec(trimmed) ?? [];
  if (!DECIMAL.test(number)) return { mgPerMl: Number.NaN, percent: null };
  const value = Number(number.replace(',', '.'));
  if (unit === '%') return { mgPerMl: rounded(value * MG_PER_ML_PER_PERCENT), percent: value };
  return { mgPerMl: value, percent: null };
}

/** "0.2 % = 2 mg/mL". */
export const percentWords = (percent: number, mgPerMl: number) => `${rounded(percent)} % = ${rounded(mgPerMl)} mg/mL`;

const asPercent = (mgPerMl: number) => rounded(mgPerMl / MG_PER_ML_PER_PERCENT);

/** "2–10 mg/mL (0.2–1 %)". */
function usualWords(drug: Drug): Words | null {
  const { usualConcentrationMinMgPerMl: min, usualConcentrationMaxMgPerMl: max } = drug;
  if (min == null || max == null) return null;
  return sentence(W.concentrationUsualRange, {
    min: rounded(min),
    max: rounded(max),
    minPercent: asPercent(min),
    maxPercent: asPercent(max),
  });
}

/** Each concentration outside the drug's usual ones, at its field, naming the percentage when that explains it. */
export function concentrationWarnings(record: ProcedureDraft, catalogue: ReadonlyMap<string, Drug>): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  record.drugs.forEach((administration, index) => {
    const drug = catalogue.get(administration.drug);
    const typed = administration.concentrationMgPerMl;
    if (drug?.dosing !== 'concentration' || typed == null || !Number.isFinite(typed)) return;
    const min = drug.usualConcentrationMinMgPerMl;
    const max = drug.usualConcentrationMaxMgPerMl;
    const usual = usualWords(drug);
    if (min == null || max == null || usual == null || (typed >= min && typed <= max)) return;
    const percentMeant = typed * MG_PER_ML_PER_PERCENT;
    const values = { drug: drug.name, typed: rounded(typed), usual };
    const said =
      typed < min && percentMeant >= min && percentMeant <= max
        ? sentence(W.concentrationPercentTyped, {
            ...values,
            meant: rounded(percentMeant),
            // As the ampoule prints it, whatever the reader's locale: what the field reads as a percentage.
            asOnAmpoule: String(rounded(typed)).replace('.', ','),
          })
        : sentence(typed < min ? W.concentrationBelowUsual : W.concentrationAboveUsual, values);
    found.push(clinicalWarning('concentration_implausible', 'check', `drugs[${index}].concentrationMgPerMl`, said));
  });
  return found;
}

/** A catalogue entry's concentrations that cannot be (the department's edit, refused at its field), or null. */
export function usualConcentrationProblem(drug: Drug): FieldProblem | null {
  const {
    usualConcentrationMinMgPerMl: min,
    usualConcentrationMaxMgPerMl: max,
    defaultConcentrationMgPerMl: usual,
  } = drug;
  if ((min == null) !== (max == null))
    return problem(min == null ? 'usualConcentrationMinMgPerMl' : 'usualConcentrationMaxMgPerMl', R.usualRangeBothEnds);
  if (min != null && max != null && min > max)
    return problem('usualConcentrationMinMgPerMl', R.usualLowestAboveHighest);
  if (min != null && max != null && usual != null && (usual < min || usual > max))
    return problem('defaultConcentrationMgPerMl', R.defaultOutsideUsual, { min: rounded(min), max: rounded(max) });
  return null;
}
