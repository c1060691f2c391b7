import { z } from 'zod';
import { diff } from '../audit.js';
import {
  AMENDING_MEANINGS,
  COMPLICATIONS,
  canonicalDraft,
  daysBetween,
  type FieldProblem,
  FOLLOW_UP_CONTACTS,
  FURTHER_TREATMENTS,
  followingTextRule,
  followUpRelief,
  GLOBAL_IMPRESSIONS,
  IMPORT_MESSAGES as I,
  localDateOf,
  type Message,
  PROBLEM_MESSAGES,
  type ProcedureDraft,
  problemsFromZod,
  procedureDraftSchema,
  procedureIdSchema,
  RECORDING_MEANINGS,
  RULE_MESSAGES,
  reasonSchema,
  rule,
  SIGNING_MEANINGS,
  type SigningContext,
  STATUSES,
  saidOf,
  sentence,
  signingProblems,
  textRuleBrokenAt,
  type WordValue,
  ZOD_MESSAGES,
  zodIssueWords,
} from '../model/index.js';
import { isRealDateTime } from '../model/real-dates.js';
import { auditHash, type FollowUpLink, followUpHash, isHash, versionHash } from '../sqlite/hash-chain.js';
import {
  entryOfOldFollowUp,
  type OldFollowUp,
  oldFollowUpChanges,
  oldFollowUpsInNotes,
} from '../sqlite/migrations/015-one-follow-up-model.js';
import type { ImportLimits } from './limits.js';

/*
 * One record of an import file, checked as a whole before anything of it is written: its
 * shape and limits, its life (draft, signed, amended) against its versions, its versions
 * numbered 1… with the latest equal to its content, real and plausible dates, plain-text
 * actors, its signature in its history, and each hash link the file carries. A record that
 * fails is rejected alone, with its id and every reason found.
 */

/** What the import writes: a record whose every part has been checked. */
export interface SoundRecord {
  id: string;
  life: z.output<typeof lifeSchema>;
  content: ProcedureDraft;
  versions: {
    version: number;
    signedBy: string;
    signedAt: string;
    reason: string | null;
    signerId?: string | null;
    meaning?: string | null;
    content: ProcedureDraft;
  }[];
  history: z.output<typeof historySchema>[];
  followUps: FollowUpLink[];
}

/** A problem of an import file, named by its path in the record ("versions[1].signedAt"). */
const problem = (field: string, rule: Message, values: Readonly<Record<string, WordValue>> = {}): FieldProblem => ({
  field,
  ...saidOf(sentence(rule, { ...values, field })),
});
/** What a schema or the text rule says of a value, after its path. */
const broke = (field: string, rule: WordValue): FieldProblem => problem(field, PROBLEM_MESSAGES.fieldRule, { rule });

export type RecordVerdict = { ok: true; record: SoundRecord } | { ok: false; id: string; problems: FieldProblem[] };

// Actors, names and ids are shown in lists and printed by the command line: the one text rule
// of the form (db/model/text-rule.ts) holds for them too.
export const plainText = (max: number, min = 1) =>
  followingTextRule(
    z
      .string(rule(ZOD_MESSAGES.mustBe, { kind: sentence(ZOD_MESSAGES.kindText) }))
      .min(min, min === 1 ? rule(ZOD_MESSAGES.required) : rule(RULE_MESSAGES.atLeastCharacters, { count: min }))
      .max(max, rule(RULE_MESSAGES.atMostCharacters, { count: max })),
    'line',
  );

const reasonText = reasonSchema();

/** RootLog did not exist before 2000; nothing is signed more than a day ahead of this clock. */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const dateTime = (now: Date) =>
  z
    .string(rule(I.dateAndTime))
    .max(40, rule(I.dateAndTime))
    .refine(isRealDateTime, rule(I.realDateTime))
    .refine((text) => Date.parse(text) >= EARLIEST, rule(I.beforeRootLog))
    .refine((text) => Date.parse(text) <= now.getTime() + 24 * 3600 * 1000, rule(I.inTheFuture));

