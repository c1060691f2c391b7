import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportJobs } from '../../electron/export-jobs.js';
import { seedDatabase } from '../seed.js';
import type { Store } from '../store.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { PAGE, SMALL_DISK_UNAVAILABLE, type SmallDisk, smallDisk } from '../testing/small-disk.js';
import { EXPORT_FORMATS, type ExportFormat, exportOptionsSchema } from './options.js';
import { runExport } from './run.js';

/*
 * An export onto a disk that fills up on the way: on a real tmpfs, full at the first write
 * and full only at the last few kilobytes (for CSV: in the last of its files, when the others
 * are complete). Every format must stop with the reason in words, leave none of its files, and
 * leave the process running.
 */

let store: Store;
beforeAll(() => {
  store = tempStore().store;
  seedDatabase(store, { count: 300, seed: 11 }, context);
});
afterAll(() => store.close());

const request = (format: ExportFormat, out: string) => ({ format, out, detailFiles: format === 'csv', force: true });

/** What the whole export takes on a disk with room, in whole pages. */
async function pagesNeeded(format: ExportFormat): Promise<number> {
  const out = tempPath(`roomy.${format}`);
  const result = await runExport(store, request(format, out));
  return result.files.reduce((sum, file) => sum + Math.ceil(statSync(file).size / PAGE) * PAGE, 0);
}

const fullDiskWords = (folder: string) =>
  `The disk holding ${folder} is full: the export was not written; nothing in the logbook changed. Free some space there or choose another disk, then export again.`;

describe.skipIf(SMALL_DISK_UNAVAILABLE)(`exports onto a full disk (${SMALL_DISK_UNAVAILABLE ?? 'tmpfs'})`, () => {
  for (const format of EXPORT_FORMATS) {
    for (const moment of ['at the first write', 'near the end'] as const) {
      it(`${format}: full ${moment} → the reason in words, no file left, the process alive`, async () => {
        const room = moment === 'at the first write' ? PAGE : (await pagesNeeded(format)) - 2 * PAGE;
        let disk: SmallDisk | undefined;
        try {
          disk = smallDisk(room);
          const out = join(disk.folder, `audit.${format}`);
          await expect(runExport(store, request(format, out))).rejects.toMatchObject({
            message: fullDiskWords(disk.folder),
            field: 'out',
          });
          expect(readdirSync(disk.folder)).toEqual([]);
        } finally {
          disk?.remove();
        }
      });
    }
  }

  it('a job in the app that fills the disk ends "failed" with the reason, and the next export runs', async () => {
    const disk = smallDisk(PAGE);
    try {
      const jobs = new ExportJobs(store);
      for (const format of EXPORT_FORMATS) {
        const out = join(disk.folder, `audit.${format}`);
        const job = jobs.start(exportOptionsSchema.parse(request(format, out)));
        const ended = await jobs.settled(job.id);
        expect(ended, format).toMatchObject({ state: 'failed', error: { message: fullDiskWords(disk.folder) } });
      }
      expect(readdirSync(disk.folder)).toEqual([]);
      const roomy = tempPath('after.json');
      const job = jobs.start(exportOptionsSchema.parse(request('json', roomy)));
      expect(await jobs.settled(job.id)).toMatchObject({ state: 'done' });
    } finally {
      disk.remove();
    }
  });
});
