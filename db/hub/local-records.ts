import { diff } from '../audit.js';
import { IMPORT_LIMITS } from '../imports/limits.js';
import { checkRecord, type RecordCheckContext, type SoundRecord } from '../imports/record-check.js';
import type { CarriedSigner } from '../model/carried-signer.js';
import {
  HUB_REFUSAL_MESSAGES as HR,
  type RuleSettings,
  sentence,
  type Words,
  type WordValue,
  warnings,
} from '../model/index.js';
import { drugCatalogue, listOperators, referenceLevels } from '../settings.js';
import type { ReadConnection, WriteConnection } from '../sqlite/connection.js';
import { readProcedure } from '../sqlite/procedure-rows.js';
import { writeWholeRecord } from '../sqlite/record-life.js';

/*
 * The hub's one adapter to the logbook's record interchange: how a record received from the
 * hub is judged and written, with today's import checks (db/imports/record-check.ts) and the
 * import's way of writing a whole record (db/imports/merge.ts, whose writer is not exported:
 * mirrored in addReceivedRecord until the interchange module offers an in-memory merge). Only
 * this file calls into db/imports; re-pointing the hub at another interchange module is this
 * file alone.
 */

export type { SoundRecord };

/** What a received record is checked against: this console's operators, drugs and clock, the import's limits. */
export function receivedCheckContext(read: ReadConnection, now: Date): RecordCheckContext {
  return {
    signing: {
      operatorIds: new Set(listOperators(read).map((operator) => operator.id)),
      drugCatalogue: drugCatalogue(read),
    },
    limits: IMPORT_LIMITS,
    now,
  };
}

/** The clinical rules' settings of this console, for the warnings a received record is stored with. */
export const receivedRules = (read: ReadConnection): RuleSettings => ({
  referenceLevels: referenceLevels(read),
  drugCatalogue: drugCatalogue(read),
});

/** A signed version as the hub carries it, for the import's record check. */
export interface ReceivedVersion {
  recordId: string;
  console: string;
  createdAt: string;
  createdBy: string;
  signedBy: string;
  /** Null for an entry of an older console (or a version signed before schema 20): a carried name only. */
  signer: CarriedSigner | null;
  /** Said in the audit row when the signer's operator id could not be kept (carried-signer.ts). */
  signerNote?: string | null;
  signedAt: string;
  confirmedWarnings: string[];
  content: unknown;
  hubVersion: number;
}

/**
 * Judges a version's content as the import judges a record signed with it: its shape and
 * limits, real and plausible dates, plain-text signer, and that it could be signed here (its
 * operator and drugs known). Returns the record as the import would write it when it is
 * version 1, or the problems in words.
 */
export function checkReceivedVersion(
  version: ReceivedVersion,
  context: RecordCheckContext,
  receivedBy: string,
): { ok: true; record: SoundRecord } | { ok: false; reason: Words } {
  const changes: Record<string, { before: unknown; after: unknown }> = {
    status: { before: 'draft', after: 'signed' },
    receivedFromHub: {
      before: null,
      after: {
        console: version.console,
        hubVersion: version.hubVersion,
        by: receivedBy,
        ...(version.signerNote ? { signer: version.signerNote } : {}),
      },
    },
  };
  if (version.confirmedWarnings.length > 0)
    changes.confirmedWarnings = { before: null, after: version.confirmedWarnings };
  // The signature as the signing console's audit row says it (record-life.ts, signatureChange).
  const { signer } = version;
  if (signer)
    changes.signature = {
      before: null,
      after: { operatorId: signer.operatorId, name: version.signedBy, meaning: signer.meaning },
    };
  const raw = {
    id: version.recordId,
    life: {
      status: 'signed',
      version: 1,
      consoleName: version.console,
      createdAt: version.createdAt,
      createdBy: version.createdBy,
      updatedAt: version.signedAt,
      signedBy: version.signedBy,
      signedAt: version.signedAt,
      signedById: signer?.operatorId ?? null,
      signedMeaning: signer?.meaning ?? null,
      amendedBy: null,
      amendedAt: null,
      amendReason: null,
    },
    content: version.content,
    versions: [
      {
        version: 1,
        signedBy: version.signedBy,
        signedAt: version.signedAt,
        reason: null,
        signerId: signer?.operatorId ?? null,
        meaning: signer?.meaning ?? null,
        content: version.content,
      },
    ],
    history: [{ at: version.signedAt, actor: version.signedBy, action: 'sign', version: 1, changes, reason: null }],
    followUps: [],
  };
  const verdict = checkRecord(raw, 0, context);
  if (verdict.ok) return verdict;
  // Each problem after its field (unless its words begin with it), as the check says it.
  const problems = verdict.problems.slice(0, 5).map((found): WordValue => {
    const said = found.words ?? found.message;
    return found.message.startsWith(found.field ?? '')
      ? said
      : sentence(HR.atField, { field: found.field ?? '', problem: said });
  });
  return { ok: false, reason: sentence(HR.recordNotSound, { problems: { list: problems, separator: '; ' } }) };
}

/** Same clinical meaning: compared field by field (the import's rule), so key order does not matter. */
export const sameContent = (a: unknown, b: unknown) => Object.keys(diff(a, b)).length === 0;

/**
 * Writes a sound record received from the hub through the one writer of a record made
 * elsewhere (record-life.ts): its rows, its versions, its life, its seal and its history. Its
 * follow-ups travel as entries of their own.
 */
export function addReceivedRecord(write: WriteConnection, incoming: SoundRecord, rules: RuleSettings): void {
  writeWholeRecord(write, {
    id: incoming.id,
    content: incoming.content,
    life: incoming.life,
    warningCodes: warnings(incoming.content, rules).map((warning) => warning.code),
    versions: incoming.versions,
    followUps: [],
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

/** The record here, as the interchange reads it (for comparing a received version with it). */
export const localRecord = (read: ReadConnection, id: string) => readProcedure(read.db, id);
