import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

/*
 * A throw-away PostgreSQL cluster for a test file: initdb in a temporary folder, started on a
 * free 127.0.0.1 port, stopped and removed afterwards. No mock: the hub's SQL runs on the real
 * server. As root, the server runs as the `postgres` user (it refuses to run as root).
 */

/** The newest PostgreSQL server Debian installed (/usr/lib/postgresql/<major>/bin), or ROOTLOG_PG_BIN. */
function serverBin(): string {
  if (process.env.ROOTLOG_PG_BIN) return process.env.ROOTLOG_PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors[0])
    throw new Error(
      'PostgreSQL is not installed: run "npm run setup -- --tests" (as root) or apt-get install postgresql',
    );
  return join(root, majors[0], 'bin');
}
const BIN = serverBin();

export interface TestCluster {
  url: string;
  /** The department CA that signed the server's certificate (with `tls: 'department-ca'`). */
  caPem?: string;
  port: number;
  dir: string;
  /** Stops the server at once (as a crash or a pulled cable would), leaving its files. */
  kill: () => void;
  /** Starts it again on the same port and files. */
  start: () => void;
  stop: () => void;
}

const asRoot = process.getuid?.() === 0;
function run(binary: string, args: string[]): void {
  const command = asRoot ? 'runuser' : join(BIN, binary);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', join(BIN, binary), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${binary} failed: ${result.stderr || result.stdout}`);
}

/**
 * A CA of the department and a server certificate it signed for 127.0.0.1 (its address in the
 * certificate, as a client verifying an address expects): what a client can verify with the CA.
 */
function departmentCa(dir: string): string {
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const file = (name: string) => join(dir, name);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=RootLog test department CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
  ]);
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  ]);
  writeFileSync(file('san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl([
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('san.cnf'),
    '-out',
    file('server.crt'),
  ]);
  return readFileSync(file('ca.crt'), 'utf8');
}

export async function startTestCluster(options: { tls?: boolean | 'department-ca' } = {}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'rootlog-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  let tlsOptions = '';
  let caPem: string | undefined;
  if (options.tls === 'department-ca') caPem = departmentCa(dir);
  if (options.tls === true) {
    // A self-signed certificate: TLS offered, but not one a client can verify.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'server.key'),
        '-out',
        join(dir, 'server.crt'),
      ],
      { stdio: 'pipe' },
    );
  }
  if (options.tls) {
    if (asRoot) execFileSync('chown', ['postgres', join(dir, 'server.key'), join(dir, 'server.crt')]);
    chmodSync(join(dir, 'server.key'), 0o600);
    tlsOptions = ` -c ssl=on -c ssl_cert_file=${join(dir, 'server.crt')} -c ssl_key_file=${join(dir, 'server.key')}`;
  }
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c max_connections=60${tlsOptions}`,
      'start',
    ]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    caPem,
    port,
    dir,
    kill: () => run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']),
    start,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A fresh database on the cluster for one scenario. */
export function createDatabase(cluster: TestCluster, name: string): string {
  execFileSync(
    join(BIN, 'psql'),
    ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-c', `CREATE DATABASE ${name}`],
    {
      stdio: 'pipe',
    },
  );
  return `postgres://postgres@127.0.0.1:${cluster.port}/${name}`;
}

/** A PostgreSQL client tool of the same installation (pg_dump, pg_restore, pg_dumpall, psql). */
export const pgTool = (name: string) => join(BIN, name);

/** pg_dump of one database, in the custom format IT keeps (as the department's routine backup). */
export function dumpDatabase(cluster: TestCluster, database: string, file: string): void {
  execFileSync(
    pgTool('pg_dump'),
    ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-Fc', '-f', file, database],
    {
      stdio: 'pipe',
    },
  );
}

/** The database dropped and made again from a dump (what IT does to restore it); roles are the cluster's. */
export function restoreDatabase(cluster: TestCluster, database: string, file: string): void {
  const psql = (sql: string) =>
    execFileSync(
      pgTool('psql'),
      ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-d', 'postgres', '-c', sql],
      {
        stdio: 'pipe',
      },
    );
  psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  psql(`CREATE DATABASE ${database}`);
  execFileSync(
    pgTool('pg_restore'),
    ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-d', database, '--exit-on-error', file],
    { stdio: 'pipe' },
  );
}

/** The cluster's roles (pg_dumpall --globals-only) made on another cluster, as IT moves a server. */
export function copyRoles(from: TestCluster, to: TestCluster): void {
  const roles = execFileSync(
    pgTool('pg_dumpall'),
    ['-h', '127.0.0.1', '-p', String(from.port), '-U', 'postgres', '--globals-only', '--no-role-passwords'],
    {
      encoding: 'utf8',
    },
  );
  // The superuser exists on both; everything else is made.
  const script = roles
    .split('\n')
    .filter((line) => !/ROLE postgres\b/.test(line))
    .join('\n');
  execFileSync(
    pgTool('psql'),
    ['-h', '127.0.0.1', '-p', String(to.port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1'],
    {
      input: script,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
}
