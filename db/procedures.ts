import { auditHistory, type Changes, diff } from './audit.js';
import { type PresentedCredential, withSigner } from './credentials.js';
import type { ProcedureWithHistory, SavedProcedure } from './model/answers.js';
import {
  type ClinicalWarning,
  canonicalDraft,
  catalogueProblem,
  clinicalContent,
  type FieldProblem,
  type HeldWarnings,
  heldWarningsCopy,
  issueProblem,
  localDateOf,
  localDateTimeWithOffset,
  newSignatureProblems,
  normalisePatientId,
  type ParsedDraft,
  type ProcedureDraft,
  parseChangedFields,
  parsedDraftOf,
  patientIdProblem,
  patientKey,
  problem,
  problemsFromZod,
  procedureDraftSchema,
  procedureIdSchema,
  REFUSAL_MESSAGES as R,
  type RecordHolding,
  RootLogError,
  type RuleSettings,
  reasonSchema,
  type SameDayRecord,
  type SameDaySteroidMg,
  saidOf,
  sentence,
  siteProblem,
  type WordValue,
  warnings,
  warningsSince,
  withoutMootNoDoseReason,
  withoutSignedFacts,
  withSignedFacts,
} from './model/index.js';
import { drugCatalogue, listOperators, recordRules } from './settings.js';
import type { ReadConnection, WriteConnection } from './sqlite/connection.js';
import { dataFingerprint } from './sqlite/held.js';
import { lastSignedProcedureId } from './sqlite/procedure-list.js';
import { readProcedure, type StoredProcedure } from './sqlite/procedure-rows.js';
import {
  deleteDraft as deleteStoredDraft,
  recordHolding,
  writeAmendment,
  writeDraft,
  writeSignature,
} from './sqlite/record-life.js';
import { sameDayRecords, sameDaySteroidMg } from './sqlite/same-day-rows.js';
import { signedVersionContent, signedVersionSummaries } from './sqlite/versions.js';
import { newId, readerOf, type ServiceContext, type Store, timestamp } from './store.js';

export type { ProcedureWithHistory, SavedProcedure } from './model/answers.js';

export { clinicalContent } from './model/index.js';

function parseDraft(input: unknown): ProcedureDraft {
  const parsed = procedureDraftSchema.safeParse(input);
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  return parsed.data;
}

function parseId(id: unknown): string {
  const parsed = procedureIdSchema.safeParse(id);
  if (!parsed.success)
    throw RootLogError.invalid(parsed.error.issues.slice(0, 1).map((issue) => issueProblem('id', issue)));
  return parsed.data;
}

function load(read: ReadConnection, id: string): StoredProcedure {
  const stored = readProcedure(read.db, id);
  if (!stored) throw new RootLogError('not_found', sentence(R.noProcedure, { id }), { field: 'id' });
  return stored;
}

/** References the database would refuse (unknown operator or drug, a drug at a missing target), worded per field. */
function referenceProblems(read: ReadConnection, draft: ProcedureDraft, keptPatientId?: string | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // The department's ID pattern, for what is typed: an ID signed (or saved) before the rule stays as it was.
  const typedId = draft.patientId == null || draft.patientId === keptPatientId ? null : draft.patientId;
  const rules = recordRules(read);
  const refused = typedId == null ? null : patientIdProblem(typedId, rules.patientIdRule);
  if (refused) problems.push(problem('patientId', refused));
  if (draft.operatorId && !rules.operatorIds.has(draft.operatorId)) {
    problems.push(problem('operatorId', R.notDepartmentOperator));
  }
  const known = (code: string) => rules.drugCodes.has(code);
  draft.drugs.forEach((administration, index) => {
    for (const found of [
      catalogueProblem(index, administration.drug, known),
      siteProblem(index, administration.site, draft.targets.length),
    ])
      if (found) problems.push(found);
  });
  return problems;
}

/**
 * The patient ID as the department writes it (Settings → Patient ID: trimmed, in its letter
 * case), so "k-100301 " is stored as K-100301 where IDs are written in capitals. Only what this
 * console saves: a record signed elsewhere keeps its ID as signed (patient-id.ts).
 */
function inDepartmentWriting(read: ReadConnection, draft: ProcedureDraft): ProcedureDraft {
  if (draft.patientId == null) return draft;
  const patientId = normalisePatientId(draft.patientId, recordRules(read).patientIdRule);
  return patientId === draft.patientId ? draft : { ...draft, patientId };
}

