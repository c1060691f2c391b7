import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, selectQuantile, sortedNumbers } from './quantiles.js';

describe('quantile by selection', () => {
  it('equals the quantile of the sorted sample, for any sample and p', () => {
    const sample = fc.oneof(
      fc.array(fc.double({ min: 0, max: 100_000, noNaN: true }), { maxLength: 300 }),
      // Few distinct values, long runs and already-sorted input: where partitioning goes wrong.
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 300 }),
      fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 }).map((values) => sortedNumbers(values)),
      fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 }).map((values) => sortedNumbers(values).reverse()),
    );
    fc.assert(
      fc.property(sample, fc.constantFrom(0, 0.25, 0.5, 0.75, 0.9, 1), (values, p) => {
        const expected = quantile(sortedNumbers(values), p);
        expect(selectQuantile(Float64Array.from(values), p)).toBe(expected);
        expect(selectQuantile([...values], p)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a second quantile of the same, already reordered array', () => {
    const values = Float64Array.from([9, 1, 8, 2, 7, 3, 6, 4, 5, 5.5]);
    expect(selectQuantile(values, 0.5)).toBe(5.25);
    expect(selectQuantile(values, 0.75)).toBe(6.75);
    expect(selectQuantile(values, 0.25)).toBe(3.25);
    expect(selectQuantile(new Float64Array(0), 0.5)).toBeNull();
  });
});
