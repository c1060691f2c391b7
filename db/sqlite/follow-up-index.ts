import type { ReadableDb } from './connection.js';

/*
 * Every follow-up entry (schema 7) as the outcome figures read it, kept in memory per
 * connection and brought up to date by reading only the entries added since: the table is
 * append-only (triggers refuse any change or deletion) and each entry gets a rowid above every
 * committed one, so what this connection has read stays true. A signature adds no entry, a
 * follow-up adds one: after either, one indexed query of nothing or one row, instead of all
 * 150 000 entries of a busy department again. Entries are keyed by their procedure's rowid,
 * which the dashboard facts come with (procedures are never deleted once signed, and a
 * follow-up belongs to a signed one). Should the file be rebuilt underneath (a VACUUM by
 * hand, which may renumber rowids, changes the schema cookie) or not hold what was read, it is
 * all read again.
 */

const NO_NRS = 255;

export interface FollowUpIndex {
  /** Entries read, in rowid order (the order they were committed). */
  count: number;
  entryRowid: Float64Array;
  procedureRowid: Uint32Array;
  daysAfter: Uint16Array;
  /** Leg pain NRS now; NO_FOLLOW_UP_NRS where not asked. */
  legNrs: Uint8Array;
  /** Relief in % as stored with the entry; NaN where unknown. */
  reliefPercent: Float64Array;
  /** UUIDv7, in the order they were recorded: the latest current entry of a window counts. */
  id: string[];
  /** 1 once a later entry corrected this one. */
  superseded: Uint8Array;
  /** Bumped whenever anything above changes (for what is derived from it). */
  version: number;
}

export const NO_FOLLOW_UP_NRS = NO_NRS;

interface Kept {
  index: FollowUpIndex;
  schemaVersion: number;
  /** The last entry read and its procedure, checked before each use. */
  last: { entryRowid: number; entryId: string; procedureRowid: number; procedureId: string } | null;
}

const kept = new WeakMap<object, Kept>();

function empty(): FollowUpIndex {
  const capacity = 1024;
  return {
    count: 0,
    entryRowid: new Float64Array(capacity),
    procedureRowid: new Uint32Array(capacity),
    daysAfter: new Uint16Array(capacity),
    legNrs: new Uint8Array(capacity),
    reliefPercent: new Float64Array(capacity),
    id: [],
    superseded: new Uint8Array(capacity),
    version: 0,
  };
}

function grown<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(array: T, capacity: number): T {
  if (array.length >= capacity) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(capacity, array.length * 2));
  larger.set(array);
  return larger;
}

