import { X509Certificate } from 'node:crypto';
import pg from 'pg';
import {
  HUB_SYNC_MESSAGES as H,
  type HubServer,
  hubLabel,
  plainAllowed,
  sentence,
  type WordValue,
} from '../model/index.js';
import { HubError } from './errors.js';

/*
 * How RootLog reaches the department server: TLS with the server's certificate verified
 * (against the department's CA when one is given, else the system's), always — unless an
 * administrator allowed plain connections to that very host. Nothing of the connection comes
 * from a URL's options or from the environment (PGSSLMODE and the like): the client is given
 * every setting explicitly, so no `?sslmode=disable` can switch the verification off.
 */

export interface HubEndpoint {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  /** The department's CA, PEM text; null: the system's CAs. */
  caPem: string | null;
  /** The host an administrator allowed without TLS (counts only when it is `host`). */
  allowPlainFor: string | null;
}

export class HubUrlError extends Error {}

/**
 * postgres://USER@HOST:PORT/DATABASE, read strictly: no password, no options. A URL that tries
 * to carry either is refused in words, not partly used.
 */
export function parseServerUrl(url: string): Pick<HubEndpoint, 'host' | 'port' | 'database' | 'user'> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HubUrlError('--server must be a postgres://USER@HOST:PORT/DATABASE URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new HubUrlError('--server must be a postgres://USER@HOST:PORT/DATABASE URL');
  if (parsed.password !== '' || /^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(url))
    throw new HubUrlError(
      '--server must not carry the password: give it in PGPASSWORD, or type it when asked (it is never kept in the logbook)',
    );
  if (parsed.search !== '' || url.includes('?'))
    throw new HubUrlError(
      `--server must not carry connection options (${parsed.search || '?'}): TLS is always verified and cannot be changed in the URL; give the department's CA with --ca FILE, or (an administrator, on a trusted network) allow plain connections to one host with --allow-plain HOST`,
    );
  if (parsed.hash !== '') throw new HubUrlError('--server must end with the database name (no "#")');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new HubUrlError('--server must name the host: postgres://USER@HOST:PORT/DATABASE');
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/'))
    throw new HubUrlError('--server must name one database: postgres://USER@HOST:PORT/DATABASE');
  const user = decodeURIComponent(parsed.username);
  if (user === '') throw new HubUrlError('--server must name the user: postgres://USER@HOST:PORT/DATABASE');
  return { host, port: parsed.port ? Number(parsed.port) : 5432, database, user };
}

export const endpointLabel = (endpoint: Pick<HubEndpoint, 'host' | 'port' | 'database'>) => hubLabel(endpoint);

/** The settings' server as an endpoint (the password from the keychain, given by the caller). */
export const endpointOf = (server: HubServer, password?: string): HubEndpoint => ({
  host: server.host,
  port: server.port,
  database: server.database,
  user: server.user,
  password,
  caPem: server.caPem,
  allowPlainFor: server.allowPlainFor,
});

/** The department's CA file read and checked: certificates RootLog can use, or words saying why not. */
export function checkCaPem(pem: string, where: WordValue): string {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new HubError('local', sentence(H.noCertificate, { where }));
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw new HubError('local', sentence(H.unreadableCertificate, { where }));
    }
  }
  return pem;
}

export async function connectHub(endpoint: HubEndpoint): Promise<pg.Client> {
  const plain = plainAllowed({ host: endpoint.host, allowPlainFor: endpoint.allowPlainFor });
  const client = new pg.Client({
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: endpoint.user,
    password: endpoint.password ?? '',
    ssl: plain
      ? false
      : {
          rejectUnauthorized: true,
          ...(endpoint.caPem ? { ca: checkCaPem(endpoint.caPem, sentence(H.departmentCa)) } : {}),
        },
    application_name: 'rootlog',
    connectionTimeoutMillis: 10_000,
    statement_timeout: 120_000,
    query_timeout: 150_000,
    keepAlive: true,
  });
  // A server that goes away mid-sync fails the query in progress; the client's own error
  // event has nothing more to say.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

export type { HubServer };
export { hubLabel };
export const plainFor = plainAllowed;
export const isHubError = (error: unknown): error is HubError => error instanceof HubError;
