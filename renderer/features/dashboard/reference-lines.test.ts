import { describe, expect, it } from 'vitest';
import type { ReferenceComparisonRow } from '../../../db/model/answers.js';
import { referenceSections } from './reference-lines.js';

const row = (overrides: Partial<ReferenceComparisonRow>): ReferenceComparisonRow => ({
  operator: null,
  modality: 'ct',
  protocol: 'single_level',
  quantity: 'dlpMGyCm',
  cases: 40,
  median: 180,
  level: null,
  medianAbove: null,
  aboveShare: null,
  above: null,
  folded: null,
  ...overrides,
});

describe('the reference panel’s lines', () => {
  it('has a section per who, and one "other" line per modality for the same small groups', () => {
    const small = [{ protocol: 'with_caudal' as const, cases: 6 }];
    const keller = { id: 'k', name: 'Dr. A. Keller' };
    const sections = referenceSections([
      row({}),
      row({ quantity: 'ctdiVolMGy' }),
      row({ operator: keller, cases: 25 }),
      row({ operator: keller, protocol: null, median: null, cases: 6, folded: small, aboveShare: 0.5 }),
      row({ operator: keller, protocol: null, quantity: 'ctdiVolMGy', median: null, cases: 6, folded: small }),
      // Other groups, or other cases, in the other quantity: a line of its own.
      row({
        operator: keller,
        protocol: null,
        quantity: 'dapGyCm2',
        median: null,
        cases: 5,
        folded: [{ protocol: 'with_caudal', cases: 5 }],
      }),
    ]);
    expect(sections.map((section) => [section.who, section.lines.length])).toEqual([
      [null, 2],
      ['Dr. A. Keller', 3],
    ]);
    expect(sections[1]?.lines[1]).toEqual({
      kind: 'other',
      modality: 'ct',
      groups: small,
      cases: 6,
      quantities: [
        { quantity: 'dlpMGyCm', aboveShare: 0.5 },
        { quantity: 'ctdiVolMGy', aboveShare: null },
      ],
    });
  });
});
