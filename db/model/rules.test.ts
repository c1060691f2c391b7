import { describe, expect, it } from 'vitest';
import { completeDraft } from '../testing/fixtures.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import { type ProcedureInput, procedureDraftSchema } from './procedure.js';
import { DEFAULT_REFERENCE_LEVELS } from './settings.js';
import { signedProcedureSchema, signingProblems } from './signing.js';
import { warnings } from './warnings.js';

const OPERATOR = 'op-1';
const settings = { referenceLevels: DEFAULT_REFERENCE_LEVELS, drugCatalogue: DEFAULT_DRUG_CATALOGUE };
const signingContext = { operatorIds: new Set([OPERATOR]), drugCatalogue: DEFAULT_DRUG_CATALOGUE };
const draft = (overrides: Partial<ProcedureInput> = {}) =>
  procedureDraftSchema.parse(completeDraft(OPERATOR, overrides));
const fieldsOf = (overrides: Partial<ProcedureInput>) =>
  signingProblems(draft(overrides), signingContext).map((p) => p.field);
const codesOf = (overrides: Partial<ProcedureInput>, sameDay = {}) =>
  warnings(draft(overrides), settings, sameDay).map((w) => w.code);

describe('signing rules', () => {
  it('accept the complete standard case', () => {
    expect(signingProblems(draft(), signingContext)).toEqual([]);
    expect(signedProcedureSchema.safeParse(completeDraft(OPERATOR)).success).toBe(true);
  });

  it('list every missing sign field at once, each at its field', () => {
    const problems = signingProblems(procedureDraftSchema.parse({}), signingContext);
    expect(problems.map((p) => p.field)).toEqual([
      'patientId',
      'performedAt',
      'operatorId',
      'indications',
      'consent',
      'modality',
      'painPre',
      'painPost',
      'targets',
      'drugs',
      'complications',
    ]);
    expect(problems[0]?.message).toBe('Patient ID is required to sign');
  });

  it.each([
    [{ consent: 'not_obtained' }, 'consent'],
    [{ operatorId: 'someone-else' }, 'operatorId'],
    [{ startedAt: '10:00', endedAt: '09:50' }, 'endedAt'],
    [{ targets: [{ root: 'L5', spread: ['perineural'] }] }, 'targets[0].side'],
    [{ targets: [{ side: 'left', spread: ['perineural'] }] }, 'targets[0].root'],
    [{ targets: [{ root: 'L5', side: 'left', spread: [] }] }, 'targets[0].spread'],
    [{ targets: [{ root: 'L5', side: 'left', spread: ['perineural', 'not_assessed'] }] }, 'targets[0].spread'],
    [
      {
        targets: [
          { root: 'L5', side: 'left', spread: ['perineural'] },
          { root: 'L5', side: 'left', spread: ['perineural'] },
        ],
      },
      'targets[1].root',
    ],
    [{ contrastAgent: 'none' }, 'targets[0].spread'],
    [{ caudalEpidural: true }, 'caudalSpread'],
    [{ caudalSpread: ['epidural'] }, 'caudalSpread'],
    [{ drugs: [{ drug: 'sodium_chloride', volumeMl: 2, site: 0 }] }, 'drugs'],
    [{ drugs: [{ drug: 'dexamethasone', site: 0 }] }, 'drugs[0].doseMg'],
    [{ drugs: [{ drug: 'lidocaine', concentrationMgPerMl: 10, site: 0 }] }, 'drugs[0].volumeMl'],
    [{ drugs: [{ drug: 'dexamethasone', doseMg: 8 }] }, 'drugs[0].site'],
    [{ drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 3 }] }, 'drugs[0].site'],
    [{ drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 'caudal' }] }, 'drugs[0].site'],
    [{ complications: [] }, 'complications'],
    [{ complications: [{ type: 'none' }, { type: 'vasovagal', severity: 'minor' }] }, 'complications'],
    [{ complications: [{ type: 'vasovagal' }] }, 'complications[0].severity'],
  ] as [Partial<ProcedureInput>, string][])('refuse %j at %s', (overrides, field) => {
    expect(fieldsOf(overrides)).toEqual([field]);
  });

  it('refuse an unknown drug, which then counts as no therapeutic drug', () => {
    expect(fieldsOf({ drugs: [{ drug: 'unknown_drug', doseMg: 1, site: 0 }] })).toEqual(['drugs[0].drug', 'drugs']);
  });

  it('accept no drug with a reason, and caudal with its own spread', () => {
    expect(fieldsOf({ drugs: [], noDrugReason: 'patient declined steroid' })).toEqual([]);
    expect(
      fieldsOf({
        caudalEpidural: true,
        caudalSpread: ['epidural'],
        drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 'caudal' }],
      }),
    ).toEqual([]);
  });

  it('the signed schema reports the same fields with their messages', () => {
    const result = signedProcedureSchema.safeParse(
      completeDraft(OPERATOR, { painPre: null, targets: [{ root: 'L5', spread: [] }] }),
    );
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toContainEqual(['painPre', 'Pain before (NRS) is required to sign']);
    expect(issues).toContainEqual(['targets.0.side', 'Side (target 1) is required to sign']);
  });
});

