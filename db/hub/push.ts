import type pg from 'pg';
import { type CarriedSigner, signerDoubt } from '../model/carried-signer.js';
import { HUB_PUSH_MESSAGES as HP, HUB_LIMITS, sentence, type Words } from '../model/index.js';
import { drugCatalogue, operatorsOfLogbook } from '../settings.js';
import { followUpHash, versionHash } from '../sqlite/hash-chain.js';
import {
  catalogueState,
  confirmedWarningsOf,
  conflictsToPush,
  dequeue,
  keepConflict,
  markConflictOnHub,
  markResolutionOnHub,
  queuedRecords,
  type RecordLifeRow,
  receivedVersions,
  recordLives,
  resolutionsToPush,
  type StoredFollowUpRow,
  type StoredVersionRow,
  saveCatalogueState,
  storedFollowUps,
  storedVersions,
} from '../sqlite/hub-local.js';
import { readOperator } from '../sqlite/operator-rows.js';
import { readerOf } from '../store.js';
import {
  type CatalogueEntry,
  derivedId,
  digestOf,
  ENTRY_FORMAT,
  type FollowUpEntryPayload,
  type ProposalEntry,
  type ResolutionEntry,
  rowKey,
  type SignedEntry,
  signed,
  type VersionEntry,
} from './entries.js';
import { type HubSession, noteSeen, reported, yieldToOthers } from './session.js';

/*
 * The push: what this console signed, amended or followed up (its outbox), each version and
 * follow-up as an entry signed with the console's key, added to the hub — never changing what
 * is there. Only versions of the console's own records are pushed as versions; an amendment
 * made here of another console's record is a conflict, pushed as such for the owner to resolve.
 * Hundreds of records go in one server transaction, one multi-row statement per kind; a
 * statement the server refuses is tried again row by row, so one row never blocks the rest.
 * Before anything is signed, its hash link in this logbook is checked: a version or follow-up
 * changed behind the app's back is refused, never signed.
 */

/** An entry ready for the hub, and the row it goes in. */
interface Pending {
  recordId: string;
  columns: unknown[];
  entry: SignedEntry;
  /** What the row is, for the report ("version 2"). */
  label: Words;
}

const tooLarge = (entry: SignedEntry) => Buffer.byteLength(entry.text, 'utf8') > HUB_LIMITS.entryBytes;

const INSERT_VERSIONS = `
INSERT INTO hub_versions (record_id, version, entry, signature)
SELECT r, v, e::json, s FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) AS t(r, v, e, s)
ON CONFLICT (record_id, version) DO NOTHING
RETURNING record_id::text AS id, version::text AS key, seq::text AS seq`;
const INSERT_FOLLOW_UPS = `
INSERT INTO hub_follow_ups (id, record_id, entry, signature)
SELECT i, r, e::json, s FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS t(i, r, e, s)
ON CONFLICT (id) DO NOTHING
RETURNING record_id::text AS id, id::text AS key, seq::text AS seq`;

/**
 * Inserts rows with one statement; when the server refuses it (a row it will not take), each
 * row again alone, in a savepoint: the ones it takes stay, each refused one is returned with
 * the server's reason.
 */
async function insertMany(
  client: pg.Client,
  sql: string,
  rows: Pending[],
  toArrays: (rows: Pending[]) => unknown[],
): Promise<{ inserted: { id: string; key: string; seq: string }[]; refused: { row: Pending; reason: Words }[] }> {
  if (rows.length === 0) return { inserted: [], refused: [] };
  await client.query('SAVEPOINT batch');
  try {
    const result = await client.query<{ id: string; key: string; seq: string }>(sql, toArrays(rows));
    await client.query('RELEASE SAVEPOINT batch');
    return { inserted: result.rows, refused: [] };
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT batch');
  }
  const inserted: { id: string; key: string; seq: string }[] = [];
  const refused: { row: Pending; reason: Words }[] = [];
  for (const row of rows) {
    await client.query('SAVEPOINT one');
    try {
      const result = await client.query<{ id: string; key: string; seq: string }>(sql, toArrays([row]));
      inserted.push(...result.rows);
      await client.query('RELEASE SAVEPOINT one');
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT one');
      if (!isRefusal(error)) throw error;
      refused.push({ row, reason: serverRefusal(error) });
    }
  }
  return { inserted, refused };
}

