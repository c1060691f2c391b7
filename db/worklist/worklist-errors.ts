import { textFromPeer } from '../model/connection-settings.js';

/*
 * Why the worklist could not be asked, in words for the radiologist at the console and for IT:
 * which server, what went wrong, what to do. Never a library's wording or a stack trace. Pure:
 * the client (client.ts) decides the kind, this file words it.
 */

export type WorklistFailure =
  /** Nothing accepts a connection at that address (server down, wrong host or port, firewall). */
  | 'not_reachable'
  /** Connected (or trying to) but no answer within the timeout. */
  | 'no_answer'
  /** The server does not answer to the AE title this console calls it by. */
  | 'called_ae_unknown'
  /** The server does not know this console's AE title. */
  | 'calling_ae_unknown'
  /** The server refused the association for another reason (busy, no reason given…). */
  | 'refused'
  /** The server accepted the association but offers no Modality Worklist service. */
  | 'not_a_worklist'
  /** The server broke the association off in the middle (A-ABORT, connection closed). */
  | 'aborted'
  /** The server answered the query with a failure status. */
  | 'query_failed';

export interface WorklistPeerName {
  host: string;
  port: number;
  calledAe: string;
  callingAe: string;
}

export interface FailureDetail {
  /** Seconds waited, for no_answer. */
  seconds?: number;
  /** The DIMSE status of a failed query, e.g. 0xA700. */
  status?: number;
  /** The server's own comment on the failure (Error Comment), shown as its words. */
  comment?: string;
  /** Whether a refusal is only for now (A-ASSOCIATE-RJ result "transient"). */
  transient?: boolean;
}

const hex = (status: number) => `0x${status.toString(16).toUpperCase().padStart(4, '0')}`;
const KEPT = 'The worklist keeps showing what it last received, and patients can be entered by hand.';

/** The sentence shown at the worklist and printed by `rootlog worklist`. */
export function worklistFailureWords(
  kind: WorklistFailure,
  peer: WorklistPeerName,
  detail: FailureDetail = {},
): string {
  const at = `The worklist server at ${peer.host}:${peer.port}`;
  switch (kind) {
    case 'not_reachable':
      return `${at} cannot be reached: check that it is running and that the network and firewall let this console through. ${KEPT}`;
    case 'no_answer':
      return `${at} did not answer within ${detail.seconds ?? 'a few'} seconds: it may be overloaded or a firewall may be dropping the connection. ${KEPT}`;
    case 'called_ae_unknown':
      return `${at} does not answer to the AE title ${peer.calledAe}: check the server's AE title in Settings → Worklist (IT knows it).`;
    case 'calling_ae_unknown':
      return `${at} refused this console's AE title ${peer.callingAe}: ask IT to register it on the worklist server.`;
    case 'refused':
      return detail.transient
        ? `${at} is busy and refused the connection for now: try again in a moment. ${KEPT}`
        : `${at} refused the connection from this console (AE title ${peer.callingAe}): ask IT to check that this console may query the worklist.`;
    case 'not_a_worklist':
      return `${at} accepted the connection but does not offer the Modality Worklist: check the address and AE title in Settings → Worklist.`;
    case 'aborted':
      return `${at} broke off the query before it was complete: try again; if it keeps happening, tell IT. ${KEPT}`;
    case 'query_failed':
      return `${at} could not answer the query (status ${detail.status === undefined ? 'unknown' : hex(detail.status)}${detail.comment ? `: "${textFromPeer(detail.comment, 200)}"` : ''}): tell IT. ${KEPT}`;
  }
}

/** The warning shown with a complete list whose server answered 0xFF01 (optional keys it does not support). */
export const UNSUPPORTED_KEYS_WARNING =
  'The worklist server does not support some of the details asked for (status 0xFF01, for example the patient’s language): the list is complete, those details are missing.';

/** A failure of the worklist, worded: thrown by the client, caught by the window and the command line. */
export class WorklistError extends Error {
  readonly kind: WorklistFailure;
  readonly detail: FailureDetail;

  constructor(kind: WorklistFailure, peer: WorklistPeerName, detail: FailureDetail = {}) {
    super(worklistFailureWords(kind, peer, detail));
    this.name = 'WorklistError';
    this.kind = kind;
    this.detail = detail;
  }

  toJSON(): { code: WorklistFailure; message: string } {
    return { code: this.kind, message: this.message };
  }
}
