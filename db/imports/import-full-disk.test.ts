import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { seedDatabase } from '../seed.js';
import { openStore } from '../store.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { SMALL_DISK_UNAVAILABLE, smallDisk } from '../testing/small-disk.js';
import { importFile } from './merge.js';

/*
 * An import into a logbook whose disk fills up on the way: it stops, and what it says stays
 * is what the logbook holds, counted from the logbook afterwards; the reason is in words.
 */

let exported: string;
beforeAll(async () => {
  const { store } = tempStore();
  seedDatabase(store, { count: 1200, seed: 21 }, context);
  exported = tempPath('from-ct-b.json');
  await runExport(store, { format: 'json', out: exported });
  store.close();
});

describe.skipIf(SMALL_DISK_UNAVAILABLE)(`an import onto a full disk (${SMALL_DISK_UNAVAILABLE ?? 'tmpfs'})`, () => {
  for (const megabytes of [1, 2, 3]) {
    it(`stops with the count the logbook holds (a ${megabytes} MB disk)`, async () => {
      const disk = smallDisk(megabytes << 20);
      try {
        const store = openStore(join(disk.folder, 'logbook.sqlite'));
        const count = () => store.reader.prepare('SELECT count(*) FROM procedures').pluck().get() as number;
        let message = '';
        let stayed: number;
        try {
          await importFile(store, exported, context, { limits: { pauseMs: 0 } });
        } catch (error) {
          message = (error as Error).message;
        } finally {
          stayed = count();
          store.close();
        }
        expect(stayed, 'the disk filled before the end').toBeLessThan(1200);
        expect(message).toMatch(
          new RegExp(`^The disk holding ${disk.folder} \\(the logbook\\) is full: the import stopped\\.`),
        );
        expect(message).toContain(
          stayed > 0
            ? ` ${stayed} ${stayed === 1 ? 'record had' : 'records had'} already been added and stay (each batch is in the audit log); running the same import again adds the rest and skips those.`
            : ' Nothing was added.',
        );
        expect(message).not.toMatch(/database or disk is full|SQLITE/);
      } finally {
        disk.remove();
      }
    });
  }
});
