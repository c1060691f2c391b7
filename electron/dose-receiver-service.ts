import { keepIncomingDoseReports } from '../db/dose-report/incoming.js';
import type { FetchResult } from '../db/dose-report/pacs-fetch.js';
import { type DoseReportReceiver, startDoseReportReceiver } from '../db/dose-report/receiver.js';
import { fetchRecordDoseReports } from '../db/dose-report/record-fetch.js';
import { doseReportInbox, linkDoseReportByHand } from '../db/dose-report/reports.js';
import { type DoseReceiver, EVERY_ADDRESS } from '../db/model/connection-settings.js';
import {
  type DoseReceiverStatus,
  type DoseReportInbox,
  DOSE_RECEIVER_MESSAGES as R,
  sentence,
} from '../db/model/index.js';
import { connectionSettings } from '../db/settings.js';
import type { ServiceContext, Store } from '../db/store.js';

/*
 * The dose report receiver in the main process (Settings → Dose reports): started from the
 * stored settings when the app starts, started again when they change, closed when they are
 * removed. Each report a scanner sends is kept in the logbook as received and linked to its
 * procedure when one matches; the others wait in the inbox the window shows, where a person
 * attaches one to the open procedure. A taken port is a state in words, never a crash.
 */

const OFF: DoseReceiverStatus = { state: 'off', message: sentence(R.off) };

export class DoseReceiverService {
  private receiver: DoseReportReceiver | null = null;
  private running: string | null = null;
  private current: Promise<void> = Promise.resolve();
  private status_: DoseReceiverStatus = OFF;

  constructor(
    private readonly store: Store,
    private readonly options: {
      /** Who keeps what arrives, for the audit log. */
      actor?: string;
      /** The address to listen on whatever Settings say (the harness and the tests: 127.0.0.1); Settings' unless given. */
      host?: string;
      activity?: (line: string) => void;
      /** How long the PACS is waited for (connection, each answer); 30 s unless given. */
      pacsTimeoutMs?: number;
    } = {},
  ) {}

  /** Starts, restarts or stops the receiver as the stored settings say (one change at a time). */
  apply(): Promise<DoseReceiverStatus> {
    this.current = this.current.then(() => this.follow());
    return this.current.then(() => this.status_);
  }

  status(): DoseReceiverStatus {
    return this.status_;
  }

  inbox(): DoseReportInbox {
    return doseReportInbox(this.store);
  }

  /** A person attaches a waiting report to a procedure; the inbox after it. */
  attach(reportId: string, procedureId: string, context: ServiceContext): DoseReportInbox {
    linkDoseReportByHand(this.store, reportId, procedureId, context);
    return this.inbox();
  }

  /**
   * "Fetch dose report from the PACS" for a procedure: the PACS (Settings → PACS) moves the
   * record's dose reports to this receiver, which keeps and links them as they arrive.
   * A report its keys link to no single record is attached to this one (unless its patient ID
   * is another's). Refused in words when the receiver is not listening, no PACS is set up or none was found.
   */
  async fetchFromPacs(procedureId: string, context: ServiceContext): Promise<FetchResult & { attached: number }> {
    await this.current;
    return fetchRecordDoseReports(
      this.store,
      connectionSettings(this.store.reader),
      procedureId,
      { receiverListening: this.status_.state === 'listening', timeoutMs: this.options.pacsTimeoutMs },
      context,
    );
  }

  async stop(): Promise<void> {
    await this.current;
    await this.close();
  }

  private async close(): Promise<void> {
    const receiver = this.receiver;
    this.receiver = null;
    this.running = null;
    this.status_ = OFF;
    await receiver?.close();
  }

  private async follow(): Promise<void> {
    const settings: DoseReceiver | null = connectionSettings(this.store.reader).doseReceiver;
    const wanted = settings ? JSON.stringify(settings) : null;
    if (wanted === this.running && (wanted === null || this.receiver)) return;
    await this.close();
    if (!settings) return;
    // The harness and the tests pin 127.0.0.1 whatever Settings say; the app listens where they say.
    const { listenAddress, ...receiving } = settings;
    // Every address is Node's own default (IPv6 and IPv4 alike), as before the setting.
    const host = this.options.host ?? (listenAddress === EVERY_ADDRESS ? undefined : listenAddress);
    try {
      const receiver = await startDoseReportReceiver(
        { enabled: true, ...receiving, host },
        keepIncomingDoseReports(this.store, { actor: this.options.actor ?? 'dose report receiver' }),
        this.options.activity,
      );
      const { state } = receiver;
      if (state.state === 'listening') {
        this.receiver = receiver;
        this.running = wanted;
        this.status_ = {
          state: 'listening',
          message: sentence(host === undefined || host === '::' ? R.listeningEverywhere : R.listeningAt, {
            ...(host === undefined ? {} : { host }),
            port: String(state.port),
            aeTitle: state.aeTitle,
            senders: settings.acceptedCallingAeTitles.join(', '),
          }),
        };
      } else if (state.state === 'off') this.status_ = OFF;
      else this.status_ = { state: state.state, message: state.message };
    } catch (error) {
      this.status_ = {
        state: 'failed',
        message: sentence(R.couldNotStart, { error: error instanceof Error ? error.message : String(error) }),
      };
    }
  }
}
