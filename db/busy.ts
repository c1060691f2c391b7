import { REFUSAL_MESSAGES, RootLogError, sentence } from './model/index.js';

/*
 * One writer at a time: SQLite makes a second one wait (the busy timeout) and then gives up
 * with SQLITE_BUSY, having written nothing of its transaction. That is said in words, to the
 * person at the window or to whoever ran a command — never "database is locked".
 */

const BUSY_CODES = /^SQLITE_(BUSY|LOCKED)(_|$)/;

/** SQLite gave up waiting for another connection's lock. */
export function isBusy(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && BUSY_CODES.test(code);
}

/** The refusal in words: a command is run again by hand, the app's request is tried again in a moment. */
export function busyLogbook(path: string, who: 'command' | 'app', cause?: unknown): RootLogError {
  return new RootLogError(
    'database_locked',
    sentence(who === 'command' ? REFUSAL_MESSAGES.busyCommand : REFUSAL_MESSAGES.busyApp, { path }),
    { cause },
  );
}
