import {
  type ConnectionTest,
  inEnglish,
  sentence,
  WORKLIST_SERVER_MESSAGES,
  type Words,
  type WorklistRow,
  type WorklistStatus,
} from '../db/model/index.js';
import { listCheckedProcedures } from '../db/search.js';
import { connectionSettings } from '../db/settings.js';
import type { Store } from '../db/store.js';
import { echoWorklist, findWorklist } from '../db/worklist/client.js';
import { localDate } from '../db/worklist/dicom-dates.js';
import { WorklistError } from '../db/worklist/worklist-errors.js';
import { queryForSettings } from '../db/worklist/worklist-query.js';
import { worklistRow } from '../db/worklist/worklist-row.js';

/*
 * Today's worklist in the main process: asked in the background now and then and at once on
 * request, one request at a time, never blocking the window (the client bounds every wait).
 * When the server is down the last list is kept with its age and the reason in words; the
 * console goes on logging by hand.
 */

const NOT_SET_UP = sentence(WORKLIST_SERVER_MESSAGES.notSetUp);

export class WorklistService {
  private rows: WorklistRow[] = [];
  private receivedAt: string | null = null;
  private problem: Words | null = null;
  private warnings: Words[] = [];
  private current: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    /** For the log: what went wrong that has no words of its own. */
    private readonly onUnexpectedError: (error: unknown) => void = (error) =>
      console.error('RootLog worklist failed:', error),
  ) {}

  private server() {
    return connectionSettings(this.store.reader).worklistServer;
  }

  /** The patients already logged today at this console (marked in the list). */
  private loggedToday(): Set<string> {
    const today = localDate(this.now());
    const page = listCheckedProcedures(this.store, { from: today, to: today }, { limit: 500 });
    return new Set(page.items.map((item) => item.patientId).filter((id): id is string => Boolean(id)));
  }

  status(): WorklistStatus {
    const configured = this.server() !== null;
    const logged = this.loggedToday();
    return {
      configured,
      rows: this.rows.map((row) => ({ ...row, loggedToday: logged.has(row.patientId) })),
      receivedAt: this.receivedAt,
      problem: configured ? this.problem : NOT_SET_UP,
      warnings: this.warnings,
      asking: this.current !== null,
    };
  }

  /** Asks the server now (or joins the request under way); resolves with the list, whatever came of it. */
  refresh(): Promise<WorklistStatus> {
    if (!this.current)
      this.current = this.ask().finally(() => {
        this.current = null;
      });
    return this.current.then(() => this.status());
  }

  /** Another server was set up: the list of the old one is not this one's. */
  forget(): void {
    this.rows = [];
    this.receivedAt = null;
    this.problem = null;
    this.warnings = [];
  }

  /** Settings → Worklist → Test: a C-ECHO with the saved settings, in words. */
  async test(): Promise<ConnectionTest> {
    const server = this.server();
    const tested = (ok: boolean, words: Words): ConnectionTest => ({ ok, message: inEnglish(words), words });
    if (!server) return tested(false, NOT_SET_UP);
    try {
      const { milliseconds } = await echoWorklist(server);
      return tested(
        true,
        sentence(WORKLIST_SERVER_MESSAGES.answered, {
          address: `${server.host}:${server.port}`,
          aeTitle: server.calledAe,
          milliseconds,
        }),
      );
    } catch (error) {
      return tested(false, this.words(error));
    }
  }

  /** Asks every `intervalMs` while the app runs. */
  start(intervalMs: number): void {
    this.stop();
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private words(error: unknown): Words {
    if (error instanceof WorklistError) return error.words;
    this.onUnexpectedError(error);
    return sentence(WORKLIST_SERVER_MESSAGES.unexpected);
  }

  private async ask(): Promise<void> {
    const server = this.server();
    if (!server) return this.forget();
    try {
      const answer = await findWorklist(server, queryForSettings(server, this.now()), this.now);
      const logged = this.loggedToday();
      this.rows = answer.entries
        .map((entry) => worklistRow(entry, logged))
        .sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''));
      this.receivedAt = answer.receivedAt;
      this.problem = null;
      this.warnings = [
        ...answer.warnings,
        ...answer.rejected.map((rejected) => sentence(WORKLIST_SERVER_MESSAGES.leftOut, rejected.words)),
      ];
    } catch (error) {
      this.problem = this.words(error);
    }
  }
}
