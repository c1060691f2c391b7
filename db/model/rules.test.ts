import { describe, expect, it } from 'vitest';
import { completeDraft } from '../testing/fixtures.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import { canonicalDraft, type ProcedureInput, procedureDraftSchema } from './procedure.js';
import { STARTING_REFERENCE_LEVELS } from './reference-levels.js';
import { signedProcedureSchema, signingProblems } from './signing.js';
import { warnings } from './warnings.js';

const OPERATOR = 'op-1';
const settings = { referenceLevels: STARTING_REFERENCE_LEVELS, drugCatalogue: DEFAULT_DRUG_CATALOGUE };
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

describe('SIR grades', () => {
  it('derive the minor/major severity (A–B minor, C–F major), whatever severity was sent', () => {
    const graded = canonicalDraft(
      draft({
        complications: [
          { type: 'vasovagal', sirGrade: 'B', severity: 'major' },
          { type: 'hematoma', sirGrade: 'C' },
        ],
      }),
    );
    expect(graded.complications).toEqual([
      { type: 'vasovagal', sirGrade: 'B', severity: 'minor' },
      { type: 'hematoma', sirGrade: 'C', severity: 'major' },
    ]);
    expect(fieldsOf({ complications: [{ type: 'hematoma', sirGrade: 'D' }] })).toEqual(['complications[0].severity']);
    expect(signingProblems(graded, signingContext)).toEqual([]);
  });
});

