import type { ApiError, Said } from '../../db/model/index.js';
import { type Api, type ApiFailure, isFailure } from '../../electron/shared/api-contract.js';
import { WINDOW_API_NAME, type WindowApi } from '../../electron/shared/channels.js';

/*
 * The renderer's only door to the main process: the window's `call` that the preload
 * (Electron) or the e2e harness (Chromium) put there, typed by the one contract. Calls resolve to data or throw an ApiCallError
 * carrying the serialisable { code, message, field, problems }.
 */

export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
}

/**
 * A failed call's refusal as the window keeps it: the main process's words (message and values,
 * said in the reader's language by useRefusalWords) and their English; anything else as it came.
 */
export const refusalOf = (error: unknown): Said =>
  error instanceof ApiCallError
    ? { message: error.error.message, ...(error.error.words ? { words: error.error.words } : {}) }
    : { message: error instanceof Error ? error.message : String(error) };

type Unwrapped<F> = F extends (...args: infer A) => Promise<infer R>
  ? (...args: A) => Promise<Exclude<R, ApiFailure>>
  : never;
export type Client = { [G in keyof Api]: { [M in keyof Api[G]]: Unwrapped<Api[G][M]> } };

function windowApi(): WindowApi {
  const api = (window as unknown as Record<string, WindowApi | undefined>)[WINDOW_API_NAME];
  if (!api) throw new Error('RootLog API is not available in this window.');
  return api;
}

/** `client.procedures.saveDraft(draft)`: typed by the contract, sent as one call by method name. */
export const client: Client = new Proxy({} as Client, {
  get: (_target, group: string) =>
    new Proxy(
      {},
      {
        get:
          (_inner, method: string) =>
          async (...args: unknown[]) => {
            const result: unknown = await windowApi().call(`${group}.${method}`, args);
            if (isFailure(result)) throw new ApiCallError(result.error);
            return result;
          },
      },
    ),
});
