import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { appendAudit, diff } from '../audit.js';
import { busyLogbook, isBusy } from '../busy.js';
import { type CarriedSigner, signerDoubt } from '../model/carried-signer.js';
import {
  asItIs,
  claimedConsoleNameWords,
  type Drug,
  distinctOperatorName,
  drugSchema,
  type FieldProblem,
  IMPORT_MESSAGES as I,
  operatorSchema,
  PROBLEM_MESSAGES,
  problemsFromZod,
  RootLogError,
  type RuleSettings,
  rule,
  IMPORT_STOP_MESSAGES as STOP,
  saidOf,
  sentence,
  warnings,
  ZOD_MESSAGES,
} from '../model/index.js';
import { clinicalContent } from '../procedures.js';
import { drugCatalogue, listOperators, referenceLevels } from '../settings.js';
import type { WriteConnection } from '../sqlite/connection.js';
import { writeDrug } from '../sqlite/drug-rows.js';
import { appendFollowUp, followUpOwner, followUpRows } from '../sqlite/follow-up-rows.js';
import { readOperator, writeCarriedOperator } from '../sqlite/operator-rows.js';
import { consoleNamesOfRecords, readProcedure } from '../sqlite/procedure-rows.js';
import { carryingSignatures, writeWholeRecord } from '../sqlite/record-life.js';
import { consoleNameOf } from '../sqlite/settings-rows.js';
import { newId, type ServiceContext, type Store } from '../store.js';
import { type InterchangeEvent, JSON_FORMAT, JSON_FORMAT_VERSION } from './format.js';
import { IMPORT_LIMITS, type ImportLimits } from './limits.js';
import { checkRecord, plainText, type RecordCheckContext, type SoundRecord } from './record-check.js';

/*
 * Merging a JSON export from another console, by record id. The file is read as a stream;
 * each record is checked as a whole (record-check.ts) and rejected alone, with its id and
 * reasons, when it is not sound; sound records are written in short transactions of a few
 * hundred, so the console's own saves never wait beyond their busy timeout. New records are
 * added with their signed versions and history; identical ones are skipped; one that differs
 * from the record here is a conflict and never overwrites it. Running the same import twice
 * changes nothing. If the import stops part-way (a broken file, a full disk), what it had
 * committed stays, is in the audit log, and is said in the error.
 */

export interface ImportConflict {
  id: string;
  reason: string;
}

export interface ImportReport {
  added: number;
  skipped: number;
  conflicts: ImportConflict[];
  rejected: { id: string; problems: FieldProblem[] }[];
  /** Records read from the file so far. */
  read: number;
  /** Follow-ups added to records that were already here. */
  followUpsAdded: number;
}

export interface ImportOptions {
  onProgress?: (report: ImportReport, bytes: number, totalBytes: number) => void;
  limits?: Partial<ImportLimits>;
  now?: () => Date;
}

const wholeNumber = rule(ZOD_MESSAGES.mustBe, { kind: sentence(ZOD_MESSAGES.kindWholeNumber) });
const headerSchema = z.object({
  format: z.literal(JSON_FORMAT, rule(I.notAnExport, { format: JSON_FORMAT })),
  formatVersion: z
    .number(wholeNumber)
    .int(wholeNumber)
    .min(1, rule(ZOD_MESSAGES.atLeast, { limit: 1 }))
    .max(JSON_FORMAT_VERSION, rule(I.newerRootLog, { version: JSON_FORMAT_VERSION })),
  // The exporting database's schema, for the record only: what a file holds is fixed by its
  // format version, so a console whose database is newer can still hand its records on.
  schemaVersion: z
    .number(rule(I.schemaNumber))
    .int(rule(I.schemaNumber))
    .min(1, rule(ZOD_MESSAGES.atLeast, { limit: 1 })),
  pseudonymized: z.boolean(rule(I.sayTrueOrFalse)).refine((value) => !value, rule(I.pseudonymised)),
  operators: z.array(z.unknown(), rule(I.operatorList)).max(10_000, rule(I.atMostOperators, { count: 10_000 })),
  drugCatalogue: z.array(z.unknown(), rule(I.drugList)).max(1_000, rule(I.atMostDrugs, { count: 1_000 })),
});

