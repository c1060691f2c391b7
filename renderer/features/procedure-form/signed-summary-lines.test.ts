import { describe, expect, it } from 'vitest';
import type { Drug, ProcedureRecord } from '../../../db/model/index.js';
import { summaryOf } from './signed-summary-lines.js';

const catalogue: Drug[] = [
  {
    code: 'triamcinolone',
    name: 'Triamcinolone (renamed since)',
    drugClass: 'steroid',
    particulate: false,
    dosing: 'mg',
    active: true,
  },
];

const record = {
  id: '0193a0b2-0000-7000-8000-000000000001',
  status: 'signed',
  version: 1,
  consoleName: 'CT 1',
  createdAt: '2026-03-14T08:00:00Z',
  createdBy: 'x',
  updatedAt: '2026-03-14T08:00:00Z',
  signedBy: 'Dr. A',
  signedAt: '2026-03-14T09:50:00Z',
  amendedBy: null,
  amendedAt: null,
  amendReason: null,
  patientId: 'P1',
  patientName: 'Muster, Erika',
  operatorId: 'op1',
  indications: ['disc_herniation'],
  targets: [{ root: 'L5', side: 'left', spread: ['intravascular_venous'] }],
  caudalEpidural: false,
  caudalSpread: [],
  drugs: [
    {
      drug: 'triamcinolone',
      doseMg: 40,
      site: 0,
      asSigned: { name: 'Triamcinolone acetonide', drugClass: 'steroid', particulate: true, maxDoseMg: 80 },
    },
  ],
  painPre: 7,
  painPost: 2,
  followUps: [],
  complications: [{ type: 'none' }],
} as unknown as ProcedureRecord;

describe('the signed summary', () => {
  it('says what was recorded, in words, and leaves out what was not', () => {
    const sections = summaryOf(
      record,
      catalogue,
      [{ id: 'op1', name: 'Dr. Operator', active: true, role: 'radiologist' as const, administrator: false }],
      'de-CH',
    );
    const text = Object.fromEntries(sections.map((section) => [section.title, section.lines]));
    expect(text['Patient and procedure']).toContainEqual({ label: 'Operator', value: 'Dr. Operator' });
    expect(text['Patient and procedure']?.map((line) => line.label)).not.toContain('Accession');
    expect(text.Targets).toEqual([{ label: 'Target 1', value: 'L5 left, spread intravascular (venous)' }]);
    // The drug as it was named when signed, not as the catalogue names it now.
    expect(text.Drugs).toEqual([{ label: 'Drug 1', value: 'Triamcinolone acetonide, 40 mg, at L5 left' }]);
    expect(text.Outcome).toContainEqual({ label: 'Pain (NRS)', value: '7 before → 2 after' });
    expect(sections.map((section) => section.title)).not.toContain('Guidance and contrast');
  });

  it('writes dates and numbers as the department’s locale does', () => {
    const measured = {
      ...record,
      birthDate: '1958-03-12',
      performedAt: '2026-03-14T09:30:00+13:00',
      contrastAgent: 'iopamidol',
      contrastVolumeMl: 1.5,
      dlpMGyCm: 148.5,
      drugs: [{ ...record.drugs[0], doseMg: 12.5 }],
    } as unknown as ProcedureRecord;
    const lines = (locale: string) =>
      Object.fromEntries(
        summaryOf(measured, catalogue, [], locale)
          .flatMap((section) => section.lines)
          .map((line) => [line.label, line.value]),
      );
    const swiss = lines('de-CH');
    expect(swiss.Born).toBe('12.03.1958 (68 years)');
    expect(swiss.Performed).toBe('14.03.2026 09:30');
    expect(swiss.Contrast).toContain('1.5 mL');
    expect(swiss.DLP).toBe('148.5 mGy·cm');
    const german = lines('de-DE');
    expect(german.Contrast).toContain('1,5 mL');
    expect(german.DLP).toBe('148,5 mGy·cm');
    expect(german['Drug 1']).toContain('12,5 mg');
    expect(lines('en-US').Born).toBe('03/12/1958 (68 years)');
  });
});
