import { syncOnce } from '../db/hub/sync.js';
import { type HubStatus, hubUrl } from '../db/model/index.js';
import { getSettings } from '../db/settings.js';
import type { Store } from '../db/store.js';

/*
 * Sync with the department hub in the background of the main process: now and then when a
 * server is set, and at once when asked. One sync at a time; the form never waits for it (the
 * pull writes in short transactions with pauses, as an import does). The state is kept for the
 * window in words: when it last worked, what waits to be pushed, the last error.
 */

/** Where the hub password lives: the OS keychain via safeStorage in Electron, memory in tests. */
export interface PasswordKeeper {
  get(): string | null;
  set(password: string | null): void;
}

export class HubSync {
  private state: Omit<HubStatus, 'configured' | 'pending'> = {
    running: false,
    lastSyncAt: null,
    lastError: null,
    lastReport: null,
  };
  private current: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: Store,
    private readonly passwords: PasswordKeeper,
    private readonly actor: () => string,
  ) {}

  status(): HubStatus {
    const pending = this.store.reader.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
    return { ...this.state, configured: getSettings(this.store).hubServer !== null, pending };
  }

  /** Runs one sync (or joins the one running); resolves when it is done, whatever came of it. */
  syncNow(): Promise<HubStatus> {
    if (!this.current) {
      this.current = this.run().finally(() => {
        this.current = null;
      });
    }
    return this.current.then(() => this.status());
  }

  setPassword(password: string | null): void {
    this.passwords.set(password);
  }

  /** Syncs every `intervalMs` while the app runs (a missed sync is simply the next one). */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.syncNow(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    const server = getSettings(this.store).hubServer;
    if (!server) return;
    this.state = { ...this.state, running: true };
    try {
      // As every write does: after the background page check, never into a damaged file.
      const health = await this.store.verify();
      if (health.state === 'damaged') throw new Error('this logbook failed its integrity check: it is not synced');
      const report = await syncOnce(
        this.store,
        { url: hubUrl(server), password: this.passwords.get() ?? undefined, ssl: server.tls },
        { actor: this.actor() },
      );
      this.state = {
        running: false,
        lastSyncAt: new Date().toISOString(),
        lastError: null,
        lastReport: {
          pushed: report.pushed,
          pulled: report.pulled,
          followUpsPulled: report.followUpsPulled,
          conflicts: report.conflicts,
          refused: report.refused,
        },
      };
    } catch (error) {
      this.state = {
        ...this.state,
        running: false,
        lastError: `The department server ${server.host}:${server.port} could not be reached or refused the sync: ${error instanceof Error ? error.message : String(error)}. Nothing is lost: what waits is pushed at the next sync.`,
      };
    }
  }
}
