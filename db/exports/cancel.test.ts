import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { seedDatabase } from '../seed.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { EXPORT_FORMATS } from './options.js';
import { runExport } from './run.js';

it('an export cancelled half way, in every format, leaves no file behind and no stray error', async () => {
  const { store } = tempStore();
  seedDatabase(store, { count: 1000, seed: 3 }, context);
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
    // Gone by the time the export answers: the partial file is removed before it rejects, and a
    // stream still closing writes to a file that no longer has a name (the writers hold its
    // descriptor, never its path), so nothing can appear later however slowly it closes.
    expect(readdirSync(dirname(out)), format).toEqual([]);
  }
});
