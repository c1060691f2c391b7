import { z } from 'zod';
import type { AuditEntry } from '../db/audit.js';
import { EXPORT_FORMATS } from '../db/exports/options.js';
import { backupDatabase } from '../db/maintenance.js';
import {
  type Dashboard,
  type DepartmentSettings,
  type Drug,
  type DrugAdministration,
  type Operator,
  type ProcedurePage,
  problemsFromZod,
  RootLogError,
} from '../db/model/index.js';
import {
  amendProcedure,
  deleteDraft,
  getProcedure,
  type ProcedureWithHistory,
  type SavedProcedure,
  saveDraft,
  signProcedure,
} from '../db/procedures.js';
import { listProcedures } from '../db/search.js';
import { getSettings, saveDrug, saveOperator, updateSettings } from '../db/settings.js';
import { dashboard } from '../db/stats/dashboard.js';
import type { Store } from '../db/store.js';
import { type ApiFailure, type ApiMethodName, isFailure } from './api-methods.js';
import { type ExportJobStatus, ExportJobs, suggestedExportName } from './export-jobs.js';

/*
 * The one contract between the renderer and the main process. Every method validates its
 * arguments, calls the db services, and resolves to plain JSON-safe data or to
 * `{ error: { code, message, field?, problems? } }` — never a thrown error or a stack trace.
 */

export type ApiResult<T> = T | ApiFailure;
export { type ApiFailure, isFailure };

const signOptionsSchema = z
  .object({ confirmedWarnings: z.array(z.string().max(64)).max(20).optional() })
  .strict()
  .optional();
const amendOptionsSchema = z
  .object({
    reason: z.string({ error: 'is required' }),
    confirmedWarnings: z.array(z.string().max(64)).max(20).optional(),
  })
  .strict();
const backupTargetSchema = z
  .string({ error: 'must be a file path' })
  .min(1, { error: 'must be a file path' })
  .max(4096)
  .refine((path) => !path.includes('\0'), { error: 'must be a file path' });

function parseArgument<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = problemsFromZod(parsed.error).map((problem) => ({
    field: problem.field === '(record)' ? field : `${field}.${problem.field}`,
    message:
      problem.field === '(record)' ? `${field} ${parsed.error.issues[0]?.message ?? 'is not valid'}` : problem.message,
  }));
  throw RootLogError.invalid(problems);
}

export interface ApiOptions {
  /** Who is acting, for the audit log: the console user. */
  actor: () => string;
  /**
   * Where an export goes when the request names no file: Electron asks with the native save
   * dialog, the e2e harness picks a temporary file. null means the person cancelled.
   */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
  onUnexpectedError?: (method: string, error: unknown) => void;
}

const exportRequestSchema = z
  .object({ format: z.enum(EXPORT_FORMATS, { error: `must be one of: ${EXPORT_FORMATS.join(', ')}` }) })
  .passthrough();

export function createApi(store: Store, options: ApiOptions) {
  const context = () => ({ actor: options.actor() });
  const jobs = new ExportJobs(store, (error) => options.onUnexpectedError?.('exports.start', error));

  const guard =
    <A extends unknown[], T>(method: ApiMethodName, action: (...args: A) => T | Promise<T>) =>
    async (...args: A): Promise<ApiResult<Awaited<T>>> => {
      try {
        return await action(...args);
      } catch (error) {
        if (error instanceof RootLogError) return { error: error.toJSON() };
        options.onUnexpectedError?.(method, error);
        return {
          error: {
            code: 'internal',
            message: 'RootLog could not complete this request; nothing was changed. The details are in the log.',
          },
        };
      }
    };

  return {
    procedures: {
      saveDraft: guard('procedures.saveDraft', (input: unknown): SavedProcedure => saveDraft(store, input, context())),
      sign: guard(
        'procedures.sign',
        (id: unknown, signOptions?: unknown): SavedProcedure =>
          signProcedure(store, id, parseArgument(signOptionsSchema, signOptions, 'options') ?? {}, context()),
      ),
      amend: guard(
        'procedures.amend',
        (input: unknown, amendOptions: unknown): SavedProcedure =>
          amendProcedure(store, input, parseArgument(amendOptionsSchema, amendOptions, 'options'), context()),
      ),
      get: guard('procedures.get', (id: unknown): ProcedureWithHistory => getProcedure(store, id)),
      list: guard(
        'procedures.list',
        (filter?: unknown, page?: unknown): ProcedurePage => listProcedures(store, filter ?? {}, page ?? {}),
      ),
      deleteDraft: guard('procedures.deleteDraft', (id: unknown): { deleted: true } => {
        deleteDraft(store, id, context());
        return { deleted: true };
      }),
      /** The drugs of this console's most recent signed procedure: "same drugs as last time". */
      lastDrugs: guard('procedures.lastDrugs', (): DrugAdministration[] => {
        const id = store.reader
          .prepare("SELECT id FROM procedures WHERE status <> 'draft' ORDER BY signed_at DESC LIMIT 1")
          .pluck()
          .get() as string | undefined;
        return id ? getProcedure(store, id).record.drugs : [];
      }),
    },
    settings: {
      get: guard('settings.get', (): DepartmentSettings => getSettings(store)),
      update: guard('settings.update', (patch: unknown): DepartmentSettings => updateSettings(store, patch, context())),
      saveOperator: guard(
        'settings.saveOperator',
        (operator: unknown): Operator => saveOperator(store, operator, context()),
      ),
      saveDrug: guard('settings.saveDrug', (drug: unknown): Drug => saveDrug(store, drug, context())),
    },
    stats: {
      /** Every dashboard aggregate over the filter, as plain data. */
      dashboard: guard('stats.dashboard', (filter?: unknown): Dashboard => dashboard(store, filter ?? {})),
    },
    exports: {
      /** Starts an export and answers at once with its job; `{ cancelled: true }` when no file was chosen. */
      start: guard('exports.start', async (request: unknown): Promise<ExportJobStatus | { cancelled: true }> => {
        const checked = parseArgument(exportRequestSchema, request, 'export');
        let out = typeof checked.out === 'string' ? checked.out : null;
        if (!out) {
          if (!options.chooseExportPath)
            throw RootLogError.invalid([{ field: 'out', message: 'Output file is required' }]);
          out = await options.chooseExportPath(suggestedExportName(checked.format));
          if (!out) return { cancelled: true };
        }
        return jobs.start({ ...checked, out });
      }),
      status: guard(
        'exports.status',
        (jobId: unknown): ExportJobStatus => jobs.status(parseArgument(z.string().uuid(), jobId, 'jobId')),
      ),
      cancel: guard(
        'exports.cancel',
        (jobId: unknown): ExportJobStatus => jobs.cancel(parseArgument(z.string().uuid(), jobId, 'jobId')),
      ),
    },
    backup: {
      run: guard('backup.run', async (outPath: unknown) =>
        backupDatabase(store, parseArgument(backupTargetSchema, outPath, 'out')),
      ),
    },
  };
}

/** What the renderer knows about the main process: this type, imported with `import type`. */
export type Api = ReturnType<typeof createApi>;

export type { AuditEntry, ExportJobStatus, ProcedureWithHistory, SavedProcedure };
