import type Database from 'better-sqlite3';
import { asReadable } from '../sqlite/connection.js';
import { GENESIS, stateFingerprint, stateHash } from '../sqlite/hash-chain.js';
import {
  CHAINED_SETTINGS,
  CHAINED_TABLES,
  type ChainedTable,
  chainedRows,
  currentFingerprint,
  KEY_SETTING,
  stateChainRows,
} from '../sqlite/state-chain.js';
import type { ChainHead } from './head.js';

/*
 * The state chain (schema 19) as `check` proves it: unbroken, and each chained setting,
 * operator and drug as stored now equal to its latest link. The records' seals are compared
 * where the records are (verify.ts).
 */

export type LatestStates = Map<string, string | null>;
export const stateKey = (subject: string, key: string) => `${subject}\u0000${key}`;

/** How much of the key's fingerprint the head shows: enough to tell two keys apart, nothing to guess it by. */
export const KEY_FINGERPRINT_LENGTH = 16;

export function checkStateChain(db: Database.Database, expect?: ChainHead) {
  let previous = GENESIS;
  let seq = 0;
  let broken: string | null = null;
  let kept: string | null = null;
  const latest: LatestStates = new Map();
  const rows = stateChainRows(db);
  for (const row of rows) {
    const label = `state row ${row.seq} (${row.subject} ${row.key})`;
    if (row.seq !== seq + 1)
      broken =
        seq === 0
          ? `the state chain starts at row ${row.seq}: the rows before it were removed`
          : `state row ${seq} is followed by row ${row.seq}: the rows between them were removed`;
    else if (stateHash(previous, row) !== row.hash)
      broken = `${label} does not match its hash: it was changed, or the row before it was rewritten`;
    if (broken) break;
    previous = row.hash;
    seq = row.seq;
    latest.set(stateKey(row.subject, row.key), row.fingerprint);
    if (expect?.state && seq === expect.state.count && previous !== expect.state.hash)
      kept = `state row ${seq} is not the one in the kept head: the settings, catalogue or seals up to it were rewritten`;
  }
  if (!broken && expect?.state && seq < expect.state.count)
    kept = `the state chain ends at row ${seq}, before row ${expect.state.count} of the kept head: rows were removed`;
  const keyFingerprint = latest.get(stateKey('settings', KEY_SETTING));
  if (!broken && !kept && expect?.key !== undefined) {
    const now = keyFingerprint ? keyFingerprint.slice(0, KEY_FINGERPRINT_LENGTH) : 'none';
    if (now !== expect.key)
      kept = `the pseudonym key is not the one of the kept head (fingerprint ${now}, kept ${expect.key}): it was replaced`;
  }
  return {
    broken,
    kept,
    latest,
    head: { count: seq, hash: previous },
    key: keyFingerprint ? keyFingerprint.slice(0, KEY_FINGERPRINT_LENGTH) : 'none',
  };
}

const MAX_LISTED = 10;

/** Each chained setting, operator and drug as stored, against its latest link. */
export function stateProblems(db: Database.Database, latest: LatestStates) {
  const problems: string[] = [];
  let count = 0;
  const note = (text: string) => {
    count++;
    if (problems.length < MAX_LISTED) problems.push(text);
  };
  const readable = asReadable(db);
  const compare = (subject: 'settings' | ChainedTable, key: string, now: string | null, what: string) => {
    const chained = latest.get(stateKey(subject, key));
    if (chained === undefined ? now === null : chained === now) return;
    // A backup made with --exclude-key leaves the key out of the copy: its fingerprint stays chained.
    if (subject === 'settings' && key === KEY_SETTING && now === null) return;
    if (chained === undefined || chained === null) note(`${what} was added outside RootLog`);
    else if (now === null) note(`${what} was removed outside RootLog`);
    else note(`${what} is not what RootLog last wrote: it was changed outside RootLog`);
  };
  for (const key of CHAINED_SETTINGS)
    compare('settings', key, currentFingerprint(readable, 'settings', key), `the setting ${key}`);
  for (const [table, column] of Object.entries(CHAINED_TABLES) as [ChainedTable, string][]) {
    const here = new Set<string>();
    for (const row of chainedRows(db, table)) {
      const key = String(row[column]);
      here.add(key);
      compare(table, key, stateFingerprint(table, row), `${table} ${key}`);
    }
    for (const [id, fingerprint] of latest) {
      const [subject, key] = id.split('\u0000') as [string, string];
      if (subject === table && fingerprint !== null && !here.has(key)) compare(table, key, null, `${table} ${key}`);
    }
  }
  return { problems, count };
}
