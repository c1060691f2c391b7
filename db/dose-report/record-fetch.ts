import type { ConnectionSettings } from '../model/connection-settings.js';
import { RootLogError } from '../model/errors.js';
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

const refused = (message: string, field?: string) => new RootLogError('validation', message, field ? { field } : {});

/** Fetches the procedure's dose reports from the PACS into the receiver; throws in words when none came. */
export async function fetchRecordDoseReports(
  store: Store,
  connections: ConnectionSettings,
  procedureId: string,
  options: RecordFetchOptions,
  context: ServiceContext,
): Promise<FetchResult & { attached: number }> {
  const { pacsServer: pacs, doseReceiver: receiver } = connections;
  if (!pacs)
    throw refused(
      'No PACS is set up (Settings → PACS): ask IT for its address, port and AE title, or enter the dose by hand.',
    );
  if (!receiver || !options.receiverListening)
    throw refused(
      'The PACS sends the dose report to RootLog’s dose report receiver, which is not receiving: turn it on in Settings → Dose reports.',
    );
  if (!receiver.acceptedCallingAeTitles.includes(pacs.aeTitle))
    throw refused(
      `The PACS’s AE title ${pacs.aeTitle} is not among the AE titles allowed to send (Settings → Dose reports): add it, or RootLog refuses what the PACS sends.`,
    );
  const { record } = getProcedure(store, procedureId);
  const studyInstanceUid = record.studyInstanceUid ?? null;
  const accessionNumber = record.accessionNumber ?? null;
  if (!studyInstanceUid && !accessionNumber)
    throw refused(
      'This record has neither a Study Instance UID (from the worklist) nor an accession number: the PACS cannot be asked for its dose report. Enter the accession number, or the dose by hand.',
      'accessionNumber',
    );
  const result = await fetchDoseReportsFromPacs({
    pacs: { host: pacs.host, port: pacs.port, aeTitle: pacs.aeTitle },
    rootlogAeTitle: receiver.aeTitle,
    studyInstanceUid,
    accessionNumber: studyInstanceUid ? null : accessionNumber,
    timeoutMs: options.timeoutMs,
  });
  const key = studyInstanceUid ? `Study Instance UID ${studyInstanceUid}` : `accession number ${accessionNumber}`;
  if (result.found.length === 0)
    throw refused(
      `The PACS ${pacs.aeTitle} has no dose report for this study (${key}): the scanner may not have sent it yet; try again later, or enter the dose by hand.`,
    );
  if (result.moved === 0)
    throw refused(
      `The PACS ${pacs.aeTitle} found the dose report of this study (${key}) but did not send it to RootLog: check that the PACS knows ${receiver.aeTitle} at this console’s address and port ${receiver.port}.`,
    );
  const { attached, linkedHere, waiting } = attachFetchedDoseReports(
    store,
    procedureId,
    result.found.map((report) => report.sopInstanceUid),
    context,
  );
  const [first] = waiting;
  if (first && linkedHere === 0)
    throw refused(
      `The PACS ${pacs.aeTitle} sent a dose report of this study (${key}), but ${first.why}: it waits among the dose reports without a procedure. Check the record's patient and accession number, or attach the report by hand if it is this patient's.`,
    );
  return { ...result, attached };
}
