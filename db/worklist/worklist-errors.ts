import { textFromPeer } from '../model/connection-settings.js';
import { WORKLIST_SERVER_MESSAGES as M } from '../model/main-messages.js';
import { inEnglish, sentence, type Words } from '../model/words.js';

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

/** A failure after which the list shown is the last one received, and patients are entered by hand. */
const kept = (problem: Words): Words => sentence(M.kept, { problem });

/** The sentence shown at the worklist and printed by `rootlog worklist`, as words (its English: inEnglish). */
export function worklistFailureWords(kind: WorklistFailure, peer: WorklistPeerName, detail: FailureDetail = {}): Words {
  const address = `${peer.host}:${peer.port}`;
  switch (kind) {
    case 'not_reachable':
      return kept(sentence(M.notReachable, { address }));
    case 'no_answer':
      return kept(sentence(M.noAnswer, { address, seconds: detail.seconds ?? '?' }));
    case 'called_ae_unknown':
      return sentence(M.calledAeUnknown, { address, aeTitle: peer.calledAe });
    case 'calling_ae_unknown':
      return sentence(M.callingAeUnknown, { address, aeTitle: peer.callingAe });
    case 'refused':
      return detail.transient
        ? kept(sentence(M.busy, { address }))
        : sentence(M.refused, { address, aeTitle: peer.callingAe });
    case 'not_a_worklist':
      return sentence(M.notAWorklist, { address });
    case 'aborted':
      return kept(sentence(M.aborted, { address }));
    case 'query_failed': {
      const status = detail.status === undefined ? sentence(M.statusUnknown) : hex(detail.status);
      return kept(
        detail.comment
          ? sentence(M.queryFailedSaying, { address, status, comment: textFromPeer(detail.comment, 200) })
          : sentence(M.queryFailed, { address, status }),
      );
    }
  }
}

/** The warning shown with a complete list whose server answered 0xFF01 (optional keys it does not support). */
export const UNSUPPORTED_KEYS_WARNING: Words = sentence(M.unsupportedKeys);

/** A failure of the worklist, worded: thrown by the client, caught by the window and the command line. */
export class WorklistError extends Error {
  readonly kind: WorklistFailure;
  readonly detail: FailureDetail;
  /** The sentence as words, for the window to say in its reader's language; `message` is its English. */
  readonly words: Words;

  constructor(kind: WorklistFailure, peer: WorklistPeerName, detail: FailureDetail = {}) {
    const words = worklistFailureWords(kind, peer, detail);
    super(inEnglish(words));
    this.name = 'WorklistError';
    this.kind = kind;
    this.detail = detail;
    this.words = words;
  }

  toJSON(): { code: WorklistFailure; message: string; words: Words } {
    return { code: this.kind, message: this.message, words: this.words };
  }
}
