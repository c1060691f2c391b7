import {
  HUB_SYNC_MESSAGES as H,
  type HubFailureSide,
  inEnglish,
  type Message,
  sentence,
  type Words,
  type WordValue,
} from '../model/index.js';

/*
 * A sync that stops says on which side it stopped, in words: this console (its disk is full,
 * its logbook is read-only, its key is missing, a fault in RootLog) or the department server
 * (not reached, refused the login, refused a right, offers no TLS, is not set up). Nothing is
 * lost either way: what waits is pushed next time. Its words are declared (`hub.sync.*`), so the
 * command line and the window say them in their reader's language; its `message` is their English
 * (the logs, IT). The server's and PostgreSQL's own words stay a value, as they came.
 */

export class HubError extends Error {
  readonly words: Words;
  constructor(
    readonly side: HubFailureSide,
    said: Words,
    options: { cause?: unknown } = {},
  ) {
    super(inEnglish(said), { cause: options.cause });
    this.name = 'HubError';
    this.words = said;
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
  errno?: number;
  syscall?: string;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

/** Words for a failure of the sync, named by side; a HubError passes through with its words. */
export function explainFailure(error: unknown, server: WordValue): HubError {
  if (error instanceof HubError) return error;
  const found = (typeof error === 'object' && error !== null ? error : {}) as PgLikeError;
  const code = found.code ?? '';
  const detail = found.message ?? String(error);
  const stopped = (side: HubFailureSide, failure: Message, values: Readonly<Record<string, WordValue>> = {}) =>
    new HubError(side, sentence(H.nothingLost, { failure: sentence(failure, { server, ...values }) }), {
      cause: error,
    });
  const remote = (failure: Message, values?: Readonly<Record<string, WordValue>>) => stopped('remote', failure, values);
  const local = (failure: Message, values?: Readonly<Record<string, WordValue>>) => stopped('local', failure, values);

  // This console's own disk and logbook (SQLite, the file system).
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return local(H.diskFull);
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES') return local(H.readOnly);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return local(H.damaged);
  if (code.startsWith('SQLITE_IOERR')) return local(H.ioError, { code });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return local(H.busy);

  // The server and the way to it.
  if (/does not support SSL/i.test(detail)) return remote(H.noTls);
  if (TLS_CODES.has(code) || /certificate|self[- ]signed/i.test(detail)) return remote(H.certificate, { detail });
  if (UNREACHABLE_CODES.has(code) || /timeout|terminated|Connection ended|ECONN/i.test(detail))
    return remote(H.unreachable, { detail });
  if (/not permitted to log in/i.test(detail)) return remote(H.loginNotPermitted);
  if (code === '28P01' || code === '28000' || /password authentication failed|no pg_hba/i.test(detail))
    return remote(H.authentication, { detail });
  if (code === '3D000') return remote(H.noDatabase, { detail });
  if (code === '42501' || code === '42P01' || code === '42883') return remote(H.requestRefused, { detail });
  if (code === '53300') return remote(H.tooManyConnections);
  if (/^[0-9A-Z]{5}$/.test(code)) return remote(H.syncRefused, { detail });

  return new HubError('local', sentence(H.fault, { detail }), { cause: error });
}
