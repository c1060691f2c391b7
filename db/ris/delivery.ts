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

export type RisDelivery =
  | {
      state: 'waiting';
      version: number;
      queuedAt: string;
      attempts: number;
      /** The first failure of the current run of failures (null: never tried, or tried without failing). */
      failingSince: string | null;
      lastError: string | null;
      nextAttemptAt: string | null;
    }
  | { state: 'sent'; version: number; sentAt: string; answer: string }
  | { state: 'refused'; version: number; at: string; code: string; text: string }
  | { state: 'unsendable'; version: number; at: string; reason: string };

const pad = (n: number) => String(n).padStart(2, '0');
/** "10:42" today, "12.03.2026 10:42" another day (the console's local time). */
export function clock(iso: string, now: Date): string {
  const at = new Date(iso);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay =
    at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? time : `${pad(at.getDate())}.${pad(at.getMonth() + 1)}.${at.getFullYear()} ${time}`;
}

/** One line for the record: "sent to the RIS at 10:42", "waiting: RIS not reachable since 10:40"… */
export function deliveryWords(delivery: RisDelivery, now: Date): string {
  const what = delivery.version === 1 ? 'report' : `correction (version ${delivery.version})`;
  switch (delivery.state) {
    case 'sent':
      return `${what} sent to the RIS at ${clock(delivery.sentAt, now)}`;
    case 'refused':
      return `${what} refused by the RIS at ${clock(delivery.at, now)} (${delivery.code}): ${delivery.text || 'no reason given'}`;
    case 'unsendable':
      return `${what} not sent to the RIS: ${delivery.reason}`;
    case 'waiting':
      if (delivery.failingSince)
        return `${what} waiting: ${delivery.lastError ?? 'RIS not reachable'} since ${clock(delivery.failingSince, now)}${delivery.nextAttemptAt ? `; next try at ${clock(delivery.nextAttemptAt, now)}` : ''}`;
      return `${what} waiting to be sent to the RIS (queued at ${clock(delivery.queuedAt, now)})`;
  }
}