/** The patient's other records of the draft's day, as the rules read them (nothing without a patient and a day). */
interface SameDay {
  /** Whose day, for which record: the patient's key, the local day and the record's id. */
  key: string;
  steroidMg: SameDaySteroidMg;
  records: SameDayRecord[];
}

function sameDayOf(read: ReadConnection, draft: ProcedureDraft, held?: SameDay): SameDay | undefined {
  if (!draft.patientId || !draft.performedAt) return undefined;
  const patient = patientKey(draft.patientId);
  const day = localDateOf(draft.performedAt);
  const id = draft.id ?? '';
  const key = JSON.stringify([patient, day, id]);
  if (held?.key === key) return held;
  return {
    key,
    steroidMg: sameDaySteroidMg(read, patient, day, id),
    records: sameDayRecords(read, patient, day, id),
  };
}

/** The settings a record's rules read: a signed one reads its drugs as they were at signing, a draft today's catalogue. */
function ruleSettingsOf(read: ReadConnection, signed: boolean): RuleSettings {
  const rules = recordRules(read);
  return {
    referenceLevels: rules.referenceLevels,
    drugCatalogue: signed ? rules.catalogueForOldSignedRecords : rules.drugCatalogue,
    steroidDayMaxDexamethasoneMg: rules.steroidDayMaxDexamethasoneMg,
  };
}

/** The rules for a record, with the patient's other records that day. */
function clinicalWarnings(
  read: ReadConnection,
  draft: ProcedureDraft,
  signed = false,
  sameDay = sameDayOf(read, draft),
): ClinicalWarning[] {
  return warnings(draft, ruleSettingsOf(read, signed), sameDay?.steroidMg, sameDay?.records);
}

/**
 * Checks every warning was answered by the person signing: ticked, or, for a dose above the
 * reference level, given a reason (a tick does not do for it). The answered ones go into the
 * audit row.
 */
function requireConfirmed(found: ClinicalWarning[], confirmed: readonly string[], record: ProcedureDraft): void {
  const unconfirmed = found.filter(
    (warning) => warning.level !== 'reminder' && warning.level !== 'reference' && !confirmed.includes(warning.code),
  );
  const unexplained = record.doseExceedanceReason ? [] : found.filter((warning) => warning.level === 'reference');
  if (unconfirmed.length + unexplained.length > 0) {
    const problems = [
      // Each with its words, so the field's own line is said in the reader's language too.
      ...unconfirmed.map(({ field, message, words }) => ({ field, message, words })),
      ...unexplained.map(({ message, words }) => ({ field: 'doseExceedanceReason', message, words })),
    ];
    const warnings = { list: unconfirmed.map((w): WordValue => w.words), separator: ' ' };
    // The figure with the level it is above (the warning's own values), without its "give the reason".
    const levels = {
      list: unexplained.map((w): WordValue => {
        const { figure, level } = w.words.values ?? {};
        return figure !== undefined && level !== undefined ? sentence(R.figureAboveLevel, { figure, level }) : w.words;
      }),
      separator: '; ',
    };
    const said =
      unexplained.length === 0
        ? sentence(R.beforeSigningConfirm, { count: unconfirmed.length, warnings })
        : unconfirmed.length === 0
          ? sentence(R.beforeSigningReason, { levels })
          : sentence(R.beforeSigningBoth, { count: unconfirmed.length, warnings, levels });
    throw new RootLogError('warnings_unconfirmed', said, {
      field: problems[0]?.field,
      problems,
    });
  }
}

/**
 * The draft this connection wrote last, as it wrote it, with what its save read of the rest of
 * the file (the patient's same day, what the record holds toward its limits, as of after the
 * write), and the file's fingerprint read in the same transaction, after the write and before
 * the commit: while the fingerprint is the same nothing at all has been written since (by this
 * connection or another), so the next autosave of that draft compares with it, and takes what
 * it read, instead of reading them again. Read after the commit, it could take in another
 * connection's commit made in between and call a stale copy fresh. A copy: what the caller
 * does with its answer cannot change it.
 */
interface HeldDraft {
  stored: StoredProcedure;
  sameDay: SameDay | undefined;
  holding: RecordHolding;
  /** Its clinical warnings with what each rule read: the next save runs only the rules whose reads changed. */
  warnings: HeldWarnings;
  fingerprint: string;
}

const lastWritten = new WeakMap<object, HeldDraft>();

