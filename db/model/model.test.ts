import { describe, expect, it } from 'vitest';
import { defaultForamen } from './anatomy.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import { fieldLabel, pathToField } from './labels.js';
import { reliefPercent } from './pain.js';
import { problemsFromZod } from './problems.js';
import { doseInMg, procedureDraftSchema } from './procedure.js';
import { ageInYears, localDateTimeWithOffset } from './time.js';

const parseProblems = (input: unknown) => {
  const result = procedureDraftSchema.safeParse(input);
  return result.success ? [] : problemsFromZod(result.error);
};

describe('foramen default from the root', () => {
  it.each([
    ['L1', 'L1/L2'],
    ['L2', 'L2/L3'],
    ['L3', 'L3/L4'],
    ['L4', 'L4/L5'],
    ['L5', 'L5/S1'],
    ['S1', 'S1'],
  ] as const)('%s exits through %s', (root, foramen) => {
    expect(defaultForamen(root)).toBe(foramen);
  });
});

describe('relief percent', () => {
  it('is (pre − post) / pre × 100', () => {
    expect(reliefPercent(8, 2)).toBe(75);
    expect(reliefPercent(7, 2)).toBe(71.4);
    expect(reliefPercent(5, 5)).toBe(0);
  });
  it('is negative when the pain got worse', () => expect(reliefPercent(4, 6)).toBe(-50));
  it('is undefined when pre is 0 or a score is missing', () => {
    expect(reliefPercent(0, 0)).toBeUndefined();
    expect(reliefPercent(undefined, 3)).toBeUndefined();
    expect(reliefPercent(6, null)).toBeUndefined();
  });
});

describe('dose in mg', () => {
  it('takes mg as entered', () => expect(doseInMg({ doseMg: 8 })).toBe(8));
  it('computes concentration × volume', () =>
    expect(doseInMg({ concentrationMgPerMl: 2.5, volumeMl: 1.5 })).toBe(3.75));
  it('is undefined without a dose or both factors', () =>
    expect(doseInMg({ concentrationMgPerMl: 10 })).toBeUndefined());
});

describe('default drug catalogue', () => {
  const byCode = new Map(DEFAULT_DRUG_CATALOGUE.map((drug) => [drug.code, drug]));
  it('has the department maxima of the data dictionary', () => {
    expect(byCode.get('dexamethasone')).toMatchObject({ drugClass: 'steroid', particulate: false, maxDoseMg: 15 });
    expect(byCode.get('triamcinolone')).toMatchObject({ drugClass: 'steroid', particulate: true, maxDoseMg: 80 });
    expect(byCode.get('methylprednisolone')).toMatchObject({ particulate: true, maxDoseMg: 80 });
    expect(byCode.get('betamethasone')).toMatchObject({ particulate: true, maxDoseMg: 12 });
  });
  it('lists the local anaesthetics with concentration dosing and saline as other', () => {
    for (const code of ['lidocaine', 'bupivacaine', 'ropivacaine']) {
      expect(byCode.get(code)).toMatchObject({ drugClass: 'local_anaesthetic', dosing: 'concentration' });
    }
    expect(byCode.get('sodium_chloride')).toMatchObject({ drugClass: 'other', dosing: 'volume' });
  });
  it('never has a usual dose above its maximum', () => {
    for (const drug of DEFAULT_DRUG_CATALOGUE) {
      if (drug.usualDoseMg != null && drug.maxDoseMg != null)
        expect(drug.usualDoseMg).toBeLessThanOrEqual(drug.maxDoseMg);
    }
  });
});

