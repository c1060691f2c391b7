import type Database from 'better-sqlite3';
import { diff } from '../audit.js';
import { clinicalContent, lookAlikeDrugPairs, plural } from '../model/index.js';
import { auditChainRows, importedRecordIds, operatorRenames } from '../sqlite/audit-rows.js';
import { asReadable, connection, type ReadableDb } from '../sqlite/connection.js';
import { dashboardFactsReader } from '../sqlite/dashboard-facts.js';
import { drugNames } from '../sqlite/drug-rows.js';
import { followUpChainRows } from '../sqlite/follow-up-rows.js';
import { type AuditLink, auditHash, followUpHash, GENESIS, versionHash } from '../sqlite/hash-chain.js';
import { readOperators } from '../sqlite/operator-rows.js';
import { procedureStatuses, readProcedure, readRecordRows } from '../sqlite/procedure-rows.js';
import { openAmendmentIds } from '../sqlite/record-life.js';
import { sealOf } from '../sqlite/state-chain.js';
import {
  type StoredVersionRow,
  storedVersionsReader,
  versionChainRows,
  versionedRecordIds,
} from '../sqlite/versions.js';
import { derivedChecker } from './derived.js';
import { schemaProblems, triggerProblems } from './expected-triggers.js';
import { type ChainHead, EMPTY_HEAD } from './head.js';
import { checkStateChain, type LatestStates, stateKey, stateProblems } from './state.js';

/*
 * What `rootlog check` proves about the record beyond SQLite's page check: the schema and its
 * protective triggers are RootLog's own, every hash chain is unbroken, every signed record is
 * what its latest signed version says, its derived columns what that version gives, its other
 * columns what was sealed, and it has the versions its life says; no record is left open for
 * amendment; the settings, operators and catalogue are what the app last wrote; and (given a
 * head kept elsewhere) nothing up to that head has been rewritten, the pseudonym key included.
 * Each chain names its first broken link: after a break, what follows proves nothing more.
 * docs/evidence.md lists what each check covers, and what no check can.
 */

export interface LedgerReport {
  ok: boolean;
  triggers: string[];
  /** The first broken link of the audit chain, if any. */
  audit: string | null;
  /** The first broken link of the versions' chain, if any. */
  versions: string | null;
  /** The first broken link of the follow-ups' chain, if any. */
  followUps: string | null;
  /** Signed records that differ from their versions (the first few), and how many. */
  records: { checked: number; problems: string[]; count: number };
  /** Records left with an open amendment: every lock of their rows is lifted. */
  openAmendments: string[];
  /** Tables, indexes and views that are not as RootLog defines them. */
  schema: string[];
  /** The first broken link of the state chain (settings, operators, catalogue, seals), if any. */
  state: string | null;
  /** Settings, operators and drugs that differ from their latest link (the first few), and how many. */
  stateProblems: { problems: string[]; count: number };
  /**
   * Drugs offered for choosing whose names look the same (from before the rule): a hazard to
   * correct in Settings, not a change outside RootLog, so the check still passes.
   */
  lookAlikeDrugs: string[];
  /** The kept head's verdict, when one was given. */
  expectedHead: string | null;
  head: ChainHead;
}

const MAX_LISTED = 10;

const where = (row: AuditLink) =>
  `audit row ${row.seq} (${row.action} of ${row.entity} ${row.entityId}${row.version == null ? '' : ` version ${row.version}`}, ${row.at})`;

function checkAuditChain(db: ReadableDb, signatures: Set<string>, followUpsAudited: Set<string>, expect?: ChainHead) {
  let previous = GENESIS;
  let seq = 0;
  let broken: string | null = null;
  let kept: string | null = null;
  for (const row of auditChainRows(db)) {
    if (row.entity === 'procedure' && (row.action === 'sign' || row.action === 'amend' || row.action === 'import'))
      signatures.add(`${row.entityId}:${row.version}`);
    if (row.action === 'follow_up')
      for (const key of Object.keys(JSON.parse(row.changes) as object))
        if (key.startsWith('followUp ')) followUpsAudited.add(key.slice('followUp '.length));
    if (broken) continue;
    if (row.seq !== seq + 1) {
      broken =
        seq === 0
          ? `the audit log starts at row ${row.seq}: the rows before it were removed`
          : `audit row ${seq} is followed by row ${row.seq}: the rows between them were removed`;
    } else if (row.hash === null) {
      broken = `${where(row)} has no hash`;
    } else if (auditHash(previous, row) !== row.hash) {
      broken = `${where(row)} does not match its hash: this row was changed, or the row before it was rewritten`;
    } else {
      previous = row.hash;
      seq = row.seq;
      if (expect && seq === expect.audit.seq && previous !== expect.audit.hash)
        kept = `audit row ${seq} is not the one in the kept head: the log up to it was rewritten`;
    }
  }
  if (!broken && expect && seq < expect.audit.seq)
    kept = `the audit log ends at row ${seq}, before row ${expect.audit.seq} of the kept head: rows were removed`;
  return { broken, kept, head: { seq, hash: previous } };
}

