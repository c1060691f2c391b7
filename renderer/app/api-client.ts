import type { ApiError } from '../../db/model/index.js';
import type { Api, ApiFailure } from '../../electron/api.js';
import { isFailure, WINDOW_API_NAME } from '../../electron/api-methods.js';

/*
 * The renderer's only door to the main process: the typed API the preload (Electron) or
 * the e2e harness (Chromium) put on window. Calls resolve to data or throw an ApiCallError
 * carrying the serialisable { code, message, field, problems }.
 */

export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
}

type Unwrapped<F> = F extends (...args: infer A) => Promise<infer R>
  ? (...args: A) => Promise<Exclude<R, ApiFailure>>
  : never;
export type Client = { [G in keyof Api]: { [M in keyof Api[G]]: Unwrapped<Api[G][M]> } };

function windowApi(): Api {
  const api = (window as unknown as Record<string, Api | undefined>)[WINDOW_API_NAME];
  if (!api) throw new Error('RootLog API is not available in this window.');
  return api;
}

export const client: Client = new Proxy({} as Client, {
  get: (_target, group: string) =>
    new Proxy(
      {},
      {
        get:
          (_inner, method: string) =>
          async (...args: unknown[]) => {
            const fn = (
              windowApi() as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>
            )[group]?.[method];
            if (!fn) throw new Error(`Unknown API method ${group}.${method}`);
            const result = await fn(...args);
            if (isFailure(result)) throw new ApiCallError(result.error);
            return result;
          },
      },
    ),
});
