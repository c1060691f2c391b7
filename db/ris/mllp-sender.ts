import type { Hl7Message } from '@medplum/core';
import { Hl7Client } from '@medplum/hl7';
import type { RisCharset } from '../model/connection-settings.js';
import { RIS_DELIVERY_MESSAGES as M } from '../model/ris-delivery.js';
import { sentence, type Words } from '../model/words.js';
import { CHARSETS } from './report-message.js';

/*
 * One connection to the RIS's HL7 interface (MLLP over TCP) carrying messages one by one, each
 * waiting for its acknowledgement. The framing and the bytes are @medplum/hl7's; this file sets
 * the encoding explicitly (it defaults to UTF-8 whatever MSH-18 says) and bounds every wait.
 * Its sendAndWait leaves its own timeout timer running after an answer, which kept processes
 * alive until it fired: the timeout is kept here and cleared, and close() ends the socket.
 */

export interface RisPeer {
  host: string;
  port: number;
  charset: RisCharset;
  /** Connect and acknowledgement timeout. */
  timeoutMs?: number;
}

export const DEFAULT_RIS_TIMEOUT_MS = 10_000;

export type Delivery = { kind: 'answered'; ack: Hl7Message } | { kind: 'no_answer'; reason: Words };

/** Why nothing came back, as the words the record shows ("waiting: RIS not reachable since 10:40"). */
function unreachable(error: unknown, seconds: number): Words {
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(message)) return sentence(M.noAnswerWithin, { seconds });
  return sentence(M.notReachable);
}

export interface RisConnection {
  send(message: Hl7Message): Promise<Delivery>;
  close(): Promise<void>;
}

/** Connects (bounded by the timeout); null and the reason when the RIS cannot be reached. */
export async function connectToRis(peer: RisPeer): Promise<{ connection: RisConnection } | { reason: Words }> {
  const timeoutMs = peer.timeoutMs ?? DEFAULT_RIS_TIMEOUT_MS;
  const seconds = Math.round(timeoutMs / 1000);
  const client = new Hl7Client({
    host: peer.host,
    port: peer.port,
    encoding: CHARSETS[peer.charset].encoding,
    connectTimeout: timeoutMs,
  });
  try {
    await client.connect();
  } catch (error) {
    await client.close().catch(() => {});
    return { reason: unreachable(error, seconds) };
  }
  let broken: Words | null = null;
  return {
    connection: {
      async send(message) {
        if (broken) return { kind: 'no_answer', reason: broken };
        let timer: NodeJS.Timeout | undefined;
        const answer = client.sendAndWait(message);
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        });
        try {
          return { kind: 'answered', ack: await Promise.race([answer, timeout]) };
        } catch (error) {
          // The library rejects the unanswered message when the connection closes: already handled here.
          answer.catch(() => {});
          broken = unreachable(error, seconds);
          return { kind: 'no_answer', reason: broken };
        } finally {
          clearTimeout(timer);
        }
      },
      close: () => client.close().catch(() => {}),
    },
  };
}
