import type { z } from 'zod';
import { Backups } from '../db/backups/backups.js';
import { noteBackupMade } from '../db/backups/records.js';
import { busyLogbook, isBusy } from '../db/busy.js';
import {
  changeOwnPin,
  makeCredential,
  operatorOfBadgeNumber,
  presentCredential,
  setBadge,
  setPinFor,
  setUpFirstAdministrator,
} from '../db/credentials.js';
import { withDatePrecision } from '../db/exports/options.js';
import { checkExportFiles } from '../db/exports/run.js';
import { followUpsDue, followUpsOf, recordCheckedFollowUp } from '../db/follow-ups.js';
import { HubError } from '../db/hub/errors.js';
import { backupDatabase } from '../db/maintenance.js';
import {
  type FieldProblem,
  issueProblem,
  PROBLEM_MESSAGES,
  problem,
  problemsFromZod,
  REFUSAL_MESSAGES as R,
  RootLogError,
  saidOf,
  sentence,
  ZOD_MESSAGES,
} from '../db/model/index.js';
import {
  amendCheckedProcedure,
  deleteDraft,
  getProcedure,
  lastSignedDrugs,
  parseDraftFor,
  saveCheckedDraft,
  signabilityOf,
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
import { DoseReceiverService } from './dose-receiver-service.js';
import { ExportJobs, suggestedExportName } from './export-jobs.js';
import type { HubSync } from './hub-sync.js';
import { printFileName } from './print-names.js';
import { RisService } from './ris-service.js';
import { ConsoleSession, consoleLocked } from './session.js';
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
  /** The RIS outbox, sent in the background by the main process; without it, the API makes its own, sent on request. */
  ris?: RisService;
  /** The dose report receiver the main process runs (Settings → Dose reports); without it, the API makes its own, not started. */
  doseReceiver?: DoseReceiverService;
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
  if (!spec) return { field: '(request)', ...saidOf(sentence(R.wrongArgumentCount, { method })) };
  const [inner] = problemsFromZod({ issues: [{ ...issue, path: rest }] } as unknown as z.ZodError);
  const wholeArgument = rest.length === 0 && issue.code !== 'unrecognized_keys';
  if (!inner || (wholeArgument && spec.whole !== '(record)')) {
    return issueProblem(spec.whole, issue);
  }
  return spec.prefix ? { ...inner, field: `${spec.prefix}.${inner.field}` } : inner;
}

function parseArguments<M extends ApiMethodName>(method: M, args: unknown[]): MethodArgs<M> {
  const parsed = API_CONTRACT[method].input.safeParse(args);
  if (parsed.success) return parsed.data as MethodArgs<M>;
  const seen = new Set<string>();
  const problems = argumentProblems(method, parsed.error).filter(({ field }) => !seen.has(field) && seen.add(field));
  throw RootLogError.invalid(problems);
}

/** No file chosen to write to (the dialog cannot open): "Output file is required". */
const outRequired = () => problem('out', PROBLEM_MESSAGES.fieldRule, { rule: sentence(ZOD_MESSAGES.required) });

function hubOf(options: ApiOptions): HubSync {
  if (!options.hub) throw new RootLogError('validation', sentence(R.noHubSync));
  return options.hub;
}

