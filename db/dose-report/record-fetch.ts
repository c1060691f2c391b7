import type { ConnectionSettings } from '../model/connection-settings.js';
import { RootLogError } from '../model/errors.js';
import type { Message } from '../model/messages.js';
import { REFUSAL_MESSAGES } from '../model/refusal-messages.js';
import { sentence, type WordValue } from '../model/words.js';
import { getProcedure } from '../procedures.js';
import type { ServiceContext, Store } from '../store.js';
import { type FetchResult, fetchDoseReportsFromPacs } from './pacs-fetch.js';
import { attachFetchedDoseReports } from './reports.js';

/*
 * "Fetch dose report from the PACS" for the open record: the PACS of Settings → PACS is asked
 * for the record's dose reports (by its Study Instance UID from the worklist, else its accession
 * number) and moves them to RootLog's own receiver (Settings → Dose reports), which keeps and
 * links them as any report that arrives. What stands in the way is said in words before the
 * PACS is asked: no PACS set up, the receiver off, the PACS not among the senders allowed.
 * A report that came for this record but that its keys link to no single record (two records
 * with its accession number) is attached to this record, the one that asked, only when both
 * patient IDs are there and the same and its study or accession number is the record's:
 * otherwise it waits in the inbox, and the refusal says why.
 */

export interface RecordFetchOptions {
  /** Is the receiver listening now (the main process's receiver state)? */
  receiverListening: boolean;
  timeoutMs?: number;
}

const refused = (message: Message, values?: Readonly<Record<string, WordValue>>, field?: string) =>
  new RootLogError('validation', sentence(message, values), field ? { field } : {});
const R = REFUSAL_MESSAGES;

/** Fetches the procedure's dose reports from the PACS into the receiver; throws in words when none came. */
export async function fetchRecordDoseReports(
  store: Store,
  connections: ConnectionSettings,
  procedureId: string,
  options: RecordFetchOptions,
  context: ServiceContext,
): Promise<FetchResult & { attached: number }> {
  const { pacsServer: pacs, doseReceiver: receiver } = connections;
  if (!pacs) throw refused(R.pacsNotSetUp);
  if (!receiver || !options.receiverListening) throw refused(R.pacsReceiverOff);
  if (!receiver.acceptedCallingAeTitles.includes(pacs.aeTitle))
    throw refused(R.pacsAeNotAllowed, { aeTitle: pacs.aeTitle });
  const { record } = getProcedure(store, procedureId);
  const studyInstanceUid = record.studyInstanceUid ?? null;
  const accessionNumber = record.accessionNumber ?? null;
  if (!studyInstanceUid && !accessionNumber) throw refused(R.pacsNoStudyKey, {}, 'accessionNumber');
  const result = await fetchDoseReportsFromPacs({
    pacs: { host: pacs.host, port: pacs.port, aeTitle: pacs.aeTitle },
    rootlogAeTitle: receiver.aeTitle,
    studyInstanceUid,
    accessionNumber: studyInstanceUid ? null : accessionNumber,
    timeoutMs: options.timeoutMs,
  });
  const key = studyInstanceUid
    ? sentence(R.pacsKeyStudy, { uid: studyInstanceUid })
    : sentence(R.pacsKeyAccession, { number: accessionNumber ?? '' });
  if (result.found.length === 0) throw refused(R.pacsNoReport, { aeTitle: pacs.aeTitle, key });
  if (result.moved === 0)
    throw refused(R.pacsNotSent, {
      aeTitle: pacs.aeTitle,
      key,
      rootlogAeTitle: receiver.aeTitle,
      port: String(receiver.port),
    });
  const { attached, linkedHere, waiting } = attachFetchedDoseReports(
    store,
    procedureId,
    result.found.map((report) => report.sopInstanceUid),
    context,
  );
  const [first] = waiting;
  if (first && linkedHere === 0) throw refused(R.pacsWaiting, { aeTitle: pacs.aeTitle, key, why: first.why });
  return { ...result, attached };
}
