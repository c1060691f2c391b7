import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeDraft } from '../testing/drafts.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import type { SameDaySteroidMg } from './clinical-warning.js';
import { type ProcedureDraft, procedureDraftSchema } from './procedure.js';
import { STARTING_REFERENCE_LEVELS } from './reference-levels.js';
import type { SameDayRecord } from './same-day-rules.js';
import type { RuleSettings } from './settings.js';
import {
  ABNORMAL_SPREAD_ACTIONS,
  ANTICOAGULANT_CLASSES,
  ANTICOAGULATION,
  COMPLICATIONS,
  CONTRAST_ALLERGY,
  DISPOSITIONS,
  MODALITIES,
  PREGNANCY_EXCLUDED,
  ROOTS,
  SPREAD_PATTERNS,
} from './vocabularies.js';
import { type HeldWarnings, heldWarningsCopy, warnings, warningsSince } from './warnings.js';

/*
 * The autosave's warnings rule by rule against the draft saved before (issue 22) are the
 * warnings found from scratch, whatever was edited: a field any rule reads, a setting, the
 * patient's other records that day. The edits are chosen among values that raise warnings.
 */

const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
const DRUGS = ['dexamethasone', 'triamcinolone', 'methylprednisolone', 'lidocaine', 'bupivacaine', 'ropivacaine'];
const target = fc.record(
  {
    root: fc.constantFrom(...ROOTS),
    side: fc.constantFrom('left', 'right'),
    foramen: fc.constantFrom('L5/S1', 'L4/L5', 'S1'),
    approach: fc.constant('transforaminal'),
    spread: fc.subarray([...SPREAD_PATTERNS], { maxLength: 3 }),
    abnormalSpreadAction: fc.constantFrom(...ABNORMAL_SPREAD_ACTIONS),
  },
  { requiredKeys: ['root', 'side', 'foramen', 'approach', 'spread'] },
);
const drug = fc.record(
  {
    drug: fc.constantFrom(...DRUGS),
    doseMg: fc.constantFrom(4, 8, 40, 400),
    concentrationMgPerMl: fc.constantFrom(2, 10, 1000),
    volumeMl: fc.constantFrom(1, 2, 30),
    site: fc.constantFrom(0, 1, 'caudal'),
  },
  { requiredKeys: ['drug', 'site'] },
);

/** Values for the fields the rules read, and for some they do not. */
const FIELD_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  patientId: fc.constantFrom('P1234567', 'P7654321'),
  performedAt: fc.constantFrom('2026-03-14T09:30:00+01:00', '2026-03-14T23:10:00+01:00'),
  startedAt: maybe(fc.constantFrom('09:30', '09:45', '23:50', '00:10')),
  endedAt: maybe(fc.constantFrom('09:45', '12:00', '00:20')),
  birthDate: maybe(fc.constantFrom('1961-04-02', '2001-06-30')),
  sex: maybe(fc.constantFrom('female', 'male')),
  symptomSide: maybe(fc.constantFrom('left', 'right', 'bilateral')),
  anticoagulation: maybe(fc.constantFrom(...ANTICOAGULATION)),
  anticoagulantClass: maybe(fc.constantFrom(...ANTICOAGULANT_CLASSES)),
  contrastAllergy: maybe(fc.constantFrom(...CONTRAST_ALLERGY)),
  pregnancyExcluded: maybe(fc.constantFrom(...PREGNANCY_EXCLUDED)),
  steroidAllergy: maybe(fc.constantFrom('yes', 'no')),
  localAnaestheticAllergy: maybe(fc.constantFrom('yes', 'no')),
  diabetes: maybe(fc.constantFrom('yes', 'no')),
  weightKg: maybe(fc.constantFrom(8, 70)),
  timeOutLevelVerified: maybe(fc.boolean()),
  timeOutSideMarked: maybe(fc.boolean()),
  modality: maybe(fc.constantFrom(...MODALITIES)),
  dlpMGyCm: maybe(fc.constantFrom(0.5, 150, 4000, 90000)),
  ctdiVolMGy: maybe(fc.constantFrom(0.01, 5, 200)),
  dapGyCm2: maybe(fc.constantFrom(0.1, 3, 320)),
  fluoroTimeS: maybe(fc.constantFrom(5, 60, 9000)),
  contrastAgent: maybe(fc.constantFrom('gadolinium_based', 'none', 'iopamidol_300')),
  caudalEpidural: fc.boolean(),
  caudalSpread: fc.subarray([...SPREAD_PATTERNS], { maxLength: 2 }),
  caudalAbnormalSpreadAction: maybe(fc.constantFrom(...ABNORMAL_SPREAD_ACTIONS)),
  targets: fc.array(target, { maxLength: 2 }),
  drugs: fc.array(drug, { maxLength: 3 }),
  complications: fc.array(fc.record({ type: fc.constantFrom(...COMPLICATIONS) }), { minLength: 1, maxLength: 2 }),
  disposition: maybe(fc.constantFrom(...DISPOSITIONS)),
  painPre: maybe(fc.integer({ min: 0, max: 10 })),
  painPost: maybe(fc.integer({ min: 0, max: 10 })),
  notes: fc.string({ maxLength: 12 }),
};

