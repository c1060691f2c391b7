import { z } from 'zod';
import { declareMessages, type Message } from './messages.js';
import type { ProcedureDraft } from './procedure.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { MODALITIES, type Modality } from './vocabularies.js';
import { codeMessage } from './vocabulary-words.js';
import { WARNING_MESSAGES as W } from './warning-messages.js';
import { inEnglish, sentence, type Words } from './words.js';
import { rule, ruleIssue } from './zod-words.js';

/*
 * Local diagnostic reference levels. There is no national DRL for CT-guided nerve root
 * injections: a department sets its own as the 75th percentile of its practice per modality
 * and, where its data allows, per protocol (one level; two levels or bilateral; with a caudal
 * injection). The published figures the app starts with are means, not levels: they are
 * marked as starting values until the department adopts levels from its own records
 * (db/stats/reference-proposal.ts). By ICRP practice the department's median is what is
 * compared with a level; a single procedure above it asks for a reason, not a tick.
 */

export const DOSE_QUANTITIES = ['dlpMGyCm', 'ctdiVolMGy', 'dapGyCm2', 'fluoroTimeS'] as const;
export type DoseQuantity = (typeof DOSE_QUANTITIES)[number];

/**
 * The fewest cases a median is read from, for a proposed level and for the comparison with
 * one: ICRP 135 asks for at least 20 patients per group.
 */
export const MIN_CASES = 20;

export const DOSE_PROTOCOLS = ['single_level', 'two_levels_or_bilateral', 'with_caudal'] as const;
export type DoseProtocol = (typeof DOSE_PROTOCOLS)[number];
/** A level for every protocol of a modality, or for one. */
export const LEVEL_PROTOCOLS = ['any', ...DOSE_PROTOCOLS] as const;
export type LevelProtocol = (typeof LEVEL_PROTOCOLS)[number];

/** starting: a published figure shipped with the app; adopted: the department's own P75; set: typed in by hand. */
export const LEVEL_ORIGINS = ['starting', 'adopted', 'set'] as const;

const Q =
  'A dose quantity’s name: on the quality dashboard, in Settings → Reference levels and inside warnings ("DLP 200 mGy·cm")';
/** Each dose quantity's name, declared once: translated on the screens and in warnings, its English DOSE_QUANTITY_WORDS's. */
export const DOSE_QUANTITY_MESSAGES: Readonly<Record<DoseQuantity, Message>> = declareMessages('dose.quantity', {
  dlpMGyCm: ['DLP', `${Q}: the dose-length product (CT).`],
  ctdiVolMGy: ['CTDIvol', `${Q}: the volume CT dose index.`],
  dapGyCm2: ['DAP', `${Q}: the dose-area product (fluoroscopy).`],
  fluoroTimeS: ['Fluoroscopy time', `${Q}.`],
});
const DOSE_QUANTITY_UNITS: Record<DoseQuantity, string> = {
  dlpMGyCm: 'mGy·cm',
  ctdiVolMGy: 'mGy',
  dapGyCm2: 'Gy·cm²',
  fluoroTimeS: 's',
};
/** Each dose quantity's English name (its message's) and unit, for the English of the command line and the schemas. */
export const DOSE_QUANTITY_WORDS = Object.fromEntries(
  DOSE_QUANTITIES.map((quantity) => [
    quantity,
    { name: DOSE_QUANTITY_MESSAGES[quantity].message, unit: DOSE_QUANTITY_UNITS[quantity] },
  ]),
) as Record<DoseQuantity, { name: string; unit: string }>;
/** A level's protocol as a message (translated in warnings and on the dashboard), and its English. */
export const PROTOCOL_WORDS: Record<LevelProtocol, Message> = {
  any: W.protocolAny,
  single_level: W.protocolSingleLevel,
  two_levels_or_bilateral: W.protocolTwoLevelsOrBilateral,
  with_caudal: W.protocolWithCaudal,
};
/** A level's protocol as a message (translated in warnings and in Settings). */
export const LEVEL_PROTOCOL_MESSAGES: Readonly<Record<LevelProtocol, Message>> = PROTOCOL_WORDS;
export const DOSE_PROTOCOL_WORDS = Object.fromEntries(
  LEVEL_PROTOCOLS.map((protocol) => [protocol, PROTOCOL_WORDS[protocol].message]),
) as Record<LevelProtocol, string>;

