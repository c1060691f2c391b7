import type { z } from 'zod';
import { Backups } from '../db/backups/backups.js';
import { noteBackupMade } from '../db/backups/records.js';
import { busyLogbook, isBusy } from '../db/busy.js';
import { withDatePrecision } from '../db/exports/options.js';
import { checkExportFiles } from '../db/exports/run.js';
import { followUpsDue, followUpsOf, recordCheckedFollowUp } from '../db/follow-ups.js';
import { backupDatabase } from '../db/maintenance.js';
import { type FieldProblem, problem, problemsFromZod, RootLogError } from '../db/model/index.js';
import {
  amendCheckedProcedure,
  deleteDraft,
  getProcedure,
  lastSignedDrugs,
  saveCheckedDraft,
  signProcedure,
} from '../db/procedures.js';
import { listCheckedProcedures } from '../db/search.js';
import {
  connectionSettings,
  getSettings,
  saveCheckedDrug,
  saveCheckedOperator,
  updateCheckedSettings,
  updateConnectionSettings,
} from '../db/settings.js';
import { dashboardFor } from '../db/stats/dashboard.js';
import { followUpOutcomes } from '../db/stats/outcomes.js';
import { presetSuggestions } from '../db/stats/preset-suggestions.js';
import { referenceComparison } from '../db/stats/reference-comparison.js';
import { adoptCheckedReferenceLevels, proposeReferenceLevels } from '../db/stats/reference-proposal.js';
import type { Store } from '../db/store.js';
import { doseReportFillFor } from './dose-fill.js';
import { ExportJobs, suggestedExportName } from './export-jobs.js';
import type { HubSync } from './hub-sync.js';
import { printFileName } from './print-names.js';
import {
  API_CONTRACT,
  API_METHODS,
  type Api,
  type ApiFailure,
  type ApiMethodName,
  type ArgumentField,
  bindApi,
  isFailure,
  type MethodArgs,
  type MethodOutput,
} from './shared/api-contract.js';
import { WorklistService } from './worklist-service.js';

/*
 * The main side of the one contract (shared/api-contract.ts): each method's arguments are
 * parsed there, once, here at the boundary; `run` gets typed values and calls the services.
 * Every call resolves to plain JSON-safe data or to `{ error: { code, message, field?,
 * problems? } }` — never a thrown error or a stack trace.
 */

export { type Api, type ApiFailure, isFailure };

export interface ApiOptions {
  /** Who is acting, for the audit log: the console user. */
  actor: () => string;
  /**
   * Where an export goes: Electron asks with the native save dialog, the Chromium harness
   * picks a temporary file. null means the person cancelled. Never a path from the window.
   */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
  /** Where a backup goes, chosen the same way. */
  chooseBackupPath?: (suggestedName: string) => Promise<string | null>;
  /** The folder for automatic backups, chosen the same way (a folder dialog); null when cancelled. */
  chooseBackupFolder?: () => Promise<string | null>;
  /** The automatic backups the main process schedules (db/backups); without it, the API makes its own, unscheduled. */
  backups?: Backups;
  /**
   * Prints the window to a PDF file chosen in the main process (Electron: the save dialog and
   * webContents.printToPDF; the Chromium harness: a temporary file and page.pdf). Returns the
   * path written, or null when the person cancelled.
   */
  printToPdf?: (suggestedName: string) => Promise<string | null>;
  /** Today's worklist, asked in the background by the main process; without it, the API makes its own, asked on request. */
  worklist?: WorklistService;
  /** The background sync with the department hub (hub-sync.ts); without it the hub methods say so. */
  hub?: HubSync;
  onUnexpectedError?: (method: string, error: unknown) => void;
}