const lifeSchema = z.object({
  status: z.enum(STATUSES),
  version: z.number().int().min(1).max(500),
  consoleName: plainText(200),
  createdAt: z.string(),
  createdBy: plainText(100),
  updatedAt: z.string(),
  signedBy: plainText(100).nullable(),
  signedAt: z.string().nullable(),
  // Who signed, proven by their PIN where the record was made, and what it means (schema 20 on).
  signedById: plainText(64).nullish(),
  signedMeaning: z.enum(SIGNING_MEANINGS).nullish(),
  amendedBy: plainText(100).nullable(),
  amendedAt: z.string().nullable(),
  amendedById: plainText(64).nullish(),
  amendedMeaning: z.enum(AMENDING_MEANINGS).nullish(),
  amendReason: reasonText.nullable(),
});

const hashField = z.string().refine(isHash, rule(I.sha256)).nullish();

const versionSchema = z.object({
  version: z
    .number(rule(ZOD_MESSAGES.mustBe, { kind: sentence(ZOD_MESSAGES.kindWholeNumber) }))
    .int()
    .min(1)
    .max(500),
  signedBy: plainText(100),
  signedAt: z.string(),
  reason: reasonText.nullable(),
  signerId: plainText(64).nullish(),
  meaning: z.enum([...SIGNING_MEANINGS, ...AMENDING_MEANINGS]).nullish(),
  content: z.unknown(),
  hash: hashField,
  previousHash: hashField,
});

const historySchema = z.object({
  seq: z.number().int().min(1).optional(),
  at: z.string(),
  actor: plainText(100),
  action: z.enum(['create', 'update', 'sign', 'amend', 'follow_up'], rule(I.historyAction)),
  version: z.number().int().min(1).max(500).nullable(),
  changes: z.record(plainText(300), z.object({ before: z.unknown(), after: z.unknown() })),
  reason: reasonText.nullable(),
  hash: hashField,
  previousHash: hashField,
});

const nrs = z.number().int().min(0).max(10).nullable();
const followUpSchema = z.object({
  id: procedureIdSchema,
  procedureId: z.string(),
  contactDate: z.iso.date(rule(ZOD_MESSAGES.formatDate)),
  daysAfter: z.number().int().min(0).max(3650),
  method: z.enum(FOLLOW_UP_CONTACTS),
  legNrs: nrs,
  backNrs: nrs,
  globalImpression: z.enum(GLOBAL_IMPRESSIONS).nullable(),
  reliefPercent: z.number().min(-1000).max(100).nullable(),
  newComplications: z
    .string()
    .max(400)
    .refine(
      (text) => text === '' || text.split(';').every((code) => (COMPLICATIONS as readonly string[]).includes(code)),
      rule(I.complicationCodes),
    ),
  furtherTreatment: z.enum(FURTHER_TREATMENTS).nullable(),
  notes: followingTextRule(z.string().max(2000), 'lines').nullable(),
  supersedes: z.string().nullable(),
  reason: reasonText.nullable(),
  recordedBy: plainText(100),
  recordedAt: z.string(),
  recordedById: plainText(64).nullish(),
  meaning: z.enum(RECORDING_MEANINGS).nullish(),
  hash: hashField,
  previousHash: hashField,
});

const recordSchema = (limits: ImportLimits) =>
  z.object({
    id: procedureIdSchema,
    life: lifeSchema,
    content: z.unknown(),
    versions: z.array(versionSchema).max(limits.versions, rule(I.atMostVersions, { count: limits.versions })),
    history: z.array(historySchema).max(limits.historyEntries, rule(I.atMostHistory, { count: limits.historyEntries })),
    followUps: z
      .array(followUpSchema)
      .max(limits.followUps, rule(I.atMostFollowUps, { count: limits.followUps }))
      .default([]),
    operatorName: z.string().nullable().optional(),
  });

/** The record's id as far as it can be told, for the report: its own when it is one, else its position. */
export function recordLabel(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && procedureIdSchema.safeParse(id).success ? id : `record #${index}`;
}

