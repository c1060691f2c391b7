import { describe, expect, it } from 'vitest';
import { impossibleDates } from './signing.js';

/* Dates that cannot be true, said at the field by the form, at signing and at import (issue 23, item 8). */

const now = new Date('2026-06-30T12:00:00Z');
const said = (record: Parameters<typeof impossibleDates>[0]) =>
  impossibleDates(record, now).map((found) => `${found.field}: ${found.message}`);

describe('impossible dates', () => {
  it('a patient born more than 120 years before the procedure', () => {
    expect(said({ birthDate: '1850-03-01', performedAt: '2026-03-14T09:30:00+01:00' })).toEqual([
      'birthDate: Birth date must be at most 120 years before the procedure',
    ]);
    expect(said({ birthDate: '1906-03-14', performedAt: '2026-03-14T09:30:00+01:00' })).toEqual([]);
    expect(said({ birthDate: '1906-03-13', performedAt: '2026-03-14T09:30:00+01:00' })).toHaveLength(1);
  });

  it('without a time performed, against the present day', () => {
    expect(said({ birthDate: '1899-12-31' })).toEqual([
      'birthDate: Birth date must be at most 120 years before the present day',
    ]);
    expect(said({ birthDate: '1950-01-01' })).toEqual([]);
  });

  it('a procedure before the year 2000', () => {
    expect(said({ performedAt: '1985-05-02T10:00:00+02:00' })).toEqual([
      'performedAt: Date and time performed must be from the year 2000 on',
    ]);
    expect(said({ performedAt: '2000-01-01T08:00:00+01:00' })).toEqual([]);
  });
});