const SETTINGS: RuleSettings[] = [
  { referenceLevels: STARTING_REFERENCE_LEVELS, drugCatalogue: DEFAULT_DRUG_CATALOGUE },
  {
    referenceLevels: STARTING_REFERENCE_LEVELS,
    drugCatalogue: DEFAULT_DRUG_CATALOGUE,
    steroidDayMaxDexamethasoneMg: 8,
  },
  {
    referenceLevels: STARTING_REFERENCE_LEVELS,
    drugCatalogue: DEFAULT_DRUG_CATALOGUE.map((entry) => ({ ...entry, particulate: !entry.particulate })),
  },
];
const STEROID_EARLIER: SameDaySteroidMg[] = [{}, { dexamethasone: 8 }, { triamcinolone: 40 }];
const OTHER_RECORDS: SameDayRecord[][] = [
  [],
  [{ id: 'other', performedAt: '2026-03-14T08:00:00+01:00', status: 'signed', rootSides: ['L5 left'] }],
  [{ id: 'other', performedAt: null, status: 'draft', rootSides: ['L4 right', 'S1 left'] }],
];

/** One save: fields set (or cleared), and now and then another setting or another patient's day. */
const save = fc.record({
  fields: fc.array(
    fc
      .constantFrom(...Object.keys(FIELD_VALUES))
      .chain((key) => fc.record({ key: fc.constant(key), value: FIELD_VALUES[key] as fc.Arbitrary<unknown> })),
    { maxLength: 3 },
  ),
  removed: fc.option(fc.constantFrom(...Object.keys(FIELD_VALUES)), { nil: undefined }),
  settings: fc.option(fc.nat({ max: SETTINGS.length - 1 }), { nil: undefined, freq: 4 }),
  steroid: fc.option(fc.nat({ max: STEROID_EARLIER.length - 1 }), { nil: undefined, freq: 4 }),
  records: fc.option(fc.nat({ max: OTHER_RECORDS.length - 1 }), { nil: undefined, freq: 4 }),
  // The same setting or day given as an equal copy (read again), not the same object.
  copied: fc.boolean(),
});

const BASE = procedureDraftSchema.parse(completeDraft('op-1'));

describe('the clinical warnings found again rule by rule', () => {
  it('are the warnings found from scratch, after any edits', () => {
    fc.assert(
      fc.property(fc.array(save, { minLength: 1, maxLength: 10 }), (saves) => {
        let input: Record<string, unknown> = { ...BASE };
        let settings = SETTINGS[0] as RuleSettings;
        let steroid = STEROID_EARLIER[0] as SameDaySteroidMg;
        let records = OTHER_RECORDS[0] as SameDayRecord[];
        let held: HeldWarnings | undefined;
        for (const step of saves) {
          input = { ...input };
          for (const { key, value } of step.fields) input[key] = value;
          if (step.removed) delete input[step.removed];
          const parsed = procedureDraftSchema.safeParse(input);
          if (!parsed.success) continue;
          const again = <T>(value: T): T => (step.copied ? structuredClone(value) : value);
          if (step.settings !== undefined) settings = again(SETTINGS[step.settings] as RuleSettings);
          if (step.steroid !== undefined) steroid = again(STEROID_EARLIER[step.steroid] as SameDaySteroidMg);
          if (step.records !== undefined) records = again(OTHER_RECORDS[step.records] as SameDayRecord[]);
          const record: ProcedureDraft = parsed.data;
          const draftAsSaved = structuredClone(record);
          const since = warningsSince(held, record, settings, steroid, records);
          expect(since.found).toEqual(warnings(record, settings, steroid, records));
          held = heldWarningsCopy(since.held);
          // What the caller does with its draft and its answer afterwards cannot change what is held.
          record.notes = 'changed after the save';
          record.drugs.pop();
          for (const found of since.found) found.field = 'elsewhere';
          input = draftAsSaved;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('runs again only the rules that read the field typed', () => {
    const settings = SETTINGS[0] as RuleSettings;
    const first = warningsSince(undefined, BASE, settings);
    const rules = first.held.runs.length;
    const keptAfter = (changes: Partial<ProcedureDraft>) => {
      const next = warningsSince(heldWarningsCopy(first.held), { ...BASE, ...changes }, settings);
      return next.held.runs.filter((run, index) => run === first.held.runs[index]).length;
    };
    expect(keptAfter({ notes: 'Good contrast spread' })).toBe(rules);
    expect(keptAfter({ painPost: 9 })).toBe(rules - 1);
    expect(keptAfter({ drugs: [] })).toBeLessThan(rules - 3);
  });
});
