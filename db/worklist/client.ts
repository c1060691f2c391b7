import type { Socket } from 'node:net';
import dimse from 'dcmjs-dimse';
import type { WorklistServer } from '../model/connection-settings.js';
import { WORKLIST_SERVER_MESSAGES } from '../model/main-messages.js';
import { sentence, type Words } from '../model/words.js';
import { decodeSequencesInDeclaredCharset } from './dcmjs-sequence-charset.js';
import { entryFromDataset, type RejectedEntry, type WorklistEntry } from './worklist-entry.js';
import { UNSUPPORTED_KEYS_WARNING, WorklistError, type WorklistFailure } from './worklist-errors.js';
import { type WorklistQuery, worklistIdentifier } from './worklist-query.js';

/*
 * The console as a DICOM worklist client (SCU): C-ECHO to test the connection, C-FIND on the
 * Modality Worklist to read the scheduled patients. DIMSE and the datasets' encoding are
 * dcmjs-dimse's and dcmjs's; this file only drives them, bounds the wait and words the outcome.
 *
 * What it relies on in dcmjs-dimse 0.3.3, and corrects:
 * - its Network ends a request on any status other than 0xFF00 ("pending"), so a server that
 *   answers "pending, with warnings" (0xFF01, e.g. dcmtk's wlmscpfs for an optional key it does
 *   not support) had its list cut off and the association released several times ("write after
 *   end"). WorklistFind below ends the request only on a final status. This uses the request's
 *   raiseResponseEvent/raiseDoneEvent, which its Network calls and its typings do not declare;
 *   the real-server tests (client.test.ts) fail if that changes.
 * - its built-in worklist request fills return keys with values that act as filters on some
 *   servers: the identifier is built here with only the keys meant (worklist-query.ts).
 * - dcmjs decodes text in the declared Specific Character Set, and in Latin-1 when none is
 *   declared (its stream's default decoder), which is what the console needs — except inside
 *   sequence items, which it decodes in Latin-1 always (dcmjs-sequence-charset.ts fixes that).
 */

const { Client, Dataset, log, requests, constants } = dimse;
const { CEchoRequest, CFindRequest } = requests;
const { Status, SopClass, RejectReason, RejectResult, RejectSource } = constants;

export type WorklistPeer = Pick<WorklistServer, 'host' | 'port' | 'calledAe' | 'callingAe'> & {
  /** Connect and answer timeout; the default suits a department network. */
  timeoutMs?: number;
};

export const DEFAULT_TIMEOUT_MS = 5000;
/** More entries than any station has in a day: beyond this the list is cut and says so. */
export const MAX_ENTRIES = 2000;

const PENDING = 0xff00;
const PENDING_WITH_WARNINGS = 0xff01;
const isPending = (status: number | undefined) => status === PENDING || status === PENDING_WITH_WARNINGS;

/** A C-FIND that ends on its final status only (see the note above). */
class WorklistFind extends CFindRequest {
  lastStatus: number | undefined;

  override raiseResponseEvent(response: Parameters<InstanceType<typeof CFindRequest>['raiseResponseEvent']>[0]): void {
    this.lastStatus = response.getStatus();
    super.raiseResponseEvent(response);
  }

  override raiseDoneEvent(): void {
    if (isPending(this.lastStatus)) return;
    super.raiseDoneEvent();
  }
}

function rejection(reject: { result: number; source: number; reason: number }): {
  kind: WorklistFailure;
  transient: boolean;
} {
  const transient = reject.result === RejectResult.Transient;
  if (reject.source === RejectSource.ServiceUser) {
    if (reject.reason === RejectReason.CalledAeNotRecognized) return { kind: 'called_ae_unknown', transient };
    if (reject.reason === RejectReason.CallingAeNotRecognized) return { kind: 'calling_ae_unknown', transient };
  }
  return { kind: 'refused', transient };
}

/** Node's own words for "nothing there" (the library passes them on only inside its message). */
const UNREACHABLE = /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EADDRNOTAVAIL/;

/**
 * One association carrying one request, bounded in time: resolves once the request is complete
 * and the association is gone, or rejects with a worded WorklistError. Never hangs: the
 * library's own timeouts are set, and a deadline above them destroys the socket regardless.
 */
