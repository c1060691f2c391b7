import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { demoProcedure, seededRandom } from '../seed.js';
import { completeDraft } from '../testing/fixtures.js';
import { aftercareSheet } from './aftercare.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import { procedureDraftSchema } from './procedure.js';

const catalogue = new Map(DEFAULT_DRUG_CATALOGUE.map((drug) => [drug.code, drug]));
const english = { t: translator('en'), language: 'en' as const };

describe('the aftercare sheet', () => {
  it('says what was injected and where, what to expect and when to call', () => {
    const sheet = aftercareSheet(
      procedureDraftSchema.parse(completeDraft('op', { diabetes: 'yes' })),
      (code) => catalogue.get(code),
      english,
    );
    expect(sheet.injected).toEqual([
      'Dexamethasone (a cortisone) 8 mg and lidocaine (a local anaesthetic) 20 mg at the left L5 nerve root.',
    ]);
    expect(sheet.expect.join(' ')).toMatch(/numb or weak for a few hours/);
    expect(sheet.expect.join(' ')).toMatch(/cortisone usually begins to work after 1–3 days/);
    expect(sheet.expect.join(' ')).toMatch(/blood sugar/);
    expect(sheet.todo.join(' ')).toMatch(/Do not drive today/);
    expect(sheet.call.join(' ')).toMatch(/control your bladder or bowels/);
    expect(sheet.call[0]).toMatch(/^Call the department/);
    expect(
      aftercareSheet(procedureDraftSchema.parse(completeDraft('op')), (code) => catalogue.get(code), english, {
        phone: '+41 44 123 45 67',
      }).call[0],
    ).toMatch(/^Call us on \+41 44 123 45 67/);
  });

  it('writes its doses as the department’s locale does', () => {
    const draft = completeDraft('op');
    const record = procedureDraftSchema.parse({
      ...draft,
      drugs: (draft.drugs ?? []).map((drug, index) => (index === 0 ? { ...drug, doseMg: 7.5 } : drug)),
    });
    const sheet = (locale: string) =>
      aftercareSheet(record, (code) => catalogue.get(code), english, { locale }).injected.join(' ');
    expect(sheet('de-CH')).toContain('7.5 mg');
    expect(sheet('fr-CH')).toContain('7,5 mg');
  });

  it('over demo procedures: every site named, nothing undefined', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 500; i++) {
      const record = demoProcedure(random, ['op'], new Date(Date.UTC(2026, 0, 1, 9) + i * 3_600_000));
      const sheet = aftercareSheet(record, (code) => catalogue.get(code), english);
      const text = JSON.stringify(sheet);
      expect(text).not.toMatch(/undefined|null|NaN/);
      for (const target of record.targets) {
        if (record.drugs.some((drug) => record.targets[drug.site as number] === target)) {
          expect(text).toContain(`${target.side} ${target.root} nerve root`);
        }
      }
      if (record.drugs.some((drug) => drug.site === 'caudal')) expect(text).toContain('caudal epidural injection');
    }
  });
});
