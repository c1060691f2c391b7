import type { ServiceContext, Store } from '../store.js';
import { NotADoseReportError } from './dicom-file.js';
import type { IncomingDataset, IncomingVerdict } from './receiver.js';
import { receiveDoseReport } from './reports.js';

/**
 * What the main process gives the dose report receiver: each data set kept in the logbook as
 * received, and the verdict the sender's C-STORE status is made from.
 */
export function keepIncomingDoseReports(store: Store, context: ServiceContext) {
  return (incoming: IncomingDataset): IncomingVerdict => {
    try {
      const outcome = receiveDoseReport(
        store,
        {
          bytes: incoming.dataset,
          form: 'dataset',
          transferSyntaxUid: incoming.transferSyntaxUid,
          sopClassUid: incoming.sopClassUid,
          sopInstanceUid: incoming.sopInstanceUid,
          receivedFrom: `C-STORE from ${incoming.callingAeTitle} at ${incoming.remoteAddress}`,
        },
        context,
      );
      return { status: outcome.outcome === 'duplicate' ? 'duplicate' : 'stored' };
    } catch (error) {
      if (error instanceof NotADoseReportError) return { status: 'not-a-dose-report', reason: error.message };
      return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  };
}
