import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { seedDatabase } from '../seed.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { EXPORT_FORMATS } from './options.js';
import { runExport } from './run.js';

it('an export cancelled half way, in every format, leaves no file behind and no stray error', async () => {
  const { store } = tempStore();
  seedDatabase(store, { count: 6000, seed: 3 }, context);
  for (const format of EXPORT_FORMATS) {
    const out = tempPath(`cancelled.${format}`);
    const controller = new AbortController();
    const seen: number[] = [];
    const pending = runExport(
      store,
      { format, out, detailFiles: format === 'csv' },
      {
        signal: controller.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done >= 500) controller.abort();
        },
      },
    );
    await expect(pending, format).rejects.toMatchObject({ code: 'cancelled' });
    expect(Math.max(...seen), `${format} got under way`).toBeGreaterThanOrEqual(500);
    // Streams still closing must not recreate or leave anything.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readdirSync(dirname(out)), format).toEqual([]);
  }
});
