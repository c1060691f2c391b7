import { createServer, type Server, type Socket } from 'node:net';
import { type Hl7Message, Hl7Segment } from '@medplum/core';
import { Hl7Connection, type Hl7MessageEvent } from '@medplum/hl7';
import { type RisServer, risServerSchema } from '../model/connection-settings.js';
import { escapeHl7 } from '../ris/hl7-text.js';
import { updateConnectionSettings } from '../settings.js';
import type { ServiceContext, Store } from '../store.js';
import { freePort, waitForPort } from './ports.js';

/*
 * A RIS's HL7 interface for the tests: an MLLP listener on a free 127.0.0.1 port that keeps
 * every message it receives (parsed, and the bytes as they came) and answers each as told —
 * AA, AE or AR with the RIS's own words, or silence. It can go down and come back on the same
 * port. The framing is @medplum/hl7's Hl7Connection; its Hl7Server is not used because it
 * listens on every interface.
 */

export type PeerAnswer = { code: 'AA' } | { code: 'AE' | 'AR'; text: string } | 'silence';

export interface Received {
  message: Hl7Message;
  /** Every byte this connection brought, MLLP framing included. */
  bytes: Buffer;
}

export interface MllpPeer {
  host: string;
  port: number;
  received: Received[];
  /** How the next messages are answered (AA unless told otherwise). */
  answer: (decide: (message: Hl7Message) => PeerAnswer) => void;
  /** Goes down (the port refuses connections) until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startMllpPeer(options: { encoding: 'latin1' | 'utf-8'; port?: number }): Promise<MllpPeer> {
  const port = options.port ?? (await freePort());
  const received: Received[] = [];
  let decide: (message: Hl7Message) => PeerAnswer = () => ({ code: 'AA' });
  let server: Server | undefined;
  const sockets = new Set<Socket>();

  const listen = async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      const connection = new Hl7Connection(socket, options.encoding);
      connection.addEventListener('message', ({ message }: Hl7MessageEvent) => {
        received.push({ message, bytes: Buffer.concat(chunks) });
        const answer = decide(message);
        if (answer === 'silence') return;
        const errSegment =
          answer.code === 'AA'
            ? undefined
            : new Hl7Segment([
                'ERR',
                '',
                '',
                '207^Application internal error^HL70357',
                'E',
                '',
                '',
                '',
                escapeHl7(answer.text),
              ]);
        connection.send(message.buildAck({ ackCode: answer.code, errSegment }));
      });
    });
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    await waitForPort(port);
  };
  await listen();

  return {
    host: '127.0.0.1',
    port,
    received,
    answer: (next) => {
      decide = next;
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      server = undefined;
    },
    start: listen,
  };
}

/** Settings → RIS pointing at a test peer, as a department fills it in (ROOTLOG at RADIOLOGIE to RIS at KSB). */
export function risSettingsFor(
  peer: Pick<MllpPeer, 'host' | 'port'>,
  charset: RisServer['charset'] = 'ISO-8859-1',
): RisServer {
  return risServerSchema.parse({
    host: peer.host,
    port: peer.port,
    sendingApplication: 'ROOTLOG',
    sendingFacility: 'RADIOLOGIE',
    receivingApplication: 'RIS',
    receivingFacility: 'KSB',
    charset,
  });
}

/** Sets the logbook's RIS connection to the peer (audited, as Settings does); from then on signed reports are queued. */
export const setUpRisPeer = (store: Store, peer: Pick<MllpPeer, 'host' | 'port'>, context: ServiceContext) =>
  updateConnectionSettings(store, { risServer: risSettingsFor(peer) }, context);
