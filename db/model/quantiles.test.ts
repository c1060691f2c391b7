import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, selectQuantiles, sortedNumbers } from './quantiles.js';

describe('quantiles by selection', () => {
  it('equal the quantiles of the sorted sample, for any sample and probabilities', () => {
    const sample = fc.oneof(
      fc.array(fc.double({ min: 0, max: 100_000, noNaN: true }), { maxLength: 300 }),
      // Few distinct values, long runs and already-sorted input: where partitioning goes wrong.
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 300 }),
      fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 }).map((values) => sortedNumbers(values)),
      fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 }).map((values) => sortedNumbers(values).reverse()),
    );
    const probabilities = fc
      .uniqueArray(fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1), { minLength: 1 })
      .map((ps) => [...ps].sort((a, b) => a - b));
    fc.assert(
      fc.property(sample, probabilities, (values, ps) => {
        const sorted = sortedNumbers(values);
        const expected = ps.map((p) => quantile(sorted, p));
        expect(selectQuantiles(Float64Array.from(values), ps)).toEqual(expected);
        expect(selectQuantiles([...values], ps)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('give median and 75th percentile of a small sample, and nothing of an empty one', () => {
    expect(selectQuantiles(Float64Array.from([9, 1, 8, 2, 7, 3, 6, 4, 5, 5.5]), [0.25, 0.5, 0.75])).toEqual([
      3.25, 5.25, 6.75,
    ]);
    expect(selectQuantiles(new Float64Array(0), [0.5, 0.75])).toEqual([null, null]);
  });
});