/** The record's own follow-up list of a file written before schema 15 (see migration 015). */
const oldFollowUpsSchema = z
  .array(
    z
      .object({
        day: z.number().int().min(0).max(3650),
        painNrs: z.number().int().min(0).max(10).nullish(),
        reliefPercent: z.number().min(-100).max(100).nullish(),
        method: z.enum(['phone', 'visit']).nullish(),
        note: followingTextRule(z.string().max(1000), 'lines').nullish(),
      })
      .strict(),
    rule(I.followUpList),
  )
  .max(50);

function parseContent(
  value: unknown,
  id: string,
  field: string,
): { content?: ProcedureDraft; oldFollowUps: OldFollowUp[]; problems: FieldProblem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { oldFollowUps: [], problems: [problem(field, I.contentNotObject)] };
  const given = (value as { id?: unknown }).id;
  if (given !== undefined && given !== null && given !== id)
    return { oldFollowUps: [], problems: [problem(`${field}.id`, I.anotherRecordsId)] };
  const { followUps: old = [], ...current } = value as Record<string, unknown>;
  const olds = oldFollowUpsSchema.safeParse(old);
  if (!olds.success)
    return {
      oldFollowUps: [],
      problems: problemsFromZod(olds.error).map((found) => ({ ...found, field: `${field}.followUps.${found.field}` })),
    };
  const parsed = procedureDraftSchema.safeParse({ ...current, id });
  return parsed.success
    ? { content: canonicalDraft(parsed.data), oldFollowUps: olds.data, problems: [] }
    : {
        oldFollowUps: [],
        problems: problemsFromZod(parsed.error).map((found) => ({ ...found, field: `${field}.${found.field}` })),
      };
}

export interface RecordCheckContext {
  signing: SigningContext;
  limits: ImportLimits;
  now: Date;
}

// Schemas are built once per limits and clock, not once per record (an import checks 100 000).
const schemas = new WeakMap<
  RecordCheckContext,
  { record: ReturnType<typeof recordSchema>; date: ReturnType<typeof dateTime> }
>();
function schemasFor(context: RecordCheckContext) {
  let found = schemas.get(context);
  if (!found) {
    found = { record: recordSchema(context.limits), date: dateTime(context.now) };
    schemas.set(context, found);
  }
  return found;
}