// Operator ids are stored (at most 64 characters) and shown: plain text like any actor.
const importedOperatorSchema = operatorSchema.extend({ id: plainText(64), name: plainText(100) });

/** Same clinical meaning: compared field by field, so key order and absent-vs-null do not matter. */
const same = (a: unknown, b: unknown) => Object.keys(diff(a, b)).length === 0;

function fileProblems(header: Record<string, unknown>): RootLogError | null {
  const parsed = headerSchema.safeParse(header);
  if (parsed.success) return null;
  const problems = problemsFromZod(parsed.error);
  // A file that is not a RootLog export at all: say that alone, not what else it lacks.
  const notOurs = problems.filter((found) => found.field === 'format');
  return RootLogError.invalid(
    (notOurs.length > 0 ? notOurs : problems).map((found) => ({
      field: found.field,
      ...saidOf(sentence(I.ofTheFile, { problem: found.words ?? found.message })),
    })),
  );
}

/** Operators and drugs the records need: added when missing and sound, never changed when present. */
function addCatalogue(write: WriteConnection, header: z.output<typeof headerSchema>, report: ImportReport): boolean {
  let grew = false;
  const operators = listOperators(write).map(({ id, name }) => ({ id, name }));
  const operatorIds = new Set(operators.map((operator) => operator.id));
  header.operators.forEach((raw, index) => {
    const parsed = importedOperatorSchema.safeParse(raw);
    if (!parsed.success) {
      report.rejected.push({
        id: `operator #${index + 1}`,
        problems: problemsFromZod(parsed.error).map((found) => ({
          ...found,
          field: `operators[${index}].${found.field}`,
        })),
      });
      return;
    }
    if (operatorIds.has(parsed.data.id)) return;
    // A second operator may not take the name of one here, nor one that looks the same: it is
    // added under a name that tells the two apart in every report and export.
    const name = distinctOperatorName(parsed.data.name, parsed.data.id, operators);
    operators.push({ id: parsed.data.id, name });
    // Their role comes along; being an administrator never does (that is this logbook's own
    // choice), nor a credential: an operator from elsewhere signs here once an administrator
    // here has set their first PIN.
    writeCarriedOperator(write, { ...parsed.data, name });
    operatorIds.add(parsed.data.id);
    grew = true;
  });
  const codes = new Set(drugCatalogue(write).map((drug) => drug.code));
  header.drugCatalogue.forEach((raw, index) => {
    const parsed = drugSchema.safeParse(raw);
    if (!parsed.success) {
      report.rejected.push({
        id: `drug #${index + 1}`,
        problems: problemsFromZod(parsed.error).map((found) => ({
          ...found,
          field: `drugCatalogue[${index}].${found.field}`,
        })),
      });
      return;
    }
    const drug: Drug = parsed.data;
    if (codes.has(drug.code)) return;
    // The catalogue's one writer refuses a name that is, or looks like, another drug's.
    try {
      writeDrug(write, drug);
    } catch (error) {
      if (!(error instanceof RootLogError) || !error.problems) throw error;
      report.rejected.push({
        id: `drug #${index + 1}`,
        problems: error.problems.map((found) => ({ ...found, field: `drugCatalogue[${index}].${found.field}` })),
      });
      return;
    }
    codes.add(drug.code);
    grew = true;
  });
  return grew;
}

/**
 * A follow-up id names one follow-up of one record. An incoming follow-up whose id already
 * belongs to another record here (an earlier import, or a record earlier in this one) cannot
 * be this record's: the record is refused in words, before the database would refuse it.
 */
function takenFollowUpIds(write: WriteConnection, incoming: SoundRecord): FieldProblem[] {
  const problems: FieldProblem[] = [];
  incoming.followUps.forEach((followUp, at) => {
    const owner = followUpOwner(write.db, followUp.id);
    if (owner !== undefined && owner !== incoming.id) {
      const field = `followUps[${at}].id`;
      problems.push({ field, ...saidOf(sentence(I.followUpIdTaken, { field, owner })) });
    }
  });
  return problems;
}

