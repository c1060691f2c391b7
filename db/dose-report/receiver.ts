import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import type { association, Dataset, requests, responses, Scp } from 'dcmjs-dimse';
import { EVERY_ADDRESS } from '../model/connection-settings.js';
import { DOSE_RECEIVER_MESSAGES as R } from '../model/main-messages.js';
import { sentence, type Words } from '../model/words.js';
import { DOSE_REPORT_SOP_CLASSES } from './codes.js';
import { ACCEPTED_TRANSFER_SYNTAXES, dimse } from './dimse.js';
import { checkDoseReceiverSettings } from './receiver-settings.js';

/*
 * RootLog's DICOM C-STORE SCP for dose reports, run by the main process when the department
 * turns it on (Settings → Dose reports: port, AE title, the calling AE titles accepted). It
 * answers C-ECHO, accepts X-Ray Radiation Dose SRs (and dose reports sent as Enhanced SR) and
 * nothing else: other SOP classes are refused at association (abstract syntax not supported).
 *
 * The bytes are kept as received. dcmjs-dimse parses a C-STORE's data set into a dcmjs object
 * by default, and a re-encoded copy is not the same evidence: RootLog gives it its own store
 * stream (Scp.createStoreWritableStream) that collects the P-DATA fragments of the data set
 * exactly as they arrive, in the accepted transfer syntax, and hands those bytes on unparsed.
 *
 * dcmjs-dimse's Server listens on every interface with no address of its own choosing and
 * reports a taken port only as an event; RootLog opens the TCP listener itself (its address
 * and a clear state when the port is taken) and gives each connection to the library's Scp,
 * as Server does.
 */

export interface DoseReceiverSettings {
  /** Off unless the department turns it on. */
  enabled: boolean;
  port: number;
  /** The AE title the scanner sends to (called AE title). */
  aeTitle: string;
  /** The scanners' and the PACS's AE titles allowed to send; no other is accepted. */
  acceptedCallingAeTitles: readonly string[];
  /** The address to listen on: every interface unless given (tests use 127.0.0.1). */
  host?: string;
}

export const DEFAULT_DOSE_RECEIVER_SETTINGS: DoseReceiverSettings = {
  enabled: false,
  port: 11112,
  aeTitle: 'ROOTLOG',
  acceptedCallingAeTitles: [],
};

/** A data set as it crossed the network, with what the C-STORE said it is. */
export interface IncomingDataset {
  dataset: Uint8Array;
  transferSyntaxUid: string;
  sopClassUid: string;
  sopInstanceUid: string;
  callingAeTitle: string;
  remoteAddress: string;
}

/** What became of a received data set; it decides the C-STORE status the sender gets. */
export type IncomingVerdict =
  | { status: 'stored' | 'duplicate' }
  | { status: 'not-a-dose-report'; reason: string }
  | { status: 'failed'; reason: string };

export type ReceiverState =
  | { state: 'off' }
  | { state: 'listening'; port: number; aeTitle: string }
  | { state: 'port-taken'; port: number; message: Words }
  | { state: 'failed'; message: Words };

export interface DoseReportReceiver {
  readonly state: ReceiverState;
  close(): Promise<void>;
}

/** Senders served at the same time (scanners, the PACS answering a fetch). */
const MAX_CONNECTIONS = 16;

/** The largest data set taken (a dose report of a very long fluoroscopy is a few MB). */
const MAX_DATASET_BYTES = 64 * 1024 * 1024;