describe('clinical warnings', () => {
  it('none for the standard case', () => expect(codesOf({})).toEqual([]));

  it.each(['intravascular_venous', 'intravascular_arterial', 'intrathecal'] as const)(
    'particulate steroid after %s spread at the same target',
    (pattern) => {
      const found = warnings(
        draft({
          targets: [{ root: 'S1', side: 'left', spread: [pattern] }],
          drugs: [{ drug: 'triamcinolone', doseMg: 40, site: 0 }],
          // Consistent with the spread, so that only the rule under test speaks.
          complications: [{ type: pattern === 'intrathecal' ? 'none' : 'intravascular_injection' }],
          disposition: 'observation',
        }),
        settings,
      );
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        code: 'particulate_after_unsafe_spread',
        level: 'safety',
        field: 'drugs[0].drug',
      });
      expect(found[0]?.message).toMatch(/particulate steroid/);
    },
  );

  it('no particulate warning for dexamethasone, or for a particulate steroid at another target', () => {
    const unsafe = { root: 'S1' as const, side: 'left' as const, spread: ['intravascular_venous' as const] };
    const complications = [{ type: 'intravascular_injection' as const }];
    expect(
      codesOf({ targets: [unsafe], drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 0 }], complications }),
    ).toEqual([]);
    expect(
      codesOf({
        targets: [unsafe, { root: 'L5', side: 'left', foramen: 'L5/S1', spread: ['perineural'] }],
        drugs: [{ drug: 'triamcinolone', doseMg: 40, site: 1 }],
        complications,
      }),
    ).toEqual([]);
  });

  it('particulate steroid after intravascular caudal spread', () => {
    expect(
      codesOf({
        caudalEpidural: true,
        caudalSpread: ['intravascular_venous'],
        drugs: [{ drug: 'methylprednisolone', doseMg: 40, site: 'caudal' }],
        complications: [{ type: 'intravascular_injection' }],
      }),
    ).toEqual(['particulate_after_unsafe_spread']);
  });

  it('dose above the catalogue maximum, summed over the procedure', () => {
    expect(codesOf({ drugs: [{ drug: 'dexamethasone', doseMg: 16, site: 0 }] })).toEqual(['dose_above_maximum']);
    expect(codesOf({ drugs: [{ drug: 'dexamethasone', doseMg: 15, site: 0 }] })).toEqual([]);
    const bilateral: Partial<ProcedureInput> = {
      targets: [
        { root: 'L5', side: 'left', spread: ['perineural'] },
        { root: 'L5', side: 'right', spread: ['perineural'] },
      ],
      symptomSide: 'bilateral',
    };
    expect(
      codesOf({
        ...bilateral,
        drugs: [
          { drug: 'dexamethasone', doseMg: 8, site: 0 },
          { drug: 'dexamethasone', doseMg: 8, site: 1 },
        ],
      }),
    ).toEqual(['dose_above_maximum']);
    expect(codesOf({ drugs: [{ drug: 'lidocaine', concentrationMgPerMl: 20, volumeMl: 11, site: 0 }] })).toEqual([
      'dose_above_maximum',
    ]);
  });

  it("the day's steroid total above the maximum", () => {
    expect(codesOf({}, { dexamethasone: 8 })).toEqual(['day_steroid_above_maximum']);
    expect(codesOf({}, { dexamethasone: 7 })).toEqual([]);
    expect(codesOf({}, { triamcinolone: 80 })).toEqual([]);
  });

  it('DLP and fluoroscopy time above the reference levels', () => {
    expect(codesOf({ dlpMGyCm: 201 })).toEqual(['dlp_above_reference']);
    expect(codesOf({ dlpMGyCm: 200 })).toEqual([]);
    expect(codesOf({ modality: 'fluoroscopy', dlpMGyCm: null, fluoroTimeS: 61 })).toEqual([
      'fluoro_time_above_reference',
    ]);
    expect(codesOf({ modality: 'fluoroscopy', dlpMGyCm: null, fluoroTimeS: 60 })).toEqual([]);
  });

  it('target side different from the symptom side', () => {
    const found = warnings(draft({ symptomSide: 'right' }), settings);
    expect(found.map((w) => [w.code, w.field])).toEqual([['side_differs_from_symptoms', 'targets[0].side']]);
    expect(codesOf({ symptomSide: 'bilateral' })).toEqual([]);
  });

  it('anticoagulation continued', () => {
    expect(codesOf({ anticoagulation: 'continued' })).toEqual(['anticoagulation_continued']);
    expect(codesOf({ anticoagulation: 'paused_per_protocol' })).toEqual([]);
  });

  it('pain after higher than before', () => {
    expect(codesOf({ painPre: 3, painPost: 5 })).toEqual(['pain_worse_after']);
    expect(codesOf({ painPre: 5, painPost: 5 })).toEqual([]);
  });

  it('a glucose reminder for diabetics given a steroid, not for others', () => {
    const found = warnings(draft({ diabetes: 'yes' }), settings);
    expect(found.map((w) => [w.code, w.level])).toEqual([['diabetes_glucose_reminder', 'reminder']]);
    expect(
      codesOf({ diabetes: 'yes', drugs: [{ drug: 'lidocaine', concentrationMgPerMl: 10, volumeMl: 1, site: 0 }] }),
    ).toEqual([]);
  });

  it('use the department settings, not fixed numbers', () => {
    const strict = { ...settings, referenceLevels: { ctDlpMGyCm: 100, fluoroTimeS: 30 } };
    expect(warnings(draft({ dlpMGyCm: 150 }), strict).map((w) => w.code)).toEqual(['dlp_above_reference']);
  });
});