/** A refusal by the server of what was sent (a constraint, a right, a policy), not a failure of the connection. */
const isRefusal = (error: unknown) => /^(22|23|42)/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/** The server's refusal of a row, in words: PostgreSQL's own message (English) a value in them. */
function serverRefusal(error: unknown): Words {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === '42501' && /row-level security/.test(message ?? '')) return sentence(HP.hubRefusedRights);
  if (code === '23514') return sentence(HP.hubRefusedMalformed, { detail: String(message) });
  if (code === '23502') return sentence(HP.hubRefusedNotRegistered);
  return sentence(HP.hubRefused, { detail: message ?? String(error) });
}

const arraysOfVersions = (rows: Pending[]) => [
  rows.map((row) => row.columns[0]),
  rows.map((row) => row.columns[1]),
  rows.map((row) => row.entry.text),
  rows.map((row) => row.entry.signature),
];
const arraysOfFollowUps = arraysOfVersions;

/** One server transaction; a failure of the connection rolls it back whole (nothing half done). */
async function inServerTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

// ---- the catalogue

/** Operators and drugs changed here since the last sync (or that the hub lacks), as their next version. */
async function pushCatalogue(session: HubSession): Promise<void> {
  const { client, store, me, key } = session;
  const state = catalogueState(store.reader);
  const local: [CatalogueEntry['kind'], string, unknown, string][] = [
    // Who the operator is and may do in the department; never their credentials, and being an
    // administrator is a right on this console alone.
    ...operatorsOfLogbook(store.reader)
      .map(({ id, name, active, role }) => ({ id, name, active, role }))
      .map(
        (operator) =>
          ['operator', operator.id, operator, digestOf(operator)] as [CatalogueEntry['kind'], string, unknown, string],
      ),
    ...drugCatalogue(store.reader).map(
      (drug) => ['drug', drug.code, drug, digestOf(drug)] as [CatalogueEntry['kind'], string, unknown, string],
    ),
  ];
  // Nothing changed here since the last sync (and the hub was not found restored): nothing to read.
  if (
    !session.catalogueAgain &&
    local.every(([kind, itemKey, , digest]) => state.get(`${kind}:${itemKey}`)?.digest === digest)
  )
    return;
  const latest = await client.query<{ kind: string; key: string; version: number; entry: string | null }>(
    `SELECT DISTINCT ON (kind, key) kind, key, version, CASE WHEN entry_bytes <= $1 THEN entry::text END AS entry
       FROM hub_catalogue ORDER BY kind, key, version DESC`,
    [HUB_LIMITS.entryBytes],
  );
  const onHub = new Map<string, { version: number; digest: string | null }>(
    latest.rows.map((row) => {
      let digest: string | null = null;
      try {
        digest = row.entry ? digestOf((JSON.parse(row.entry) as { value?: unknown }).value ?? null) : null;
      } catch {
        digest = null;
      }
      return [`${row.kind}:${row.key}`, { version: row.version, digest }];
    }),
  );
  const toPush: { kind: CatalogueEntry['kind']; key: string; version: number; digest: string; entry: SignedEntry }[] =
    [];
  const settled: { kind: string; key: string; version: number; digest: string }[] = [];
  for (const [kind, itemKey, value, digest] of local) {
    const stateKey = `${kind}:${itemKey}`;
    const hub = onHub.get(stateKey);
    const mine = state.get(stateKey);
    if (hub && hub.digest === digest) {
      if (mine?.version !== hub.version || mine.digest !== digest)
        settled.push({ kind, key: itemKey, version: hub.version, digest });
      continue;
    }
    // First sight of a key the hub has: the hub's entry wins (the pull takes it).
    if (hub && !mine) continue;
    // Unchanged here, and the hub has newer: the pull takes it.
    if (hub && mine && mine.digest === digest && hub.version > mine.version) continue;
    const version = (hub?.version ?? 0) + 1;
    const entry: CatalogueEntry = {
      kind,
      format: ENTRY_FORMAT,
      console: me,
      key: itemKey,
      version,
      value,
      at: session.now.toISOString(),
    };
    toPush.push({ kind, key: itemKey, version, digest, entry: signed(entry, key.privateKey) });
  }
  const pushed: typeof settled = [];
  if (toPush.length > 0) {
    await inServerTransaction(client, async () => {
      for (const item of toPush) {
        await client.query('SAVEPOINT one');
        try {
          const result = await client.query<{ seq: string }>(
            `INSERT INTO hub_catalogue (kind, key, version, entry, signature) VALUES ($1, $2, $3, $4::json, $5)
             ON CONFLICT (kind, key, version) DO NOTHING RETURNING seq::text AS seq`,
            [item.kind, item.key, item.version, item.entry.text, item.entry.signature],
          );
          await client.query('RELEASE SAVEPOINT one');
          const row = result.rows[0];
          if (row) {
            pushed.push(item);
            noteSeen(session, row.seq, 'catalogue', rowKey('catalogue', item));
          }
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT one');
          if (!isRefusal(error)) throw error;
          session.report.refused.push(reported(`${item.kind} ${item.key}`, serverRefusal(error)));
        }
      }
    });
  }
  store.writer.db
    .transaction(() => {
      for (const item of [...settled, ...pushed])
        saveCatalogueState(store.writer, item.kind, item.key, item.version, item.digest);
    })
    .immediate();
}

