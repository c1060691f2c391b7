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
    const sections = summaryOf(record, catalogue, [
      { id: 'op1', name: 'Dr. Operator', active: true, role: 'radiologist' as const, administrator: false },
    ]);
    const text = Object.fromEntries(sections.map((section) => [section.title, section.lines]));
    expect(text['Patient and procedure']).toContainEqual({ label: 'Operator', value: 'Dr. Operator' });
    expect(text['Patient and procedure']?.map((line) => line.label)).not.toContain('Accession');
    expect(text.Targets).toEqual([{ label: 'Target 1', value: 'L5 left, spread intravascular (venous)' }]);
    // The drug as it was named when signed, not as the catalogue names it now.
    expect(text.Drugs).toEqual([{ label: 'Drug 1', value: 'Triamcinolone acetonide, 40 mg, at L5 left' }]);
    expect(text.Outcome).toContainEqual({ label: 'Pain (NRS)', value: '7 before → 2 after' });
    expect(sections.map((section) => section.title)).not.toContain('Guidance and contrast');
  });
});
