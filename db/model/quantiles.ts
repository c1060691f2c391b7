/** Median, quartiles and 75th percentile of a sample, interpolated as R's type 7 and pandas do. */
export interface Quantiles {
  n: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return Math.round((low + (high - low) * (position - lower)) * 1000) / 1000;
}

export function quantiles(values: readonly number[]): Quantiles {
  const sorted = sortedNumbers(values);
  return { n: sorted.length, q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75) };
}

/** A share as a fraction 0–1 rounded to 4 decimals; null when there is nothing to share. */
export const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;

/** Quantiles of a sample given as (value, count) pairs — R type 7, like quantiles() of the expanded list. */
export function quantilesOfCounts(pairs: readonly (readonly [number, number])[]): Quantiles {
  const sorted = pairs.filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((sum, [, count]) => sum + count, 0);
  const at = (position: number) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (position < seen) return value;
    }
    return sorted[sorted.length - 1]?.[0] as number;
  };
  const q = (p: number) => {
    if (n === 0) return null;
    const position = (n - 1) * p;
    const low = at(Math.floor(position));
    const high = at(Math.ceil(position));
    return Math.round((low + (high - low) * (position - Math.floor(position))) * 1000) / 1000;
  };
  return { n, q1: q(0.25), median: q(0.5), q3: q(0.75) };
}

/** Sorts numbers numerically without a comparator call per pair (a typed array sorts natively). */
export const sortedNumbers = (values: readonly number[]): number[] => Array.from(Float64Array.from(values).sort());

/**
 * Quantiles (R type 7, rounded like quantile()) of an unsorted sample, found by selection in
 * linear time instead of a full sort; `probabilities` ascending. Reorders `values`. The
 * dashboard needs the median and 75th percentile of each of some forty dose samples per request.
 */
export function selectQuantiles(values: Float64Array | number[], probabilities: readonly number[]): (number | null)[] {
  const n = values.length;
  if (n === 0) return probabilities.map(() => null);
  // Each selection leaves everything before its position no larger than anything after it,
  // so the next (higher) quantile is selected among the values from that position on.
  let from = 0;
  return probabilities.map((p) => {
    const position = (n - 1) * p;
    const lower = Math.floor(position);
    const low = selectKth(values, lower, from);
    from = lower;
    let high = low;
    if (position > lower) {
      // Everything past `lower` is ≥ it now; the next order statistic is their minimum.
      high = values[lower + 1] as number;
      for (let index = lower + 2; index < n; index++)
        if ((values[index] as number) < high) high = values[index] as number;
    }
    return Math.round((low + (high - low) * (position - lower)) * 1000) / 1000;
  });
}

/** Hoare's selection in values[from..]: leaves the k-th smallest at index k, smaller before it, larger after. */
function selectKth(values: Float64Array | number[], k: number, from: number): number {
  let left = from;
  let right = values.length - 1;
  while (left < right) {
    // Median of three as the pivot keeps already sorted input (rows come in date order) linear.
    const middle = (left + right) >>> 1;
    const a = values[left] as number;
    const b = values[middle] as number;
    const c = values[right] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k] as number;
  }
  return values[k] as number;
}
