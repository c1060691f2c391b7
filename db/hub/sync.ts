import type pg from 'pg';
import { HUB_SYNC_MESSAGES as H, type HubConsole, sentence } from '../model/index.js';
import { getSettings } from '../settings.js';
import {
  forgetPositions,
  hubsSeen,
  ownFollowUps,
  ownSignedRecords,
  pendingCount,
  pushConflictsAgain,
  queueAgain,
  readSeen,
  saveSeen,
  waitingCount,
} from '../sqlite/hub-local.js';
import type { ServiceContext, Store } from '../store.js';
import { connectHub, endpointLabel, type HubEndpoint } from './connect.js';
import { consoleKey, type PrivateKeyVault } from './console-key.js';
import { keySql, STREAMS, type Stream, TABLE_OF } from './entries.js';
import { explainFailure, HubError } from './errors.js';
import { pull } from './pull.js';
import { push } from './push.js';
import { HUB_SCHEMA_VERSION } from './server-schema.js';
import { emptyReport, type HubSession, type SyncReport } from './session.js';

/*
 * One sync with the department hub (PostgreSQL): who this console is there and whether the
 * hub is the one it knew (restored? replaced?), then push its outbox, then pull what the other
 * consoles added. The console never waits for the network to log or sign; a sync can stop
 * anywhere and be run again. A sync runs no DDL: the hub is made and migrated by IT
 * (server-schema.ts). A failure says whose side it is on (errors.ts).
 */

export type { SyncReport };

export interface SyncOptions {
  endpoint: HubEndpoint;
  /** Where this console's private signing key is kept (console-key.ts). */
  vault: PrivateKeyVault;
  /** Push only, or pull only (the benchmark times them apart); both by default. */
  parts?: { push?: boolean; pull?: boolean };
}

interface HubFacts {
  hubId: string | null;
  schema: number | null;
  me: string | null;
  seq: string;
  horizon: string;
  role: string;
  /** Rows stamped with transaction numbers this server has not reached (a dump from another server). */
  foreign: boolean;
  consoles: (HubConsole & { publicKey: string | null; role: string })[] | null;
}

async function hubFacts(client: pg.Client, label: string): Promise<HubFacts> {
  try {
    // One round trip for everything a sync needs to know first.
    const found = await client.query<HubFacts>(
      `SELECT (SELECT id::text FROM hub_identity) AS "hubId", (SELECT max(version) FROM hub_schema) AS schema,
              hub_current_console() AS me,
              (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM hub_seq)::text AS seq,
              pg_snapshot_xmax(pg_current_snapshot())::text AS horizon, current_user AS role,
              ${STREAMS.map((stream) => `EXISTS (SELECT 1 FROM ${TABLE_OF[stream]} WHERE xid >= pg_snapshot_xmax(pg_current_snapshot()))`).join(' OR ')} AS foreign,
              (SELECT json_agg(json_build_object('name', c.name, 'role', c.role, 'registeredAt', c.registered_at::text,
                        'retiredAt', c.retired_at::text, 'publicKey', k.public_key, 'fingerprint', coalesce(k.fingerprint, ''))
                        ORDER BY c.name)
                 FROM hub_consoles c LEFT JOIN hub_console_keys k ON k.console = c.name AND k.replaced_at IS NULL) AS consoles`,
    );
    return found.rows[0] as HubFacts;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42P01' || code === '42883' || code === '3F000')
      throw new HubError('remote', sentence(H.noHub, { server: label }), { cause: error });
    if (code === '42501')
      throw new HubError('remote', sentence(H.userNotRegistered, { server: label }), { cause: error });
    throw error;
  }
}

/** Who this console is on the hub, checked against its own name and key. */
async function openSession(
  client: pg.Client,
  store: Store,
  options: SyncOptions,
  context: ServiceContext,
  report: SyncReport,
): Promise<{ session: HubSession; facts: HubFacts }> {
  const label = endpointLabel(options.endpoint);
  const key = consoleKey(store, options.vault, context);
  const facts = await hubFacts(client, label);
  if (!facts.hubId || facts.schema === null) throw new HubError('remote', sentence(H.unfinishedHub, { server: label }));
  if (facts.schema < HUB_SCHEMA_VERSION)
    throw new HubError(
      'remote',
      sentence(H.olderHub, { server: label, version: facts.schema, needed: HUB_SCHEMA_VERSION }),
    );
  if (facts.schema > HUB_SCHEMA_VERSION)
    throw new HubError(
      'remote',
      sentence(H.newerHub, { server: label, version: facts.schema, needed: HUB_SCHEMA_VERSION }),
    );
  const consoles = facts.consoles ?? [];
  report.hubId = facts.hubId;
  report.consoles = consoles.map(({ publicKey: _k, role: _r, ...listed }) => listed);
  const mine = consoles.find((entry) => entry.role === facts.role);
  if (!facts.me || !mine)
    throw new HubError(
      'remote',
      mine?.retiredAt
        ? sentence(H.retired, { name: mine.name, server: label })
        : sentence(H.roleNotRegistered, { role: facts.role, server: label }),
    );
  if (mine.publicKey !== key.publicKeyText)
    throw new HubError(
      'local',
      sentence(H.otherKey, {
        server: label,
        name: mine.name,
        theirs: mine.fingerprint || sentence(H.noFingerprint),
        ours: key.fingerprint,
      }),
    );
  const named = getSettings(store).consoleName;
  if (named !== facts.me) throw new HubError('local', sentence(H.renamed, { named, registered: facts.me }));
  const seen = readSeen(store.reader, facts.hubId);
  return {
    facts,
    session: {
      client,
      store,
      hubId: facts.hubId,
      me: facts.me,
      key,
      actor: context.actor,
      now: context.now?.() ?? new Date(),
      report,
      seen: seen
        ? { seq: seen.seq, stream: seen.stream, rowKey: seen.rowKey }
        : { seq: '0', stream: null, rowKey: null },
      catalogueAgain: false,
    },
  };
}