/**
 * The record with each version's signer operator id kept only where this logbook can vouch for
 * it, by the rule the hub's pull applies (db/model/carried-signer.ts): an id beside a name reads
 * as that operator's PIN-proven signature, and the file's ids name the operators of another
 * logbook (one here may bear another name, or be added under a name told apart). A version it
 * cannot vouch for is stored as signed by its signer's name only (id and meaning none), and
 * why is said.
 */
function withVouchedSigners(write: WriteConnection, incoming: SoundRecord): { record: SoundRecord; notes: string[] } {
  const notes: string[] = [];
  const versions = incoming.versions.map((version) => {
    const operatorId = version.signerId ?? null;
    const meaning = version.meaning ?? null;
    if (operatorId === null && meaning === null) return version;
    const doubt =
      operatorId === null || meaning === null
        ? 'its signer’s operator id and the signature’s meaning do not come together'
        : signerDoubt(
            readOperator(write, operatorId),
            { operatorId, meaning: meaning as CarriedSigner['meaning'] },
            version.signedBy,
            version.content.operatorId,
          );
    if (!doubt) return version;
    notes.push(`version ${version.version}: ${doubt}: stored as signed by ${version.signedBy}, by name only`);
    return { ...version, signerId: null, meaning: null };
  });
  if (notes.length === 0) return { record: incoming, notes };
  const first = versions[0];
  const latest = versions[versions.length - 1];
  const life = { ...incoming.life };
  if (first && first.signerId === null) {
    life.signedById = null;
    life.signedMeaning = null;
  }
  if (latest && incoming.life.status === 'amended' && latest.signerId === null) {
    life.amendedById = null;
    life.amendedMeaning = null;
  }
  return { record: { ...incoming, versions, life }, notes };
}

/** Writes one sound record whole: its parts, versions, life, follow-ups and history (sqlite/record-life.ts). */
function addRecord(write: WriteConnection, incoming: SoundRecord, rules: RuleSettings): void {
  writeWholeRecord(write, {
    id: incoming.id,
    content: incoming.content,
    life: incoming.life,
    warningCodes: warnings(incoming.content, rules).map((warning) => warning.code),
    versions: incoming.versions,
    followUps: incoming.followUps,
    history: incoming.history.map((entry) => ({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      version: entry.version,
      changes: entry.changes as Record<string, { before: unknown; after: unknown }>,
      reason: entry.reason,
    })),
  });
}

/**
 * Follow-ups recorded at the other console after the record came here: appended, with the
 * history entries that recorded them (a follow-up never changes the record itself).
 */
function addNewFollowUps(write: WriteConnection, incoming: SoundRecord): number {
  const here = new Set(followUpRows(write.db, incoming.id).map((row) => row.id));
  let added = 0;
  for (const followUp of incoming.followUps) {
    if (here.has(followUp.id)) continue;
    // A correction of an entry this console does not have cannot be placed: left for a later import.
    if (followUp.supersedes && !here.has(followUp.supersedes)) continue;
    // Proven where it was recorded: carried in as it is (schema 20's trigger asks it of local entries).
    carryingSignatures(write, followUp.procedureId, () => appendFollowUp(write, followUp));
    here.add(followUp.id);
    added++;
    const entry = incoming.history.find(
      (item) => item.action === 'follow_up' && `followUp ${followUp.id}` in item.changes,
    );
    if (entry)
      appendAudit(write, {
        at: entry.at,
        actor: entry.actor,
        action: 'follow_up',
        version: entry.version,
        changes: entry.changes as Record<string, { before: unknown; after: unknown }>,
        reason: entry.reason,
        entity: 'procedure',
        entityId: incoming.id,
      });
  }
  return added;
}