export function checkRecord(raw: unknown, index: number, context: RecordCheckContext): RecordVerdict {
  const label = recordLabel(raw, index);
  const rejected = (problems: FieldProblem[]): RecordVerdict => ({ ok: false, id: label, problems });
  const { record: recordShape, date: realDate } = schemasFor(context);
  const parsed = recordShape.safeParse(raw);
  if (!parsed.success) return rejected(problemsFromZod(parsed.error));
  const broken = textRuleBrokenAt(raw);
  if (broken) return rejected([broke(broken.at, broken.problem)]);
  const { id, life, versions, history } = parsed.data;
  const problems: FieldProblem[] = [];
  const checkDate = (field: string, value: string | null) => {
    if (value === null) return;
    const result = realDate.safeParse(value);
    const issue = result.error?.issues[0];
    if (issue) problems.push(broke(field, zodIssueWords(issue) ?? issue.message));
  };
  checkDate('life.createdAt', life.createdAt);
  checkDate('life.updatedAt', life.updatedAt);
  checkDate('life.signedAt', life.signedAt);
  checkDate('life.amendedAt', life.amendedAt);
  for (const [at, version] of versions.entries()) checkDate(`versions[${at}].signedAt`, version.signedAt);
  for (const [at, entry] of history.entries()) checkDate(`history[${at}].at`, entry.at);

  // The life and the versions tell one story.
  const signed = life.status !== 'draft';
  if (!signed && (versions.length > 0 || life.signedBy || life.signedAt || life.version !== 1))
    problems.push(problem('life.status', I.draftWithSignature));
  if (signed && (!life.signedBy || !life.signedAt)) problems.push(problem('life.signedBy', I.signedWithoutSigner));
  if (life.status === 'signed' && (life.version !== 1 || life.amendedBy || life.amendedAt || life.amendReason))
    problems.push(problem('life.version', I.signedNotAmended));
  if (life.status === 'amended' && (life.version < 2 || !life.amendedBy || !life.amendedAt || !life.amendReason))
    problems.push(problem('life.amendReason', I.amendedNeeds));
  if (signed) {
    const numbers = versions.map((version) => version.version);
    if (numbers.length !== life.version || numbers.some((number, at) => number !== at + 1))
      problems.push(
        problem('versions', I.versionsNumbered, {
          count: life.version,
          given: numbers.length > 0 ? { list: numbers, separator: ', ' } : sentence(I.noneGiven),
        }),
      );
  }
  const { content, oldFollowUps, problems: contentProblems } = parseContent(parsed.data.content, id, 'content');
  problems.push(...contentProblems);
  // A version that is the very content object given (a received version: its content is the
  // record's) is checked once; what the check gives for one value it gives for the other.
  const parsedVersions = versions.map((version, at) => ({
    ...version,
    parsed:
      version.content === parsed.data.content && contentProblems.length === 0
        ? { content, oldFollowUps, problems: [] }
        : parseContent(version.content, id, `versions[${at}].content`),
  }));
  for (const version of parsedVersions) problems.push(...version.parsed.problems);
  if (problems.length > 0) return rejected(problems);

  const record = content as ProcedureDraft;
  if (signed) {
    const first = parsedVersions[0];
    const latest = parsedVersions[parsedVersions.length - 1];
    if (
      first &&
      (first.signedBy !== life.signedBy ||
        first.signedAt !== life.signedAt ||
        (first.signerId ?? null) !== (life.signedById ?? null) ||
        (first.meaning ?? null) !== (life.signedMeaning ?? null))
    )
      problems.push(problem('versions[0].signedBy', I.firstVersionSigner));
    if (
      latest &&
      life.status === 'amended' &&
      (latest.signedBy !== life.amendedBy ||
        latest.signedAt !== life.amendedAt ||
        latest.reason !== life.amendReason ||
        (latest.signerId ?? null) !== (life.amendedById ?? null) ||
        (latest.meaning ?? null) !== (life.amendedMeaning ?? null))
    )
      problems.push(problem(`versions[${latest.version - 1}]`, I.latestIsAmendment));
    parsedVersions.forEach((version, at) => {
      if (at > 0 && !version.reason) problems.push(problem(`versions[${at}].reason`, I.amendmentReason));
      const before = parsedVersions[at - 1];
      if (before && Date.parse(version.signedAt) < Date.parse(before.signedAt))
        problems.push(problem(`versions[${at}].signedAt`, I.beforeItAmends));
    });
    // The very object (checked once, above) has no differences with itself.
    const differs = latest && latest.parsed.content !== record ? Object.keys(diff(latest.parsed.content, record)) : [];
    if (differs.length > 0)
      problems.push(problem('content', I.contentDiffers, { fields: { list: differs.slice(0, 5), separator: ', ' } }));
    const unsignable = signingProblems(record, context.signing, context.now);
    problems.push(...unsignable.map((found) => ({ ...found, field: `content.${found.field}` })));
    // The signature and every amendment are in the history.
    for (const version of parsedVersions) {
      const action = version.version === 1 ? 'sign' : 'amend';
      if (!history.some((entry) => entry.action === action && entry.version === version.version))
        problems.push(problem('history', I.noSignatureEntry, { action, version: version.version }));
    }
  }
  problems.push(...lifeOrderProblems(record, life));
  problems.push(...signatureEntryProblems(history, parsedVersions));
  history.forEach((entry, at) => {
    if (entry.version !== null && entry.version > life.version)
      problems.push(
        problem(`history[${at}].version`, I.beyondVersion, { version: entry.version, latest: life.version }),
      );
  });
  problems.push(...followUpProblems(id, record, signed, parsed.data.followUps, history, realDate));
  const rawRecord = raw as { versions: Record<string, unknown>[]; history: Record<string, unknown>[] };
  problems.push(...hashLinkProblems(id, rawRecord.versions, rawRecord.history));
  if (problems.length > 0) return rejected(problems);
  const moved = movedFollowUps(id, record, life, oldFollowUps);
  return {
    ok: true,
    record: {
      id,
      life,
      content: moved.content,
      versions: parsedVersions.map(({ parsed: versionContent, hash: _h, previousHash: _p, ...version }) => ({
        ...version,
        content: versionContent.content as ProcedureDraft,
      })),
      history: [...history, ...moved.history],
      followUps: [...parsed.data.followUps.map(({ hash: _h, previousHash: _p, ...link }) => link), ...moved.followUps],
    },
  };
}