/** Collects the data set's P-DATA fragments as they arrive. */
class ReceivedBytes extends Writable {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  constructor() {
    super({ highWaterMark: 1024 * 1024 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.size += chunk.length;
    if (this.size > MAX_DATASET_BYTES) {
      done(new Error('the data set is larger than a dose report can be'));
      return;
    }
    this.chunks.push(chunk);
    done();
  }
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

interface ScpConfig {
  settings: DoseReceiverSettings;
  handle: (incoming: IncomingDataset) => IncomingVerdict | Promise<IncomingVerdict>;
  activity: (line: string) => void;
}

const { Status, PresentationContextResult, RejectResult, RejectSource, RejectReason, SopClass } = dimse.constants;
const ACCEPTED_ABSTRACT_SYNTAXES: readonly string[] = [SopClass.Verification, ...DOSE_REPORT_SOP_CLASSES];
/** The C-STORE error comment is at most 64 characters. */
const comment = (text: string) => (text.length > 64 ? `${text.slice(0, 61)}...` : text);

function scpClass(config: ScpConfig): typeof Scp {
  /** The bytes of each data set, by the Dataset object the library hands to cStoreRequest. */
  const received = new WeakMap<Dataset, { bytes: Uint8Array; transferSyntaxUid: string }>();

  return class DoseReportScp extends dimse.Scp {
    private callingAeTitle = '';
    private readonly remoteAddress: string;
    private readonly connection: Socket;

    constructor(socket: Socket, opts?: ConstructorParameters<typeof Scp>[1]) {
      super(socket, opts);
      this.connection = socket;
      this.remoteAddress = socket.remoteAddress ?? 'unknown address';
    }

    /** After an A-ABORT the connection is closed at once (PS3.8 9.1.8): the sender waits for that. */
    override abort(): void {
      config.activity(`${this.callingAeTitle || 'a sender'} (${this.remoteAddress}) aborted the association`);
      this.connection.destroy();
    }

    override associationRequested(request: association.Association): void {
      const { settings } = config;
      const calling = request.getCallingAeTitle().trim();
      const called = request.getCalledAeTitle().trim();
      if (called !== settings.aeTitle) {
        config.activity(
          `refused ${calling} from ${this.remoteAddress}: it called ${called}, RootLog is ${settings.aeTitle}`,
        );
        this.sendAssociationReject(
          RejectResult.Permanent,
          RejectSource.ServiceUser,
          RejectReason.CalledAeNotRecognized,
        );
        return;
      }
      if (!settings.acceptedCallingAeTitles.includes(calling)) {
        config.activity(`refused ${calling} from ${this.remoteAddress}: not one of the AE titles accepted`);
        this.sendAssociationReject(
          RejectResult.Permanent,
          RejectSource.ServiceUser,
          RejectReason.CallingAeNotRecognized,
        );
        return;
      }
      this.callingAeTitle = calling;
      for (const { id } of request.getPresentationContexts()) {
        const context = request.getPresentationContext(id);
        if (!ACCEPTED_ABSTRACT_SYNTAXES.includes(context.getAbstractSyntaxUid())) {
          context.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported);
          continue;
        }
        const proposed = context.getTransferSyntaxUids();
        const syntax = ACCEPTED_TRANSFER_SYNTAXES.find((accepted) => proposed.includes(accepted));
        if (syntax) context.setResult(PresentationContextResult.Accept, syntax);
        else context.setResult(PresentationContextResult.RejectTransferSyntaxesNotSupported);
      }
      this.sendAssociationAccept();
    }

    override associationReleaseRequested(): void {
      this.sendAssociationReleaseResponse();
    }

    override cEchoRequest(request: requests.CEchoRequest, callback: (response: responses.CEchoResponse) => void): void {
      const response = dimse.responses.CEchoResponse.fromRequest(request);
      response.setStatus(Status.Success);
      config.activity(`echo from ${this.callingAeTitle} (${this.remoteAddress})`);
      callback(response);
    }

    override createStoreWritableStream(): Writable {
      return new ReceivedBytes();
    }

    override createDatasetFromStoreWritableStream(
      writable: Writable,
      context: association.PresentationContext,
      callback: (dataset: Dataset) => void,
    ): void {
      const transferSyntaxUid = context.getAcceptedTransferSyntaxUid() ?? '';
      const dataset = new dimse.Dataset({}, transferSyntaxUid);
      received.set(dataset, { bytes: (writable as ReceivedBytes).bytes(), transferSyntaxUid });
      callback(dataset);
    }

    override cStoreRequest(
      request: requests.CStoreRequest,
      callback: (response: responses.CStoreResponse) => void,
    ): void {
      const response = dimse.responses.CStoreResponse.fromRequest(request);
      const data = received.get(request.getDataset() as Dataset);
      const sopClassUid = request.getAffectedSopClassUid();
      const answer = (status: number, words: string, error?: string) => {
        response.setStatus(status);
        if (error) response.setErrorComment(comment(error));
        config.activity(
          `${words} from ${this.callingAeTitle} (${this.remoteAddress}): ${request.getAffectedSopInstanceUid()}`,
        );
        callback(response);
      };
      if (!DOSE_REPORT_SOP_CLASSES.includes(sopClassUid)) {
        answer(Status.SopClassNotSupported, 'refused (not a dose report SOP class)', 'SOP class not supported');
        return;
      }
      if (!data) {
        answer(Status.ProcessingFailure, 'failed (no data set)', 'no data set received');
        return;
      }
      Promise.resolve()
        .then(() =>
          config.handle({
            dataset: data.bytes,
            transferSyntaxUid: data.transferSyntaxUid,
            sopClassUid,
            sopInstanceUid: request.getAffectedSopInstanceUid(),
            callingAeTitle: this.callingAeTitle,
            remoteAddress: this.remoteAddress,
          }),
        )
        .catch(
          (error: unknown): IncomingVerdict => ({
            status: 'failed',
            reason: error instanceof Error ? error.message : String(error),
          }),
        )
        .then((verdict: IncomingVerdict) => {
          switch (verdict.status) {
            case 'stored':
              return answer(Status.Success, 'stored');
            case 'duplicate':
              return answer(Status.Success, 'already kept');
            // C000: the SCP cannot understand the object (PS3.4 B.2.3); A700: out of resources.
            case 'not-a-dose-report':
              return answer(0xc000, `refused (${verdict.reason})`, verdict.reason);
            case 'failed':
              return answer(0xa700, `not kept (${verdict.reason})`, 'could not be kept: try again later');
          }
        });
    }
  } as unknown as typeof Scp;
}

/**
 * Starts the dose report receiver; resolves once it listens, or with the state that says why not
 * (off, the port taken, no permission). `handle` keeps a data set and says what became of it.
 * Settings that break a rule are refused (RootLogError naming the field) before anything listens.
 */
export async function startDoseReportReceiver(
  input: DoseReceiverSettings,
  handle: ScpConfig['handle'],
  activity: (line: string) => void = () => {},
): Promise<DoseReportReceiver> {
  const settings = checkDoseReceiverSettings(input);
  if (!settings.enabled) return { state: { state: 'off' }, close: async () => {} };
  const ScpClass = scpClass({ settings, handle, activity });
  const connections = new Set<Scp>();
  const server: Server = createServer((socket) => {
    const scp = new ScpClass(socket, {});
    (scp as unknown as { connected: boolean }).connected = true;
    connections.add(scp);
    scp.on('networkError', (error: Error) => {
      activity(`network error with ${socket.remoteAddress ?? 'a sender'}: ${error.message}`);
      socket.end();
    });
    socket.on('close', () => connections.delete(scp));
  });
  // A few scanners send at once; a flood of connections is refused rather than served.
  server.maxConnections = MAX_CONNECTIONS;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const scp of connections) (scp as unknown as { socket: Socket }).socket.destroy();
      server.close(() => resolve());
    });
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const state: ReceiverState =
        error.code === 'EADDRINUSE'
          ? {
              state: 'port-taken',
              port: settings.port,
              message: sentence(R.portTaken, { port: String(settings.port) }),
            }
          : error.code === 'EADDRNOTAVAIL'
            ? {
                state: 'failed',
                message: sentence(R.notThisComputer, { host: settings.host ?? '', everyAddress: EVERY_ADDRESS }),
              }
            : error.code === 'EACCES'
              ? {
                  state: 'failed',
                  message: sentence(R.needsAdministrator, { port: String(settings.port) }),
                }
              : { state: 'failed', message: sentence(R.couldNotStart, { error: error.message }) };
      resolve({ state, close: async () => {} });
    });
    server.listen({ port: settings.port, host: settings.host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : settings.port;
      resolve({ state: { state: 'listening', port, aeTitle: settings.aeTitle }, close });
    });
  });
}
