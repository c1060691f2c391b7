/*
 * A report's way to the RIS, as the record shows it, and when the outbox tries again. Pure:
 * the clock is always passed in, so the policy is tested without waiting.
 */

/** Seconds before the next try after the 1st, 2nd, … failure; then every 15 minutes, for ever. */
export const RETRY_DELAYS_SECONDS = [30, 60, 120, 300, 600, 900] as const;

/** When a report that has failed `attempts` times (the last at `lastAttemptAt`) is tried again. */
export function nextAttemptAt(attempts: number, lastAttemptAt: Date): Date {
  const delays = RETRY_DELAYS_SECONDS;
  // The index is within the list: the last delay repeats for ever.
  const seconds = delays[Math.min(Math.max(attempts, 1), delays.length) - 1] as number;
  return new Date(lastAttemptAt.getTime() + seconds * 1000);
}

/** A waiting report is due when it was never tried or its next try has come. */
export const isDue = (nextAttempt: string | null, now: Date) =>
  nextAttempt === null || Date.parse(nextAttempt) <= now.getTime();

export { clock, deliveryWords, type RisDelivery } from '../model/ris-delivery.js';
