import { create } from 'zustand';
import type { DoseReceiverStatus, DoseReportInbox, Said } from '../../../db/model/index.js';
import { client, refusalOf } from '../../app/api-client.js';

/** What the last attach did, for the record it is about: attached (the screen words it), or the main process's refusal. */
export type AttachMessage =
  | { procedureId: string; outcome: 'attached' }
  | { procedureId: string; outcome: 'refused'; reason: Said };

interface DoseReportsState {
  receiver: DoseReceiverStatus | null;
  inbox: DoseReportInbox | null;
  message: AttachMessage | null;
  load: () => Promise<void>;
  /** Attaches a waiting report to the procedure; true when it was attached. */
  attach: (reportId: string, procedureId: string) => Promise<boolean>;
}

/** The dose report receiver's state and the reports no procedure has yet (the inbox), from the main process. */
export const useDoseReports = create<DoseReportsState>((set) => ({
  receiver: null,
  inbox: null,
  message: null,
  load: async () => {
    try {
      const { receiver, inbox } = await client.doseReports.status();
      set({ receiver, inbox });
    } catch {
      // A busy main process: the last known inbox stays until the next ask.
    }
  },
  attach: async (reportId, procedureId) => {
    try {
      const inbox = await client.doseReports.attach(reportId, procedureId);
      set({ inbox, message: { procedureId, outcome: 'attached' } });
      return true;
    } catch (error) {
      set({
        message: {
          procedureId,
          outcome: 'refused',
          reason: refusalOf(error),
        },
      });
      return false;
    }
  },
}));