function checkVersionChain(db: ReadableDb, expect?: ChainHead) {
  let previous = GENESIS;
  let count = 0;
  let broken: string | null = null;
  let kept: string | null = null;
  for (const row of versionChainRows(db)) {
    const label = `signed version ${row.version} of procedure ${row.procedureId} (${row.signedAt})`;
    if (row.hash === null) broken = `${label} has no hash`;
    else if (versionHash(previous, row) !== row.hash)
      broken = `${label} does not match its hash: it was changed, or the version written before it was`;
    if (broken) break;
    previous = row.hash as string;
    count++;
    if (expect && count === expect.versions.count && previous !== expect.versions.hash)
      kept = `signed version number ${count} is not the one in the kept head: the versions up to it were rewritten`;
  }
  if (!broken && expect && count < expect.versions.count)
    kept = `there ${plural(count, { one: 'is # signed version', other: 'are # signed versions' })}, fewer than the ${expect.versions.count} of the kept head: versions were removed`;
  return { broken, kept, head: { count, hash: previous } };
}

function checkFollowUpChain(db: ReadableDb, audited: Set<string>, expect?: ChainHead) {
  let previous = GENESIS;
  let count = 0;
  let broken: string | null = null;
  let kept: string | null = null;
  for (const row of followUpChainRows(db)) {
    const label = `follow-up ${row.id} of procedure ${row.procedureId} (${row.contactDate})`;
    if (followUpHash(previous, row) !== row.hash)
      broken = `${label} does not match its hash: it was changed, or the follow-up written before it was`;
    else if (!audited.has(row.id)) broken = `${label} has no audit row: it was not recorded by RootLog`;
    if (broken) break;
    previous = row.hash;
    count++;
    const kept7 = expect?.followUps;
    if (kept7 && count === kept7.count && previous !== kept7.hash)
      kept = `follow-up number ${count} is not the one in the kept head: the follow-ups up to it were rewritten`;
  }
  if (!broken && expect?.followUps && count < expect.followUps.count)
    kept = `there ${plural(count, { one: 'is # follow-up', other: 'are # follow-ups' })}, fewer than the ${expect.followUps.count} of the kept head: follow-ups were removed`;
  return { broken, kept, head: { count, hash: previous } };
}

/**
 * Whether a version's signer id names an operator of this logbook who has borne the name the
 * version is signed under (their name now, or one their audit rows show they had before a
 * rename): an id beside a name reads as that operator's PIN-proven signature, whether it was
 * signed here or carried from the hub or an import. Null when it does, or names no one.
 */
function signerChecker(db: ReadableDb) {
  const names = new Map<string, Set<string>>();
  for (const { id, name } of readOperators(connection(db))) names.set(id, new Set([name]));
  for (const { id, before, after } of operatorRenames(db))
    for (const name of [before, after]) if (typeof name === 'string') names.get(id)?.add(name);
  return (version: StoredVersionRow): string | null => {
    if (version.signer_id === null) return null;
    const had = names.get(version.signer_id);
    if (!had) return `names as its signer the operator ${version.signer_id}, who is not among this logbook's operators`;
    if (!had.has(version.signed_by))
      return `is signed by ${version.signed_by} but names as its signer the operator ${version.signer_id}, who has never been called that here`;
    return null;
  };
}