describe('clinical warnings', () => {
  it('none for the standard case', () => expect(codesOf({})).toEqual([]));

  it.each(['intravascular_venous', 'intravascular_arterial', 'intrathecal'] as const)(
    'particulate steroid after %s spread at the same target',
    (pattern) => {
      const found = warnings(
        draft({
          targets: [{ root: 'S1', side: 'left', spread: [pattern], abnormalSpreadAction: 'digital_subtraction' }],
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
    const unsafe = {
      root: 'S1' as const,
      side: 'left' as const,
      spread: ['intravascular_venous' as const],
      abnormalSpreadAction: 'switched_to_non_particulate' as const,
    };
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
    ).toEqual(['particulate_after_unsafe_spread', 'abnormal_spread_without_action']);
  });

  it('a clean retest after repositioning clears the particulate warning (a false alarm before), and only that', () => {
    const withAction = (abnormalSpreadAction: 'repositioned_clean_retest' | 'digital_subtraction' | 'aborted') => ({
      targets: [
        { root: 'L5' as const, side: 'left' as const, spread: ['intravascular_venous' as const], abnormalSpreadAction },
      ],
      drugs: [{ drug: 'triamcinolone', doseMg: 40, site: 0 as const }],
      complications: [{ type: 'intravascular_injection' as const, severity: 'minor' as const }],
    });
    expect(codesOf(withAction('repositioned_clean_retest'))).toEqual([]);
    expect(codesOf(withAction('digital_subtraction'))).toEqual(['particulate_after_unsafe_spread']);
    expect(codesOf(withAction('aborted'))).toEqual(['particulate_after_unsafe_spread']);
    expect(
      codesOf({
        caudalEpidural: true,
        caudalSpread: ['intravascular_venous'],
        caudalAbnormalSpreadAction: 'repositioned_clean_retest',
        drugs: [{ drug: 'methylprednisolone', doseMg: 40, site: 'caudal' }],
        complications: [{ type: 'intravascular_injection' }],
      }),
    ).toEqual([]);
  });

  it('a steroid above its maximum per level; a local anaesthetic above its maximum per procedure', () => {
    expect(codesOf({ drugs: [{ drug: 'dexamethasone', doseMg: 16, site: 0 }] })).toEqual(['dose_above_maximum']);
    expect(codesOf({ drugs: [{ drug: 'dexamethasone', doseMg: 15, site: 0 }] })).toEqual([]);
    const bilateral: Partial<ProcedureInput> = {
      targets: [
        { root: 'L5', side: 'left', spread: ['perineural'] },
        { root: 'L5', side: 'right', spread: ['perineural'] },
      ],
      symptomSide: 'bilateral',
    };
    // The standard bilateral case: 2 × 8 mg dexamethasone is two doses of 8 mg (a false alarm before).
    expect(
      codesOf({
        ...bilateral,
        drugs: [
          { drug: 'dexamethasone', doseMg: 8, site: 0 },
          { drug: 'dexamethasone', doseMg: 8, site: 1 },
        ],
      }),
    ).toEqual([]);
    // Two doses at the same level add up.
    const twice = warnings(
      draft({
        drugs: [
          { drug: 'dexamethasone', doseMg: 8, site: 0 },
          { drug: 'dexamethasone', doseMg: 8, site: 0 },
        ],
      }),
      settings,
    );
    expect(twice.map((w) => [w.code, w.field])).toEqual([['dose_above_maximum', 'drugs[0].doseMg']]);
    expect(twice[0]?.message).toMatch(/16 mg at target 1 .* per level/);
    // A local anaesthetic adds up over the whole procedure.
    expect(
      codesOf({
        ...bilateral,
        drugs: [
          { drug: 'lidocaine', concentrationMgPerMl: 20, volumeMl: 6, site: 0 },
          { drug: 'lidocaine', concentrationMgPerMl: 20, volumeMl: 5, site: 1 },
        ],
      }),
    ).toEqual(['dose_above_maximum']);
  });

  it('a dexamethasone dose stated as the base is compared as the phosphate; the salt belongs to dexamethasone only', () => {
    // 14 mg base ≈ 17 mg phosphate: above the 15 mg per level; 14 mg phosphate is not.
    expect(codesOf({ drugs: [{ drug: 'dexamethasone', doseMg: 14, site: 0, doseSalt: 'base' }] })).toEqual([
      'dose_above_maximum',
    ]);
    expect(codesOf({ drugs: [{ drug: 'dexamethasone', doseMg: 14, site: 0, doseSalt: 'phosphate' }] })).toEqual([]);
    expect(codesOf({ drugs: [{ drug: 'dexamethasone', doseMg: 14, site: 0 }] })).toEqual([]);
    expect(
      fieldsOf({ drugs: [{ drug: 'lidocaine', concentrationMgPerMl: 10, volumeMl: 1, site: 0, doseSalt: 'base' }] }),
    ).toEqual(['drugs[0].doseSalt']);
  });

  it('betamethasone by formulation: the phosphate solution is not particulate, the phosphate + acetate suspension is', () => {
    const intravascular = {
      targets: [
        {
          root: 'S1' as const,
          side: 'left' as const,
          spread: ['intravascular_venous' as const],
          abnormalSpreadAction: 'digital_subtraction' as const,
        },
      ],
      complications: [{ type: 'intravascular_injection' as const, severity: 'minor' as const }],
    };
    expect(codesOf({ ...intravascular, drugs: [{ drug: 'betamethasone_phosphate', doseMg: 6, site: 0 }] })).toEqual([]);
    expect(codesOf({ ...intravascular, drugs: [{ drug: 'betamethasone', doseMg: 6, site: 0 }] })).toEqual([
      'particulate_after_unsafe_spread',
    ]);
  });

  it("the day's steroid, summed across steroids in dexamethasone equivalents, above the department limit", () => {
    // 30 mg of dexamethasone by default: three levels of 8 mg are 24 mg.
    const threeLevels: Partial<ProcedureInput> = {
      targets: [
        { root: 'L4', side: 'left', spread: ['perineural'] },
        { root: 'L5', side: 'left', spread: ['perineural'] },
        { root: 'S1', side: 'left', spread: ['perineural'] },
      ],
      drugs: [0, 1, 2].map((site) => ({ drug: 'dexamethasone', doseMg: 8, site })),
    };
    expect(codesOf(threeLevels)).toEqual([]);
    expect(codesOf(threeLevels, { dexamethasone: 8 })).toEqual(['day_steroid_above_maximum']);
    // Triamcinolone 80 mg is 15 mg of dexamethasone: with 8 mg here, 23 mg, below 30.
    expect(codesOf({}, { triamcinolone: 80 })).toEqual([]);
    // Betamethasone 12 mg is 15 mg: with 8 + 8 mg dexamethasone here, 31 mg.
    const found = warnings(
      draft({
        ...threeLevels,
        drugs: [
          { drug: 'dexamethasone', doseMg: 8, site: 0 },
          { drug: 'dexamethasone', doseMg: 8, site: 1 },
        ],
      }),
      settings,
      { betamethasone: 12 },
    );
    expect(found.map((w) => [w.code, w.field])).toEqual([['day_steroid_above_maximum', 'drugs[0].doseMg']]);
    expect(found[0]?.message).toMatch(/31 mg dexamethasone-equivalent \(16 mg here, 15 mg earlier today\).*30 mg/);
  });

  it('a dose above the level for its modality and protocol, answered with a reason', () => {
    const levels = {
      levels: [
        {
          modality: 'ct' as const,
          protocol: 'any' as const,
          quantity: 'dlpMGyCm' as const,
          value: 150,
          origin: 'adopted' as const,
        },
        {
          modality: 'ct' as const,
          protocol: 'with_caudal' as const,
          quantity: 'dlpMGyCm' as const,
          value: 300,
          origin: 'adopted' as const,
        },
        {
          modality: 'ct' as const,
          protocol: 'any' as const,
          quantity: 'ctdiVolMGy' as const,
          value: 10,
          origin: 'adopted' as const,
        },
        {
          modality: 'fluoroscopy' as const,
          protocol: 'any' as const,
          quantity: 'dapGyCm2' as const,
          value: 5,
          origin: 'set' as const,
        },
      ],
    };
    const local = { ...settings, referenceLevels: levels };
    const codes = (overrides: Partial<ProcedureInput>) =>
      warnings(draft(overrides), local).map((w) => [w.code, w.level, w.field]);
    expect(codes({ dlpMGyCm: 200, ctdiVolMGy: 11 })).toEqual([
      ['dlp_above_reference', 'reference', 'dlpMGyCm'],
      ['ctdivol_above_reference', 'reference', 'ctdiVolMGy'],
    ]);
    // With a caudal injection its own level applies.
    const caudal = { caudalEpidural: true, caudalSpread: ['epidural' as const] };
    expect(codes({ ...caudal, dlpMGyCm: 200 })).toEqual([]);
    expect(codes({ ...caudal, dlpMGyCm: 301 })).toEqual([['dlp_above_reference', 'reference', 'dlpMGyCm']]);
    // A modality without a level for the quantity: nothing to compare with (5000 is only implausible).
    expect(codes({ modality: 'ct_fluoroscopy', dlpMGyCm: 5000 })).toEqual([['dlp_implausible', 'check', 'dlpMGyCm']]);
    expect(codes({ modality: 'ct_fluoroscopy', dlpMGyCm: 1500 })).toEqual([]);
    expect(codes({ modality: 'fluoroscopy', dlpMGyCm: null, dapGyCm2: 6 })).toEqual([
      ['dap_above_reference', 'reference', 'dapGyCm2'],
    ]);
    expect(warnings(draft({ dlpMGyCm: 200 }), local)[0]?.message).toMatch(
      /DLP 200 mGy·cm is above the reference level: DLP 150 mGy·cm \(CT, any protocol; the department’s 75th percentile\)/,
    );
  });

  it('a dose figure far from any such procedure is asked at its field, naming the likely unit', () => {
    const found = warnings(draft({ modality: 'fluoroscopy', dlpMGyCm: null, dapGyCm2: 320 }), settings);
    expect(found.map((w) => [w.code, w.level, w.field])).toEqual([['dap_implausible', 'check', 'dapGyCm2']]);
    expect(found[0]?.message).toMatch(/^DAP 320 Gy·cm² is .*: was it µGy·m²\? \(320 µGy·m² = 3\.2 Gy·cm²\)/);
    expect(codesOf({ ctdiVolMGy: 150 })).toContain('ctdivol_implausible');
    expect(codesOf({ modality: 'fluoroscopy', dlpMGyCm: null, fluoroTimeS: 5400 })).toContain(
      'fluoro_time_implausible',
    );
    expect(codesOf({ modality: 'fluoroscopy', dlpMGyCm: null, dapGyCm2: 1.2, fluoroTimeS: 40 })).toEqual([]);
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
    const strict = {
      ...settings,
      referenceLevels: {
        levels: [
          {
            modality: 'ct' as const,
            protocol: 'any' as const,
            quantity: 'dlpMGyCm' as const,
            value: 100,
            origin: 'set' as const,
          },
        ],
      },
    };
    expect(warnings(draft({ dlpMGyCm: 150 }), strict).map((w) => w.code)).toEqual(['dlp_above_reference']);
    expect(
      warnings(draft({ dlpMGyCm: 150 }), { ...settings, steroidDayMaxDexamethasoneMg: 7 }).map((w) => w.code),
    ).toEqual(['day_steroid_above_maximum']);
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
    // A retrodiscal approach reaches S1 through the L5/S1 foramen: the legitimate exception.
    silent(
      { targets: [{ root: 'S1', side: 'left', foramen: 'L5/S1', approach: 'retrodiscal', spread: ['perineural'] }] },
      'root_foramen_mismatch',
    );
    // …but not through any other foramen.
    fires(
      { targets: [{ root: 'S1', side: 'left', foramen: 'L3/L4', approach: 'retrodiscal', spread: ['perineural'] }] },
      'root_foramen_mismatch',
      'targets[0].foramen',
    );
  });

  it('a prior contrast reaction, not premedicated, with iodinated contrast', () => {
    fires(
      { contrastAllergy: 'prior_reaction_not_premedicated' },
      'contrast_reaction_not_premedicated',
      'contrastAllergy',
    );
    silent({ contrastAllergy: 'premedicated' }, 'contrast_reaction_not_premedicated');
    silent(
      {
        contrastAllergy: 'prior_reaction_not_premedicated',
        contrastAgent: 'none',
        targets: [{ root: 'L5', side: 'left', foramen: 'L5/S1', spread: ['not_assessed'] }],
      },
      'contrast_reaction_not_premedicated',
    );
  });

  it('a steroid or a local anaesthetic given despite a recorded allergy', () => {
    fires({ steroidAllergy: 'yes' }, 'steroid_given_despite_allergy', 'drugs[0].drug');
    fires({ localAnaestheticAllergy: 'yes' }, 'local_anaesthetic_given_despite_allergy', 'drugs[1].drug');
    silent({ steroidAllergy: 'no', localAnaestheticAllergy: 'no' }, 'steroid_given_despite_allergy');
    silent(
      { localAnaestheticAllergy: 'yes', drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 0 }] },
      'local_anaesthetic_given_despite_allergy',
    );
  });

  it('the anticoagulant class follows ASRA guidance for an intermediate-risk procedure', () => {
    for (const anticoagulantClass of ['other_antiplatelet', 'doac', 'warfarin', 'heparin'] as const) {
      fires({ anticoagulantClass, anticoagulation: null }, 'anticoagulant_not_paused', 'anticoagulation');
      fires({ anticoagulantClass, anticoagulation: 'none' }, 'anticoagulant_not_paused', 'anticoagulation');
      silent({ anticoagulantClass, anticoagulation: 'paused_per_protocol' }, 'anticoagulant_not_paused');
      fires({ anticoagulantClass, anticoagulation: 'continued' }, 'anticoagulation_continued', 'anticoagulation');
    }
    // Aspirin alone may be continued (a false alarm before).
    expect(codesOf({ anticoagulantClass: 'aspirin_alone', anticoagulation: 'continued' })).toEqual([]);
    expect(codesOf({ anticoagulantClass: 'none', anticoagulation: 'none' })).toEqual([]);
  });

  it('a positive pregnancy test', () => {
    const woman = { birthDate: '1990-01-01', sex: 'female' as const };
    fires({ ...woman, pregnancyExcluded: 'positive' }, 'pregnancy_positive', 'pregnancyExcluded');
    silent({ ...woman, pregnancyExcluded: 'positive' }, 'pregnancy_not_excluded');
    fires({ ...woman, pregnancyExcluded: 'not_excluded' }, 'pregnancy_not_excluded', 'pregnancyExcluded');
    silent({ ...woman, pregnancyExcluded: 'yes' }, 'pregnancy_positive');
  });

  it('a local anaesthetic above its maximum per kg of body weight', () => {
    // Lidocaine 1 % 2 mL = 20 mg: fine at 60 kg; 4.5 mg/kg at 4 kg is 18 mg.
    silent({ weightKg: 60 }, 'local_anaesthetic_above_mg_per_kg');
    fires({ weightKg: 4 }, 'local_anaesthetic_above_mg_per_kg', 'drugs[1].doseMg');
    silent({ weightKg: null }, 'local_anaesthetic_above_mg_per_kg');
    const found = warnings(
      draft({ weightKg: 50, drugs: [{ drug: 'bupivacaine', concentrationMgPerMl: 5, volumeMl: 21, site: 0 }] }),
      settings,
    ).find((w) => w.code === 'local_anaesthetic_above_mg_per_kg');
    expect(found?.message).toMatch(/105 mg is above 2 mg\/kg for 50 kg \(100 mg\)/);
  });

  it('an incomplete time-out', () => {
    fires({ timeOutLevelVerified: false, timeOutSideMarked: true }, 'time_out_incomplete', 'timeOutLevelVerified');
    fires({ timeOutLevelVerified: true, timeOutSideMarked: false }, 'time_out_incomplete', 'timeOutSideMarked');
    silent({ timeOutLevelVerified: true, timeOutSideMarked: true }, 'time_out_incomplete');
    silent({}, 'time_out_incomplete');
  });

  it('abnormal spread without the action taken', () => {
    const spread = (abnormalSpreadAction?: 'aborted') => ({
      targets: [{ root: 'L5' as const, side: 'left' as const, spread: ['intrathecal' as const], abnormalSpreadAction }],
      drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 0 as const }],
      disposition: 'observation' as const,
    });
    fires(spread(), 'abnormal_spread_without_action', 'targets[0].abnormalSpreadAction');
    silent(spread('aborted'), 'abnormal_spread_without_action');
    fires(
      {
        caudalEpidural: true,
        caudalSpread: ['intravascular_arterial'],
        complications: [{ type: 'intravascular_injection', severity: 'major' }],
      },
      'abnormal_spread_without_action',
      'caudalAbnormalSpreadAction',
    );
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