/** A record already here: the same (skipped, new follow-ups added) or different (a conflict, the one here kept). */
function compareWithExisting(write: WriteConnection, incoming: SoundRecord, report: ImportReport): boolean {
  const existing = readProcedure(write.db, incoming.id);
  if (!existing) return false;
  const here = {
    status: existing.life.status,
    version: existing.life.version,
    content: clinicalContent(existing.record),
  };
  if (same(here, { status: incoming.life.status, version: incoming.life.version, content: incoming.content })) {
    const taken = takenFollowUpIds(write, incoming);
    if (taken.length > 0) {
      report.rejected.push({ id: incoming.id, problems: taken });
      return true;
    }
    report.skipped++;
    // A savepoint: if the database refuses a follow-up, none of this record's new ones stay,
    // and the record alone is reported, never the whole import stopped.
    try {
      report.followUpsAdded += write.db.transaction(() => addNewFollowUps(write, incoming))();
    } catch (error) {
      if (isDiskFailure(error) || !write.db.inTransaction) throw error;
      report.rejected.push({ id: incoming.id, problems: [refusedByDatabase(error)] });
    }
  } else {
    report.conflicts.push({
      id: incoming.id,
      reason:
        here.version !== incoming.life.version || here.status !== incoming.life.status
          ? `here ${here.status} version ${here.version}, in the file ${incoming.life.status} version ${incoming.life.version}; the record here was kept`
          : 'same version with different content; the record here was kept',
    });
  }
  return true;
}

const sqliteMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
const refusedByDatabase = (error: unknown): FieldProblem => ({
  field: 'record',
  ...saidOf(sentence(I.refusedByDatabase, { reason: sqliteMessage(error) })),
});

/** Where merged records come from: a file read as a stream, or a batch in memory (the hub's pull). */
export interface InterchangeSource {
  /** The header and the records, a few at a time. */
  events: (limits: ImportLimits) => AsyncIterable<InterchangeEvent[]> | Iterable<InterchangeEvent[]>;
  /** How the source is named in an error ("the import of /path/file.json"). */
  name: string;
  /** The source's fingerprint for the audit row, known once it was read to the end. */
  fingerprint: () => string;
  /** Bytes read so far and in all, for progress. */
  progress?: () => { bytes: number; totalBytes: number };
}

/**
 * Merges records of the interchange format into the logbook: each record checked whole and
 * rejected alone when it is not sound; sound ones written in short transactions; identical
 * ones skipped, differing ones kept as conflicts; the whole merge in the audit log.
 */
