import { describe, expect, it } from 'vitest';
import { tempStore } from '../db/testing/fixtures.js';
import { ZOD_OWN_WORDS } from '../db/testing/zod-own-words.js';
import { createApi } from './api.js';
import { API_METHODS } from './shared/api-contract.js';

/* Every method of the API, called as a careless or hostile window might: its refusal is in words, never zod's. */
const PROBES: unknown[][] = [
  [],
  [null],
  [undefined, undefined, undefined],
  ['x'],
  [-1, -1, -1],
  [1e12],
  [{ notAField: 1 }],
  [{}, {}, {}],
  [[], []],
  ['x'.repeat(100_001)],
  ['2026-13-45', { limit: 0 }],
];

describe('the API refuses in words', () => {
  it('every method, every kind of wrong argument', async () => {
    const { store } = tempStore();
    const api = createApi(store, { actor: () => 'words-test' });
    const zodWords = new Set<string>();
    for (const method of API_METHODS) {
      for (const args of PROBES) {
        const answer = (await api.call(method, args)) as {
          error?: { message: string; problems?: { message: string }[] };
        };
        if (!answer || typeof answer !== 'object' || !answer.error) continue;
        // Zod's words, or a label said twice (a schema's message that names its field, after the label).
        for (const message of [answer.error.message, ...(answer.error.problems ?? []).map((p) => p.message)])
          if (ZOD_OWN_WORDS.test(message) || /(^|; )(.{6,}) \2/.test(message)) zodWords.add(`${method}: ${message}`);
      }
    }
    expect([...zodWords].slice(0, 40), `${zodWords.size} messages in zod's words`).toEqual([]);
    store.close();
  });
});
