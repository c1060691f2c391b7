import { z } from 'zod';
import { defaultForamen } from './anatomy.js';
import { doseInMg } from './dose.js';
import { formatNumber } from './locale-format.js';
import { declareMessages, type Speaking } from './messages.js';
import type { ProcedureInput } from './procedure.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { followingTextRule } from './text-rule.js';
import { APPROACHES, MODALITIES, ROOTS, SIDES } from './vocabularies.js';
import { codeInSentence } from './vocabulary-words.js';
import { inEnglish, sentence } from './words.js';
import { rule, ruleIssue } from './zod-words.js';

/*
 * Presets: a department's usual cases ("L5 right CT standard"), picked at the console with one
 * key (Alt+1 … Alt+9). A preset fills what is planned — targets (root, side, approach), the
 * guidance modality, a caudal injection and the usual drugs and doses — never what is
 * observed or asked (spread, consent, pain, complications).
 */

const presetDrugSchema = z
  .object({
    drug: z.string().min(1).max(40),
    doseMg: z.number().min(0).max(10000).optional(),
    concentrationMgPerMl: z.number().min(0).max(1000).optional(),
    volumeMl: z.number().min(0).max(50).optional(),
    site: z.union([z.number().int().min(0).max(3), z.literal('caudal')]),
  })
  .strict();

export const presetSchema = z
  .object({
    name: followingTextRule(
      z
        .string()
        .trim()
        .min(1)
        .max(60, rule(R.atMostCharacters, { count: 60 })),
      'line',
    ),
    targets: z
      .array(z.object({ root: z.enum(ROOTS), side: z.enum(SIDES), approach: z.enum(APPROACHES).optional() }).strict())
      .min(1, rule(R.atLeastOneTarget))
      .max(4, rule(R.atMostTargets, { count: 4 })),
    modality: z.enum(MODALITIES).optional(),
    caudalEpidural: z.boolean().default(false),
    drugs: z
      .array(presetDrugSchema)
      .max(12, rule(R.atMostDrugs, { count: 12 }))
      .default([]),
  })
  .strict()
  .superRefine((preset, ctx) => {
    preset.drugs.forEach((drug, index) => {
      const site = drug.site;
      if (
        (typeof site === 'number' && site >= preset.targets.length) ||
        (site === 'caudal' && !preset.caudalEpidural)
      ) {
        ctx.addIssue({ code: 'custom', path: ['drugs', index, 'site'], ...ruleIssue(sentence(R.notPresetTarget)) });
      }
    });
  });
export type Preset = z.output<typeof presetSchema>;

export const presetsSchema = z.array(presetSchema).max(9, rule(R.atMostPresets, { count: 9 }));

/** The draft with the preset's plan: its targets, modality, caudal injection and drugs replace the draft's. */
export function withPreset<T extends ProcedureInput>(draft: T, preset: Preset): T {
  return {
    ...draft,
    targets: preset.targets.map((target) => ({
      root: target.root,
      side: target.side,
      foramen: defaultForamen(target.root),
      approach: target.approach ?? 'transforaminal',
      spread: [],
    })),
    modality: preset.modality ?? draft.modality,
    caudalEpidural: preset.caudalEpidural,
    caudalSpread: preset.caudalEpidural ? (draft.caudalSpread ?? []) : [],
    drugs: preset.drugs.map((drug) => ({ ...drug })),
  };
}

const PRESET =
  "A preset's description: the title of its quick-start button above the form (Alt+1 …) and its line in Settings → Presets";
export const PRESET_MESSAGES = declareMessages('preset', {
  target: ['{root} {side}', `${PRESET}: one planned target ("L5 right"). {side}: "right" or "left".`],
  caudal: ['caudal', `${PRESET}: the preset plans a caudal epidural injection ("L5 right, CT, caudal").`],
  drugMg: ['{drug} {dose} mg', `${PRESET}: a drug and its dose in mg ("dexamethasone 8 mg").`],
  drugMl: ['{drug} {volume} mL', `${PRESET}: a drug and its volume in mL ("contrast 2 mL").`],
  withDrugs: [
    '{plan}: {drugs}',
    `${PRESET}: what it plans, then its drugs ("L5 right, CT: dexamethasone 8 mg, ropivacaine 4 mg").`,
  ],
});
const M = PRESET_MESSAGES;

/** English as the model writes it (the command line, the suggestions' names): each message's own words. */
const ENGLISH: Speaking = { t: (message, values) => inEnglish(sentence(message, values)), language: 'en' };

/**
 * "L5 right + L5 left, CT, caudal: dexamethasone 8 mg, ropivacaine 4 mg" — what the preset
 * plans, in the reader's language (`speaking`) and its numbers in the reader's `locale`;
 * English, numbers as JavaScript writes them, without.
 */
export function describePreset(
  preset: Preset,
  drugName: (code: string) => string = (code) => code,
  speaking: Speaking = ENGLISH,
  locale?: string,
): string {
  const { t } = speaking;
  const number = (value: number) => (locale ? formatNumber(value, locale) : String(value));
  const targets = preset.targets
    .map((target) => t(M.target, { root: target.root, side: codeInSentence(speaking, target.side) }))
    .join(' + ');
  // mg as the record will store it (doseInMg: the one place mg is computed).
  const dose = (drug: Preset['drugs'][number]) => {
    const mg = doseInMg(drug);
    const name = drugName(drug.drug);
    return mg != null
      ? t(M.drugMg, { drug: name, dose: number(mg) })
      : drug.volumeMl != null
        ? t(M.drugMl, { drug: name, volume: number(drug.volumeMl) })
        : name;
  };
  const plan = [
    targets,
    ...(preset.modality ? [codeInSentence(speaking, preset.modality)] : []),
    ...(preset.caudalEpidural ? [t(M.caudal)] : []),
  ].join(', ');
  const drugs = preset.drugs.map(dose).join(', ');
  return drugs ? t(M.withDrugs, { plan, drugs }) : plan;
}
