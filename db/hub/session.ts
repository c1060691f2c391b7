import type pg from 'pg';
import { type HubConsole, inEnglish, type Words } from '../model/index.js';
import type { Store } from '../store.js';
import type { ConsoleKey } from './console-key.js';

/*
 * One sync's shared state: the connection, which hub it is, who this console is there, and
 * the report that push and pull fill in.
 */

export interface SyncReport {
  /** Records whose versions went to the hub (new, or amended here). */
  pushed: number;
  /** Records in the outbox the hub had already. */
  unchanged: number;
  /** New records received. */
  pulled: number;
  amendmentsPulled: number;
  followUpsPulled: number;
  followUpsPushed: number;
  catalogueChanges: number;
  /**
   * True conflicts: this console's amendment of another's record, or another's of a record here;
   * why, as its English (for the logs) and its words (`rootlog sync` says them in its language).
   */
  conflicts: ReportedRow[];
  /** What was not taken, pushing or pulling, and why (kept for IT, on the console): as conflicts. */
  refused: ReportedRow[];
  /** Rows of the hub waiting for another (their record, the version before them). */
  waiting: number;
  /** Records still waiting in the outbox after this sync. */
  pending: number;
  hubId: string | null;
  /** Said when the hub was found restored or replaced, and what this console did about it (its words: `hub.sync.*`). */
  notice: Words | null;
  consoles: HubConsole[];
}

/** A row of the report: the record (or entry) it is about, and why, in English and as words. */
export interface ReportedRow {
  id: string;
  reason: string;
  words: Words;
}

/** A row for the report: its English derived from its words. */
export const reported = (id: string, words: Words): ReportedRow => ({ id, reason: inEnglish(words), words });

export const emptyReport = (): SyncReport => ({
  pushed: 0,
  unchanged: 0,
  pulled: 0,
  amendmentsPulled: 0,
  followUpsPulled: 0,
  followUpsPushed: 0,
  catalogueChanges: 0,
  conflicts: [],
  refused: [],
  waiting: 0,
  pending: 0,
  hubId: null,
  notice: null,
  consoles: [],
});

/** The highest row this console knows the hub holds (a hub without it, or behind it, was restored). */
export interface SeenRow {
  seq: string;
  stream: string | null;
  rowKey: string | null;
}

export interface HubSession {
  client: pg.Client;
  store: Store;
  hubId: string;
  /** This console's registered name on the hub. */
  me: string;
  key: ConsoleKey;
  actor: string;
  now: Date;
  report: SyncReport;
  seen: SeenRow;
  /** Compare the whole catalogue with the hub's even if nothing changed here (a new or restored hub). */
  catalogueAgain: boolean;
}

/** Keeps the highest sequence number met (64-bit: compared as bigint, never as a JavaScript number). */
export function noteSeen(session: HubSession, seq: string, stream: string, rowKey: string): void {
  if (BigInt(seq) > BigInt(session.seen.seq)) session.seen = { seq, stream, rowKey };
}

/** Lets the console's own requests (a save, the window) run between two pieces of a long sync. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
