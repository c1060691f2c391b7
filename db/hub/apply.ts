import { z } from 'zod';

import type { RecordCheckContext } from '../imports/record-check.js';
import { type CarriedSigner, signerDoubt } from '../model/carried-signer.js';
import {
  AMENDING_MEANINGS,
  COMPLICATIONS,
  claimedConsoleNameWords,
  clinicalContent,
  daysBetween,
  drugSchema,
  FOLLOW_UP_CONTACTS,
  FURTHER_TREATMENTS,
  followingTextRule,
  followUpRelief,
  GLOBAL_IMPRESSIONS,
  HUB_REFUSAL_MESSAGES as HR,
  type Message,
  OPERATOR_ROLES,
  type ProcedureDraft,
  RootLogError,
  type RuleSettings,
  SIGNING_MEANINGS,
  sentence,
  type Words,
  type WordValue,
} from '../model/index.js';
import { saveCheckedDrug } from '../settings.js';
import type { WriteConnection } from '../sqlite/connection.js';
import { followUpOwner, followUpRows, procedureOfFollowUp } from '../sqlite/follow-up-rows.js';
import type { FollowUpLink } from '../sqlite/hash-chain.js';
import {
  conflictById,
  isQueued,
  keepConflict,
  latestReceived,
  localVersion,
  recordReceivedFollowUp,
  recordReceivedVersion,
  resolveConflictRow,
  saveCatalogueState,
  unqueueReceived,
} from '../sqlite/hub-local.js';
import { readOperator } from '../sqlite/operator-rows.js';
import { recordLimitProblem, writeCarriedFollowUp } from '../sqlite/record-life.js';
import type { Store } from '../store.js';
import type { CatalogueEntry, FollowUpEntryPayload, ProposalEntry, ResolutionEntry, VersionEntry } from './entries.js';
import { digestOf } from './entries.js';
import { addReceivedRecord, checkReceivedVersion, localRecord, sameContent } from './local-records.js';
import { applyReceivedAmendment, applyReceivedOperator } from './received.js';

/*
 * What a pulled entry does on this console, once its signature and origin were checked
 * (entries.ts): a new record, an owner's amendment, a follow-up, a catalogue change, a conflict
 * or its resolution — or why it is refused, or what it waits for. Each runs inside the pull's
 * write transaction, in a savepoint of its own: an entry the logbook refuses leaves nothing.
 */

export type Outcome =
  | { kind: 'record' | 'amendment' | 'follow-up' | 'catalogue' | 'conflict' | 'resolution' }
  | { kind: 'known' }
  | { kind: 'refused'; reason: Words }
  | { kind: 'waiting'; reason: Words };

export interface ApplyContext {
  store: Store;
  write: WriteConnection;
  /** This console's registered name. */
  me: string;
  actor: string;
  check: RecordCheckContext;
  rules: RuleSettings;
  catalogue: Map<string, { version: number; digest: string }>;
}

type Values = Readonly<Record<string, WordValue>>;
/** Why a row is refused: a declared message (HUB_REFUSAL_MESSAGES) and its values, or words made already. */
const refused = (reason: Message | Words, values?: Values): Outcome => ({
  kind: 'refused',
  reason: wordsOf(reason, values),
});
/** What a row waits for, the same way. */
const waiting = (reason: Message | Words, values?: Values): Outcome => ({
  kind: 'waiting',
  reason: wordsOf(reason, values),
});
const wordsOf = (said: Message | Words, values?: Values): Words =>
  typeof said.message === 'object' ? (said as Words) : sentence(said as Message, values);
const known: Outcome = { kind: 'known' };

// Text that is shown and printed follows the one text rule of the form and the import
// (db/model/text-rule.ts): no control characters, direction marks or invisible characters.
const plain = (max: number) => followingTextRule(z.string().min(1).max(max), 'line');
const plainLines = (max: number) => followingTextRule(z.string().max(max), 'lines');
const isoTime = z.string().max(40);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const warningCodes = z
  .array(
    z
      .string()
      .max(64)
      .regex(/^[a-z_]+$/),
  )
  .max(40);
const amendReason = z
  .string()
  .max(500)
  .pipe(plainLines(500))
  .refine((text) => text.trim().length >= 3);

