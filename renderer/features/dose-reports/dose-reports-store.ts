import { create } from 'zustand';
import type { DoseReceiverStatus, DoseReportInbox } from '../../../db/model/index.js';
import { ApiCallError, client } from '../../app/api-client.js';

interface DoseReportsState {
  receiver: DoseReceiverStatus | null;
  inbox: DoseReportInbox | null;
  /** What the last attach did, in words (the record it is about). */
  message: { procedureId: string; kind: 'ok' | 'problem'; text: string } | null;
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
      set({ inbox, message: { procedureId, kind: 'ok', text: 'Dose report attached to this procedure.' } });
      return true;
    } catch (error) {
      set({
        message: {
          procedureId,
          kind: 'problem',
          text: error instanceof ApiCallError ? error.error.message : String(error),
        },
      });
      return false;
    }
  },
}));