export function createApi(store: Store, options: ApiOptions): Api & { call: typeof call } {
  const context = () => ({ actor: options.actor() });
  const jobs = new ExportJobs(store, (error) => options.onUnexpectedError?.('exports.start', error));
  const backups = options.backups ?? new Backups(store);
  const session = new ConsoleSession(store);
  /** Who changes settings: the administrator whose PIN opened administration, by name in the audit. */
  const administration = () => {
    const administratorId = session.administrator();
    const name = getSettings(store).operators.find((operator) => operator.id === administratorId)?.name;
    return { administratorId, context: { actor: name ?? options.actor() } };
  };
  /** Setting another's PIN or badge needs a proven administrator, even on a logbook without one yet. */
  const provenAdministration = () => {
    const { administratorId, context: byAdministrator } = administration();
    if (!administratorId) throw new RootLogError('administrator_required', sentence(R.noAdministratorYet));
    return { administratorId, context: byAdministrator };
  };
  const signed = <T>(answer: T, operatorId: string): T => {
    session.signedBy(operatorId);
    return answer;
  };
  const worklist = options.worklist ?? new WorklistService(store);
  const ris = options.ris ?? new RisService(store);
  const doseReceiver = options.doseReceiver ?? new DoseReceiverService(store);
  /** A signed or amended record queued its report (same transaction): the outbox sends it soon, not at the next round. */
  const queued = <T>(answer: T): T => {
    void ris.send();
    return answer;
  };

  const handlers: Handlers = {
    'procedures.saveDraft': (draft) => saveCheckedDraft(store, draft, context()),
    'procedures.sign': async (id, signOptions, signer) => {
      // Asked before the PIN was typed: what the record itself still needs first, then the PIN.
      if (!signer.pin) signabilityOf(store, id, signOptions, context());
      return queued(
        signed(
          signProcedure(store, id, signOptions, await presentCredential(store, signer), context()),
          signer.operatorId,
        ),
      );
    },
    'procedures.amend': async (draft, amendOptions, signer) =>
      queued(
        signed(
          amendCheckedProcedure(store, draft, amendOptions, await presentCredential(store, signer), context()),
          signer.operatorId,
        ),
      ),
    'procedures.get': (id) => getProcedure(store, id),
    'procedures.list': (filter, page) => listCheckedProcedures(store, filter ?? {}, page ?? { limit: 50 }),
    'procedures.deleteDraft': (id) => {
      deleteDraft(store, id, context());
      return { deleted: true };
    },
    'procedures.lastDrugs': () => lastSignedDrugs(store),
    'settings.get': () => getSettings(store),
    'settings.update': (patch) => updateCheckedSettings(store, patch, administration().context),
    'settings.saveOperator': (operator) => saveCheckedOperator(store, operator, administration().context),
    'settings.setPin': async ({ operatorId, newPin }) => {
      const { administratorId, context: byAdministrator } = provenAdministration();
      return setPinFor(store, administratorId, operatorId, await makeCredential(newPin), byAdministrator);
    },
    'settings.setBadge': ({ operatorId, badge }) => {
      const { administratorId, context: byAdministrator } = provenAdministration();
      return setBadge(store, administratorId, operatorId, badge, byAdministrator);
    },
    'settings.saveDrug': (drug) => saveCheckedDrug(store, drug, administration().context),
    'settings.proposeReferenceLevels': (period) => proposeReferenceLevels(store, period),
    'settings.presetSuggestions': () => presetSuggestions(store),
    'settings.adoptReferenceLevels': (period) => adoptCheckedReferenceLevels(store, period, administration().context),
    'followUps.record': async (entry, signer) => {
      const recorded = recordCheckedFollowUp(store, entry, await presentCredential(store, signer), context());
      session.signedBy(signer.operatorId);
      return recorded;
    },
    'followUps.of': (procedureId) => followUpsOf(store, procedureId),
    'followUps.due': (request) => followUpsDue(store, { date: request?.date }),
    'stats.dashboard': (filter) => dashboardFor(store, filter ?? {}),
    'stats.outcomes': (filter) => followUpOutcomes(store, filter ?? {}),
    'stats.referenceComparison': (filter) => referenceComparison(store, filter ?? {}),
    'exports.start': async (request) => {
      if (!options.chooseExportPath) throw RootLogError.invalid([outRequired()]);
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
      if (!options.chooseBackupPath) throw RootLogError.invalid([outRequired()]);
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
        administration().context,
      ),
    'backups.chooseFolder': async () => {
      const { context: byAdministrator } = administration();
      const folder = await options.chooseBackupFolder?.();
      if (!folder) return { cancelled: true };
      return backups.saveSchedule({ ...backups.status().schedule, folder }, byAdministrator);
    },
    'backups.runNow': () => backups.runNow(),
    'print.toPdf': async (sheet, id) => {
      if (!options.printToPdf) throw RootLogError.invalid([outRequired()]);
      const path = await options.printToPdf(
        printFileName(sheet, id ? getProcedure(store, id).record : null, new Date()),
      );
      return path ? { path } : { cancelled: true };
    },
    'hub.status': () => hubOf(options).status(),
    'hub.syncNow': () => hubOf(options).syncNow(),
    'hub.setPassword': (password) => {
      administration();
      try {
        hubOf(options).setPassword(password);
      } catch (error) {
        if (error instanceof HubError)
          throw new RootLogError('validation', sentence(R.hubSaid, { why: error.message }), { field: 'password' });
        throw error;
      }
      return { saved: true };
    },
    'hub.replaceKey': () => {
      try {
        return hubOf(options).replaceKey();
      } catch (error) {
        if (error instanceof HubError)
          throw new RootLogError('validation', sentence(R.hubSaid, { why: error.message }));
        throw error;
      }
    },
    'hub.conflicts': () => hubOf(options).conflicts(),
    'hub.resolveConflict': async (id, resolution, signer) =>
      hubOf(options).resolve(id, resolution, await presentCredential(store, signer)),
    'hub.refusals': () => hubOf(options).refusals(),
    'connections.get': () => connectionSettings(store.reader),
    'connections.update': async (patch) => {
      const saved = updateConnectionSettings(store, patch, administration().context);
      if (patch.worklistServer !== undefined) {
        worklist.forget();
        void worklist.refresh();
      }
      // Started, moved to its new port or stopped before the answer: Settings shows its state at once.
      if (patch.doseReceiver !== undefined) await doseReceiver.apply();
      return saved;
    },
    'worklist.status': () => worklist.status(),
    'worklist.refresh': () => worklist.refresh(),
    'worklist.test': () => worklist.test(),
    'dose.fromReport': (procedureId) => ({ report: doseReportFillFor(store, procedureId, context()) }),
    'dose.fetchFromPacs': async (procedureId) => {
      const { moved } = await doseReceiver.fetchFromPacs(procedureId, context());
      return { fetched: moved, report: doseReportFillFor(store, procedureId, context()) };
    },
    'doseReports.status': () => ({ receiver: doseReceiver.status(), inbox: doseReceiver.inbox() }),
    'doseReports.attach': (reportId, procedureId) => doseReceiver.attach(reportId, procedureId, context()),
    'ris.deliveries': (procedureId) => ris.deliveries(procedureId),
    'ris.sendNow': (procedureId) => ris.sendNow(procedureId),
    'ris.sendAgain': (procedureId, version) => ris.sendAgain(procedureId, version, context()),
    'database.health': () => store.health(),
    'session.state': () => session.state(),
    'session.lock': () => session.lock(),
    'session.unlock': (signer) => session.unlock(signer, context()),
    'session.administer': (signer) => session.administer(signer, context()),
    'session.endAdministration': () => session.endAdministration(),
    'session.setUpFirstAdministrator': async ({ pin, ...who }) => {
      const operator = setUpFirstAdministrator(store, who, await makeCredential(pin), context());
      return session.opened(operator.id, true);
    },
    'session.changePin': async ({ operatorId, oldPin, newPin }) => {
      const presented = await presentCredential(store, { operatorId, pin: oldPin });
      changeOwnPin(store, presented, await makeCredential(newPin), context());
      return { changed: true };
    },
    'session.badge': (badge) => ({ operatorId: operatorOfBadgeNumber(store, badge.trim()) }),
  };

  /** One call from the window: arguments parsed once, writes held until the first page check, errors as data. */
  async function call(method: ApiMethodName, args: unknown[]): Promise<unknown> {
    try {
      if (!API_METHODS.includes(method)) throw new RootLogError('validation', sentence(R.noApiMethod, { method }));
      // Locked, the console answers only the lock screen (and a draft saved as it locks).
      if (session.locked && !API_CONTRACT[method].whileLocked) throw consoleLocked();
      // What the contract declares an administrator's is refused here, before its arguments are
      // read, whatever its handler remembers to ask (handlers still ask, for the name to audit).
      if (API_CONTRACT[method].administers) session.administrator();
      const listed = Array.isArray(args) ? args : [args];
      // The autosave's draft, parsed only where it differs from the one parsed before (the whole
      // parse, with the contract's words for what is wrong, whenever that is not enough).
      const parsed =
        method === 'procedures.saveDraft' && listed.length === 1
          ? [parseDraftFor(store, listed[0], (draft) => parseArguments('procedures.saveDraft', [draft])[0])]
          : parseArguments(method, listed);
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