const versionShape = z.object({
  recordId: uuid,
  version: z.number().int().min(1).max(500),
  console: plain(64),
  createdAt: isoTime,
  createdBy: plain(100),
  signedBy: plain(100),
  signedAt: isoTime,
  reason: amendReason.nullable(),
  confirmedWarnings: warningCodes,
  content: z.record(z.string(), z.unknown()),
});

// Who proved a version's signature with their PIN at the signing console, and its meaning
// (entries.ts): both or neither; an older console's entry has neither.
const versionSignerShape = z.object({
  signerOperatorId: plain(64).optional(),
  signatureMeaning: z.enum([...SIGNING_MEANINGS, ...AMENDING_MEANINGS]).optional(),
});

/** The signer a version entry carries, or why it is refused. */
function carriedSigner(entry: VersionEntry): { ok: true; signer: CarriedSigner | null } | { ok: false; reason: Words } {
  const shape = versionSignerShape.safeParse(entry);
  if (!shape.success) return { ok: false, reason: sentence(HR.notAsWritten, { problems: shapeProblem(shape.error) }) };
  const { signerOperatorId, signatureMeaning } = shape.data;
  if ((signerOperatorId === undefined) !== (signatureMeaning === undefined))
    return { ok: false, reason: sentence(HR.signerHalf) };
  if (signerOperatorId === undefined || signatureMeaning === undefined) return { ok: true, signer: null };
  const expected = entry.version === 1 ? 'performed_and_signed' : 'amended';
  if (signatureMeaning !== expected)
    return {
      ok: false,
      reason: sentence(entry.version === 1 ? HR.meaningNotSigned : HR.meaningNotAmended, {
        meaning: signatureMeaning,
        version: entry.version,
      }),
    };
  return { ok: true, signer: { operatorId: signerOperatorId, meaning: signatureMeaning } };
}

/**
 * The signer a received version is stored with, and what its audit row says about it. The id is
 * kept only when this console can vouch for it (carried-signer.ts): otherwise the version is
 * stored under its signer's name only, as a carried signature was before (id and meaning NULL,
 * plainly not proven here), and the audit row says why. Stored rather than refused: the
 * signature is the owning console's signed entry and its name is what the version shows; only
 * the claim that an operator of this console proved it is not taken.
 */
function verifiedSigner(
  context: ApplyContext,
  entry: VersionEntry,
  signer: CarriedSigner | null,
): { signer: CarriedSigner | null; signerNote: string | null } {
  if (!signer) return { signer: null, signerNote: null };
  const operator = readOperator(context.write, signer.operatorId);
  const recordOperator = (entry.content as { operatorId?: unknown }).operatorId;
  const doubt = signerDoubt(operator, signer, entry.signedBy, recordOperator);
  if (!doubt) return { signer, signerNote: null };
  return {
    signer: null,
    signerNote: `${doubt}: stored as signed by ${entry.signedBy} at "${entry.console}", by name only`,
  };
}

/** Up to three fields not as RootLog writes them, by their names in the entry. */
const shapeProblem = (error: z.ZodError): WordValue => ({
  list: error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.join('.');
    return field ? sentence(HR.fieldNotAsWritten, { field }) : sentence(HR.entryNotAsWritten);
  }),
  separator: '; ',
});

/**
 * An operator or drug the content names that has not come here yet: the catalogue entry was
 * added by its console just before the record, and may commit after this pull read the
 * catalogue. The row waits (tried again, after the catalogue, at the next sync) rather than
 * being refused.
 */
function missingCatalogue(context: ApplyContext, content: unknown): Words | null {
  const { operatorId, drugs } = (content ?? {}) as { operatorId?: unknown; drugs?: unknown };
  if (typeof operatorId === 'string' && !context.check.signing.operatorIds.has(operatorId))
    return sentence(HR.operatorNotHere, { operator: operatorId });
  const known = new Set(context.check.signing.drugCatalogue.map((drug) => drug.code));
  for (const given of Array.isArray(drugs) ? drugs : []) {
    const code = (given as { drug?: unknown } | null)?.drug;
    if (typeof code === 'string' && !known.has(code)) return sentence(HR.drugNotHere, { drug: code });
  }
  return null;
}