/**
 * A record from a file written before schema 15 brings its own follow-up list: converted as
 * migration 015 converts a logbook's, so the record is the same here as on its console.
 */
function movedFollowUps(
  id: string,
  content: ProcedureDraft,
  life: z.output<typeof lifeSchema>,
  olds: readonly OldFollowUp[],
): { content: ProcedureDraft; followUps: FollowUpLink[]; history: z.output<typeof historySchema>[] } {
  if (olds.length === 0) return { content, followUps: [], history: [] };
  if (life.status === 'draft' || !life.signedBy || !life.signedAt)
    return { content: { ...content, notes: oldFollowUpsInNotes(content.notes, olds) }, followUps: [], history: [] };
  const owner = {
    procedureId: id,
    performedDate: content.performedAt ? localDateOf(content.performedAt) : life.createdAt.slice(0, 10),
    painPre: content.painPre,
    signedBy: life.signedBy,
    signedAt: life.signedAt,
  };
  const followUps = olds.map((old, ordinal) => entryOfOldFollowUp(owner, old, ordinal));
  return {
    content,
    followUps,
    history: followUps.map((link) => ({
      at: link.recordedAt,
      actor: link.recordedBy,
      action: 'follow_up' as const,
      version: null,
      changes: oldFollowUpChanges(link),
      reason: null,
    })),
  };
}

/**
 * The record's follow-ups against the record: its own, on a signed record, days and relief as
 * derived from it, corrections of earlier entries with a reason, each in the history, and
 * each hash link the file carries.
 */
function followUpProblems(
  id: string,
  record: ProcedureDraft,
  signed: boolean,
  followUps: z.output<typeof followUpSchema>[],
  history: z.output<typeof historySchema>[],
  realDate: z.ZodType,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (followUps.length > 0 && !signed) problems.push(problem('followUps', I.followUpsOfDraft));
  const performed = record.performedAt ? localDateOf(record.performedAt) : null;
  const seen = new Set<string>();
  const corrected = new Set<string>();
  const audited = new Set(
    history
      .filter((entry) => entry.action === 'follow_up')
      .flatMap((entry) => Object.keys(entry.changes))
      .filter((key) => key.startsWith('followUp '))
      .map((key) => key.slice('followUp '.length)),
  );
  for (const [at, entry] of followUps.entries()) {
    const field = `followUps[${at}]`;
    if (entry.procedureId !== id) problems.push(problem(`${field}.procedureId`, I.anotherRecordsId));
    if (!realDate.safeParse(entry.recordedAt).success)
      problems.push(problem(`${field}.recordedAt`, I.notPlausibleTime));
    if (performed && entry.daysAfter !== daysBetween(performed, entry.contactDate))
      problems.push(problem(`${field}.daysAfter`, I.daysAfterMismatch));
    if (entry.reliefPercent !== followUpRelief(record.painPre, entry.legNrs))
      problems.push(problem(`${field}.reliefPercent`, I.reliefMismatch));
    if (entry.supersedes !== null) {
      if (!seen.has(entry.supersedes) || corrected.has(entry.supersedes))
        problems.push(problem(`${field}.supersedes`, I.supersedesEarlier));
      if (!entry.reason) problems.push(problem(`${field}.reason`, I.correctionReason));
      corrected.add(entry.supersedes);
    }
    if (seen.has(entry.id)) problems.push(problem(`${field}.id`, I.givenTwice));
    seen.add(entry.id);
    if (!audited.has(entry.id)) problems.push(problem(field, I.noFollowUpEntry));
    if (entry.hash != null || entry.previousHash != null) {
      const { hash, previousHash, ...link } = entry;
      if (!isHash(hash) || !isHash(previousHash) || followUpHash(previousHash, link) !== hash)
        problems.push(problem(field, I.hashMismatch));
    }
  }
  return problems;
}

