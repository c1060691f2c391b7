import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saveOperator } from '../settings.js';
import { tempStore } from '../testing/fixtures.js';
import { doseInMg } from './dose.js';
import { describePreset } from './presets.js';
import { procedureDraftSchema } from './procedure.js';
import { textRuleProblem } from './text-rule.js';

const DISGUISES = {
  'a bidi override': 'Dr. Weber\u202e',
  'a right-to-left mark': 'CT-B\u200f',
  'an isolate': 'x\u2066y\u2069',
  'a zero-width space': 'P12\u200b34',
  'a word joiner': 'P12\u206034',
  'a byte-order mark': 'P12\ufeff34',
  'a C1 control (CSI)': 'lido\u009bcaine',
  ESC: 'lido\u001b[31mcaine',
  NUL: 'P\u00001234',
  'a lone surrogate': 'P1\ud800',
};

describe('the one text rule', () => {
  it('refuses in one-line text what disguises a value or breaks a file', () => {
    for (const [what, text] of Object.entries(DISGUISES)) expect(textRuleProblem(text, 'line'), what).not.toBeNull();
  });

  it('lets notes keep line breaks, tabs and joiners, but not controls, direction marks or broken characters', () => {
    expect(textRuleProblem('line one\nline two\r\n\tindented 👩‍⚕️', 'lines')).toBeNull();
    expect(textRuleProblem('x\u009by', 'lines')).not.toBeNull();
    expect(textRuleProblem('x\u202ey', 'lines')).not.toBeNull();
    expect(textRuleProblem('x\udc00y', 'lines')).not.toBeNull();
    expect(textRuleProblem('a proper pair 😀', 'lines')).toBeNull();
  });

  it('holds for every text field of the record, from the form on', () => {
    for (const [what, text] of Object.entries(DISGUISES)) {
      for (const field of ['patientId', 'accessionNumber', 'patientName', 'assistant']) {
        const parsed = procedureDraftSchema.safeParse({ [field]: text });
        expect(parsed.success, `${field} with ${what}`).toBe(false);
      }
    }
    expect(procedureDraftSchema.safeParse({ notes: 'a\ud800b' }).success).toBe(false);
    expect(procedureDraftSchema.safeParse({ drugs: [{ drug: 'lidocaine', lot: 'L\u200b1' }] }).success).toBe(false);
  });

  it('holds for the department’s operators: a name its own import would refuse is refused at once', () => {
    const { store } = tempStore();
    expect(() => saveOperator(store, { name: 'Dr. Weber\u202e' }, { actor: 'admin' })).toThrow(/direction/);
    expect(() => saveOperator(store, { name: 'Dr.\u200bWeber' }, { actor: 'admin' })).toThrow(/invisible/);
    store.close();
  });
});

describe('mg is computed once', () => {
  it('the preset button says the mg the record will store (1–40 mg/mL × 0.01–10 mL)', () => {
    expect(
      describePreset({
        name: 'x',
        targets: [{ root: 'L5', side: 'left' }],
        caudalEpidural: false,
        drugs: [{ drug: 'bupivacaine', concentrationMgPerMl: 2.5, volumeMl: 0.41, site: 0 }],
      }),
    ).toContain('1.03 mg');
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 4000 }),
        fc.integer({ min: 1, max: 1000 }),
        (hundredthsMgPerMl, hundredthsMl) => {
          const drug = {
            drug: 'bupivacaine',
            concentrationMgPerMl: hundredthsMgPerMl / 100,
            volumeMl: hundredthsMl / 100,
            site: 0 as const,
          };
          const described = describePreset({
            name: 'x',
            targets: [{ root: 'L5', side: 'left' }],
            caudalEpidural: false,
            drugs: [drug],
          });
          expect(described).toContain(`bupivacaine ${doseInMg(drug)} mg`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