/** A version of a record: the record itself (version 1) or its owner's amendment. */
export function applyVersion(context: ApplyContext, entry: VersionEntry): Outcome {
  const shape = versionShape.safeParse(entry);
  if (!shape.success) return refused(HR.notAsWritten, { problems: shapeProblem(shape.error) });
  if ((entry.version === 1) !== (entry.reason === null))
    return refused(entry.version === 1 ? HR.firstVersionReason : HR.amendmentNoReason);
  const carried = carriedSigner(entry);
  if (!carried.ok) return refused(carried.reason);
  const { signer } = carried;
  const { write, me } = context;
  const here = localRecord(write, entry.recordId);
  const owner = entry.console;
  if (entry.version === 1) {
    if (here) {
      if (here.life.consoleName !== owner) return refused(HR.idFromAnotherConsole, { console: here.life.consoleName });
      const first = localVersion(write, entry.recordId, 1);
      if (!first || !sameContent(JSON.parse(first.content), entry.content)) return refused(HR.idAnotherFirstVersion);
      if (owner !== me) recordReceivedVersion(write, entry.recordId, 1, 1, owner);
      return known;
    }
    const claim = claimedConsoleNameWords(owner, me, []);
    if (claim) return refused(HR.consoleName, { claim });
    const missing = missingCatalogue(context, entry.content);
    if (missing) return waiting(missing);
    const verdict = checkReceivedVersion(
      { ...entry, hubVersion: 1, ...verifiedSigner(context, entry, signer) },
      context.check,
      context.actor,
    );
    if (!verdict.ok) return refused(verdict.reason);
    addReceivedRecord(write, verdict.record, context.rules);
    recordReceivedVersion(write, entry.recordId, 1, 1, owner);
    unqueueReceived(write, entry.recordId, false);
    return { kind: 'record' };
  }
  if (!here) return waiting(HR.firstVersionNotHere, { console: owner });
  if (here.life.status === 'draft') return refused(HR.draftHere);
  if (here.life.consoleName !== owner) return refused(HR.notTheOwner, { owner: here.life.consoleName, console: owner });
  const previous = owner === me ? null : latestReceived(write, entry.recordId);
  // The console's own record: its versions are numbered alike everywhere.
  const hubVersionHere = owner === me ? here.life.version : (previous?.hubVersion ?? 0);
  if (entry.version <= hubVersionHere) {
    if (owner === me) {
      const mine = localVersion(write, entry.recordId, entry.version);
      if (!mine || !sameContent(JSON.parse(mine.content), entry.content))
        return refused(HR.ownVersionDiffers, { version: entry.version });
    }
    return known;
  }
  if (entry.version > hubVersionHere + 1) return waiting(HR.versionNotHere, { version: hubVersionHere + 1 });
  // Its content judged as a record's would be; its signer is the amendment's, written below.
  const verdict = checkReceivedVersion(
    { ...entry, hubVersion: entry.version, signer: null },
    context.check,
    context.actor,
  );
  if (!verdict.ok) return refused(verdict.reason);
  const before = owner === me ? localVersion(write, entry.recordId, here.life.version) : previous;
  if (before && Date.parse(entry.signedAt) < Date.parse(before.signedAt)) return refused(HR.signedBeforeAmended);
  const content = verdict.record.content as ProcedureDraft;
  const wasQueued = isQueued(write, entry.recordId);
  if (owner !== me && sameContent(clinicalContent(here.record), content)) {
    // The same content is here already (an amendment made here and taken by the owner).
    recordReceivedVersion(write, entry.recordId, entry.version, here.life.version, owner);
    unqueueReceived(write, entry.recordId, wasQueued);
    return known;
  }
  const full = recordLimitProblem(write, entry.recordId, 'versions');
  if (full) return refused(HR.recordBeyondLimits, { problem: full.words ?? full.message });
  applyReceivedAmendment(
    write,
    {
      id: entry.recordId,
      content,
      signedBy: entry.signedBy,
      ...verifiedSigner(context, entry, signer),
      signedAt: entry.signedAt,
      reason: entry.reason as string,
      confirmedWarnings: entry.confirmedWarnings,
      console: owner,
      hubVersion: entry.version,
    },
    context.rules,
    { actor: context.actor },
  );
  unqueueReceived(write, entry.recordId, wasQueued);
  return { kind: 'amendment' };
}