/**
 * Was the hub restored (or emptied) since this console last saw it? Its sequence behind what
 * this console saw, its transaction numbers behind, or the last row this console knew of gone.
 * Rows stamped by another PostgreSQL (a dump restored into a new server) are said too: IT
 * finishes such a restore with `rootlog hub init`.
 */
async function restoreCheck(session: HubSession, facts: HubFacts, label: string): Promise<'same' | 'restored' | 'new'> {
  const { client, store, hubId } = session;
  if (facts.foreign) throw new HubError('remote', sentence(H.foreignRows, { server: label }));
  const seen = readSeen(store.reader, hubId);
  if (!seen) return 'new';
  if (BigInt(facts.seq) < BigInt(seen.seq) || BigInt(facts.horizon) < BigInt(seen.horizon)) return 'restored';
  if (seen.stream && seen.rowKey && (STREAMS as readonly string[]).includes(seen.stream)) {
    const stream = seen.stream as Stream;
    const row = await client.query<{ key: string }>(
      `SELECT ${keySql(stream)} AS key FROM ${TABLE_OF[stream]} WHERE seq = $1::bigint`,
      [seen.seq],
    );
    if (row.rows[0]?.key !== seen.rowKey) return 'restored';
  }
  return 'same';
}

/** What the hub lacks of this console's own work is queued to be pushed again. */
async function pushAgainWhatIsMissing(session: HubSession): Promise<number> {
  const { client, store, me } = session;
  const server = await client.query<{ id: string; version: number }>(
    'SELECT record_id::text AS id, max(version) AS version FROM hub_versions WHERE console = $1 GROUP BY record_id',
    [me],
  );
  const there = new Map(server.rows.map((row) => [row.id, row.version]));
  const ids = new Set(
    ownSignedRecords(store.reader, me)
      .filter((record) => record.version > (there.get(record.id) ?? 0))
      .map((record) => record.id),
  );
  const followUps = await client.query<{ id: string }>('SELECT id::text AS id FROM hub_follow_ups WHERE console = $1', [
    me,
  ]);
  const followUpsThere = new Set(followUps.rows.map((row) => row.id));
  for (const entry of ownFollowUps(store.reader)) if (!followUpsThere.has(entry.id)) ids.add(entry.procedureId);
  store.writer.db
    .transaction(() => {
      queueAgain(store.writer, [...ids]);
      pushConflictsAgain(store.writer, me);
    })
    .immediate();
  return ids.size;
}

/** One push and one pull. Errors reject with a HubError in words, naming the side; nothing is half done. */
export async function syncOnce(store: Store, options: SyncOptions, context: ServiceContext): Promise<SyncReport> {
  const label = endpointLabel(options.endpoint);
  const report = emptyReport();
  let client: pg.Client | undefined;
  try {
    client = await connectHub(options.endpoint);
    const { session, facts } = await openSession(client, store, options, context, report);
    const state = await restoreCheck(session, facts, label);
    if (state !== 'same') {
      session.catalogueAgain = true;
      const metBefore = hubsSeen(store.reader) > 0;
      if (state === 'restored') {
        store.writer.db.transaction(() => forgetPositions(store.writer, session.hubId)).immediate();
        session.seen = { seq: '0', stream: null, rowKey: null };
      }
      const again = await pushAgainWhatIsMissing(session);
      if (state === 'restored') report.notice = sentence(H.restored, { server: label, count: again });
      else if (metBefore) report.notice = sentence(H.newHub, { server: label, hub: session.hubId, count: again });
    }
    if (options.parts?.push !== false) await push(session);
    if (options.parts?.pull !== false) await pull(session);
    // Kept when it moved (rows pushed or pulled, a hub met or restored): a sync with nothing new writes nothing.
    const seen = session.seen;
    const before = readSeen(store.reader, session.hubId);
    if (!before || before.seq !== seen.seq || before.rowKey !== seen.rowKey)
      store.writer.db
        .transaction(() =>
          saveSeen(store.writer, session.hubId, {
            seq: seen.seq,
            stream: seen.stream,
            rowKey: seen.rowKey,
            horizon: facts.horizon,
          }),
        )
        .immediate();
  } catch (error) {
    throw explainFailure(error, label);
  } finally {
    await client?.end().catch(() => undefined);
  }
  report.pending = pendingCount(store.reader);
  report.waiting = waitingCount(store.reader, report.hubId ?? '');
  return report;
}