type Handlers = { [M in ApiMethodName]: (...args: MethodArgs<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

/** Names each problem by its argument (see ArgumentField), in the words the window shows. */
function argumentProblems(method: ApiMethodName, error: z.ZodError): FieldProblem[] {
  const fields: readonly ArgumentField[] = API_CONTRACT[method].fields;
  return error.issues.flatMap((issue): FieldProblem[] => {
    const [index, ...rest] = issue.path;
    const own = typeof index === 'number' ? fields[index]?.problems : undefined;
    if (own) return own({ issues: [{ ...issue, path: rest }] } as unknown as z.ZodError);
    return [oneProblem(method, fields, issue)];
  });
}

function oneProblem(method: ApiMethodName, fields: readonly ArgumentField[], issue: z.core.$ZodIssue): FieldProblem {
  const [index, ...rest] = issue.path;
  const spec = typeof index === 'number' ? fields[index] : undefined;
  if (!spec) return { field: '(request)', message: `The request to ${method} has the wrong number of arguments` };
  const [inner] = problemsFromZod({ issues: [{ ...issue, path: rest }] } as unknown as z.ZodError);
  const wholeArgument = rest.length === 0 && issue.code !== 'unrecognized_keys';
  if (!inner || (wholeArgument && spec.whole !== '(record)')) return problem(spec.whole, issue.message);
  return spec.prefix ? { field: `${spec.prefix}.${inner.field}`, message: inner.message } : inner;
}

function parseArguments<M extends ApiMethodName>(method: M, args: unknown[]): MethodArgs<M> {
  const parsed = API_CONTRACT[method].input.safeParse(args);
  if (parsed.success) return parsed.data as MethodArgs<M>;
  const seen = new Set<string>();
  const problems = argumentProblems(method, parsed.error).filter(({ field }) => !seen.has(field) && seen.add(field));
  throw RootLogError.invalid(problems);
}

function hubOf(options: ApiOptions): HubSync {
  if (!options.hub) throw new RootLogError('validation', 'This console has no department hub sync.');
  return options.hub;
}

export function createApi(store: Store, options: ApiOptions): Api & { call: typeof call } {
  const context = () => ({ actor: options.actor() });
  const jobs = new ExportJobs(store, (error) => options.onUnexpectedError?.('exports.start', error));
  const backups = options.backups ?? new Backups(store);
  const worklist = options.worklist ?? new WorklistService(store);

  const handlers: Handlers = {
    'procedures.saveDraft': (draft) => saveCheckedDraft(store, draft, context()),
    'procedures.sign': (id, signOptions) => signProcedure(store, id, signOptions ?? {}, context()),
    'procedures.amend': (draft, amendOptions) => amendCheckedProcedure(store, draft, amendOptions, context()),
    'procedures.get': (id) => getProcedure(store, id),
    'procedures.list': (filter, page) => listCheckedProcedures(store, filter ?? {}, page ?? { limit: 50 }),
    'procedures.deleteDraft': (id) => {
      deleteDraft(store, id, context());
      return { deleted: true };
    },
    'procedures.lastDrugs': () => lastSignedDrugs(store),
    'settings.get': () => getSettings(store),
    'settings.update': (patch) => updateCheckedSettings(store, patch, context()),
    'settings.saveOperator': (operator) => saveCheckedOperator(store, operator, context()),
    'settings.saveDrug': (drug) => saveCheckedDrug(store, drug, context()),
    'settings.proposeReferenceLevels': (period) => proposeReferenceLevels(store, period),
    'settings.presetSuggestions': () => presetSuggestions(store),
    'settings.adoptReferenceLevels': (period) => adoptCheckedReferenceLevels(store, period, context()),
    'followUps.record': (entry) => recordCheckedFollowUp(store, entry, context()),
    'followUps.of': (procedureId) => followUpsOf(store, procedureId),
    'followUps.due': (request) => followUpsDue(store, { date: request?.date }),
    'stats.dashboard': (filter) => dashboardFor(store, filter ?? {}),
    'stats.outcomes': (filter) => followUpOutcomes(store, filter ?? {}),
    'stats.referenceComparison': (filter) => referenceComparison(store, filter ?? {}),
    'exports.start': async (request) => {
      if (!options.chooseExportPath) throw RootLogError.invalid([{ field: 'out', message: 'Output file is required' }]);
      const out = await options.chooseExportPath(suggestedExportName(request.format));
      if (!out) return { cancelled: true };
      // The save dialog asked before replacing a file; the logbook and files in use stay refused.
      const checked = withDatePrecision({ ...request, out, force: true });
      checkExportFiles(store, checked);
      return jobs.start(checked);
    },
    'exports.status': (jobId) => jobs.status(jobId),
    'exports.cancel': (jobId) => jobs.cancel(jobId),
    'backup.run': async () => {
      if (!options.chooseBackupPath) throw RootLogError.invalid([{ field: 'out', message: 'Backup file is required' }]);
      const out = await options.chooseBackupPath(`rootlog-backup-${new Date().toISOString().slice(0, 10)}.sqlite`);
      if (!out) return { cancelled: true };
      const report = await backupDatabase(store, out, { force: true });
      const { path, bytes, procedures } = report;
      noteBackupMade(store, { at: new Date().toISOString(), path, bytes, procedures, by: 'app' });
      return report;
    },
    'backups.status': () => backups.status(),
    'backups.saveSchedule': (change) =>
      backups.saveSchedule(
        {
          ...backups.status().schedule,
          timeOfDay: change.timeOfDay,
          keep: change.keep,
          ...(change.folder === null ? { folder: null } : {}),
        },
        context(),
      ),
    'backups.chooseFolder': async () => {
      const folder = await options.chooseBackupFolder?.();
      if (!folder) return { cancelled: true };
      return backups.saveSchedule({ ...backups.status().schedule, folder }, context());
    },
    'backups.runNow': () => backups.runNow(),
    'print.toPdf': async (sheet, id) => {
      if (!options.printToPdf) throw RootLogError.invalid([{ field: 'out', message: 'Output file is required' }]);
      const path = await options.printToPdf(
        printFileName(sheet, id ? getProcedure(store, id).record : null, new Date()),
      );
      return path ? { path } : { cancelled: true };
    },
    'hub.status': () => hubOf(options).status(),
    'hub.syncNow': () => hubOf(options).syncNow(),
    'hub.setPassword': (password) => {
      hubOf(options).setPassword(password);
      return { saved: true };
    },
    'connections.get': () => connectionSettings(store.reader),
    'connections.update': async (patch) => {
      const saved = updateConnectionSettings(store, patch, context());
      if (patch.worklistServer !== undefined) {
        worklist.forget();
        void worklist.refresh();
      }
      return saved;
    },
    'worklist.status': () => worklist.status(),
    'worklist.refresh': () => worklist.refresh(),
    'worklist.test': () => worklist.test(),
    'dose.fromReport': (procedureId) => ({ report: doseReportFillFor(store, procedureId, context()) }),
    'database.health': () => store.health(),
  };

  /** One call from the window: arguments parsed once, writes held until the first page check, errors as data. */
  async function call(method: ApiMethodName, args: unknown[]): Promise<unknown> {
    try {
      if (!API_METHODS.includes(method)) throw new RootLogError('validation', `There is no API method ${method}.`);
      const parsed = parseArguments(method, Array.isArray(args) ? args : [args]);
      // A write waits for the background page check (seconds at most, once per start):
      // a damaged file is never written to, and the store then refuses with a clear message.
      // verify() runs the check once and then answers from memory: no query per autosave.
      if (API_CONTRACT[method].writes) await store.verify();
      const run = handlers[method] as (...parsedArgs: unknown[]) => unknown;
      return await run(...(parsed as unknown[]));
    } catch (error) {
      if (error instanceof RootLogError) return { error: error.toJSON() };
      // Another process (a rootlog import, a second RootLog on the file) kept the logbook past the busy timeout.
      if (isBusy(error)) return { error: busyLogbook(store.path, 'app', error).toJSON() };
      options.onUnexpectedError?.(method, error);
      return {
        error: {
          code: 'internal',
          message: 'RootLog could not complete this request; nothing was changed. The details are in the log.',
        },
      };
    }
  }

  return Object.assign(bindApi(call), { call });
}
