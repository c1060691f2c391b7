import { HUB_REFUSAL_MESSAGES as HR, HUB_LIMITS, sentence, type Words } from '../model/index.js';
import { redoableTransaction } from '../sqlite/connection.js';
import {
  catalogueState,
  forgetWaiting,
  keepRefusal,
  keepWaiting,
  readPosition,
  savePosition,
  waitingRows,
} from '../sqlite/hub-local.js';
import {
  type ApplyContext,
  applyCatalogue,
  applyConflict,
  applyFollowUp,
  applyResolution,
  applyVersion,
  type Outcome,
} from './apply.js';
import {
  type AnyEntry,
  type CatalogueEntry,
  type FollowUpEntryPayload,
  KEY_COLUMNS,
  openRow,
  type ProposalEntry,
  type PulledRow,
  type ResolutionEntry,
  rowKey,
  STREAMS,
  type Stream,
  TABLE_OF,
  type VersionEntry,
} from './entries.js';
import { receivedCheckContext, receivedRules } from './local-records.js';
import { storedRefusalReason, storedRefusalSubject } from './local-state.js';
import { type HubSession, noteSeen, reported, yieldToOthers } from './session.js';

/*
 * The pull: each stream of the hub read in the order it can be applied (the catalogue before
 * the records that name it, versions before their follow-ups and conflicts), page by page in
 * (xid, seq) order, from where this console stood on this hub. Only rows whose transaction is
 * older than every transaction still open are read: pushes take no lock, so a row numbered
 * lower can commit after a higher one, and reading by the horizon is what makes "everything up
 * to here" true. Each row is bounded in size before it is read (entry_bytes), checked
 * (entries.ts) and applied alone (apply.ts): a bad row is refused and kept for IT, a row
 * that needs another waits, and the pull goes on. The position is saved with each write
 * transaction, so a pull that stops anywhere goes on from there; applying twice changes nothing.
 */

/** The columns of a row as the pull reads it: its entry only when small enough, and who could sign it then. */
function selectList(stream: Stream, limit: string): string {
  const columns = KEY_COLUMNS[stream].map((column) => `t.${column}::text AS "c_${column}"`).join(', ');
  return `t.seq::text AS seq, t.xid::text AS xid, t.console, t.entry_bytes AS "entryBytes",
       CASE WHEN t.entry_bytes <= ${limit} THEN t.entry::text END AS entry,
       CASE WHEN octet_length(t.signature) <= 200 THEN t.signature END AS signature,
       (SELECT k.public_key FROM hub_console_keys k
         WHERE k.console = t.console AND k.added_at <= t.inserted_at AND (k.replaced_at IS NULL OR t.inserted_at < k.replaced_at)
         ORDER BY k.added_at DESC LIMIT 1) AS "publicKey",
       coalesce(t.inserted_at >= c.retired_at, false) AS "afterRetirement", ${columns}`;
}

const pageSql = (stream: Stream) => `
SELECT ${selectList(stream, '$3')}
  FROM (SELECT seq, sum(least(entry_bytes, $3)) OVER (ORDER BY xid, seq) - least(entry_bytes, $3) AS before
          FROM (SELECT seq, xid, entry_bytes FROM ${TABLE_OF[stream]}
                 WHERE (xid, seq) > ($1::xid8, $2::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())
                 ORDER BY xid, seq LIMIT $4) page) p
  JOIN ${TABLE_OF[stream]} t ON t.seq = p.seq
  LEFT JOIN hub_consoles c ON c.name = t.console
 WHERE p.before < $5 OR p.before = 0
 ORDER BY t.xid, t.seq`;

const bySeqSql = (stream: Stream) => `
SELECT ${selectList(stream, '$2')}
  FROM ${TABLE_OF[stream]} t LEFT JOIN hub_consoles c ON c.name = t.console
 WHERE t.seq = ANY($1::bigint[])
 ORDER BY t.xid, t.seq`;

type RawRow = Omit<PulledRow, 'columns'> & Record<string, unknown>;

