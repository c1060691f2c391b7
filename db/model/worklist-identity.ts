import type { ProcedureDraft } from './procedure.js';
import type { Words } from './words.js';

/*
 * What a worklist entry gives a new case: the patient's and the study's identity, in the
 * record's own fields, marked as coming from the worklist. Pure: the window receives it ready
 * made and never types it; a change by hand afterwards marks the record "from the worklist,
 * then changed" (identityAfterEdit).
 */

/** The record fields the worklist fills, declared once: the worklist's mapping and the "changed by hand" mark both use it. */
export const WORKLIST_IDENTITY_FIELDS = [
  'patientId',
  'issuerOfPatientId',
  'patientName',
  'birthDate',
  'sex',
  'accessionNumber',
  'studyInstanceUid',
  'requestedProcedureCode',
  'requestedProcedureScheme',
  'requestedProcedureText',
  'referringPhysician',
  'patientLanguage',
] as const satisfies readonly (keyof ProcedureDraft)[];

export type WorklistIdentityField = (typeof WORKLIST_IDENTITY_FIELDS)[number];
export type WorklistIdentity = Partial<Pick<ProcedureDraft, WorklistIdentityField | 'identitySource'>>;

/**
 * The identity source after an edit: a record filled from the worklist whose identity is then
 * changed by hand says so (the audit log has what was changed, and by whom).
 */
export function identityAfterEdit<D extends { identitySource?: string | null }>(before: D, after: D): D {
  if (before.identitySource !== 'worklist') return after;
  const value = (draft: D, field: WorklistIdentityField) => (draft as Record<string, unknown>)[field] ?? null;
  const changed = WORKLIST_IDENTITY_FIELDS.some((field) => value(before, field) !== value(after, field));
  return changed ? { ...after, identitySource: 'worklist_then_changed' } : after;
}

/** One scheduled patient as the window shows it (electron/worklist-service.ts makes it). */
export interface WorklistRow {
  /** Unique within one list: the accession number, else the patient ID and time. */
  key: string;
  patientId: string;
  name: string;
  birthDate: string | null;
  requestedProcedure: string | null;
  /** Local "2026-03-12T10:30", or the date alone. */
  scheduledAt: string | null;
  accessionNumber: string | null;
  /** A record of this patient was already logged today. */
  loggedToday: boolean;
  /** Values the worklist sent that were refused, as words (said in the reader's language). */
  problems: Words[];
  identity: WorklistIdentity;
}

/** The worklist as the console last received it, and how asking went. */
export interface WorklistStatus {
  /** Settings → Worklist is filled in. */
  configured: boolean;
  rows: WorklistRow[];
  /** When the list shown was received (null: never). */
  receivedAt: string | null;
  /** Why the last request failed, as words (the list shown is the one before). */
  problem: Words | null;
  /** What the server said besides the entries, and entries refused whole, as words. */
  warnings: Words[];
  /** A request is under way. */
  asking: boolean;
}

/** Settings → Worklist → Test: what the C-ECHO gave, as words (said in the reader's language) and their English. */
export interface ConnectionTest {
  ok: boolean;
  message: string;
  words: Words;
}
