import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { PresentedCredential } from '../db/credentials.js';
import { conflictViews, type Resolution, resolveConflict } from '../db/hub/conflicts.js';
import { endpointOf } from '../db/hub/connect.js';
import { consoleKey, consolePublicKey, type PrivateKeyVault } from '../db/hub/console-key.js';
import { explainFailure, HubError } from '../db/hub/errors.js';
import { hubLocalCounts, hubRefusals } from '../db/hub/local-state.js';
import { syncOnce } from '../db/hub/sync.js';
import {
  HUB_SYNC_MESSAGES as H,
  type HubConflictView,
  type HubRefusal,
  type HubStatus,
  hubLabel,
  inEnglish,
  KEPT_IN_MESSAGES,
  sentence,
  type Words,
} from '../db/model/index.js';
import { getSettings } from '../db/settings.js';
import type { Store } from '../db/store.js';

/*
 * Sync with the department hub in the background of the main process: now and then when a
 * server is set, and at once when asked. One sync at a time; the form never waits for it (the
 * pull writes in short transactions and yields between them). The state is kept for the window
 * in words: when it last worked, what waits, the last error and on whose side it was.
 *
 * The console's signing key and the hub password are kept by the operating system's keychain
 * through Electron's safeStorage — never in the logbook. Where safeStorage has no keychain to
 * use (Linux without one: its `basic_text` backend, a key written in the program) both are
 * refused, with the reason, unless the department opted in (Settings, audited).
 */

/** Where the hub password lives: the OS keychain via safeStorage in Electron, memory in tests. */
export interface PasswordKeeper {
  get(): string | null;
  set(password: string | null): void;
}

/** What RootLog uses of Electron's safeStorage (typed here so this file runs without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?: () => string;
}

/** Why safeStorage cannot be trusted with a secret here, or null when it can. */
export function keychainProblem(safeStorage: SafeStorageLike, platform: string, allowBasicText: boolean): Words | null {
  if (!safeStorage.isEncryptionAvailable()) return sentence(H.keychainUnavailable);
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  if (backend === 'basic_text' && !allowBasicText) return sentence(H.keychainBasicText);
  return null;
}

/** The console's private key, encrypted by the OS keychain in a file of the user's own app data. */
export function keychainVault(
  safeStorage: SafeStorageLike,
  path: string,
  allowBasicText: () => boolean,
  platform = process.platform,
): PrivateKeyVault {
  const check = () => {
    const problem = keychainProblem(safeStorage, platform, allowBasicText());
    if (problem) throw new HubError('local', problem);
  };
  return {
    keptIn: sentence(KEPT_IN_MESSAGES.keychain),
    read: () => {
      check();
      if (!existsSync(path)) return null;
      try {
        return Buffer.from(safeStorage.decryptString(readFileSync(path)), 'base64');
      } catch {
        throw new HubError('local', sentence(H.keychainCannotDecrypt));
      }
    },
    write: (pkcs8) => {
      check();
      writeFileSync(path, safeStorage.encryptString(pkcs8.toString('base64')), { mode: 0o600 });
    },
  };
}

/** The hub password, encrypted the same way; refused where the keychain is not to be trusted. */
export function keychainPassword(
  safeStorage: SafeStorageLike,
  path: string,
  allowBasicText: () => boolean,
  platform = process.platform,
): PasswordKeeper & { problem(): Words | null } {
  const problem = () => keychainProblem(safeStorage, platform, allowBasicText());
  return {
    problem,
    get: () => {
      if (problem() || !existsSync(path)) return null;
      try {
        return safeStorage.decryptString(readFileSync(path));
      } catch {
        return null;
      }
    },
    set: (password) => {
      if (password === null) {
        rmSync(path, { force: true });
        return;
      }
      const found = problem();
      if (found) throw new HubError('local', found);
      writeFileSync(path, safeStorage.encryptString(password), { mode: 0o600 });
    },
  };
}

export interface HubSyncOptions {
  passwords: PasswordKeeper;
  vault: PrivateKeyVault;
  actor: () => string;
}

type SyncState = Pick<
  HubStatus,
  'running' | 'lastSyncAt' | 'lastError' | 'lastErrorSide' | 'notice' | 'consoles' | 'lastReport'
>;

export class HubSync {
  private state: SyncState = {
    running: false,
    lastSyncAt: null,
    lastError: null,
    lastErrorSide: null,
    notice: null,
    consoles: null,
    lastReport: null,
  };
  private keyProblem: Words | null = null;
  private current: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: HubSyncOptions,
  ) {}

  /** Makes the console's key at first run (or finds it): a problem is kept and shown, never thrown at start-up. */
  prepareKey(): void {
    try {
      consoleKey(this.store, this.options.vault, { actor: this.options.actor() });
      this.keyProblem = null;
    } catch (error) {
      // Its own words when the key is the problem (a HubError); the server is not yet asked.
      this.keyProblem = explainFailure(error, sentence(H.unnamedServer)).words;
    }
  }

  /** A new key pair for a console whose key was lost: IT registers the new public key again. */
  replaceKey(): HubStatus {
    consoleKey(this.store, this.options.vault, { actor: this.options.actor() }, { replace: true });
    this.keyProblem = null;
    return this.status();
  }

  status(): HubStatus {
    const key = consolePublicKey(this.store);
    const counts = hubLocalCounts(this.store);
    return {
      ...this.state,
      configured: getSettings(this.store).hubServer !== null,
      pending: counts.pending,
      consoleKey: {
        fingerprint: key?.fingerprint ?? null,
        // The logbook records the English of where the key was kept: this vault's words when it is this vault.
        keptIn: !key || key.keptIn === inEnglish(this.options.vault.keptIn) ? this.options.vault.keptIn : key.keptIn,
        problem: this.keyProblem,
      },
      openConflicts: counts.openConflicts,
      refusals: counts.refusals,
    };
  }

  conflicts(): HubConflictView[] {
    return conflictViews(this.store);
  }

  resolve(id: string, resolution: Resolution, signer: PresentedCredential): HubConflictView {
    return resolveConflict(this.store, id, resolution, signer, { actor: this.options.actor() });
  }

  refusals(): HubRefusal[] {
    return hubRefusals(this.store, 200);
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
    this.options.passwords.set(password);
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
      if (health.state === 'damaged') throw new HubError('local', sentence(H.damagedLogbook));
      const report = await syncOnce(
        this.store,
        { endpoint: endpointOf(server, this.options.passwords.get() ?? undefined), vault: this.options.vault },
        { actor: this.options.actor() },
      );
      this.keyProblem = null;
      this.state = {
        running: false,
        lastSyncAt: new Date().toISOString(),
        lastError: null,
        lastErrorSide: null,
        notice: report.notice ?? this.state.notice,
        consoles: report.consoles,
        lastReport: {
          pushed: report.pushed,
          pulled: report.pulled,
          followUpsPulled: report.followUpsPulled,
          amendmentsPulled: report.amendmentsPulled,
          conflicts: report.conflicts,
          refused: report.refused,
        },
      };
    } catch (error) {
      const explained = explainFailure(error, hubLabel(server));
      this.state = { ...this.state, running: false, lastError: explained.words, lastErrorSide: explained.side };
    }
  }
}