function toPulled(stream: Stream, raw: RawRow): PulledRow {
  const columns: Record<string, string | null> = {};
  for (const column of KEY_COLUMNS[stream]) columns[column] = (raw[`c_${column}`] as string | null) ?? null;
  return {
    seq: raw.seq,
    xid: raw.xid,
    console: raw.console,
    entry: raw.entry,
    entryBytes: Number(raw.entryBytes),
    signature: raw.signature,
    publicKey: raw.publicKey,
    afterRetirement: raw.afterRetirement === true,
    columns,
  };
}

/** What a row is about, for the report and the refusals kept for IT: its id, and words. */
function subjectOf(stream: Stream, columns: PulledRow['columns']): { id: string; words: Words } {
  const column = (name: string) => String(columns[name]);
  switch (stream) {
    case 'versions':
      return {
        id: column('record_id'),
        words: sentence(HR.subjectVersion, { record: column('record_id'), version: column('version') }),
      };
    case 'follow_ups':
      return {
        id: column('id'),
        words: sentence(HR.subjectFollowUp, { followUp: column('id'), record: column('record_id') }),
      };
    case 'catalogue': {
      const kind = column('kind');
      const values = { key: column('key'), version: column('version') };
      return {
        id: `${kind} ${column('key')}`,
        words:
          kind === 'operator'
            ? sentence(HR.subjectOperator, values)
            : kind === 'drug'
              ? sentence(HR.subjectDrug, values)
              : sentence(HR.subjectCatalogue, { ...values, kind }),
      };
    }
    case 'conflicts':
      return {
        id: column('record_id'),
        words: sentence(HR.subjectConflict, { conflict: column('id'), record: column('record_id') }),
      };
    case 'resolutions':
      return {
        id: column('conflict_id'),
        words: sentence(HR.subjectResolution, { conflict: column('conflict_id') }),
      };
  }
}

/** SQLite's failures of the logbook itself stop the pull (this console's side); any other stops only its row. */
const isLogbookFailure = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  /^SQLITE_(FULL|IOERR|READONLY|CORRUPT|NOTADB|BUSY|LOCKED|CANTOPEN|NOMEM)/.test(
    String((error as { code?: unknown }).code),
  );

function applyEntry(context: ApplyContext, stream: Stream, entry: AnyEntry, row: PulledRow): Outcome {
  switch (stream) {
    case 'catalogue':
      return applyCatalogue(context, entry as CatalogueEntry);
    case 'versions':
      return applyVersion(context, entry as VersionEntry);
    case 'follow_ups':
      return applyFollowUp(context, entry as FollowUpEntryPayload);
    case 'conflicts':
      return applyConflict(context, entry as ProposalEntry, row.entry as string, row.signature as string);
    case 'resolutions':
      return applyResolution(context, entry as ResolutionEntry);
  }
}