function exchange(
  peer: WorklistPeer,
  request: InstanceType<typeof CFindRequest> | InstanceType<typeof CEchoRequest>,
  isComplete: () => boolean,
): Promise<void> {
  log.setLevel('silent');
  decodeSequencesInDeclaredCharset();
  const timeoutMs = peer.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const seconds = Math.round(timeoutMs / 1000);
  return new Promise((resolve, reject) => {
    const client = new Client();
    client.addRequest(request);
    let settled = false;
    let accepted = false;
    let offersService = true;
    const destroy = () => (client as unknown as { network?: { socket?: Socket } }).network?.socket?.destroy();
    const settle = (failure?: WorklistError) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (failure) {
        destroy();
        reject(failure);
      } else resolve();
    };
    const deadline = setTimeout(() => settle(new WorklistError('no_answer', peer, { seconds })), timeoutMs * 3);

    client.on(
      'associationAccepted',
      (association: { getAcceptedPresentationContextFromRequest(r: unknown): unknown }) => {
        accepted = true;
        offersService = association.getAcceptedPresentationContextFromRequest(request) !== undefined;
      },
    );
    client.on('associationRejected', (reject: { result: number; source: number; reason: number }) => {
      const { kind, transient } = rejection(reject);
      settle(new WorklistError(kind, peer, { transient }));
    });
    client.on('networkError', (error: Error) => {
      // After the last answer, the end of the connection is no failure (a reset instead of a release).
      if (isComplete()) return;
      const message = error instanceof Error ? error.message : String(error);
      if (/timeout/i.test(message)) settle(new WorklistError('no_answer', peer, { seconds }));
      else if (!accepted && UNREACHABLE.test(message)) settle(new WorklistError('not_reachable', peer));
      else settle(new WorklistError(accepted ? 'aborted' : 'not_reachable', peer));
    });
    client.on('closed', () => {
      if (isComplete()) settle();
      else if (accepted && !offersService) settle(new WorklistError('not_a_worklist', peer));
      else settle(new WorklistError(accepted ? 'aborted' : 'not_reachable', peer));
    });
    try {
      client.send(peer.host, peer.port, peer.callingAe, peer.calledAe, {
        connectTimeout: timeoutMs,
        associationTimeout: timeoutMs,
        pduTimeout: timeoutMs,
      });
    } catch {
      settle(new WorklistError('not_reachable', peer));
    }
  });
}

/** Settings → Worklist → Test: a C-ECHO; resolves when the server answered Success. */
export async function echoWorklist(peer: WorklistPeer): Promise<{ milliseconds: number }> {
  const started = performance.now();
  const request = new CEchoRequest();
  let status: number | undefined;
  request.on('response', (response: { getStatus(): number }) => {
    status = response.getStatus();
  });
  await exchange(peer, request, () => status !== undefined);
  if (status !== Status.Success) throw new WorklistError('query_failed', peer, { status });
  return { milliseconds: Math.round(performance.now() - started) };
}

export interface WorklistAnswer {
  entries: WorklistEntry[];
  /** Entries refused whole (no usable patient ID), named. */
  rejected: RejectedEntry[];
  /** What the server said besides the entries (0xFF01, a list cut at MAX_ENTRIES), as words. */
  warnings: Words[];
  receivedAt: string;
}

/** The scheduled patients for the query, checked entry by entry (worklist-entry.ts). */
export async function findWorklist(
  peer: WorklistPeer,
  query: WorklistQuery,
  now = () => new Date(),
): Promise<WorklistAnswer> {
  const request = new WorklistFind();
  request.setAffectedSopClassUid(SopClass.ModalityWorklistInformationModelFind);
  request.setDataset(new Dataset(worklistIdentifier(query)));
  const answer: WorklistAnswer = { entries: [], rejected: [], warnings: [], receivedAt: '' };
  let finalStatus: number | undefined;
  let comment: string | undefined;
  let warned = false;
  let answered = 0;
  request.on(
    'response',
    (response: {
      getStatus(): number;
      getDataset(): { getElements(): Record<string, unknown> } | undefined;
      getErrorComment(): string | undefined;
    }) => {
      const status = response.getStatus();
      if (!isPending(status)) {
        finalStatus = status;
        comment = response.getErrorComment();
        return;
      }
      if (status === PENDING_WITH_WARNINGS) warned = true;
      answered += 1;
      if (answered > MAX_ENTRIES) return;
      const dataset = response.getDataset();
      const read = entryFromDataset(dataset?.getElements() ?? {}, answered);
      if ('entry' in read) answer.entries.push(read.entry);
      else answer.rejected.push(read.rejected);
    },
  );
  await exchange(peer, request, () => finalStatus !== undefined);
  if (finalStatus !== Status.Success)
    throw new WorklistError('query_failed', peer, { status: finalStatus, comment: comment || undefined });
  if (warned) answer.warnings.push(UNSUPPORTED_KEYS_WARNING);
  if (answered > MAX_ENTRIES)
    answer.warnings.push(sentence(WORKLIST_SERVER_MESSAGES.cut, { count: answered, shown: MAX_ENTRIES }));
  answer.receivedAt = now().toISOString();
  return answer;
}
