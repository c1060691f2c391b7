import { z } from 'zod';
import { EXPORT_FORMATS, exportRequestSchema } from '../../db/exports/options.js';
import type {
  AuditEntry,
  BackupReport,
  DueFollowUp,
  FollowUpOutcomes,
  HealthReport,
  PresetSuggestion,
  ProcedureWithHistory,
  ReferenceComparisonRow,
  ReferenceLevelProposal,
  SavedProcedure,
  SessionState,
} from '../../db/model/answers.js';
import {
  type ConnectionSettings,
  connectionSettingsPatchSchema,
  connectionSettingsProblems,
} from '../../db/model/connection-settings.js';
import {
  type ApiError,
  type BackupStatus,
  backupScheduleChangeSchema,
  badgeSettingSchema,
  conflictResolutionSchema,
  type Dashboard,
  type DepartmentSettings,
  type DoseReceiverStatus,
  type DoseReportFill,
  type DoseReportInbox,
  type Drug,
  type DrugAdministration,
  dashboardFilterSchema,
  drugSchema,
  type FieldProblem,
  type FollowUpEntry,
  firstAdministratorSchema,
  followUpEntrySchema,
  followUpsDueQuerySchema,
  type HubConflictView,
  type HubRefusal,
  type HubStatus,
  type Operator,
  operatorInputSchema,
  type ProcedurePage,
  pageRequestSchema,
  pinChangeSchema,
  pinSettingSchema,
  procedureDraftSchema,
  procedureFilterSchema,
  procedureIdSchema,
  proposalPeriodSchema,
  RULE_MESSAGES as R,
  type ReferenceLevels,
  type RisDeliveries,
  reasonSchema,
  rule,
  settingsPatchSchema,
  signerProofSchema,
} from '../../db/model/index.js';
import type { ConnectionTest, WorklistStatus } from '../../db/model/worklist-identity.js';
import type { ExportJobStatus } from './export-job.js';

/*
 * The one contract between the renderer and the main process: every method once, with the
 * schema of its arguments (a tuple, one entry per argument) and the type of its answer.
 * From this table come the method list, the IPC channels, the preload bridge, the Chromium
 * harness, the renderer client's types (`z.input` of the arguments) and the main side's
 * parsing: arguments are parsed here, once, at the boundary, and the services get typed
 * values. Pure: zod and types only, so main, preload, renderer and tests all import it.
 */

/**
 * How a problem in one argument is named for the person who sees it: fields of a record or
 * filter keep their own names ("painPre", "roots[0]"); a named argument prefixes them
 * ("options.confirmedWarnings"); `whole` names the argument itself when it is wrong as a whole.
 */
export interface ArgumentField {
  prefix: string;
  whole: string;
  /** An argument whose declaration words its own problems (each named by its label), instead of zod's. */
  problems?: (error: z.ZodError) => FieldProblem[];
}
const bare = (whole: string): ArgumentField => ({ prefix: '', whole });
const named = (name: string): ArgumentField => ({ prefix: name, whole: name });

/** A method's entry: argument schemas and names, and its answer's type carried as a phantom. */
export interface MethodContract<Input extends z.ZodTuple, Output> {
  input: Input;
  fields: readonly ArgumentField[];
  /** Writes to the logbook: refused once the file was found damaged, and waits for the first page check. */
  writes: boolean;
  /** Changes settings: refused unless an administrator's PIN opened administration (session.administer). */
  administers: boolean;
  /** Answered while the console is locked (the lock screen's own methods, a draft saved as it locks): never patient data to read. */
  whileLocked: boolean;
  output?: Output;
}

const method = <Output>() => {
  const entry =
    (writes: boolean, administers: boolean) =>
    <Input extends z.ZodTuple>(input: Input, ...fields: ArgumentField[]): MethodContract<Input, Output> => ({
      input,
      fields,
      writes,
      administers,
      whileLocked: false,
    });
  return { reads: entry(false, false), writes: entry(true, false), administers: entry(true, true) };
};

/** The same entry, answered while the console is locked. */
const whileLocked = <C extends MethodContract<z.ZodTuple, unknown>>(contract: C): C => ({
  ...contract,
  whileLocked: true,
});

export const confirmedWarningsSchema = z.array(z.string().max(64)).max(20).optional();
export const signOptionsSchema = z.object({ confirmedWarnings: confirmedWarningsSchema }).strict();
export const amendOptionsSchema = z
  .object({
    reason: reasonSchema(),
    confirmedWarnings: confirmedWarningsSchema,
  })
  .strict();
const jobIdSchema = z.uuid(rule(R.exportJobId));
/**
 * The signer's proof at signing: the PIN may still be empty, so that a draft signing asked for
 * too early hears first what the record itself still needs (then that the PIN is).
 */