/** The entry read with this rowid, by binary search (entries are in rowid order). */
function entryAt(index: FollowUpIndex, rowid: number): number {
  let low = 0;
  let high = index.count - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = index.entryRowid[middle] as number;
    if (at === rowid) return middle;
    if (at < rowid) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function stillTrue(db: ReadableDb, state: Kept): boolean {
  if (db.pragma('schema_version', { simple: true }) !== state.schemaVersion) return false;
  const { last } = state;
  if (!last) return true;
  const entryId = db.prepare('SELECT id FROM follow_up_entries WHERE rowid = ?').pluck().get(last.entryRowid);
  const procedureId = db.prepare('SELECT id FROM procedures WHERE rowid = ?').pluck().get(last.procedureRowid);
  return entryId === last.entryId && procedureId === last.procedureId;
}

type EntryRow = [
  entryRowid: number,
  procedureRowid: number,
  daysAfter: number,
  legNrs: number | null,
  reliefPercent: number | null,
  id: string,
  /** The rowid of the entry this one corrects (a full read), or 1 when a later one corrects this one (a partial read). */
  correction: number | null,
];

/** Whether this connection holds every entry already (then followUpIndex only reads what is new). */
export const followUpIndexKept = (db: ReadableDb): boolean => kept.has(db);

/**
 * The entries of a few procedures only (by rowid), read through the entries' own index and
 * not kept: a one-day `rootlog stats` on a large logbook reads that day's follow-ups, not
 * every follow-up of every year.
 */
export function followUpEntriesOf(db: ReadableDb, procedureRowids: Uint32Array): FollowUpIndex {
  const rows = db
    .prepare(
      `SELECT e.rowid, p.rowid, e.days_after, e.leg_nrs, e.relief_percent, e.id,
              EXISTS (SELECT 1 FROM follow_up_entries s WHERE s.supersedes = e.id)
         FROM procedures p JOIN follow_up_entries e INDEXED BY follow_up_entries_by_procedure ON e.procedure_id = p.id
        WHERE p.rowid IN (SELECT value FROM json_each(@rowids))
        ORDER BY e.rowid`,
    )
    .raw()
    .all({ rowids: JSON.stringify(Array.from(procedureRowids)) }) as EntryRow[];
  const index = empty();
  append(index, rows, (row) => (row[6] === 1 ? 'superseded' : 'current'));
  return index;
}

/** Adds rows to the index; `correction` says of each whether it corrects (or is corrected by) another. */
function append(
  index: FollowUpIndex,
  rows: readonly EntryRow[],
  correction: (row: EntryRow) => 'current' | 'superseded' | { corrects: number },
): void {
  const capacity = index.count + rows.length;
  index.entryRowid = grown(index.entryRowid, capacity);
  index.procedureRowid = grown(index.procedureRowid, capacity);
  index.daysAfter = grown(index.daysAfter, capacity);
  index.legNrs = grown(index.legNrs, capacity);
  index.reliefPercent = grown(index.reliefPercent, capacity);
  index.superseded = grown(index.superseded, capacity);
  for (const row of rows) {
    const [entryRowid, procedureRowid, daysAfter, legNrs, reliefPercent, id] = row;
    const at = index.count++;
    index.entryRowid[at] = entryRowid;
    index.procedureRowid[at] = procedureRowid;
    index.daysAfter[at] = daysAfter;
    index.legNrs[at] = legNrs ?? NO_NRS;
    index.reliefPercent[at] = reliefPercent ?? Number.NaN;
    index.id[at] = id;
    const status = correction(row);
    index.superseded[at] = status === 'superseded' ? 1 : 0;
    if (typeof status === 'object') {
      // The corrected entry was committed before its correction, so it has been read already.
      const corrected = entryAt(index, status.corrects);
      if (corrected < 0) throw new Error(`follow-up entry ${id} corrects an entry not read before it`);
      index.superseded[corrected] = 1;
    }
  }
  index.version++;
}

/** The follow-up entries of this connection's file, read up to what is committed now. */
export function followUpIndex(db: ReadableDb): FollowUpIndex {
  let state = kept.get(db);
  if (!state || !stillTrue(db, state)) {
    state = { index: empty(), schemaVersion: db.pragma('schema_version', { simple: true }) as number, last: null };
    kept.set(db, state);
  }
  const { index } = state;
  const after = index.count === 0 ? 0 : (index.entryRowid[index.count - 1] as number);
  const rows = db
    .prepare(
      `SELECT e.rowid, p.rowid, e.days_after, e.leg_nrs, e.relief_percent, e.id,
              (SELECT s.rowid FROM follow_up_entries s WHERE s.id = e.supersedes)
         FROM follow_up_entries e JOIN procedures p ON p.id = e.procedure_id
        WHERE e.rowid > ? ORDER BY e.rowid`,
    )
    .raw()
    .all(after) as EntryRow[];
  if (rows.length === 0) return index;
  try {
    append(index, rows, (row) => (row[6] === null ? 'current' : { corrects: row[6] }));
  } catch (error) {
    // Never keep an index half brought up to date: the next call reads it all again.
    kept.delete(db);
    throw error;
  }
  const [lastRow] = rows.slice(-1) as [EntryRow];
  state.last = {
    entryRowid: lastRow[0],
    entryId: lastRow[5],
    procedureRowid: lastRow[1],
    procedureId: db.prepare('SELECT id FROM procedures WHERE rowid = ?').pluck().get(lastRow[1]) as string,
  };
  return index;
}