const nrs = z.number().int().min(0).max(10).nullable();
const followUpShape = z
  .object({
    id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    procedureId: uuid,
    contactDate: z.iso.date(),
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
      ),
    furtherTreatment: z.enum(FURTHER_TREATMENTS).nullable(),
    notes: plainLines(2000).nullable(),
    supersedes: z.string().max(36).nullable(),
    reason: amendReason.nullable(),
    recordedBy: plain(100),
    recordedAt: isoTime,
    // Who proved the entry with their PIN where it was recorded, and what that means (schema 20).
    recordedById: uuid.nullable().optional(),
    meaning: z.enum(['follow_up_recorded']).nullable().optional(),
  })
  .strict();

/** A follow-up entry, checked against the record here as the form derives it. */
export function applyFollowUp(context: ApplyContext, entry: FollowUpEntryPayload): Outcome {
  const shape = followUpShape.safeParse(entry.followUp);
  if (!shape.success) return refused(HR.notAsWritten, { problems: shapeProblem(shape.error) });
  const link = shape.data as FollowUpLink;
  const { write } = context;
  const record = procedureOfFollowUp(write, link.procedureId);
  if (!record) return waiting(HR.recordNotHere);
  if (record.status === 'draft') return refused(HR.followUpRecordDraft);
  const existing = followUpRows(write.db, link.procedureId);
  if (existing.some((row) => row.id === link.id)) {
    if (entry.console !== context.me) recordReceivedFollowUp(write, link.id, entry.console);
    return known;
  }
  if (followUpOwner(write.db, link.id) !== undefined) return refused(HR.followUpIdTaken);
  if (link.daysAfter !== daysBetween(record.performedDate, link.contactDate)) return refused(HR.daysAfterMismatch);
  if (link.reliefPercent !== followUpRelief(record.painPre, link.legNrs)) return refused(HR.reliefMismatch);
  const recordedAt = Date.parse(link.recordedAt);
  if (!Number.isFinite(recordedAt) || recordedAt > context.check.now.getTime() + 86_400_000)
    return refused(HR.recordedAtNotReal);
  if (link.contactDate < record.performedDate) return refused(HR.contactBeforeProcedure);
  let corrected: FollowUpLink | undefined;
  if (link.supersedes !== null) {
    if (!link.reason) return refused(HR.correctionNoReason);
    corrected = existing.find((row) => row.id === link.supersedes);
    if (!corrected) {
      return followUpOwner(write.db, link.supersedes) !== undefined
        ? refused(HR.correctsAnotherRecord)
        : waiting(HR.correctedNotHere);
    }
    if (existing.some((row) => row.supersedes === link.supersedes)) return refused(HR.correctedAlready);
  }
  const full = recordLimitProblem(write, link.procedureId, 'followUps');
  if (full) return refused(HR.followUpBeyondLimits, { problem: full.words ?? full.message });
  const wasQueued = isQueued(write, link.procedureId);
  writeCarriedFollowUp(
    write,
    link,
    corrected ? { id: corrected.id, legNrs: corrected.legNrs, backNrs: corrected.backNrs } : null,
  );
  if (entry.console !== context.me) recordReceivedFollowUp(write, link.id, entry.console);
  unqueueReceived(write, link.procedureId, wasQueued);
  return { kind: 'follow-up' };
}

const trimmedName = (max: number) => followingTextRule(z.string().trim().min(1).max(max), 'line');
const operatorShape = z
  .object({ id: plain(64), name: trimmedName(100), active: z.boolean(), role: z.enum(OPERATOR_ROLES).optional() })
  .strict();
const drugShape = drugSchema.extend({ name: trimmedName(80) }).strict();

