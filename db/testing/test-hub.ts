import pg from 'pg';
import type { HubEndpoint } from '../hub/connect.js';
import { consoleKey, memoryVault, type PrivateKeyVault } from '../hub/console-key.js';
import { addConsole, initHub } from '../hub/server-schema.js';
import { type SyncOptions, syncOnce } from '../hub/sync.js';
import { updateSettings } from '../settings.js';
import type { Store } from '../store.js';
import { context } from './fixtures.js';
import { createDatabase, type TestCluster } from './postgres.js';

/*
 * For tests and benchmarks: a department hub on a throw-away cluster, set up as IT would
 * (rootlog hub init as the administrator, each console registered with its own login role),
 * and SQL run as a console's own role — the attacks a stolen laptop's credentials can make.
 */

export interface TestHub {
  cluster: TestCluster;
  database: string;
  schema: string;
  admin: HubEndpoint;
  hubId: string;
}

let hubs = 0;

export async function testHub(cluster: TestCluster, schema = 'rootlog'): Promise<TestHub> {
  const database = `hub_${process.pid}_${++hubs}`;
  createDatabase(cluster, database);
  const admin: HubEndpoint = {
    host: '127.0.0.1',
    port: cluster.port,
    database,
    user: 'postgres',
    caPem: null,
    allowPlainFor: '127.0.0.1',
  };
  const client = await adminClient({ cluster, database } as TestHub);
  try {
    const report = await initHub(client, schema);
    return { cluster, database, schema, admin, hubId: report.hubId };
  } finally {
    await client.end();
  }
}

export async function adminClient(hub: Pick<TestHub, 'cluster' | 'database'>): Promise<pg.Client> {
  const client = new pg.Client({ host: '127.0.0.1', port: hub.cluster.port, database: hub.database, user: 'postgres' });
  await client.connect();
  return client;
}

export interface TestConsole {
  store: Store;
  role: string;
  vault: PrivateKeyVault;
  endpoint: HubEndpoint;
  sync: (parts?: SyncOptions['parts']) => ReturnType<typeof syncOnce>;
}

let roles = 0;

/** A console named `name`, its key made, registered on the hub with a login role of its own. */
export async function joinHub(hub: TestHub, store: Store, name: string): Promise<TestConsole> {
  updateSettings(store, { consoleName: name }, context);
  const vault = memoryVault();
  const key = consoleKey(store, vault, context);
  const role = `console_${process.pid}_${++roles}`;
  const client = await adminClient(hub);
  try {
    await addConsole(client, {
      schema: hub.schema,
      name,
      role,
      publicKey: key.publicKeyText,
      fingerprint: key.fingerprint,
    });
  } finally {
    await client.end();
  }
  const endpoint: HubEndpoint = { ...hub.admin, user: role };
  return { store, role, vault, endpoint, sync: (parts) => syncOnce(store, { endpoint, vault, parts }, context) };
}

/** Runs SQL as a console's own login role (what a stolen laptop's credentials can do). */
export async function asRole<T extends pg.QueryResultRow = Record<string, unknown>>(
  hub: TestHub,
  role: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ host: '127.0.0.1', port: hub.cluster.port, database: hub.database, user: role });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Runs SQL as the administrator (in the hub's schema). */
export async function asAdmin<T extends pg.QueryResultRow = Record<string, unknown>>(
  hub: TestHub,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = await adminClient(hub);
  try {
    await client.query(`SET search_path = ${hub.schema}`);
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
