import { z } from 'zod';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { followingTextRule } from './text-rule.js';
import { DOSINGS, DRUG_CLASSES } from './vocabularies.js';
import { rule } from './zod-words.js';

/**
 * One drug of the department's catalogue. `maxDoseMg` is the per-procedure maximum
 * (also applied to the patient's total for the day); `usualDoseMg` pre-fills the form.
 * For `concentration` dosing the form asks for concentration and volume and computes mg;
 * its usual concentrations (mg/mL) bound what is taken without a question (concentration.ts).
 */
export const drugSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, rule(R.drugCode)),
  name: followingTextRule(
    z
      .string()
      .trim()
      .min(1)
      .max(80, rule(R.atMostCharacters, { count: 80 })),
    'line',
  ),
  drugClass: z.enum(DRUG_CLASSES),
  particulate: z.boolean(rule(R.trueOrFalse)),
  dosing: z.enum(DOSINGS),
  defaultConcentrationMgPerMl: z.number().positive(rule(R.positiveNumber)).max(1000).optional(),
  /** The concentrations the department uses (its ampoules), mg/mL: a figure outside them is asked about. */
  usualConcentrationMinMgPerMl: z.number().positive(rule(R.positiveNumber)).max(1000).optional(),
  usualConcentrationMaxMgPerMl: z.number().positive(rule(R.positiveNumber)).max(1000).optional(),
  usualDoseMg: z.number().min(0).max(10000).optional(),
  maxDoseMg: z.number().positive(rule(R.positiveNumber)).max(10000).optional(),
  active: z.boolean().default(true),
});

export type Drug = z.output<typeof drugSchema>;
export type DrugInput = z.input<typeof drugSchema>;

/**
 * Defaults from published practice and the department's starting settings (docs/clinical-data.md,
 * the drug catalogue). Local anaesthetic maxima are conservative single-procedure limits for an
 * adult; the department edits all of these in settings. The usual concentrations are the
 * strengths the local anaesthetics are sold in for infiltration and nerve blocks (the product
 * information: lidocaine 0.5, 1 and 2 % (Xylocaine, Rapidocain); bupivacaine 0.25, 0.5 and
 * 0.75 % (Carbostesin, Marcaine); ropivacaine 2, 7.5 and 10 mg/mL (Naropin)); practice for this
 * procedure is lidocaine 1–2 % or bupivacaine 0.25–0.5 % (the data dictionary's SIS-style
 * summaries) and ropivacaine 0.2 %.
 */
export const DEFAULT_DRUG_CATALOGUE: readonly Drug[] = [
  {
    code: 'dexamethasone',
    name: 'Dexamethasone',
    drugClass: 'steroid',
    particulate: false,
    dosing: 'mg',
    usualDoseMg: 8,
    maxDoseMg: 15,
    active: true,
  },
  {
    code: 'triamcinolone',
    name: 'Triamcinolone acetonide',
    drugClass: 'steroid',
    particulate: true,
    dosing: 'mg',
    usualDoseMg: 40,
    maxDoseMg: 80,
    active: true,
  },
  {
    code: 'methylprednisolone',
    name: 'Methylprednisolone acetate',
    drugClass: 'steroid',
    particulate: true,
    dosing: 'mg',
    usualDoseMg: 40,
    maxDoseMg: 80,
    active: true,
  },
  {
    code: 'betamethasone',
    name: 'Betamethasone phosphate + acetate (suspension)',
    drugClass: 'steroid',
    particulate: true,
    dosing: 'mg',
    usualDoseMg: 6,
    maxDoseMg: 12,
    active: true,
  },
  {
    code: 'betamethasone_phosphate',
    name: 'Betamethasone sodium phosphate',
    drugClass: 'steroid',
    particulate: false,
    dosing: 'mg',
    usualDoseMg: 6,
    maxDoseMg: 12,
    active: true,
  },
  {
    code: 'lidocaine',
    name: 'Lidocaine',
    drugClass: 'local_anaesthetic',
    particulate: false,
    dosing: 'concentration',
    defaultConcentrationMgPerMl: 10,
    usualConcentrationMinMgPerMl: 5,
    usualConcentrationMaxMgPerMl: 20,
    usualDoseMg: 20,
    maxDoseMg: 200,
    active: true,
  },
  {
    code: 'bupivacaine',
    name: 'Bupivacaine',
    drugClass: 'local_anaesthetic',
    particulate: false,
    dosing: 'concentration',
    defaultConcentrationMgPerMl: 2.5,
    usualConcentrationMinMgPerMl: 2.5,
    usualConcentrationMaxMgPerMl: 7.5,
    usualDoseMg: 2.5,
    maxDoseMg: 150,
    active: true,
  },
  {
    code: 'ropivacaine',
    name: 'Ropivacaine',
    drugClass: 'local_anaesthetic',
    particulate: false,
    dosing: 'concentration',
    defaultConcentrationMgPerMl: 2,
    usualConcentrationMinMgPerMl: 2,
    usualConcentrationMaxMgPerMl: 10,
    usualDoseMg: 4,
    maxDoseMg: 200,
    active: true,
  },
  {
    code: 'sodium_chloride',
    name: 'Sodium chloride 0.9 %',
    drugClass: 'other',
    particulate: false,
    dosing: 'volume',
    active: true,
  },
];