/** Each record against its versions: numbered 1…version, the latest equal to the tables, its life columns too. */
function recordProblems(db: ReadableDb, signatures: Set<string>, seals: LatestStates | null) {
  const problems: string[] = [];
  let count = 0;
  let checked = 0;
  const note = (text: string) => {
    count++;
    if (problems.length < MAX_LISTED) problems.push(text);
  };
  const versionsOf = storedVersionsReader(db);
  const derived = derivedChecker(db, dashboardFactsReader(db));
  const signerProblem = signerChecker(db);
  // A record an import added: until the import vouched for the signer ids it brings
  // (db/model/carried-signer.ts), it kept the other logbook's ids as they came, and the version
  // chain sealed them so. Such an id is the other logbook's claim, not a signature proven here,
  // and not a change made outside RootLog: what an import stores now can no longer disagree, so
  // an imported record's id is not held to this logbook's operators.
  const imported = new Set(importedRecordIds(db));
  const known = new Set<string>();
  for (const { id, status } of procedureStatuses(db)) {
    known.add(id);
    const versions = versionsOf(id);
    if (status === 'draft') {
      if (versions.length > 0) note(`procedure ${id} is a draft but has ${versions.length} signed version(s)`);
      const draft = readProcedure(db, id);
      const differs = draft && derived(clinicalContent(draft.record), draft.life, readRecordRows(db, id));
      if (differs) note(`procedure ${id} (a draft): ${differs} from what its own content gives`);
      continue;
    }
    checked++;
    const stored = readProcedure(db, id);
    if (!stored) continue;
    const { life, record } = stored;
    const numbers = versions.map((version) => version.version);
    if (numbers.length !== life.version || numbers.some((number, index) => number !== index + 1)) {
      note(`procedure ${id} is at version ${life.version} but its signed versions are [${numbers.join(', ')}]`);
      continue;
    }
    const missingSignature = numbers.find((number) => !signatures.has(`${id}:${number}`));
    if (missingSignature !== undefined) {
      note(`procedure ${id}: signed version ${missingSignature} has no signature in the audit log`);
      continue;
    }
    for (const version of imported.has(id) ? [] : versions) {
      const problem = signerProblem(version);
      if (problem) note(`procedure ${id}: signed version ${version.version} ${problem}`);
    }
    const first = versions[0] as StoredVersionRow;
    const latest = versions[versions.length - 1] as StoredVersionRow;
    // A version signed before schema 15 kept the record's own follow-up list, which is now in
    // follow_up_entries (migration 015): compared without it.
    const { followUps: _moved, ...signedContent } = JSON.parse(latest.content) as Record<string, unknown>;
    const differs = Object.keys(diff(signedContent, clinicalContent(record)));
    if (differs.length > 0) {
      note(
        `procedure ${id}: ${differs.slice(0, 3).join(', ')}${differs.length > 3 ? ` and ${differs.length - 3} more` : ''} differ${differs.length === 1 ? 's' : ''} from signed version ${latest.version}`,
      );
    } else if (
      life.signedBy !== first.signed_by ||
      life.signedAt !== first.signed_at ||
      (life.signedById ?? null) !== first.signer_id ||
      (life.signedMeaning ?? null) !== first.meaning
    ) {
      note(`procedure ${id}: its signer, signing time or the signature's meaning differs from signed version 1`);
    } else if (
      life.status === 'amended' &&
      (life.amendedBy !== latest.signed_by ||
        life.amendedAt !== latest.signed_at ||
        life.amendReason !== latest.reason ||
        (life.amendedById ?? null) !== latest.signer_id ||
        (life.amendedMeaning ?? null) !== latest.meaning)
    ) {
      note(`procedure ${id}: its amender, time or reason differs from signed version ${latest.version}`);
    } else if (life.status === 'signed' && life.version !== 1) {
      note(`procedure ${id} is signed (not amended) but at version ${life.version}`);
    } else {
      // The content equals the signed version's here: every column derived from it must too.
      const rows = readRecordRows(db, id);
      const differs = derived(clinicalContent(record), life, rows);
      const sealed = seals?.get(stateKey('procedure', id));
      if (differs) note(`procedure ${id}: ${differs} from what signed version ${latest.version} gives`);
      else if (seals && sealed === undefined)
        note(`procedure ${id} has no seal in the state chain: it was not signed by RootLog`);
      else if (seals && sealed !== sealOf(rows))
        note(
          `procedure ${id}: its stored rows (console, author, warnings) are not what RootLog last wrote: changed outside RootLog`,
        );
    }
  }
  for (const id of versionedRecordIds(db))
    if (!known.has(id)) note(`signed versions of procedure ${id} have no record: it was removed`);
  return { checked, problems, count };
}

export function verifyLedger(file: Database.Database, expect?: ChainHead): LedgerReport {
  // `check` only reads: every reader is given the file as a readable connection.
  const db = asReadable(file);
  const triggers = triggerProblems(db);
  const schema = schemaProblems(db);
  const signatures = new Set<string>();
  const followUpsAudited = new Set<string>();
  const audit = checkAuditChain(db, signatures, followUpsAudited, expect);
  const versions = checkVersionChain(db, expect);
  const followUps = checkFollowUpChain(db, followUpsAudited, expect);
  const state = checkStateChain(db, expect);
  const stateSound = !state.broken;
  const records = recordProblems(db, signatures, stateSound ? state.latest : null);
  const states = stateSound ? stateProblems(db, state.latest) : { problems: [], count: 0 };
  const openAmendments = openAmendmentIds(db).map(
    (id) => `procedure ${id} has an amendment left open: every lock of its signed rows is lifted`,
  );
  const kept = expect ? (audit.kept ?? versions.kept ?? followUps.kept ?? state.kept) : null;
  const broken = audit.broken || versions.broken || followUps.broken || state.broken;
  const report: LedgerReport = {
    ok: false,
    triggers,
    audit: audit.broken,
    versions: versions.broken,
    followUps: followUps.broken,
    records,
    openAmendments,
    schema,
    state: state.broken,
    stateProblems: states,
    lookAlikeDrugs: lookAlikeDrugPairs(drugNames(db)),
    expectedHead: expect ? (kept ?? 'ok') : null,
    head: broken
      ? EMPTY_HEAD
      : { audit: audit.head, versions: versions.head, followUps: followUps.head, state: state.head, key: state.key },
  };
  report.ok =
    triggers.length === 0 &&
    schema.length === 0 &&
    openAmendments.length === 0 &&
    !broken &&
    records.count === 0 &&
    states.count === 0 &&
    !kept;
  return report;
}