const isoDate = z.iso.date();

export const referenceLevelSchema = z
  .object({
    modality: z.enum(MODALITIES),
    protocol: z.enum(LEVEL_PROTOCOLS),
    quantity: z.enum(DOSE_QUANTITIES),
    value: z
      .number(rule(R.positiveNumber))
      .positive(rule(R.positiveNumber))
      .max(100000, rule(R.atMostNumber, { limit: 100000 })),
    origin: z.enum(LEVEL_ORIGINS),
    /** For an adopted level: the period and number of signed cases its P75 came from. */
    basis: z.object({ from: isoDate, to: isoDate, cases: z.number().int().positive() }).strict().nullish(),
  })
  .strict();
export type ReferenceLevel = z.output<typeof referenceLevelSchema>;

export const referenceLevelsSchema = z
  .object({ levels: z.array(referenceLevelSchema).max(64, rule(R.atMostLevels, { count: 64 })) })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.levels.forEach((level, index) => {
      const key = `${level.modality}/${level.protocol}/${level.quantity}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index],
          ...ruleIssue(
            sentence(R.levelTwice, {
              quantity: sentence(DOSE_QUANTITY_MESSAGES[level.quantity]),
              modality: level.modality,
              protocol: sentence(PROTOCOL_WORDS[level.protocol]),
            }),
          ),
        });
      }
      seen.add(key);
    });
  });
export type ReferenceLevels = z.output<typeof referenceLevelsSchema>;

const starting = (modality: Modality, quantity: DoseQuantity, value: number): ReferenceLevel => ({
  modality,
  protocol: 'any',
  quantity,
  value,
  origin: 'starting',
});

/**
 * What the app starts with (docs/clinical-data.md, reference levels): DLP 200 mGy·cm, the published mean of a
 * low-dose protocol, wherever CT is used; fluoroscopy time 60 s wherever fluoroscopy is.
 * CTDIvol and DAP have none until the department adopts its own.
 */
export const STARTING_REFERENCE_LEVELS: ReferenceLevels = {
  levels: [
    starting('ct', 'dlpMGyCm', 200),
    starting('ct_fluoroscopy', 'dlpMGyCm', 200),
    starting('ct_and_fluoroscopy', 'dlpMGyCm', 200),
    starting('fluoroscopy', 'fluoroTimeS', 60),
    starting('ct_fluoroscopy', 'fluoroTimeS', 60),
    starting('ct_and_fluoroscopy', 'fluoroTimeS', 60),
  ],
};

/** The one DLP and one fluoroscopy time a department had before schema 9. */
const legacyLevelsSchema = z.object({ ctDlpMGyCm: z.number().positive(), fluoroTimeS: z.number().positive() });

/**
 * The levels as stored. Before schema 9's reference levels a department had one DLP and one
 * fluoroscopy time for every modality ({ ctDlpMGyCm, fluoroTimeS }): read as those values for
 * the same modalities as the starting levels, marked as set by hand where they differ from
 * the starting figures.
 */
export function referenceLevelsFromStored(stored: unknown): ReferenceLevels {
  // Read at every save (the warnings): a logbook that never set levels parses nothing.
  if (stored == null) return STARTING_REFERENCE_LEVELS;
  const current = referenceLevelsSchema.safeParse(stored);
  if (current.success) return current.data;
  const legacy = legacyLevelsSchema.safeParse(stored);
  if (!legacy.success) return STARTING_REFERENCE_LEVELS;
  const valueFor = (quantity: DoseQuantity) =>
    quantity === 'dlpMGyCm' ? legacy.data.ctDlpMGyCm : quantity === 'fluoroTimeS' ? legacy.data.fluoroTimeS : 0;
  return {
    levels: STARTING_REFERENCE_LEVELS.levels.map((level) => {
      const value = valueFor(level.quantity);
      return value === level.value ? level : { ...level, value, origin: 'set' };
    }),
  };
}

/** One level, two levels / bilateral, or with a caudal injection (which dominates the dose). */
export function doseProtocolOf(record: Pick<ProcedureDraft, 'caudalEpidural' | 'targets'>): DoseProtocol {
  if (record.caudalEpidural) return 'with_caudal';
  return record.targets.length >= 2 ? 'two_levels_or_bilateral' : 'single_level';
}

/** The level that applies: the protocol's own, else the modality's for any protocol; none when neither is set. */
export function levelFor(
  levels: ReferenceLevels,
  modality: Modality,
  protocol: DoseProtocol,
  quantity: DoseQuantity,
): ReferenceLevel | undefined {
  const matches = (level: ReferenceLevel, wanted: LevelProtocol) =>
    level.modality === modality && level.quantity === quantity && level.protocol === wanted;
  return (
    levels.levels.find((level) => matches(level, protocol)) ?? levels.levels.find((level) => matches(level, 'any'))
  );
}

/** Where a level comes from, in words. */
function originWords(level: ReferenceLevel): Words {
  if (level.origin === 'starting') return sentence(W.originStarting);
  if (level.origin === 'set') return sentence(W.originSet);
  if (!level.basis) return sentence(W.originAdopted);
  const { cases, from, to } = level.basis;
  return cases === 1 ? sentence(W.originAdoptedOfOne, { from, to }) : sentence(W.originAdoptedOf, { cases, from, to });
}

/** "DLP 200 mGy·cm", "Fluoroscopy time 36 s": a dose figure with its name (translated where it is a word) and unit. */
export function doseFigureWords(quantity: DoseQuantity, value: number): Words {
  return sentence(W.doseFigure, {
    name: sentence(DOSE_QUANTITY_MESSAGES[quantity]),
    value,
    unit: DOSE_QUANTITY_UNITS[quantity],
  });
}

/** A level as words to say in the reader's language: "DLP 200 mGy·cm (CT, any protocol; starting value …)". */
export function levelWords(level: ReferenceLevel): Words {
  return sentence(W.referenceLevel, {
    figure: doseFigureWords(level.quantity, level.value),
    modality: sentence(codeMessage(level.modality)),
    protocol: sentence(PROTOCOL_WORDS[level.protocol]),
    origin: originWords(level),
  });
}

/** "DLP 200 mGy·cm (CT, any protocol; starting value)", in English. */
export const describeLevel = (level: ReferenceLevel): string => inEnglish(levelWords(level));

/**
 * The two figures the dashboard's dose charts draw and count against: the CT DLP and the
 * fluoroscopy time for a one-level procedure (null where the department has none). The
 * per-modality, per-protocol comparison of medians is db/stats/reference-comparison.ts.
 */
export function dashboardLevels(levels: ReferenceLevels): { ctDlpMGyCm: number | null; fluoroTimeS: number | null } {
  return {
    ctDlpMGyCm: levelFor(levels, 'ct', 'single_level', 'dlpMGyCm')?.value ?? null,
    fluoroTimeS: levelFor(levels, 'fluoroscopy', 'single_level', 'fluoroTimeS')?.value ?? null,
  };
}

/** The period whose signed procedures a proposal of local levels is computed from. */
export const proposalPeriodSchema = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((period) => period.from <= period.to, { ...rule(R.notAfterItEnds), path: ['from'] });
export type ProposalPeriod = z.output<typeof proposalPeriodSchema>;