describe('draft schema', () => {
  it('accepts an empty draft and fills lists', () => {
    const draft = procedureDraftSchema.parse({});
    expect(draft).toMatchObject({
      indications: [],
      targets: [],
      drugs: [],
      complications: [],
      caudalEpidural: false,
    });
  });

  it.each([
    [{ painPre: 11 }, 'painPre', 'Pain before (NRS) must be a whole number from 0 to 10'],
    [{ painPost: 2.5 }, 'painPost', 'Pain after (NRS) must be a whole number from 0 to 10'],
    [{ painPostMinutes: 121 }, 'painPostMinutes', 'Minutes after injection must be a whole number from 0 to 120'],
    [{ patientId: 'x'.repeat(65) }, 'patientId', 'Patient ID must be at most 64 characters'],
    [
      { performedAt: '2026-03-14T09:30:00' },
      'performedAt',
      'Date and time performed must be a date and time with its UTC offset',
    ],
    [{ birthDate: '14.03.1961' }, 'birthDate', 'Birth date must be a date as YYYY-MM-DD'],
    [{ startedAt: '25:00' }, 'startedAt', 'Start time must be a time as HH:MM'],
    [
      { modality: 'mri' },
      'modality',
      'Guidance modality must be one of: ct, ct_fluoroscopy, fluoroscopy, ct_and_fluoroscopy',
    ],
    [{ contrastVolumeMl: 12 }, 'contrastVolumeMl', 'Contrast volume (mL) must be a number from 0 to 10'],
    [{ dlpMGyCm: -1 }, 'dlpMGyCm', 'DLP (mGy·cm) must be a number from 0 to 100000'],
    [{ ctAcquisitions: 0 }, 'ctAcquisitions', 'CT acquisitions must be a whole number from 1 to 100'],
    [
      { indications: ['disc_herniation', 'disc_herniation'] },
      'indications',
      'Indication must not list the same value twice',
    ],
    [{ targets: [{ root: 'L6' }] }, 'targets[0].root', 'Root (target 1) must be one of: L1, L2, L3, L4, L5, S1'],
    [
      { targets: [{ needleGauge: 21 }] },
      'targets[0].needleGauge',
      'Needle gauge (target 1) must be one of: 20, 22, 25, 27 G',
    ],
    [
      { targets: [{ needleLengthMm: 30 }] },
      'targets[0].needleLengthMm',
      'Needle length (mm) (target 1) must be a whole number from 50 to 200',
    ],
    [{ targets: [{ spread: ['everywhere'] }] }, 'targets[0].spread[0]', 'must be one of'],
    [
      { drugs: [{ drug: 'dexamethasone', site: 'left arm' }] },
      'drugs[0].site',
      'Injection site (drug 1) must be a target number or caudal',
    ],
    [
      { complications: [{ type: 'none' }, { type: 'none' }] },
      'complications',
      'must not list the same complication twice',
    ],
    [{ painPre: Number.NaN }, 'painPre', 'must be a whole number from 0 to 10'],
    [{ painPre: '7' }, 'painPre', 'must be a whole number from 0 to 10'],
    [{ id: 'not-a-uuid' }, 'id', 'Record ID must be a UUIDv7'],
  ])('rejects %j at %s with a clinical message', (input, field, message) => {
    const problems = parseProblems(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toContain(message);
  });

  it('names unknown fields', () => {
    expect(parseProblems({ patientID: 'x' })).toMatchObject([
      { field: 'patientID', message: 'patientID is not a field of this record' },
    ]);
  });

  it('accepts nulls as missing values', () => {
    expect(parseProblems({ painPre: null, targets: [{ root: null, spread: [] }] })).toEqual([]);
  });
});

describe('labels and time', () => {
  it('maps paths to fields and labels', () => {
    expect(pathToField(['targets', 1, 'side'])).toBe('targets[1].side');
    expect(fieldLabel('targets[1].side')).toBe('Side (target 2)');
    expect(fieldLabel('drugs[0].doseMg')).toBe('Dose (mg) (drug 1)');
    expect(fieldLabel('painPre')).toBe('Pain before (NRS)');
  });
  it('writes local time with its offset', () => {
    expect(localDateTimeWithOffset(new Date())).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(procedureDraftSchema.safeParse({ performedAt: localDateTimeWithOffset() }).success).toBe(true);
  });
  it('computes age in full years at the procedure', () => {
    expect(ageInYears('1961-04-02', '2026-04-01T10:00:00+02:00')).toBe(64);
    expect(ageInYears('1961-04-02', '2026-04-02T10:00:00+02:00')).toBe(65);
  });
});