/** The held draft of this id while nothing was written since it was written, else undefined. */
function heldDraft(write: WriteConnection, id: string): HeldDraft | undefined {
  const held = lastWritten.get(write.db);
  if (held && held.stored.record.id === id && held.fingerprint === dataFingerprint(write)) return held;
  return undefined;
}

/**
 * The draft as parsed last by this store's saves (the form sends it whole at each keystroke):
 * the next parse parses only the fields that differ (model/draft-parse.ts). Parsing is a pure
 * function of the input, so it holds whatever was written since.
 */
const lastParsed = new WeakMap<object, ParsedDraft>();

/**
 * A draft as saveDraft parses it: field by field against the draft this store parsed last,
 * else whole with `parseWhole` (whose words for what is wrong are the caller's: the service's
 * or the API contract's).
 */
export function parseDraftFor(
  store: Store,
  input: unknown,
  parseWhole: (input: unknown) => ProcedureDraft = parseDraft,
): ProcedureDraft {
  const quick = parseChangedFields(input, lastParsed.get(store.writer.db));
  const parsed = quick ?? parsedDraftOf(input, parseWhole(input));
  if (!parsed) return parseWhole(input);
  lastParsed.set(store.writer.db, parsed);
  return parsed.draft;
}

/**
 * Creates a draft (no id, or an id not yet stored) or replaces a draft's content. Saving
 * unchanged content writes nothing, so the form can autosave freely. Signed records are
 * refused: they change only through an amendment.
 */
export function saveDraft(store: Store, input: unknown, context: ServiceContext): SavedProcedure {
  return saveCheckedDraft(store, parseDraftFor(store, input), context);
}

/** saveDraft for a draft already parsed at the boundary (the API contract). */
export function saveCheckedDraft(store: Store, checked: ProcedureDraft, context: ServiceContext): SavedProcedure {
  // A draft follows the catalogue as it is: drug facts come into a record only at signing.
  // A dose typed or filled in makes a no-dose reason moot: the record keeps the dose, not both.
  const draft = withoutMootNoDoseReason(withoutSignedFacts(canonicalDraft(checked)));
  const write = store.writer;
  let written: HeldDraft | undefined;
  const answer = write.db
    .transaction((): SavedProcedure => {
      const held = draft.id ? heldDraft(write, draft.id) : undefined;
      const existing = held?.stored ?? (draft.id ? readProcedure(write.db, draft.id) : undefined);
      if (existing && existing.life.status !== 'draft') {
        throw new RootLogError('not_a_draft', sentence(R.signedNoEdit), { field: 'id' });
      }
      const now = timestamp(context);
      const id = draft.id ?? newId();
      const content: ProcedureDraft = {
        ...(existing && draft.patientId === existing.record.patientId ? draft : inDepartmentWriting(write, draft)),
        id,
        performedAt:
          draft.performedAt ?? (existing ? undefined : localDateTimeWithOffset(context.now?.() ?? new Date())),
      };
      if (content.performedAt === undefined) delete content.performedAt;
      // An ID the draft already holds (saved before the department set its pattern) stays as saved.
      const problems = referenceProblems(write, content, existing?.record.patientId);
      if (problems.length > 0) throw RootLogError.invalid(problems);
      const sameDay = sameDayOf(write, content, held?.sameDay);
      // Only the rules that read what changed since the held draft run again.
      const { found, held: warningsFound } = warningsSince(
        held?.warnings,
        content,
        ruleSettingsOf(write, false),
        sameDay?.steroidMg,
        sameDay?.records,
      );
      const before = existing ? clinicalContent(existing.record) : undefined;
      const changes = diff(before, content);
      if (existing && Object.keys(changes).length === 0)
        return { record: structuredClone(existing.record), warnings: found };

      const holding = held?.holding ?? recordHolding(write, id);
      const saved = writeDraft(write, {
        id,
        content,
        existing,
        warningCodes: found.map((warning) => warning.code),
        changes,
        at: now,
        actor: context.actor,
        holding,
      });
      written = {
        stored: saved,
        sameDay,
        warnings: warningsFound,
        // This save is one more draft save of an existing record ("update" in its history).
        holding: existing ? { ...holding, draftSaves: holding.draftSaves + 1 } : holding,
        fingerprint: dataFingerprint(write),
      };
      return { record: saved.record, warnings: found };
    })
    .immediate();
  // Held only once committed: a save rolled back leaves nothing held, and neither does one
  // inside a caller's transaction (still open here, it may yet roll back).
  if (write.db.inTransaction) lastWritten.delete(write.db);
  else if (written)
    lastWritten.set(write.db, {
      ...written,
      stored: structuredClone(written.stored),
      warnings: heldWarningsCopy(written.warnings),
    });
  return answer;
}