/** Applies one row in a savepoint of its own; a row the logbook refuses leaves nothing. */
function applyOne(context: ApplyContext, stream: Stream, row: PulledRow): Outcome {
  const opened = openRow(stream, row);
  if (!opened.ok) return { kind: 'refused', reason: opened.reason };
  try {
    return context.write.db.transaction(() => {
      const outcome = applyEntry(context, stream, opened.entry, row);
      if (outcome.kind === 'refused' || outcome.kind === 'waiting') throw new Undo(outcome);
      return outcome;
    })();
  } catch (error) {
    if (error instanceof Undo) return error.outcome;
    if (isLogbookFailure(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'refused', reason: sentence(HR.notTaken, { detail }) };
  }
}

/** Rolls a row's savepoint back and carries why. */
class Undo extends Error {
  constructor(readonly outcome: Outcome) {
    super('undo');
  }
}

function note(
  session: HubSession,
  stream: Stream,
  row: PulledRow,
  outcome: Outcome,
  write: ApplyContext['write'],
): void {
  const { report } = session;
  const subject = subjectOf(stream, row.columns);
  switch (outcome.kind) {
    case 'record':
      report.pulled++;
      break;
    case 'amendment':
      report.amendmentsPulled++;
      break;
    case 'follow-up':
      report.followUpsPulled++;
      break;
    case 'catalogue':
      report.catalogueChanges++;
      break;
    case 'conflict':
      report.conflicts.push(reported(subject.id, sentence(HR.amendedByOther, { console: row.console })));
      break;
    case 'refused': {
      const words = sentence(HR.fromConsole, { subject: subject.words, console: row.console, reason: outcome.reason });
      report.refused.push(reported(subject.id, words));
      keepRefusal(write, {
        hubId: session.hubId,
        stream,
        seq: row.seq,
        subject: storedRefusalSubject(subject.words),
        console: row.console,
        reason: storedRefusalReason(outcome.reason),
        entry: row.entry,
        signature: row.signature,
      });
      return;
    }
    case 'waiting':
      keepWaiting(write, {
        hubId: session.hubId,
        stream,
        seq: row.seq,
        subject: storedRefusalSubject(subject.words),
        reason: storedRefusalReason(outcome.reason),
      });
      return;
  }
  forgetWaiting(write, session.hubId, stream, row.seq);
}

/** Applies rows in short write transactions, the position saved with each when `advance` is set. */
async function applyRows(
  session: HubSession,
  context: ApplyContext,
  stream: Stream,
  rows: PulledRow[],
  advance: boolean,
): Promise<void> {
  const { write } = context;
  let index = 0;
  while (index < rows.length) {
    // Lost at a power cut, a page is pulled again from the position saved with it.
    redoableTransaction(write.db, () => {
      const started = performance.now();
      let last: PulledRow | undefined;
      while (index < rows.length && (last === undefined || performance.now() - started < HUB_LIMITS.transactionMs)) {
        const row = rows[index++] as PulledRow;
        note(session, stream, row, applyOne(context, stream, row), write);
        noteSeen(session, row.seq, stream, rowKey(stream, row.columns));
        last = row;
      }
      if (advance && last) savePosition(write, session.hubId, stream, { xid: last.xid, seq: last.seq });
    });
    await yieldToOthers();
  }
}

/** What applying the hub's rows reads of this console, once per pull (and in the tests of apply.ts). */
export function applyContext(session: Pick<HubSession, 'store' | 'me' | 'actor' | 'now'>): ApplyContext {
  const write = session.store.writer;
  return {
    store: session.store,
    write,
    me: session.me,
    actor: session.actor,
    check: receivedCheckContext(write, session.now),
    rules: receivedRules(write),
    catalogue: catalogueState(write),
  };
}

async function pullStream(session: HubSession, stream: Stream): Promise<void> {
  // Made once there is something to apply (an incremental sync mostly has nothing).
  let made: ApplyContext | undefined;
  const context = () => {
    made ??= applyContext(session);
    return made;
  };
  const sql = pageSql(stream);
  let position = readPosition(session.store.reader, session.hubId, stream);
  for (;;) {
    const page = await session.client.query<RawRow>(sql, [
      position.xid,
      position.seq,
      HUB_LIMITS.entryBytes,
      HUB_LIMITS.pullRows,
      HUB_LIMITS.pullBytes,
    ]);
    if (page.rows.length === 0) break;
    const rows = page.rows.map((raw) => toPulled(stream, raw));
    await applyRows(session, context(), stream, rows, true);
    const last = rows[rows.length - 1] as PulledRow;
    position = { xid: last.xid, seq: last.seq };
  }
  // What waited for another row (its record, the version before it): tried again.
  const waiting = waitingRows(session.store.reader, session.hubId, stream);
  if (waiting.length === 0) return;
  const found = await session.client.query<RawRow>(bySeqSql(stream), [waiting, HUB_LIMITS.entryBytes]);
  const rows = found.rows.map((raw) => toPulled(stream, raw));
  const present = new Set(rows.map((row) => row.seq));
  // A row gone from the hub (a restore) waits for nothing any more.
  session.store.writer.db
    .transaction(() => {
      for (const seq of waiting) if (!present.has(seq)) forgetWaiting(session.store.writer, session.hubId, stream, seq);
    })
    .immediate();
  await applyRows(session, context(), stream, rows, false);
}

/** Pulls every stream, in order. */
export async function pull(session: HubSession): Promise<void> {
  for (const stream of STREAMS) await pullStream(session, stream);
}