/**
 * The file's hash links, when it carries them (exports since schema 5): each signed version
 * and audit entry must hash, with the previous link's hash it names, to its own hash, so a
 * version or entry changed after the export is refused. (The links before the record, from the
 * exporting console, are that console's to prove with its own chain head.)
 */
/**
 * A record's times in the order its life had them: made, then performed and signed (nobody
 * signs what was not yet done), then amended; changed no earlier than it was made.
 */
function lifeOrderProblems(
  record: ProcedureDraft,
  life: { createdAt: string; updatedAt: string; signedAt: string | null; amendedAt: string | null },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const time = (text: string | null | undefined) => (text ? Date.parse(text) : Number.NaN);
  const created = time(life.createdAt);
  const signed = time(life.signedAt);
  if (time(life.updatedAt) < created) problems.push(problem('life.updatedAt', I.updatedBeforeCreated));
  if (signed < created) problems.push(problem('life.createdAt', I.createdAfterSigned));
  // The time performed is given to the minute: a signature within that minute is not before it.
  if (signed < time(record.performedAt)) problems.push(problem('life.signedAt', I.signedBeforePerformed));
  if (time(life.amendedAt) < signed) problems.push(problem('life.amendedAt', I.amendedBeforeSigned));
  return problems;
}

/**
 * The history's signatures are the versions': each sign or amend entry names a version the
 * record has (sign: version 1; amend: a later one), once, by that version's signer at its time.
 * Without this a history could tell of an amendment no version holds ("Dr. Ghost … 2 → 9").
 */
function signatureEntryProblems(
  history: readonly { action: string; version: number | null; actor: string; at: string }[],
  versions: readonly { version: number; signedBy: string; signedAt: string }[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  history.forEach((entry, at) => {
    if (entry.action !== 'sign' && entry.action !== 'amend') return;
    const version = versions.find((candidate) => candidate.version === entry.version);
    const field = `history[${at}]`;
    if (!version || (entry.action === 'sign') !== (version.version === 1))
      problems.push(problem(field, entry.action === 'sign' ? I.signatureWithoutVersion : I.amendmentWithoutVersion));
    else if (seen.has(version.version))
      problems.push(problem(field, I.secondEntry, { action: entry.action, version: version.version }));
    else if (entry.actor !== version.signedBy || entry.at !== version.signedAt)
      problems.push(problem(field, I.entryBySigner, { version: version.version }));
    if (version) seen.add(version.version);
  });
  return problems;
}

function hashLinkProblems(
  id: string,
  versions: Record<string, unknown>[],
  history: Record<string, unknown>[],
): FieldProblem[] {
  // The raw values as the file holds them: the hash is over the text as stored, before any
  // trimming or reshaping by the schema (which has already checked each field's type).
  const problems: FieldProblem[] = [];
  const link = (field: string, entry: Record<string, unknown>, compute: (previous: string) => string) => {
    if (entry.hash == null && entry.previousHash == null) return;
    if (!isHash(entry.hash) || !isHash(entry.previousHash)) {
      problems.push(problem(`${field}.hash`, I.hashWithoutPrevious));
      return;
    }
    if (compute(entry.previousHash) !== entry.hash) problems.push(problem(field, I.hashMismatch));
  };
  for (const [at, version] of versions.entries())
    link(`versions[${at}]`, version, (previous) =>
      versionHash(previous, {
        procedureId: id,
        version: version.version as number,
        content: JSON.stringify(version.content),
        signedBy: version.signedBy as string,
        signedAt: version.signedAt as string,
        reason: (version.reason as string | null) ?? null,
        signerId: (version.signerId as string | null | undefined) ?? null,
        meaning: (version.meaning as string | null | undefined) ?? null,
      }),
    );
  for (const [at, entry] of history.entries())
    link(`history[${at}]`, entry, (previous) =>
      auditHash(previous, {
        seq: typeof entry.seq === 'number' ? entry.seq : 0,
        at: entry.at as string,
        actor: entry.actor as string,
        action: entry.action as string,
        entity: 'procedure',
        entityId: id,
        version: (entry.version as number | null) ?? null,
        changes: JSON.stringify(entry.changes),
        reason: (entry.reason as string | null) ?? null,
      }),
    );
  return problems;
}