export interface SignOptions {
  /** Codes of the clinical warnings the signer has read and confirmed. */
  confirmedWarnings?: readonly string[];
}

function signingContext(read: ReadConnection) {
  return {
    operatorIds: new Set(listOperators(read).map((operator) => operator.id)),
    drugCatalogue: drugCatalogue(read),
  };
}

/**
 * What a signature of this draft would sign, or the reason it cannot be signed yet: not a
 * draft, another operator's record, a field signing needs, a warning not confirmed. The
 * record's own problems come before the signer's PIN is asked (signabilityOf).
 */
function signable(
  read: ReadConnection,
  procedureId: string,
  options: SignOptions,
  context: ServiceContext,
  signer?: { operatorId: string; name: string },
) {
  const { record, life, row } = load(read, procedureId);
  if (life.status !== 'draft') throw new RootLogError('not_a_draft', sentence(R.alreadySigned), { field: 'id' });
  if (signer && record.operatorId && record.operatorId !== signer.operatorId) {
    const operator = listOperators(read).find((candidate) => candidate.id === record.operatorId)?.name;
    throw new RootLogError(
      'not_permitted',
      operator
        ? sentence(R.operatorSigns, { operator, signer: signer.name })
        : sentence(R.anotherOperatorSigns, { signer: signer.name }),
      { field: 'signer.operatorId' },
    );
  }
  const content = clinicalContent(record);
  const problems = newSignatureProblems(content, signingContext(read), context.now?.() ?? new Date());
  if (problems.length > 0) throw RootLogError.invalid(problems, sentence(R.notSignableYet, { count: problems.length }));
  // What the catalogue says of its drugs now is copied into the record and its version.
  const signed = withSignedFacts(content, drugCatalogue(read));
  const found = clinicalWarnings(read, signed, true);
  requireConfirmed(found, options.confirmedWarnings ?? [], signed);
  return { record, life, row, signed, found };
}

/**
 * Signing asked before the PIN was typed: the record's own problems first, in the same words
 * as signing, then that the PIN is needed. Writes nothing, counts no wrong PIN.
 */
export function signabilityOf(store: Store, id: unknown, options: SignOptions, context: ServiceContext): never {
  signable(readerOf(store), parseId(id), options, context);
  throw new RootLogError('validation', sentence(R.pinToSign), { field: 'signer.pin' });
}

/**
 * Signs a complete draft: it becomes version 1, locked, with a snapshot kept for ever. The
 * signer proves who they are with their PIN (presented: hashed before, compared here, in the
 * signature's own transaction); the signature means "performed and signed", so it is the
 * record's operator who signs.
 */
export function signProcedure(
  store: Store,
  id: unknown,
  options: SignOptions,
  presented: PresentedCredential,
  context: ServiceContext,
): SavedProcedure {
  const procedureId = parseId(id);
  return withSigner(store, presented, 'sign', context, (write, signer): SavedProcedure => {
    const { record, life, row, signed, found } = signable(write, procedureId, options, context, signer);
    const changes: Changes = { status: { before: 'draft', after: 'signed' } };
    if (found.length > 0) changes.confirmedWarnings = { before: null, after: found.map((w) => w.code) };
    const saved = writeSignature(write, {
      stored: { record, life, row },
      content: signed,
      warningCodes: found.map((w) => w.code),
      changes,
      at: timestamp(context),
      signer,
    });
    return { record: saved.record, warnings: found };
  });
}

export interface AmendOptions extends SignOptions {
  reason: unknown;
}

export interface CheckedAmendOptions extends SignOptions {
  /** Trimmed, 3 to 500 characters. */
  reason: string;
}

/**
 * Changes a signed record: the new content must itself be signable, the reason is
 * required, and the previous version stays in procedure_versions unchanged.
 */
