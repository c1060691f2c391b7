import type { ClinicalWarning } from './clinical-warning.js';
import type { OperatorRole, SignatureMeaning } from './credentials.js';
import type { FollowUpWindow, FollowUpWindows } from './follow-up.js';
import type { Language } from './messages.js';
import type { Preset } from './presets.js';
import type { ProcedureRecord } from './procedure.js';
import type { DoseProtocol, DoseQuantity, LevelProtocol, ReferenceLevel } from './reference-levels.js';
import type { Modality } from './vocabularies.js';

/*
 * What the services answer with, as plain data: the API contract names these for the window.
 * They live in the pure model, not beside the services that fill them, so that the window's
 * type check (tsconfig.web.json) never reads a file that imports Node or SQLite.
 */

// The audit log (db/audit.ts).
export type AuditAction = 'create' | 'update' | 'sign' | 'amend' | 'delete' | 'settings' | 'import' | 'follow_up';
export type AuditEntity = 'procedure' | 'operator' | 'drug' | 'settings' | 'import';

/** What changed, field by field: `{ "targets[0].side": { before: "left", after: "right" } }`. */
export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  version: number | null;
  changes: Changes;
  reason: string | null;
}

/** A signed version as the record's history lists it: who signed it, when, and what the signature means. */
export interface SignedVersionSummary {
  version: number;
  /** The signer's printed name at signing. */
  signedBy: string;
  signedAt: string;
  reason: string | null;
  /** The operator, proven by their PIN (null for versions signed before schema 20). */
  signerId: string | null;
  meaning: SignatureMeaning | null;
}

// Procedures (db/procedures.ts).
export interface SavedProcedure {
  record: ProcedureRecord;
  warnings: ClinicalWarning[];
}

export interface ProcedureWithHistory extends SavedProcedure {
  history: AuditEntry[];
  versions: SignedVersionSummary[];
}

// Follow-ups due (db/follow-ups.ts).
export interface DueFollowUp {
  procedureId: string;
  patientId: string | null;
  patientName: string | null;
  performedDate: string;
  rootSides: string;
  window: FollowUpWindow;
  /** Days since the procedure, on the day asked about. */
  daysAfter: number;
  overdue: boolean;
}

// The backup (db/maintenance.ts).
export interface BackupReport {
  path: string;
  bytes: number;
  procedures: number;
  integrity: string;
  /** The pseudonymisation key was left out of the copy (--exclude-key). */
  keyExcluded: boolean;
}

// The file's health (db/store.ts).
/**
 * What is known of the file's pages: `unchecked` until a check ran, then `sound` or
 * `damaged`. A damaged file is never written to again by this store.
 */
export type DatabaseHealth = 'unchecked' | 'checking' | 'sound' | 'damaged';

export interface HealthReport {
  state: DatabaseHealth;
  /** SQLite's own words for what is wrong (the first few), when damaged. */
  problems: string[];
  /** When a full page check last found this file sound (ISO time), from any run of RootLog. */
  lastCleanCheck: string | null;
}

// Outcomes at follow-up (db/stats/outcomes.ts).
export interface WindowOutcome {
  eligible: number;
  followedUp: number;
  completeness: number | null;
  reliefResponders: number;
  nrsResponders: number;
  reliefRate: number | null;
  nrsRate: number | null;
}
export interface OutcomeGroup {
  key: string;
  label: string;
  early: WindowOutcome;
  late: WindowOutcome;
}
export interface FollowUpOutcomes {
  windows: FollowUpWindows;
  /** The day the eligibility was judged on. */
  asOf: string;
  overall: OutcomeGroup;
  byRoot: OutcomeGroup[];
  byIndication: OutcomeGroup[];
  byOperator: OutcomeGroup[];
  bySteroid: OutcomeGroup[];
  byModality: OutcomeGroup[];
}

// Preset suggestions (db/stats/preset-suggestions.ts).
export interface PresetSuggestion {
  preset: Preset;
  /** How many signed procedures of the period had exactly this plan. */
  procedures: number;
  description: string;
}

// Doses against the reference levels (db/stats/reference-comparison.ts).
export interface ReferenceComparisonRow {
  /** null: the whole department. */
  operator: { id: string; name: string } | null;
  modality: Modality;
  /** null on the line of the groups with fewer than MIN_CASES cases (`folded` names them). */
  protocol: DoseProtocol | null;
  quantity: DoseQuantity;
  cases: number;
  /** null on a folded line: too few cases in each group to read a median from. */
  median: number | null;
  level: ReferenceLevel | null;
  /** Is the median above the level (null without a level). */
  medianAbove: boolean | null;
  aboveShare: number | null;
  /** Cases above the level that applies to each (null without a level). */
  above: number | null;
  /** A folded line's groups, each protocol with its cases; null on a group's own line. */
  folded: { protocol: DoseProtocol; cases: number }[] | null;
}

// Proposed reference levels (db/stats/reference-proposal.ts).
export interface ProposedLevel {
  modality: Modality;
  protocol: LevelProtocol;
  quantity: DoseQuantity;
  cases: number;
  median: number | null;
  p75: number | null;
  /** The level in force for this group now, if any (its own, not one it falls back to). */
  current: ReferenceLevel | null;
  /** Enough cases to adopt (MIN_CASES). */
  adoptable: boolean;
}

export interface ReferenceLevelProposal {
  from: string;
  to: string;
  minCases: number;
  proposals: ProposedLevel[];
}

// The console's session (electron/session.ts).
/** An operator as the lock screen and the signing dialog offer them: never their credential. */
export interface SessionOperator {
  id: string;
  name: string;
  role: OperatorRole;
  administrator: boolean;
  /** Without a PIN they cannot sign or open the console until an administrator sets their first. */
  pinSet: boolean;
  /** Locked after too many wrong PINs until this time (ISO), else null. */
  lockedUntil: string | null;
  /** Whether a badge is bound to them: the lock screen then takes a badge scanned (never the badge number). */
  badge: boolean;
}

export interface SessionState {
  /** Patient data is hidden until an operator's PIN opens the console. */
  locked: boolean;
  /** No operator holds a PIN yet: the first run makes its first operator the administrator. */
  needsFirstAdministrator: boolean;
  /** The operator whose PIN opened the console last (offered first when signing), or null. */
  operatorId: string | null;
  /** The administrator whose PIN opened Settings' changes, or null. */
  administratorId: string | null;
  /** Minutes without a key or a touch before the console locks itself. */
  idleLockMinutes: number;
  /**
   * The department's language (Settings → Department), for the lock screen, which is shown
   * before settings are loaded: a setting of the department, no patient's data.
   */
  language: Language;
  /** The active operators. */
  operators: SessionOperator[];
}
