/*
 * A report's way to the RIS, as the record shows it (the outbox, db/ris/outbox.ts, answers
 * these; the window words them with its own clock). Pure: the clock is always passed in.
 */

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
      /** Sent again by a person after the RIS refused it: the refusal's code and words (null: never refused). */
      refusedBefore: { code: string; text: string } | null;
    }
  | { state: 'sent'; version: number; sentAt: string; answer: string }
  | { state: 'refused'; version: number; at: string; code: string; text: string }
  | {
      state: 'unsendable';
      version: number;
      at: string;
      reason: string;
      /** The RIS connection as set now carries it (switched to UTF-8…): Send again is offered. */
      sendableNow: boolean;
    };

/** A record's way to the RIS: each signed version's delivery; none when no RIS was set up as it was signed. */
export interface RisDeliveries {
  /** Is a RIS set up now (Settings → RIS)? */
  configured: boolean;
  deliveries: RisDelivery[];
}

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
      if (delivery.refusedBefore)
        return `${what} sent again after the RIS refused it (${delivery.refusedBefore.code}): waiting for the RIS's answer`;
      return `${what} waiting to be sent to the RIS (queued at ${clock(delivery.queuedAt, now)})`;
  }
}

/** What the record says when none of its versions went to a RIS. */
export function noDeliveryWords(configured: boolean): string {
  return configured
    ? 'Not sent to the RIS: it was signed before the RIS was set up (or came from another console). Copy the report instead.'
    : 'No RIS is set up (Settings → RIS): copy the report into the RIS by hand.';
}
