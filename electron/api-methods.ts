import type { ApiError } from '../db/model/index.js';

/*
 * The names of every API method, shared by the main side (ipc.ts), the preload bridge and
 * the e2e shim. Pure: no Electron, no Node. api.test.ts checks it matches createApi exactly.
 */
export const API_METHODS = [
  'procedures.saveDraft',
  'procedures.sign',
  'procedures.amend',
  'procedures.get',
  'procedures.list',
  'procedures.deleteDraft',
  'procedures.lastDrugs',
  'settings.get',
  'settings.update',
  'settings.saveOperator',
  'settings.saveDrug',
  'stats.dashboard',
  'exports.start',
  'exports.status',
  'exports.cancel',
  'backup.run',
] as const;

export type ApiMethodName = (typeof API_METHODS)[number];

/** The IPC channel of a method: one channel per method, all under the app's own prefix. */
export const channelOf = (method: ApiMethodName): string => `rootlog:${method}`;

/** The name the API is exposed under in the renderer's window. */
export const WINDOW_API_NAME = 'rootlog';

/**
 * Builds the nested API object (`api.procedures.saveDraft(…)`) from one generic call
 * function: the preload bridge passes ipcRenderer.invoke, the e2e shim an exposed function.
 */
export function bindApi<T>(call: (method: ApiMethodName, args: unknown[]) => Promise<unknown>): T {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const [group, name] = method.split('.') as [string, string];
    api[group] ??= {};
    api[group][name] = (...args: unknown[]) => call(method, args);
  }
  return api as T;
}

/** How every API method answers a refused or failed request. */
export type ApiFailure = { error: ApiError };

export const isFailure = (value: unknown): value is ApiFailure =>
  typeof value === 'object' && value !== null && 'error' in value && Object.keys(value).length === 1;
