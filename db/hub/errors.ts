import type { HubFailureSide } from '../model/index.js';

/*
 * A sync that stops says on which side it stopped, in words: this console (its disk is full,
 * its logbook is read-only, its key is missing, a fault in RootLog) or the department server
 * (not reached, refused the login, refused a right, offers no TLS, is not set up). Nothing is
 * lost either way: what waits is pushed next time.
 */

export class HubError extends Error {
  constructor(
    readonly side: HubFailureSide,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'HubError';
  }
}

const NOTHING_LOST = 'Nothing was lost: what is waiting is pushed at the next sync.';

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
export function explainFailure(error: unknown, server: string): HubError {
  if (error instanceof HubError) return error;
  const found = (typeof error === 'object' && error !== null ? error : {}) as PgLikeError;
  const code = found.code ?? '';
  const detail = found.message ?? String(error);
  const remote = (what: string) =>
    new HubError('remote', `The department server ${server} ${what}. ${NOTHING_LOST}`, { cause: error });
  const local = (what: string) => new HubError('local', `On this console: ${what}. ${NOTHING_LOST}`, { cause: error });

  // This console's own disk and logbook (SQLite, the file system).
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return local('the disk is full, so what the hub sent could not be saved; free some space and sync again');
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES')
    return local('the logbook cannot be written to (read-only file or medium)');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return local('the logbook is damaged: restore the latest backup; nothing was synced');
  if (code.startsWith('SQLITE_IOERR')) return local(`the logbook could not be read or written (${code})`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return local('the logbook was busy for too long (another program holds it); sync again in a moment');

  // The server and the way to it.
  if (/does not support SSL/i.test(detail))
    return remote(
      'offers no TLS: RootLog does not send its password or records in clear text. Ask IT to turn TLS on, or (on a trusted network only) an administrator allows plain connections to this very host',
    );
  if (TLS_CODES.has(code) || /certificate|self[- ]signed/i.test(detail))
    return remote(
      `presented a certificate that could not be verified (${detail}): nothing was sent. Give the department's CA (Settings → Department server, or --ca FILE), or ask IT about the server's certificate`,
    );
  if (UNREACHABLE_CODES.has(code) || /timeout|terminated|Connection ended|ECONN/i.test(detail))
    return remote(`could not be reached (${detail})`);
  if (/not permitted to log in/i.test(detail))
    return remote(
      'refused this console’s login: its user may not log in (the console was retired, or IT has not enabled it yet)',
    );
  if (code === '28P01' || code === '28000' || /password authentication failed|no pg_hba/i.test(detail))
    return remote(`refused the login: authentication failed for this console's user (${detail})`);
  if (code === '3D000') return remote(`has no such database (${detail})`);
  if (code === '42501' || code === '42P01' || code === '42883')
    return remote(`refused this console's request (${detail}): ask IT whether this console is registered`);
  if (code === '53300') return remote('has too many connections right now');
  if (/^[0-9A-Z]{5}$/.test(code)) return remote(`refused the sync (${detail})`);

  return new HubError(
    'local',
    `On this console: RootLog failed while syncing — a fault in RootLog itself, not the server (${detail}). ${NOTHING_LOST} Please report it to IT.`,
    { cause: error },
  );
}
