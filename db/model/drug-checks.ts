import { type FieldProblem, problem } from './problems.js';
import { REFUSAL_MESSAGES as R } from './refusal-messages.js';

/*
 * The checks of a drug administration against the record and the catalogue, one function
 * each, called by every entry point (saving a draft, signing, amending, an import).
 */

/** The drug is not one the department's catalogue knows. */
export function catalogueProblem(index: number, code: string, known: (code: string) => boolean): FieldProblem | null {
  return known(code) ? null : problem(`drugs[${index}].drug`, R.drugNotInCatalogue);
}

/** The drug was given at a target the record does not have. */
export function siteProblem(
  index: number,
  site: number | 'caudal' | null | undefined,
  targets: number,
): FieldProblem | null {
  return typeof site === 'number' && site >= targets
    ? problem(`drugs[${index}].site`, R.siteNotATarget, { number: site + 1 })
    : null;
}
