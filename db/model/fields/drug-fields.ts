import { z } from 'zod';
import { drugSchema } from '../catalogue.js';
import { doseInMg } from '../dose.js';
import { formatNumber } from '../locale-format.js';
import { RULE_MESSAGES as R } from '../rule-messages.js';
import { DOSE_SALTS, DRUG_CLASSES, YES_NO } from '../vocabularies.js';
import { rule } from '../zod-words.js';
import { declareFields } from './field.js';
import { kind, wholeNumberSchema } from './kinds.js';
import { SUMMARY_VALUE_MESSAGES as VALUE } from './summary-words.js';

/** Where a drug went: a target by its position in the list (0 = first), or the caudal epidural. */
export const drugSiteSchema = z.union([wholeNumberSchema(0, 11), z.literal('caudal')], rule(R.drugSite));

/**
 * What the department's catalogue said of a drug when the record was signed, copied into the
 * record then (and into its signed version): a later edit of the catalogue never changes what
 * a signed record says. Drafts have none: they follow the catalogue as it is.
 */
export const signedDrugFactsSchema = z
  .object({
    // The catalogue's own rule for a drug's name: the name as signed is that name.
    name: drugSchema.shape.name,
    drugClass: z.enum(DRUG_CLASSES),
    particulate: z.boolean(),
    maxDoseMg: z.number().positive().max(10000).nullable(),
  })
  .strict();

/** One drug administration. Table `drug_administrations`, one row per administration. */
export const DRUG_FIELDS = declareFields('drug', [
  {
    key: 'ordinal',
    role: 'derived',
    type: 'integer',
    label: 'Drug number',
    export: {
      header: 'drug_number',
      description: 'Position in the record (1 = first).',
      read: (value) => Number(value) + 1,
    },
    summary: false,
  },
  {
    key: 'drug',
    type: 'text',
    schema: z.string().min(1).max(40, rule(R.notInCatalogue)),
    maxLength: 40,
    column: 'drug_code',
    label: 'Drug',
    export: { header: 'drug', label: 'Drug code', description: "Code in the department's drug catalogue." },
    plan: 'copy',
    summary: {
      write: (code: string, drug: { asSigned?: { name?: string } | null }, context) =>
        context.drugName(code, drug.asSigned?.name),
    },
  },
  {
    key: 'name',
    role: 'derived',
    type: 'text',
    column: false,
    label: 'Drug',
    export: { header: 'drug_name', description: 'Name in the catalogue.' },
    summary: false,
  },
  {
    key: 'drugClass',
    role: 'derived',
    type: 'code',
    values: DRUG_CLASSES,
    column: false,
    label: 'Class',
    export: { header: 'drug_class', description: 'Drug class.' },
    summary: false,
  },
  {
    key: 'particulate',
    role: 'derived',
    type: 'yes/no',
    values: YES_NO,
    column: false,
    label: 'Particulate',
    export: { description: 'Particulate steroid.' },
    summary: false,
  },
  {
    key: 'doseMg',
    ...kind.amount(0, 10000),
    label: 'Dose (mg)',
    unit: 'mg',
    plan: 'copy',
    summary: {
      always: true,
      write: (_: unknown, drug: Parameters<typeof doseInMg>[0], context) => {
        const mg = doseInMg(drug);
        return mg == null ? null : `${formatNumber(mg, context.locale)} mg`;
      },
    },
  },
  {
    key: 'givenMg',
    role: 'derived',
    type: 'number',
    column: 'dose_given_mg',
    label: 'Dose',
    unit: 'mg',
    export: { header: 'dose_mg', description: 'mg given: as entered, or concentration × volume.' },
    summary: false,
  },
  {
    key: 'concentrationMgPerMl',
    ...kind.amount(0, 1000),
    label: 'Concentration (mg/mL)',
    unit: 'mg/mL',
    export: { description: 'Concentration, where the catalogue doses by concentration.' },
    plan: 'copy',
    summary: false,
  },
  {
    key: 'volumeMl',
    ...kind.amount(0, 50),
    label: 'Volume (mL)',
    unit: 'mL',
    export: { description: 'Volume injected.' },
    plan: 'copy',
    summary: false,
  },
  {
    key: 'site',
    type: 'text',
    schema: drugSiteSchema.nullish(),
    column: false,
    label: 'Injection site',
    export: { description: 'Target number, or "caudal".' },
    plan: 'copy',
    summary: {
      write: (site: number | 'caudal' | null | undefined, _: unknown, context) =>
        site === 'caudal'
          ? context.t(VALUE.atCaudal)
          : typeof site === 'number'
            ? context.t(VALUE.atTarget, { target: context.targetName(site) })
            : null,
    },
  },
  {
    key: 'lot',
    ...kind.text(64),
    label: 'Lot',
    export: { description: 'Lot number.' },
    // A batch number points at the day and the ampoule: never in a pseudonymised export.
    privacy: 'free_text',
    summary: { write: (lot: string, _, { t }) => t(VALUE.lot, { lot }) },
  },
  {
    key: 'doseSalt',
    ...kind.code(DOSE_SALTS),
    label: 'Dose stated as',
    export: {
      description: 'Dexamethasone: the dose as the phosphate (empty: as on the ampoule, the phosphate) or as the base.',
    },
    plan: 'copy',
    summary: false,
  },
  {
    key: 'asSigned',
    type: 'text',
    schema: signedDrugFactsSchema.nullish(),
    column: false,
    label: 'As signed',
    summary: false,
  },
]);