/** An operator or a drug as another console set it: taken when newer than what this console synced last. */
export function applyCatalogue(context: ApplyContext, entry: CatalogueEntry): Outcome {
  if (!Number.isInteger(entry.version) || entry.version < 1) return refused(HR.versionNotWhole);
  const stateKey = `${entry.kind}:${entry.key}`;
  const state = context.catalogue.get(stateKey);
  if (state && entry.version <= state.version) return known;
  const actor = `${context.actor} (from the hub: ${entry.console})`.slice(0, 100);
  if (entry.kind === 'operator') {
    const parsed = operatorShape.safeParse(entry.value);
    if (!parsed.success) return refused(HR.operatorNotAsWritten, { problems: shapeProblem(parsed.error) });
    if (parsed.data.id !== entry.key) return refused(HR.operatorIdNotKey);
    applyReceivedOperator(context.write, parsed.data, entry.console, context.actor);
    const digest = digestOf(parsed.data);
    saveCatalogueState(context.write, entry.kind, entry.key, entry.version, digest);
    context.catalogue.set(stateKey, { version: entry.version, digest });
  } else {
    const parsed = drugShape.safeParse(entry.value);
    if (!parsed.success) return refused(HR.drugNotAsWritten, { problems: shapeProblem(parsed.error) });
    if (parsed.data.code !== entry.key) return refused(HR.drugCodeNotKey);
    if (
      parsed.data.usualDoseMg != null &&
      parsed.data.maxDoseMg != null &&
      parsed.data.usualDoseMg > parsed.data.maxDoseMg
    )
      return refused(HR.drugUsualAboveMaximum);
    try {
      saveCheckedDrug(context.store, parsed.data, { actor });
    } catch (error) {
      // The catalogue's one writer refuses a name that is, or looks like, another drug's here.
      if (error instanceof RootLogError && error.problems)
        return refused(HR.drugNotTaken, { problem: drugProblem(error) });
      throw error;
    }
    const digest = digestOf(parsed.data);
    saveCatalogueState(context.write, entry.kind, entry.key, entry.version, digest);
    context.catalogue.set(stateKey, { version: entry.version, digest });
  }
  return { kind: 'catalogue' };
}

/**
 * What the catalogue's one writer refused in a drug, after "the drug’s": its words, the name
 * field said in lower case ("the drug’s name is the name of another drug …").
 */
function drugProblem(error: RootLogError): WordValue {
  const { words } = error;
  if (!words) return error.message;
  return error.field === 'name' && words.values?.field !== undefined
    ? sentence(words.message, { ...words.values, field: sentence(HR.drugName) })
    : words;
}

const proposalShape = versionShape.omit({ version: true, createdAt: true, createdBy: true }).extend({
  id: uuid,
  baseVersion: z.number().int().min(1).max(500),
});

/** Another console amended a record it does not own: kept here, visible, until the owner resolves it. */
export function applyConflict(
  context: ApplyContext,
  entry: ProposalEntry,
  entryText: string,
  signature: string,
): Outcome {
  const shape = proposalShape.safeParse(entry);
  if (!shape.success) return refused(HR.notAsWritten, { problems: shapeProblem(shape.error) });
  const here = localRecord(context.write, entry.recordId);
  if (!here) return waiting(HR.recordNotHere);
  if (here.life.consoleName === entry.console) return refused(HR.ownerInConflict);
  const missing = missingCatalogue(context, entry.content);
  if (missing) return waiting(missing);
  const verdict = checkReceivedVersion(
    {
      ...entry,
      createdAt: here.life.createdAt,
      createdBy: here.life.createdBy,
      console: here.life.consoleName,
      hubVersion: entry.baseVersion,
      signer: null,
    },
    context.check,
    context.actor,
  );
  if (!verdict.ok) return refused(HR.proposalNotSound, { problems: verdict.reason });
  const isNew = conflictById(context.write, entry.id) === undefined;
  keepConflict(context.write, {
    id: entry.id,
    recordId: entry.recordId,
    owner: here.life.consoleName,
    proposer: entry.console,
    baseVersion: entry.baseVersion,
    entry: entryText,
    signature,
    onHub: 1,
  });
  return isNew ? { kind: 'conflict' } : known;
}

/** The owner's answer to a conflict: the conflict is settled here too. */
export function applyResolution(context: ApplyContext, entry: ResolutionEntry): Outcome {
  if (entry.decision !== 'took' && entry.decision !== 'kept') return refused(HR.decisionUnknown);
  const conflict = conflictById(context.write, entry.conflictId);
  if (!conflict) return waiting(HR.conflictNotHere);
  if (conflict.recordId !== entry.recordId) return refused(HR.resolvesAnotherRecord);
  if (conflict.owner !== entry.console)
    return refused(HR.notOwnerResolves, { owner: conflict.owner, console: entry.console });
  if (conflict.decision !== null) return known;
  resolveConflictRow(context.write, entry.conflictId, {
    decision: entry.decision,
    version: entry.version,
    by: String(entry.by).slice(0, 100),
    at: String(entry.at).slice(0, 40),
    onHub: true,
  });
  return { kind: 'resolution' };
}
