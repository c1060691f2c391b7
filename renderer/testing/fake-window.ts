import type { ApiMethodName } from '../../electron/shared/api-contract.js';
import { WINDOW_API_NAME, type WindowApi } from '../../electron/shared/channels.js';

type Answer = (args: unknown[]) => unknown;

/**
 * Puts a fake main process on `window`, in the shape the preload gives: one `call` by method
 * name. Each method answers from `answers` (data, or `{ error }` as the real API does); every
 * call is recorded. For store tests: the stores run unchanged against it.
 */
export function fakeWindow(answers: Partial<Record<ApiMethodName, Answer>>) {
  const calls: [string, unknown[]][] = [];
  const api: WindowApi = {
    call: async (method, args) => {
      calls.push([method, args]);
      const answer = answers[method as ApiMethodName];
      if (!answer) return { error: { code: 'internal', message: `no fake answer for ${method}` } };
      return answer(args);
    },
  };
  (globalThis as unknown as { window: Record<string, unknown> }).window = { [WINDOW_API_NAME]: api };
  return { calls };
}

/** The window's storage (localStorage) for a store under test: a map, and what is in it. */
export function fakeStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