export const signingProofSchema = signerProofSchema.extend({
  pin: z.string(rule(R.mustBeTyped)).max(64, rule(R.atMostCharacters, { count: 64 })),
});

export const API_CONTRACT = {
  // A draft typed as the console locks is saved, never lost (its answer stays in the main process's reply only).
  'procedures.saveDraft': whileLocked(
    method<SavedProcedure>().writes(z.tuple([procedureDraftSchema]), bare('(record)')),
  ),
  /** Signed by the operator proven by their PIN (signer): the record's own operator, a radiologist. */
  'procedures.sign': method<SavedProcedure>().writes(
    z.tuple([procedureIdSchema, signOptionsSchema, signingProofSchema]),
    named('id'),
    named('options'),
    named('signer'),
  ),
  'procedures.amend': method<SavedProcedure>().writes(
    z.tuple([procedureDraftSchema, amendOptionsSchema, signerProofSchema]),
    bare('(record)'),
    bare('options'),
    named('signer'),
  ),
  'procedures.get': method<ProcedureWithHistory>().reads(z.tuple([procedureIdSchema]), named('id')),
  'procedures.list': method<ProcedurePage>().reads(
    z.tuple([procedureFilterSchema.optional(), pageRequestSchema.optional()]),
    bare('filter'),
    bare('page'),
  ),
  'procedures.deleteDraft': method<{ deleted: true }>().writes(z.tuple([procedureIdSchema]), named('id')),
  'procedures.lastDrugs': method<DrugAdministration[]>().reads(z.tuple([])),
  'settings.get': method<DepartmentSettings>().reads(z.tuple([])),
  'settings.update': method<DepartmentSettings>().administers(z.tuple([settingsPatchSchema]), bare('settings')),
  'settings.saveOperator': method<Operator>().administers(z.tuple([operatorInputSchema]), bare('operator')),
  /** An administrator sets an operator's first PIN or a new one (lifting a lock); audited, never the PIN. */
  'settings.setPin': method<Operator>().administers(z.tuple([pinSettingSchema]), bare('pin')),
  /** An administrator binds (or unbinds: null) the badge number a card reader types. */
  'settings.setBadge': method<Operator>().administers(z.tuple([badgeSettingSchema]), bare('badge')),
  'settings.saveDrug': method<Drug>().administers(z.tuple([drugSchema]), bare('drug')),
  /** Proposed local reference levels (P75 of the signed records of a period), beside those in force. */
  'settings.proposeReferenceLevels': method<ReferenceLevelProposal>().reads(
    z.tuple([proposalPeriodSchema]),
    bare('period'),
  ),
  /** Adopts them: computed again in the main process from the records, never sent by the window. */
  /** The department's most used plans of the last year, offered as presets. */
  'settings.presetSuggestions': method<PresetSuggestion[]>().reads(z.tuple([])),
  'settings.adoptReferenceLevels': method<ReferenceLevels>().administers(
    z.tuple([proposalPeriodSchema]),
    bare('period'),
  ),
  'followUps.record': method<FollowUpEntry>().writes(
    z.tuple([followUpEntrySchema, signerProofSchema]),
    bare('followUp'),
    named('signer'),
  ),
  'followUps.of': method<FollowUpEntry[]>().reads(z.tuple([procedureIdSchema]), named('procedureId')),
  'followUps.due': method<DueFollowUp[]>().reads(z.tuple([followUpsDueQuerySchema.optional()]), bare('due')),
  'stats.dashboard': method<Dashboard>().reads(z.tuple([dashboardFilterSchema.optional()]), bare('filter')),
  'stats.outcomes': method<FollowUpOutcomes>().reads(z.tuple([dashboardFilterSchema.optional()]), bare('filter')),
  'stats.referenceComparison': method<ReferenceComparisonRow[]>().reads(
    z.tuple([dashboardFilterSchema.optional()]),
    bare('filter'),
  ),
  /** The file is chosen in the main process (save dialog), never sent by the window. */
  'exports.start': method<ExportJobStatus | { cancelled: true }>().reads(
    z.tuple([exportRequestSchema]),
    named('export'),
  ),
  'exports.status': method<ExportJobStatus>().reads(z.tuple([jobIdSchema]), named('jobId')),
  'exports.cancel': method<ExportJobStatus>().reads(z.tuple([jobIdSchema]), named('jobId')),
  /** The file is chosen in the main process (save dialog), never sent by the window. */
  'backup.run': method<BackupReport | { cancelled: true }>().reads(z.tuple([])),
  /**
   * The record or the patient's aftercare sheet as a PDF, printed by Chromium itself from the
   * window (print stylesheet); the file is chosen in the main process, never sent by the window.
   */
  'print.toPdf': method<{ path: string } | { cancelled: true }>().reads(
    z.tuple([
      z.enum(['record', 'aftercare'], rule(R.eitherCode, { first: 'record', second: 'aftercare' })),
      procedureIdSchema.optional(),
    ]),
    named('sheet'),
    // The record printed: the file name offered carries its patient and date.
    named('id'),
  ),
  /** Automatic backups (Settings → Backups, the top bar): their schedule and how the last one went. */
  'backups.status': method<BackupStatus>().reads(z.tuple([])),
  /** The time of day and how many to keep, or no automatic backups (folder null); audited. */
  'backups.saveSchedule': method<BackupStatus>().administers(z.tuple([backupScheduleChangeSchema]), bare('schedule')),
  /** The folder, chosen in the main process's native folder dialog (never sent by the window). */
  'backups.chooseFolder': method<BackupStatus | { cancelled: true }>().administers(z.tuple([])),
  /** A backup into the folder now; the status after it (a failure said in words). */
  'backups.runNow': method<BackupStatus>().writes(z.tuple([])),
  /** The department hub: the sync's state in words, a sync now, the password (kept by the OS, never in the logbook). */
  'hub.status': method<HubStatus>().reads(z.tuple([])),
  'hub.syncNow': method<HubStatus>().writes(z.tuple([])),
  'hub.setPassword': method<{ saved: true }>().administers(
    z.tuple([
      z
        .string()
        .max(200, rule(R.atMostCharacters, { count: 200 }))
        .nullable(),
    ]),
    named('password'),
  ),
  /** A new signing key for this console (its old one lost): IT registers it again. */
  'hub.replaceKey': method<HubStatus>().administers(z.tuple([])),
  /** True conflicts still open: the record here beside the other console's amendment. */
  'hub.conflicts': method<HubConflictView[]>().reads(z.tuple([])),
  /** The owner resolves a conflict: takes the amendment (an amendment here) or keeps its record. */
  'hub.resolveConflict': method<HubConflictView>().writes(
    z.tuple([z.string(rule(R.conflictId)).length(36, rule(R.conflictId)), conflictResolutionSchema, signerProofSchema]),
    named('id'),
    named('resolution'),
    named('signer'),
  ),
  /** Rows of the hub this console refused or that wait, with the reason (kept for IT). */
  'hub.refusals': method<HubRefusal[]>().reads(z.tuple([])),
  /** Settings → Worklist, → RIS and → Dose reports: the connections to the department's systems (null: not set up); audited. */
  'connections.get': method<ConnectionSettings>().reads(z.tuple([])),
  'connections.update': method<ConnectionSettings>().administers(z.tuple([connectionSettingsPatchSchema]), {
    ...bare('connections'),
    problems: (error) => connectionSettingsProblems(error),
  }),
  /** Today's worklist as last received (its age, the last failure in words); never waits for the server. */
  'worklist.status': method<WorklistStatus>().reads(z.tuple([])),
  /** Asks the worklist server now (bounded by its timeout); the list after it. */
  'worklist.refresh': method<WorklistStatus>().reads(z.tuple([])),
  /** Settings → Worklist → Test: a C-ECHO, in words. */
  'worklist.test': method<ConnectionTest>().reads(z.tuple([])),
  /**
   * The dose from the scanner's dose reports for this procedure (linking those that waited for
   * it), or null when it has none (report null); the window fills the fields with it, and the save keeps it.
   */
  'dose.fromReport': method<{ report: DoseReportFill | null }>().writes(
    z.tuple([procedureIdSchema]),
    named('procedureId'),
  ),
  /**
   * "Fetch dose report from the PACS" for the open record: the PACS (Settings → PACS) sends the
   * record's dose reports to RootLog's receiver; then the dose as dose.fromReport gives it.
   * Refused in words: no PACS, the receiver off, the PACS not reachable, no dose report for this study.
   */
  'dose.fetchFromPacs': method<{ fetched: number; report: DoseReportFill | null }>().writes(
    z.tuple([procedureIdSchema]),
    named('procedureId'),
  ),
  /** Settings → Dose reports and the inbox: whether the receiver listens, and the reports no procedure has yet. */
  'doseReports.status': method<{ receiver: DoseReceiverStatus; inbox: DoseReportInbox }>().reads(z.tuple([])),
  /** A person attaches a waiting dose report to a procedure (the open one); the inbox after it. */
  'doseReports.attach': method<DoseReportInbox>().writes(
    z.tuple([
      z.string(rule(R.doseReportId)).min(1, rule(R.doseReportId)).max(64, rule(R.doseReportId)),
      procedureIdSchema,
    ]),
    named('reportId'),
    named('procedureId'),
  ),
  /** Where each signed version of the record is on its way to the RIS (the outbox), and whether a RIS is set up. */
  'ris.deliveries': method<RisDeliveries>().reads(z.tuple([procedureIdSchema]), named('procedureId')),
  /** Sends at once whatever waits for the RIS (not only this record's), then this record's deliveries. */
  'ris.sendNow': method<RisDeliveries>().writes(z.tuple([procedureIdSchema]), named('procedureId')),
  /** Send again: a version the RIS refused goes back in the outbox (audited), sent at once; this record's deliveries. */
  'ris.sendAgain': method<RisDeliveries>().writes(
    z.tuple([
      procedureIdSchema,
      z.number(rule(R.versionNumber)).int(rule(R.versionNumber)).min(1, rule(R.versionNumber)),
    ]),
    named('procedureId'),
    named('version'),
  ),
  /** What the page check found, and when the file was last found sound. */
  'database.health': whileLocked(method<HealthReport>().reads(z.tuple([]))),
  /**
   * The console's session (electron/session.ts): locked or open, who administers, the
   * operators the lock screen offers. Answered while locked; never patient data.
   */
  'session.state': whileLocked(method<SessionState>().reads(z.tuple([]))),
  /** Hides patient data until an operator's PIN opens the console again (Ctrl+L, the idle time). */
  'session.lock': whileLocked(method<SessionState>().reads(z.tuple([]))),
  'session.unlock': whileLocked(method<SessionState>().writes(z.tuple([signerProofSchema]), named('signer'))),
  /** An administrator's PIN opens Settings' changes until the console locks or administration ends. */
  'session.administer': whileLocked(method<SessionState>().writes(z.tuple([signerProofSchema]), named('signer'))),
  'session.endAdministration': whileLocked(method<SessionState>().reads(z.tuple([]))),
  /** The first run: the first operator becomes the administrator (only while no operator holds a PIN). */
  'session.setUpFirstAdministrator': whileLocked(
    method<SessionState>().writes(z.tuple([firstAdministratorSchema]), bare('first')),
  ),
  /** An operator changes their own PIN, proving it with the old one. */
  'session.changePin': method<{ changed: true }>().writes(z.tuple([pinChangeSchema]), bare('pin')),
  /** Who the badge number a card reader typed belongs to (an active operator), or null. */
  'session.badge': whileLocked(
    method<{ operatorId: string | null }>().reads(
      z.tuple([z.string().max(64, rule(R.atMostCharacters, { count: 64 }))]),
      named('badge'),
    ),
  ),
} as const;