export async function mergeInterchange(
  store: Store,
  source: InterchangeSource,
  context: ServiceContext,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const report = emptyReport();
  const importId = newId();
  const write = store.writer;
  let checkContext: RecordCheckContext | undefined;
  // This console's name, and the console names of the records here: a record may claim neither.
  let ownConsole = '';
  let knownConsoles = new Set<string>();
  let rules: RuleSettings | undefined;
  let catalogueGrew = false;
  let pending: InterchangeEvent[] = [];
  let batches = 0;
  const progress = () => source.progress?.() ?? { bytes: report.read, totalBytes: report.read };

  /** The file's header: judged at once; the operators and drugs it brings added in a transaction of their own. */
  const takeHeader = (header: Record<string, unknown>) => {
    const invalid = fileProblems(header);
    if (invalid) throw invalid;
    write.db
      .transaction(() => {
        catalogueGrew = addCatalogue(write, headerSchema.parse(header), report);
        if (catalogueGrew)
          appendAudit(write, {
            at: new Date().toISOString(),
            actor: context.actor,
            action: 'import',
            entity: 'import',
            entityId: importId,
            changes: { operatorsOrDrugsAdded: { before: null, after: true } },
          });
      })
      .immediate();
    ownConsole = consoleNameOf(write);
    knownConsoles = new Set(consoleNamesOfRecords(write.db));
    checkContext = {
      signing: {
        operatorIds: new Set(listOperators(write).map((operator) => operator.id)),
        drugCatalogue: drugCatalogue(write),
      },
      limits,
      now: now(),
    };
    rules = { referenceLevels: referenceLevels(write), drugCatalogue: checkContext.signing.drugCatalogue };
  };

  /**
   * One batch: every record checked first, outside any transaction; then the sound ones
   * written in short transactions (writeSome).
   */
  const commit = async (events: InterchangeEvent[]) => {
    const sound: SoundRecord[] = [];
    for (const event of events) {
      if (event.kind === 'header') continue;
      report.read++;
      if (event.kind === 'too_large') {
        report.rejected.push({
          id: event.id ?? `record #${event.index}`,
          problems: [{ field: 'record', ...saidOf(sentence(I.tooLarge, { problem: event.problem })) }],
        });
        continue;
      }
      const verdict = checkRecord(event.value, event.index, checkContext as RecordCheckContext);
      if (verdict.ok) sound.push(verdict.record);
      else report.rejected.push({ id: verdict.id, problems: verdict.problems });
    }
    // Written in transactions of at most `transactionMs` each, a pause between them.
    for (let next = 0; next < sound.length; ) {
      if (next > 0) await sleep(limits.pauseMs);
      next = writeSome(sound, next);
    }
  };

  /** One short write transaction: records from `from` on until time is up, each in its own savepoint, and its audit row. */
  const writeSome = (sound: SoundRecord[], from: number): number => {
    let next = from;
    // Counted apart, and added to the report only once the transaction has committed: what a
    // refused commit (a full disk) undid is never said to stay.
    const batch = emptyReport();
    const addedIds: string[] = [];
    // Records whose signer ids could not be vouched for here, and why: said in the batch's audit row.
    const signersByName: Record<string, string[]> = {};
    write.db
      .transaction(() => {
        const started = performance.now();
        while (next < sound.length && (next === from || performance.now() - started < limits.transactionMs)) {
          const record = sound[next++] as SoundRecord;
          if (compareWithExisting(write, record, batch)) continue;
          const claim = claimedConsoleNameWords(record.life.consoleName, ownConsole, knownConsoles);
          const taken = takenFollowUpIds(write, record);
          if (claim) {
            const field = 'life.consoleName';
            taken.unshift({ field, ...saidOf(sentence(PROBLEM_MESSAGES.fieldRule, { field, rule: claim })) });
          }
          if (taken.length > 0) {
            batch.rejected.push({ id: record.id, problems: taken });
            continue;
          }
          try {
            const vouched = withVouchedSigners(write, record);
            // A savepoint per record: if the database refuses any part, none of it stays.
            write.db.transaction(() => addRecord(write, vouched.record, rules as RuleSettings))();
            addedIds.push(record.id);
            if (vouched.notes.length > 0) signersByName[record.id] = vouched.notes;
            knownConsoles.add(record.life.consoleName);
          } catch (error) {
            // The disk, not the record: the whole batch is undone and the import stops.
            if (isDiskFailure(error) || !write.db.inTransaction) throw error;
            batch.rejected.push({ id: record.id, problems: [refusedByDatabase(error)] });
          }
        }
        batches++;
        if (addedIds.length === 0 && batch.followUpsAdded === 0) return;
        appendAudit(write, {
          at: new Date().toISOString(),
          actor: context.actor,
          action: 'import',
          entity: 'import',
          entityId: importId,
          changes: {
            batch: { before: null, after: batches },
            added: { before: null, after: addedIds },
            followUpsAdded: { before: null, after: batch.followUpsAdded },
            conflicts: { before: null, after: batch.conflicts.map((entry) => entry.id) },
            ...(Object.keys(signersByName).length > 0
              ? { signersByNameOnly: { before: null, after: signersByName } }
              : {}),
          },
        });
      })
      .immediate();
    report.added += addedIds.length;
    report.skipped += batch.skipped;
    report.followUpsAdded += batch.followUpsAdded;
    report.conflicts.push(...batch.conflicts);
    report.rejected.push(...batch.rejected);
    return next;
  };

  try {
    for await (const events of source.events(limits)) {
      for (const event of events) {
        if (event.kind === 'header') takeHeader(event.header);
        else pending.push(event);
      }
      // A batch ends at its count of records or at its characters of text, whichever comes first:
      // memory holds at most one batch, however large its records.
      while (pending.length >= limits.batch || charactersOf(pending) >= limits.batchCharacters) {
        const size = batchSize(pending, limits);
        await commit(pending.slice(0, size));
        pending = pending.slice(size);
        options.onProgress?.(report, progress().bytes, progress().totalBytes);
        // A pause between batches long enough for a console waiting on the lock to take it
        // (SQLite's busy handler retries at most every 100 ms).
        await sleep(limits.pauseMs);
      }
    }
    await commit(pending);
    pending = [];
    options.onProgress?.(report, progress().bytes, progress().totalBytes);
    // The whole import in one audit row too, with the file's fingerprint, when it added anything.
    if (report.added > 0 || catalogueGrew || report.followUpsAdded > 0) wholeMergeAudit();
  } catch (error) {
    // Another program kept the logbook past the busy timeout: said in words, not SQLite's.
    throw stopped(isBusy(error) ? busyLogbook(store.path, 'command', error) : error, report, source.name, store.path);
  }
  return report;

  function wholeMergeAudit(): void {
    write.db
      .transaction(() =>
        appendAudit(write, {
          at: new Date().toISOString(),
          actor: context.actor,
          action: 'import',
          entity: 'import',
          entityId: importId,
          changes: {
            file: { before: null, after: source.fingerprint() },
            added: { before: null, after: report.added },
            followUpsAdded: { before: null, after: report.followUpsAdded },
            skipped: { before: null, after: report.skipped },
            conflicts: { before: null, after: report.conflicts.map((conflict) => conflict.id) },
            rejected: { before: null, after: report.rejected.map((rejection) => rejection.id) },
          },
        }),
      )
      .immediate();
  }
}