// ---- records

interface RecordPlan {
  id: string;
  queuedAt: string;
  versions: Pending[];
  followUps: Pending[];
  /** Follow-ups that wait for their record to be on the hub (another console's, not pushed yet). */
  followUpsWaiting: number;
  problem: { kind: 'refused' | 'conflict'; reason: Words } | null;
  /** The amendment made here of another console's record, recorded as a conflict. */
  proposal: { id: string; owner: string; baseVersion: number; entry: SignedEntry } | null;
  hadNewVersions: boolean;
  /** Reported once, then out of the outbox: nothing this console can push. */
  dropFromOutbox?: boolean;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const versionChanged = (row: StoredVersionRow) =>
  row.hash !== null &&
  versionHash(row.previousHash, {
    procedureId: row.procedureId,
    version: row.version,
    content: row.content,
    signedBy: row.signedBy,
    signedAt: row.signedAt,
    reason: row.reason,
    signerId: row.signerId,
    meaning: row.meaning,
  }) !== row.hash;

function followUpChanged(row: StoredFollowUpRow): boolean {
  const { hash, previousHash, receivedFrom: _r, ...link } = row;
  return followUpHash(previousHash, link) !== hash;
}

function versionEntry(
  session: HubSession,
  life: RecordLifeRow,
  row: StoredVersionRow,
  confirmed: Map<string, string[]>,
): VersionEntry {
  const content = JSON.parse(row.content) as unknown;
  // Who proved the signature and its meaning, sent only when this console vouches for them by
  // the rule a pulling console applies (carried-signer.ts): a version brought in by an import or
  // the hub with an id it cannot vouch for goes out under its name only, as it is shown here.
  const signer =
    row.signerId !== null && row.meaning !== null
      ? { operatorId: row.signerId, meaning: row.meaning as CarriedSigner['meaning'] }
      : null;
  const vouched =
    signer &&
    !signerDoubt(
      readOperator(readerOf(session.store), signer.operatorId),
      signer,
      row.signedBy,
      (content as { operatorId?: unknown } | null)?.operatorId,
    )
      ? signer
      : null;
  return {
    kind: 'version',
    format: ENTRY_FORMAT,
    recordId: row.procedureId,
    version: row.version,
    console: session.me,
    createdAt: life.createdAt,
    createdBy: life.createdBy,
    signedBy: row.signedBy,
    ...(vouched
      ? { signerOperatorId: vouched.operatorId, signatureMeaning: vouched.meaning as VersionEntry['signatureMeaning'] }
      : {}),
    signedAt: row.signedAt,
    reason: row.reason,
    confirmedWarnings: confirmed.get(`${row.procedureId}:${row.version}`) ?? [],
    content,
  };
}

/** What a batch of queued records needs on the hub, from this logbook and what the hub already holds. */
async function planBatch(session: HubSession, queued: { id: string; at: string }[]): Promise<RecordPlan[]> {
  const { client, store, me, key } = session;
  const ids = queued.map((entry) => entry.id);
  const read = store.reader;
  const lives = new Map(recordLives(read, ids).map((life) => [life.id, life]));
  const own = ids.filter((id) => lives.get(id)?.consoleName === me && lives.get(id)?.status !== 'draft');
  const serverVersions = await client.query<{ id: string; version: number; signature: string }>(
    'SELECT record_id::text AS id, version, signature FROM hub_versions WHERE record_id = ANY($1::uuid[])',
    [ids],
  );
  const onHub = new Map(serverVersions.rows.map((row) => [`${row.id}:${row.version}`, row.signature]));
  const recordsOnHub = new Set(serverVersions.rows.map((row) => row.id));
  const serverFollowUps = await client.query<{ id: string }>(
    'SELECT id::text AS id FROM hub_follow_ups WHERE record_id = ANY($1::uuid[])',
    [ids],
  );
  const followUpsOnHub = new Set(serverFollowUps.rows.map((row) => row.id));
  const versions = groupBy(storedVersions(read, ids), (row) => row.procedureId);
  const confirmed = confirmedWarningsOf(read, ids);
  const followUps = groupBy(storedFollowUps(read, ids), (row) => row.procedureId);
  const received = receivedVersions(
    read,
    ids.filter((id) => !own.includes(id)),
  );
  const ownSet = new Set(own);

  return queued.map(({ id, at }): RecordPlan => {
    const plan: RecordPlan = {
      id,
      queuedAt: at,
      versions: [],
      followUps: [],
      followUpsWaiting: 0,
      problem: null,
      proposal: null,
      hadNewVersions: false,
    };
    const life = lives.get(id);
    if (!life || life.status === 'draft') return plan;
    const stored = versions.get(id) ?? [];
    const changed = stored.find(versionChanged);
    if (changed) {
      plan.problem = {
        kind: 'refused',
        reason: sentence(HP.versionChanged, { version: changed.version }),
      };
      return plan;
    }
    if (ownSet.has(id)) {
      for (const row of stored) {
        const entry = signed(versionEntry(session, life, row, confirmed), key.privateKey);
        const there = onHub.get(`${id}:${row.version}`);
        if (there !== undefined) {
          if (there !== entry.signature) {
            plan.problem = {
              kind: 'conflict',
              reason: sentence(HP.versionDiffers, { version: row.version }),
            };
            return plan;
          }
          continue;
        }
        if (tooLarge(entry)) {
          plan.problem = {
            kind: 'refused',
            reason: sentence(HP.versionTooLarge, {
              version: row.version,
              bytes: Buffer.byteLength(entry.text),
              limit: HUB_LIMITS.entryBytes,
            }),
          };
          return plan;
        }
        plan.versions.push({
          recordId: id,
          columns: [id, row.version],
          entry,
          label: sentence(HP.version, { version: row.version }),
        });
      }
      plan.hadNewVersions = plan.versions.length > 0;
    } else {
      const mapped = received.get(id);
      if (!mapped) {
        plan.problem = {
          kind: 'refused',
          reason: sentence(HP.notThisConsole, { owner: life.consoleName, me }),
        };
        plan.dropFromOutbox = true;
        return plan;
      }
      const latest = stored[stored.length - 1];
      // Amended here after the owner's latest version came: a conflict for the owner to resolve.
      if (mapped && latest && latest.version > mapped.localVersion && latest.reason !== null) {
        const proposal: ProposalEntry = {
          kind: 'proposal',
          format: ENTRY_FORMAT,
          id: derivedId('proposal', id, String(latest.version), me),
          recordId: id,
          baseVersion: mapped.hubVersion,
          console: me,
          signedBy: latest.signedBy,
          signedAt: latest.signedAt,
          reason: latest.reason,
          confirmedWarnings: confirmed.get(`${id}:${latest.version}`) ?? [],
          content: JSON.parse(latest.content) as unknown,
        };
        plan.proposal = {
          id: proposal.id,
          owner: life.consoleName,
          baseVersion: mapped.hubVersion,
          entry: signed(proposal, key.privateKey),
        };
      }
    }
    const willBeOnHub = recordsOnHub.has(id) || plan.versions.some((version) => version.columns[1] === 1);
    for (const row of followUps.get(id) ?? []) {
      if (row.receivedFrom !== null || followUpsOnHub.has(row.id)) continue;
      if (followUpChanged(row)) {
        plan.problem = {
          kind: 'refused',
          reason: sentence(HP.followUpChanged, { followUp: row.id }),
        };
        return plan;
      }
      if (!willBeOnHub) {
        plan.followUpsWaiting++;
        continue;
      }
      const { hash: _h, previousHash: _p, receivedFrom: _r, ...link } = row;
      const entry: FollowUpEntryPayload = { kind: 'follow_up', format: ENTRY_FORMAT, console: me, followUp: link };
      plan.followUps.push({
        recordId: id,
        columns: [row.id, id],
        entry: signed(entry, key.privateKey),
        label: sentence(HP.followUp, { followUp: row.id }),
      });
    }
    return plan;
  });
}

/** Pushes a batch of planned records in one server transaction; their outcomes into the report and the outbox. */
async function pushPlans(session: HubSession, plans: RecordPlan[]): Promise<void> {
  const { client, store, report } = session;
  const refusedRecords = new Map<string, Words>();
  const lost = new Map<string, Words>();
  await inServerTransaction(client, async () => {
    const byVersion = groupBy(
      plans.flatMap((plan) => (plan.problem ? [] : plan.versions)),
      (row) => String(row.columns[1]),
    );
    for (const version of [...byVersion.keys()].sort((a, b) => Number(a) - Number(b))) {
      const rows = byVersion.get(version) as Pending[];
      const wanted = rows.filter((row) => !refusedRecords.has(row.recordId));
      const outcome = await insertMany(client, INSERT_VERSIONS, wanted, arraysOfVersions);
      for (const { row, reason } of outcome.refused)
        refusedRecords.set(row.recordId, sentence(HP.rowRefused, { row: row.label, reason }));
      const taken = new Set(outcome.inserted.map((row) => `${row.id}:${row.key}`));
      for (const row of outcome.inserted)
        noteSeen(session, row.seq, 'versions', rowKey('versions', { record_id: row.id, version: row.key }));
      for (const row of wanted)
        if (!taken.has(`${row.recordId}:${row.columns[1]}`) && !refusedRecords.has(row.recordId))
          lost.set(row.recordId, sentence(HP.versionFromOther, { version: Number(row.columns[1]) }));
    }
    const followUps = plans.flatMap((plan) =>
      plan.problem || refusedRecords.has(plan.id) || lost.has(plan.id) ? [] : plan.followUps,
    );
    const outcome = await insertMany(client, INSERT_FOLLOW_UPS, followUps, arraysOfFollowUps);
    for (const { row, reason } of outcome.refused)
      refusedRecords.set(row.recordId, sentence(HP.rowRefused, { row: row.label, reason }));
    for (const row of outcome.inserted)
      noteSeen(session, row.seq, 'follow_ups', rowKey('follow_ups', { id: row.key, record_id: row.id }));
    report.followUpsPushed += outcome.inserted.length;
  });
  store.writer.db
    .transaction(() => {
      for (const plan of plans) {
        const refusedReason = plan.problem?.kind === 'refused' ? plan.problem.reason : refusedRecords.get(plan.id);
        const conflictReason = plan.problem?.kind === 'conflict' ? plan.problem.reason : lost.get(plan.id);
        if (refusedReason) {
          report.refused.push(reported(plan.id, refusedReason));
          if (plan.dropFromOutbox) dequeue(store.writer, plan.id, plan.queuedAt);
          continue;
        }
        if (conflictReason) {
          report.conflicts.push(reported(plan.id, conflictReason));
          continue;
        }
        if (plan.proposal) {
          keepConflict(store.writer, {
            id: plan.proposal.id,
            recordId: plan.id,
            owner: plan.proposal.owner,
            proposer: session.me,
            baseVersion: plan.proposal.baseVersion,
            entry: plan.proposal.entry.text,
            signature: plan.proposal.entry.signature,
            onHub: 0,
          });
          report.conflicts.push(reported(plan.id, sentence(HP.sentToOwner, { owner: plan.proposal.owner })));
        }
        if (plan.hadNewVersions) report.pushed++;
        else if (!plan.proposal && plan.followUps.length === 0) report.unchanged++;
        // What waits for its record on the hub stays queued; everything else has gone.
        if (plan.followUpsWaiting === 0) dequeue(store.writer, plan.id, plan.queuedAt);
      }
    })
    .immediate();
}

async function pushRecords(session: HubSession): Promise<void> {
  const queued = queuedRecords(session.store.reader);
  for (let from = 0; from < queued.length; from += HUB_LIMITS.pushRecords) {
    const plans = await planBatch(session, queued.slice(from, from + HUB_LIMITS.pushRecords));
    await pushPlans(session, plans);
    await yieldToOthers();
  }
}

// ---- conflicts and their resolutions

async function pushConflicts(session: HubSession): Promise<void> {
  const { client, store } = session;
  for (const conflict of conflictsToPush(store.reader)) {
    if (conflict.proposer !== session.me) continue;
    try {
      const result = await client.query<{ seq: string }>(
        `INSERT INTO hub_conflicts (id, record_id, base_version, entry, signature) VALUES ($1, $2, $3, $4::json, $5)
         ON CONFLICT (id) DO NOTHING RETURNING seq::text AS seq`,
        [conflict.id, conflict.recordId, conflict.baseVersion, conflict.entry, conflict.signature],
      );
      if (result.rows[0])
        noteSeen(
          session,
          result.rows[0].seq,
          'conflicts',
          rowKey('conflicts', { id: conflict.id, record_id: conflict.recordId, base_version: conflict.baseVersion }),
        );
      store.writer.db.transaction(() => markConflictOnHub(store.writer, conflict.id)).immediate();
    } catch (error) {
      if (!isRefusal(error)) throw error;
      session.report.refused.push(
        reported(
          conflict.recordId,
          sentence(HP.conflictRefused, { conflict: conflict.id, reason: serverRefusal(error) }),
        ),
      );
    }
  }
}

async function pushResolutions(session: HubSession): Promise<void> {
  const { client, store, key } = session;
  for (const conflict of resolutionsToPush(store.reader)) {
    if (conflict.owner !== session.me || !conflict.decision) continue;
    const entry: ResolutionEntry = {
      kind: 'resolution',
      format: ENTRY_FORMAT,
      conflictId: conflict.id,
      recordId: conflict.recordId,
      console: session.me,
      decision: conflict.decision,
      version: conflict.decidedVersion ?? 0,
      by: conflict.resolvedBy ?? '',
      at: conflict.resolvedAt ?? '',
    };
    const { text, signature } = signed(entry, key.privateKey);
    try {
      const result = await client.query<{ seq: string }>(
        `INSERT INTO hub_resolutions (conflict_id, entry, signature) VALUES ($1, $2::json, $3)
         ON CONFLICT (conflict_id) DO NOTHING RETURNING seq::text AS seq`,
        [conflict.id, text, signature],
      );
      if (result.rows[0])
        noteSeen(session, result.rows[0].seq, 'resolutions', rowKey('resolutions', { conflict_id: conflict.id }));
      store.writer.db.transaction(() => markResolutionOnHub(store.writer, conflict.id)).immediate();
    } catch (error) {
      if (!isRefusal(error)) throw error;
      session.report.refused.push(
        reported(
          conflict.recordId,
          sentence(HP.resolutionRefused, { conflict: conflict.id, reason: serverRefusal(error) }),
        ),
      );
    }
  }
}

/** Pushes the catalogue, the outbox, then conflicts and resolutions (each needs the records before it). */
export async function push(session: HubSession): Promise<void> {
  await pushCatalogue(session);
  await pushRecords(session);
  await pushConflicts(session);
  await pushResolutions(session);
}