describe('the rules a clinical review found missing', () => {
  const fires = (overrides: Partial<ProcedureInput>, code: string, field: string) => {
    const found = warnings(draft(overrides), settings).filter((warning) => warning.code === code);
    expect(found, code).toHaveLength(1);
    expect(found[0]?.field).toBe(field);
    expect(found[0]?.message.length).toBeGreaterThan(30);
  };
  const silent = (overrides: Partial<ProcedureInput>, code: string) => expect(codesOf(overrides)).not.toContain(code);

  it('gadolinium-based contrast for a spinal injection', () => {
    fires({ contrastAgent: 'gadolinium_based' }, 'gadolinium_contrast', 'contrastAgent');
    silent({ contrastAgent: 'iopamidol_300' }, 'gadolinium_contrast');
  });

  it('a local anaesthetic where the spread was intrathecal', () => {
    const intrathecal = {
      targets: [
        { root: 'L5' as const, side: 'left' as const, foramen: 'L5/S1' as const, spread: ['intrathecal' as const] },
      ],
    };
    fires({ ...intrathecal, disposition: 'observation' }, 'local_anaesthetic_after_intrathecal', 'drugs[1].drug');
    silent(
      { ...intrathecal, drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 0 }] },
      'local_anaesthetic_after_intrathecal',
    );
  });

  it('a steroid without a contrast check of the spread', () => {
    fires({ contrastAgent: 'none' }, 'steroid_without_spread_check', 'drugs[0].site');
    fires(
      { targets: [{ root: 'L5', side: 'left', foramen: 'L5/S1', spread: ['not_assessed'] }] },
      'steroid_without_spread_check',
      'drugs[0].site',
    );
    silent({}, 'steroid_without_spread_check');
  });

  it('a root and a foramen that do not match', () => {
    fires(
      { targets: [{ root: 'S1', side: 'left', foramen: 'L5/S1', spread: ['perineural'] }] },
      'root_foramen_mismatch',
      'targets[0].foramen',
    );
    silent({ targets: [{ root: 'S1', side: 'left', foramen: 'S1', spread: ['perineural'] }] }, 'root_foramen_mismatch');
  });

  it('pregnancy not excluded for a woman aged 12 to 55', () => {
    fires({ birthDate: '1990-01-01', pregnancyExcluded: null }, 'pregnancy_not_excluded', 'pregnancyExcluded');
    silent({ birthDate: '1990-01-01', pregnancyExcluded: 'yes' }, 'pregnancy_not_excluded');
    silent({ birthDate: '1960-01-01', pregnancyExcluded: null }, 'pregnancy_not_excluded');
    silent({ birthDate: '1990-01-01', sex: 'male', pregnancyExcluded: null }, 'pregnancy_not_excluded');
  });

  it('home after intrathecal spread or a motor block', () => {
    fires(
      { complications: [{ type: 'transient_motor_block', severity: 'minor' }], disposition: 'home_not_driving' },
      'home_after_intrathecal_or_motor_block',
      'disposition',
    );
    silent(
      { complications: [{ type: 'transient_motor_block', severity: 'minor' }], disposition: 'observation' },
      'home_after_intrathecal_or_motor_block',
    );
  });

  it('an intravascular injection complication without intravascular spread, or the reverse', () => {
    fires(
      { complications: [{ type: 'intravascular_injection', severity: 'minor' }] },
      'intravascular_complication_mismatch',
      'complications',
    );
    fires(
      { targets: [{ root: 'L5', side: 'left', foramen: 'L5/S1', spread: ['intravascular_venous'] }] },
      'intravascular_complication_mismatch',
      'complications',
    );
    silent({}, 'intravascular_complication_mismatch');
  });
});