const charactersOf = (events: readonly InterchangeEvent[]) =>
  events.reduce((sum, event) => sum + (event.kind === 'record' ? (event.characters ?? 0) : 0), 0);

/** How many of the pending events make the next batch: within its count and its characters (at least one). */
function batchSize(events: readonly InterchangeEvent[], limits: ImportLimits): number {
  let characters = 0;
  for (let at = 0; at < Math.min(events.length, limits.batch); at++) {
    const event = events[at] as InterchangeEvent;
    characters += event.kind === 'record' ? (event.characters ?? 0) : 0;
    if (characters >= limits.batchCharacters) return at + 1;
  }
  return Math.min(events.length, limits.batch);
}

const emptyReport = (): ImportReport => ({
  added: 0,
  skipped: 0,
  conflicts: [],
  rejected: [],
  read: 0,
  followUpsAdded: 0,
});

/** SQLite could not write to the disk (full, failing, removed): no fault of the record being written. */
const isDiskFailure = (error: unknown) =>
  /^SQLITE_(FULL|IOERR)/.test(String((error as { code?: unknown } | undefined)?.code ?? ''));

/** An import that stops part-way says what it had already committed. */
function stopped(error: unknown, report: ImportReport, name: string, logbook: string): RootLogError {
  const committed = report.added > 0 ? sentence(STOP.someAdded, { count: report.added }) : sentence(STOP.nothingAdded);
  if (error instanceof RootLogError) {
    const reason = error.words ?? asItIs(error.message);
    return new RootLogError(error.code, sentence(STOP.after, { reason, committed }), {
      field: error.field,
      problems: error.problems,
    });
  }
  if (isDiskFailure(error)) {
    const full = String((error as { code?: unknown }).code).startsWith('SQLITE_FULL');
    const folder = dirname(resolve(logbook));
    return new RootLogError(
      'database_unavailable',
      sentence(full ? STOP.diskFull : STOP.diskFailed, { folder, committed }),
    );
  }
  // SQLite's own words, as they came.
  return new RootLogError(
    'validation',
    sentence(STOP.databaseStopped, { name, reason: sqliteMessage(error), committed }),
    {
      field: 'in',
    },
  );
}

/**
 * Merges a batch of interchange records held in memory (the hub's pull: what the server sent,
 * never written to a file first). The header is the batch's: format, version, the operators
 * and drugs its records need.
 */
export function mergeRecords(
  store: Store,
  batch: { header: Record<string, unknown>; records: Iterable<unknown> },
  context: ServiceContext,
  options: ImportOptions & { name?: string } = {},
): Promise<ImportReport> {
  const fingerprint = createHash('sha256');
  let count = 0;
  return mergeInterchange(
    store,
    {
      name: options.name ?? 'the records received',
      fingerprint: () => fingerprint.digest('hex'),
      progress: () => ({ bytes: count, totalBytes: count }),
      *events(limits) {
        yield [{ kind: 'header', header: batch.header }];
        let events: InterchangeEvent[] = [];
        for (const value of batch.records) {
          fingerprint.update(JSON.stringify(value) ?? '');
          events.push({ kind: 'record', index: ++count, value });
          if (events.length >= limits.batch) {
            yield events;
            events = [];
          }
        }
        yield events;
      },
    },
    context,
    options,
  );
}