export type ApiContract = typeof API_CONTRACT;
export type ApiMethodName = keyof ApiContract;
export const API_METHODS = Object.keys(API_CONTRACT) as ApiMethodName[];

export type MethodInput<M extends ApiMethodName> = z.input<ApiContract[M]['input']>;
export type MethodArgs<M extends ApiMethodName> = z.output<ApiContract[M]['input']>;
export type MethodOutput<M extends ApiMethodName> = NonNullable<ApiContract[M]['output']>;

/** How every API method answers a refused or failed request. */
export type ApiFailure = { error: ApiError };

export const isFailure = (value: unknown): value is ApiFailure =>
  typeof value === 'object' && value !== null && 'error' in value && Object.keys(value).length === 1;

type GroupOf<M> = M extends `${infer G}.${string}` ? G : never;
type NameIn<M, G extends string> = M extends `${G}.${infer N}` ? N : never;

/**
 * The API as the renderer sees it: `api.procedures.saveDraft(draft)`, arguments typed from
 * the contract's schemas (`z.input`), each call resolving to the answer or to an ApiFailure.
 */
export type Api = {
  [G in GroupOf<ApiMethodName>]: {
    [N in NameIn<ApiMethodName, G>]: `${G}.${N}` extends infer M extends ApiMethodName
      ? (...args: MethodInput<M>) => Promise<MethodOutput<M> | ApiFailure>
      : never;
  };
};

/**
 * Builds the nested API object (`api.procedures.saveDraft(…)`) from one generic call
 * function: the main side's dispatcher (api.ts, tests); the renderer's client does the same
 * over the window's `call` (renderer/app/api-client.ts).
 */
export function bindApi(call: (method: ApiMethodName, args: unknown[]) => Promise<unknown>): Api {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const [group, name] = method.split('.') as [string, string];
    api[group] ??= {};
    api[group][name] = (...args: unknown[]) => call(method, args);
  }
  return api as unknown as Api;
}

export { channelOf, WINDOW_API_NAME } from './channels.js';
export type {
  AuditEntry,
  DueFollowUp,
  ExportJobStatus,
  FollowUpEntry,
  FollowUpOutcomes,
  ProcedureWithHistory,
  SavedProcedure,
};
export { EXPORT_FORMATS };
