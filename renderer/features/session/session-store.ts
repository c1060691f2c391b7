import { create } from 'zustand';
import type { SessionOperator, SessionState } from '../../../db/model/answers.js';
import { type Said, sentence, type Words } from '../../../db/model/index.js';
import { ApiCallError, client, refusalOf } from '../../app/api-client.js';
import { LOCK_SCREEN_MESSAGES } from './session-messages.js';

/*
 * The console's session as the main process keeps it (electron/session.ts): locked or open,
 * who opened it, who administers. The window never decides it is open: it asks, and shows the
 * lock screen until the main process says so. A PIN typed goes to the main process and is
 * forgotten here at once.
 */

interface SessionStore {
  session: SessionState | null;
  /** What the last attempt said (a wrong PIN, a lock): the main process's refusal, said with useRefusalWords. */
  message: Said | null;
  /** The field the message is about ("signer.pin", "signer.operatorId", "name"). */
  messageField: string | null;
  busy: boolean;
  load: () => Promise<SessionState>;
  /** Hides patient data (the caller saves the draft being typed first). */
  lock: () => Promise<void>;
  unlock: (operatorId: string, pin: string) => Promise<boolean>;
  /**
   * A badge scanned (the card reader types its number and Enter): whose it is, among the
   * active operators; their PIN still proves it. The holder, or why there is none, in words.
   */
  identifyBadge: (typed: string) => Promise<{ holder: SessionOperator } | { problem: Said | Words } | null>;
  /** An administrator's PIN opens Settings' changes. */
  administer: (operatorId: string, pin: string) => Promise<boolean>;
  endAdministration: () => Promise<void>;
  /** The first run: the first operator, who becomes the administrator, and their PIN. */
  setUpFirstAdministrator: (who: { name: string } | { operatorId: string }, pin: string) => Promise<boolean>;
  /** After a signature: the signer is offered first next time (the main process knows it already). */
  refresh: () => Promise<void>;
}

export const useSession = create<SessionStore>((set, get) => {
  const attempt = async (action: () => Promise<SessionState>): Promise<boolean> => {
    if (get().busy) return false;
    set({ busy: true });
    try {
      set({ session: await action(), message: null, messageField: null });
      return true;
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      set({
        // A field's problem names its field in its words ("PIN must be at least 4 characters").
        message: error.error.problems?.[0] ?? refusalOf(error),
        messageField: error.error.field ?? error.error.problems?.[0]?.field ?? null,
      });
      return false;
    } finally {
      set({ busy: false });
    }
  };
  return {
    session: null,
    message: null,
    messageField: null,
    busy: false,
    load: async () => {
      const session = await client.session.state();
      set({ session });
      return session;
    },
    lock: async () => {
      set({ session: await client.session.lock(), message: null, messageField: null });
    },
    unlock: (operatorId, pin) => attempt(() => client.session.unlock({ operatorId, pin })),
    identifyBadge: async (typed) => {
      const badge = typed.trim();
      if (!badge || get().busy) return null;
      set({ busy: true });
      try {
        const { operatorId } = await client.session.badge(badge);
        const holder = get().session?.operators.find((operator) => operator.id === operatorId);
        return holder ? { holder } : { problem: sentence(LOCK_SCREEN_MESSAGES.badgeUnknown) };
      } catch (error) {
        if (!(error instanceof ApiCallError)) throw error;
        return { problem: refusalOf(error) };
      } finally {
        set({ busy: false });
      }
    },
    administer: (operatorId, pin) => attempt(() => client.session.administer({ operatorId, pin })),
    endAdministration: async () => {
      set({ session: await client.session.endAdministration() });
    },
    setUpFirstAdministrator: (who, pin) => attempt(() => client.session.setUpFirstAdministrator({ ...who, pin })),
    refresh: async () => {
      set({ session: await client.session.state() });
    },
  };
});