export function amendProcedure(
  store: Store,
  input: unknown,
  options: AmendOptions,
  presented: PresentedCredential,
  context: ServiceContext,
): SavedProcedure {
  // The field's label ("Reason for the amendment") comes first, then the rule it breaks.
  const reason = reasonSchema().safeParse(typeof options.reason === 'string' ? options.reason : '');
  if (!reason.success) {
    throw RootLogError.invalid(reason.error.issues.slice(0, 1).map((issue) => issueProblem('reason', issue)));
  }
  return amendCheckedProcedure(store, parseDraft(input), { ...options, reason: reason.data }, presented, context);
}

/** amendProcedure for a draft and options already parsed at the boundary (the API contract). */
export function amendCheckedProcedure(
  store: Store,
  checked: ProcedureDraft,
  options: CheckedAmendOptions,
  presented: PresentedCredential,
  context: ServiceContext,
): SavedProcedure {
  const { reason } = options;
  const draft = withoutMootNoDoseReason(canonicalDraft(checked));
  const procedureId = parseId(draft.id);
  return withSigner(store, presented, 'amend', context, (write, signer): SavedProcedure => {
    const { record, life, row } = load(write, procedureId);
    if (life.status === 'draft')
      throw new RootLogError('not_a_draft', sentence(R.draftNoAmendment), {
        field: 'id',
      });
    // Drugs keep the facts they were signed with; a drug new to the record takes today's.
    const content: ProcedureDraft = withSignedFacts(
      { ...(draft.patientId === record.patientId ? draft : inDepartmentWriting(write, draft)), id: procedureId },
      drugCatalogue(write),
      clinicalContent(record),
    );
    const problems = [
      ...referenceProblems(write, content, record.patientId),
      ...newSignatureProblems(content, signingContext(write), context.now?.() ?? new Date()),
    ];
    if (problems.length > 0) throw RootLogError.invalid(problems);
    const changes = diff(clinicalContent(record), content);
    if (Object.keys(changes).every((path) => path.includes('.asSigned.'))) {
      throw RootLogError.invalid([{ field: 'id', ...saidOf(sentence(R.amendmentChangesNothing)) }]);
    }
    const found = clinicalWarnings(write, content, true);
    requireConfirmed(found, options.confirmedWarnings ?? [], content);
    // The warnings the amender confirmed are part of the audit row, as at signing.
    const confirmedAtAmendment = found.filter((warning) => warning.level !== 'reminder').map((w) => w.code);
    if (confirmedAtAmendment.length > 0) changes.confirmedWarnings = { before: null, after: confirmedAtAmendment };
    const saved = writeAmendment(write, {
      stored: { record, life, row },
      content,
      warningCodes: found.map((w) => w.code),
      changes,
      reason,
      at: timestamp(context),
      signer,
    });
    return { record: saved.record, warnings: found };
  });
}

export function getProcedure(store: Store, id: unknown): ProcedureWithHistory {
  const procedureId = parseId(id);
  const read = store.reader;
  const { record } = load(read, procedureId);
  const versions = signedVersionSummaries(read, procedureId);
  return {
    record,
    warnings: clinicalWarnings(read, clinicalContent(record), record.status !== 'draft'),
    history: auditHistory(read, 'procedure', procedureId),
    versions,
  };
}

/** The drugs of this console's most recent signed procedure: "same drugs as last time". */
export function lastSignedDrugs(store: Store): ProcedureDraft['drugs'] {
  const id = lastSignedProcedureId(store.reader);
  // For a new case: today's catalogue applies, not the facts that record was signed with.
  return id ? withoutSignedFacts(getProcedure(store, id).record).drugs : [];
}

/** A signed version exactly as it was signed. */
export function getVersion(store: Store, id: unknown, version: number): ProcedureDraft {
  const content = signedVersionContent(store.reader, parseId(id), version);
  if (!content)
    throw new RootLogError('not_found', sentence(R.noSignedVersion, { id: String(id), version: String(version) }), {
      field: 'version',
    });
  return JSON.parse(content) as ProcedureDraft;
}

/** Deletes a draft (a mistaken entry); signed records can never be deleted. The audit row keeps what it held. */
export function deleteDraft(store: Store, id: unknown, context: ServiceContext): void {
  const procedureId = parseId(id);
  const write = store.writer;
  write.db
    .transaction(() => {
      const { record, life } = load(write, procedureId);
      if (life.status !== 'draft')
        throw new RootLogError('not_a_draft', sentence(R.signedNeverDeleted), {
          field: 'id',
        });
      deleteStoredDraft(
        write,
        procedureId,
        diff(clinicalContent(record), undefined),
        timestamp(context),
        context.actor,
      );
    })
    .immediate();
}
