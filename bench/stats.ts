/** Percentile of a list of timings (ms), nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(3)} ms`;

export function time<T>(action: () => T): [T, number] {
  const started = performance.now();
  const result = action();
  return [result, performance.now() - started];
}

export function report(name: string, timings: readonly number[], target?: number): string {
  const p50 = percentile(timings, 50);
  const p99 = percentile(timings, 99);
  const verdict =
    target === undefined
      ? ''
      : p99 <= target
        ? `  (target p99 ≤ ${target} ms: met)`
        : `  (target p99 ≤ ${target} ms: MISSED)`;
  return `${name.padEnd(48)} n=${String(timings.length).padStart(5)}  p50 ${ms(p50).padStart(11)}  p99 ${ms(p99).padStart(11)}  max ${ms(Math.max(...timings)).padStart(11)}${verdict}`;
}
