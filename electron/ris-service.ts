import type { RisDeliveries } from '../db/model/index.js';
import { type RisSendReport, risDeliveries, sendReportAgain, sendWaitingReports } from '../db/ris/outbox.js';
import { connectionSettings } from '../db/settings.js';
import type { ServiceContext, Store } from '../db/store.js';

/*
 * The RIS outbox in the main process: what waits is sent in the background (now and then, and
 * soon after each signing or amendment), by the outbox's back-off; "Send now" in the record
 * sends at once whatever waits. One round at a time; every wait is bounded by the sender.
 * The record asks where each of its versions is (risDeliveries).
 */

export class RisService {
  private current: Promise<RisSendReport | null> | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: {
      now?: () => Date;
      timeoutMs?: number;
      onUnexpectedError?: (error: unknown) => void;
    } = {},
  ) {}

  private server() {
    return connectionSettings(this.store.reader).risServer;
  }

  /** Where each signed version of the record is on its way to the RIS. */
  deliveries(procedureId: string): RisDeliveries {
    return { configured: this.server() !== null, deliveries: risDeliveries(this.store, procedureId, this.server()) };
  }

  /**
   * Sends what waits (or joins the round under way). `now`: even what the back-off holds back,
   * because a person asked. Resolves null when no RIS is set up.
   */
  send(now = false): Promise<RisSendReport | null> {
    if (!this.current)
      this.current = this.round(now).finally(() => {
        this.current = null;
      });
    return this.current;
  }

  /** "Send now" from the record: a round at once, then where the record's versions are. */
  async sendNow(procedureId: string): Promise<RisDeliveries> {
    // A round already under way may have been a background one that skipped what was not yet due.
    if (this.current) await this.current;
    await this.send(true);
    return this.deliveries(procedureId);
  }

  /**
   * "Send again" in the record: a version the RIS refused, or one its character set could not
   * carry once the connection carries it, goes back in the outbox (audited) and
   * a round starts at once; the answer is the record's deliveries as they stand (waiting, sent again).
   */
  sendAgain(procedureId: string, version: number, context: ServiceContext): RisDeliveries {
    sendReportAgain(this.store, { procedureId, version }, context, this.server());
    void this.send(true);
    return this.deliveries(procedureId);
  }

  /** Rounds every `intervalMs` while the app runs (each sends only what its back-off says is due). */
  start(intervalMs: number): void {
    if (this.timer) clearInterval(this.timer);
    void this.send();
    this.timer = setInterval(() => void this.send(), intervalMs);
    this.timer.unref?.();
  }

  /** Stops the rounds; resolves when the one under way (if any) has written its outcome. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.current;
  }

  private async round(ignoreBackoff: boolean): Promise<RisSendReport | null> {
    const ris = this.server();
    if (!ris) return null;
    try {
      return await sendWaitingReports(this.store, ris, {
        ignoreBackoff,
        now: this.options.now,
        timeoutMs: this.options.timeoutMs,
      });
    } catch (error) {
      (this.options.onUnexpectedError ?? ((e) => console.error('RootLog RIS outbox failed:', e)))(error);
      return null;
    }
  }
}
