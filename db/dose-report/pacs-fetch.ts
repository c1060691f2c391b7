import type { requests } from 'dcmjs-dimse';
import { RootLogError } from '../model/errors.js';
import { REFUSAL_MESSAGES } from '../model/refusal-messages.js';
import { sentence, type Words } from '../model/words.js';
import { SOP_CLASS } from './codes.js';
import { dimse } from './dimse.js';

/*
 * The dose report of the open record fetched from the PACS: C-FIND at IMAGE level for
 * X-Ray Radiation Dose SR instances of the study (by its Study Instance UID, else by the
 * accession number through a STUDY-level C-FIND), then C-MOVE of each one to RootLog's own
 * receiver, which keeps the bytes exactly as the PACS sends them (receiver.ts). C-GET would
 * bring the instances back on the asking association, where dcmjs-dimse's client parses them
 * into objects before RootLog could keep the bytes: so C-MOVE, and the PACS must know
 * RootLog's AE title (its receiver's address) as a move destination.
 */

export interface PacsSettings {
  host: string;
  port: number;
  /** The PACS's AE title (called AE title). */
  aeTitle: string;
}

export interface FetchDoseReportsRequest {
  pacs: PacsSettings;
  /** RootLog's AE title: the calling AE of the query, and the move destination the PACS sends to. */
  rootlogAeTitle: string;
  studyInstanceUid?: string | null;
  accessionNumber?: string | null;
  timeoutMs?: number;
}

export interface FoundDoseReport {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

export interface FetchResult {
  found: FoundDoseReport[];
  /** Instances the PACS says it sent to RootLog, and those it could not. */
  moved: number;
  failed: number;
}

type Elements = Record<string, unknown>;
const { Status } = dimse.constants;

const text = (elements: Elements, keyword: string): string | null => {
  const value = elements[keyword];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
};

const unreachable = (pacs: PacsSettings, why: Words) =>
  new RootLogError(
    'database_unavailable',
    sentence(REFUSAL_MESSAGES.pacsUnreachable, { aeTitle: pacs.aeTitle, address: `${pacs.host}:${pacs.port}`, why }),
  );

/** One association with the PACS carrying `request`; resolves with every response once it is released. */
function exchange(from: FetchDoseReportsRequest, request: requests.Request): Promise<unknown[]> {
  const { pacs, timeoutMs = 30_000 } = from;
  return new Promise((resolve, reject) => {
    const client = new dimse.Client();
    const responses: unknown[] = [];
    let failure: RootLogError | undefined;
    request.on('response', (response: unknown) => responses.push(response));
    client.addRequest(request);
    client.on('associationRejected', () => {
      failure = unreachable(
        pacs,
        sentence(REFUSAL_MESSAGES.pacsRefusedAssociation, { rootlogAeTitle: from.rootlogAeTitle }),
      );
    });
    client.on('networkError', (error: Error) => {
      failure ??= unreachable(pacs, sentence(REFUSAL_MESSAGES.pacsCouldNotReach, { error: error.message }));
    });
    client.on('closed', () => (failure ? reject(failure) : resolve(responses)));
    client.send(pacs.host, pacs.port, from.rootlogAeTitle, pacs.aeTitle, {
      connectTimeout: timeoutMs,
      associationTimeout: timeoutMs,
      pduTimeout: timeoutMs,
    });
  });
}

/** The matches of one C-FIND (its pending responses' identifiers). */
async function find(from: FetchDoseReportsRequest, request: requests.CFindRequest): Promise<Elements[]> {
  const responses = (await exchange(from, request)) as {
    getStatus(): number;
    hasDataset(): boolean;
    getDataset(): { getElements(): Elements };
  }[];
  const final = responses.at(-1)?.getStatus();
  if (final !== undefined && final !== Status.Success && final !== Status.Pending) {
    throw unreachable(
      from.pacs,
      sentence(REFUSAL_MESSAGES.pacsAnsweredStatus, { status: `0x${final.toString(16).padStart(4, '0')}` }),
    );
  }
  return responses
    .filter((response) => response.getStatus() === Status.Pending && response.hasDataset())
    .map((response) => response.getDataset().getElements());
}

/** The dose reports of a study (or of the studies with an accession number) in the PACS. */
export async function findDoseReports(from: FetchDoseReportsRequest): Promise<FoundDoseReport[]> {
  let studies = from.studyInstanceUid ? [from.studyInstanceUid] : [];
  if (studies.length === 0) {
    if (!from.accessionNumber) {
      throw new RootLogError('validation', sentence(REFUSAL_MESSAGES.pacsNeitherKey), { field: 'accessionNumber' });
    }
    const matches = await find(
      from,
      dimse.requests.CFindRequest.createStudyFindRequest({
        AccessionNumber: from.accessionNumber,
        StudyInstanceUID: '',
      }),
    );
    studies = [...new Set(matches.map((match) => text(match, 'StudyInstanceUID')).filter((uid) => uid !== null))];
  }
  const found: FoundDoseReport[] = [];
  for (const studyInstanceUid of studies) {
    const matches = await find(
      from,
      dimse.requests.CFindRequest.createImageFindRequest({
        StudyInstanceUID: studyInstanceUid,
        SeriesInstanceUID: '',
        SOPInstanceUID: '',
        SOPClassUID: SOP_CLASS.xRayRadiationDoseSr,
      }),
    );
    for (const match of matches) {
      const seriesInstanceUid = text(match, 'SeriesInstanceUID');
      const sopInstanceUid = text(match, 'SOPInstanceUID');
      // A PACS that ignores the SOP class key returns every instance: only dose reports are fetched.
      const sopClass = text(match, 'SOPClassUID');
      if (!seriesInstanceUid || !sopInstanceUid || (sopClass && sopClass !== SOP_CLASS.xRayRadiationDoseSr)) continue;
      found.push({ studyInstanceUid, seriesInstanceUid, sopInstanceUid });
    }
  }
  return found;
}

/**
 * Finds the record's dose reports in the PACS and has each moved to RootLog's receiver (which
 * must be listening). The reports arrive through the receiver and are kept and linked there.
 */
export async function fetchDoseReportsFromPacs(from: FetchDoseReportsRequest): Promise<FetchResult> {
  const found = await findDoseReports(from);
  let moved = 0;
  let failed = 0;
  for (const report of found) {
    const responses = (await exchange(
      from,
      dimse.requests.CMoveRequest.createImageMoveRequest(
        from.rootlogAeTitle,
        report.studyInstanceUid,
        report.seriesInstanceUid,
        report.sopInstanceUid,
      ),
    )) as { getStatus(): number; getCompleted(): number; getFailures(): number }[];
    const final = responses.at(-1);
    if (!final) throw unreachable(from.pacs, sentence(REFUSAL_MESSAGES.pacsNoMoveAnswer));
    const status = final.getStatus();
    if (status === Status.MoveDestinationUnknown) {
      throw unreachable(
        from.pacs,
        sentence(REFUSAL_MESSAGES.pacsUnknownDestination, { rootlogAeTitle: from.rootlogAeTitle }),
      );
    }
    moved += final.getCompleted() ?? 0;
    failed += final.getFailures() ?? 0;
    if (status !== Status.Success && (final.getCompleted() ?? 0) === 0 && (final.getFailures() ?? 0) === 0) failed += 1;
  }
  return { found, moved, failed };
}
