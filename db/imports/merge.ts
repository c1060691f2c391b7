import { type ImportOptions, type ImportReport, mergeInterchange } from '../interchange/merge.js';
import type { ServiceContext, Store } from '../store.js';
import { readExportFile } from './export-file.js';

/*
 * Merging a JSON export from another console: the file read as a stream (export-file.ts), its
 * records merged by the interchange module (db/interchange/merge.ts). If the import stops
 * part-way (a broken file, a full disk), what it had committed stays and is said in the error.
 */

export type { ImportConflict, ImportOptions, ImportReport } from '../interchange/merge.js';

export function importFile(
  store: Store,
  path: string,
  context: ServiceContext,
  options: ImportOptions = {},
): Promise<ImportReport> {
  let bytes = 0;
  let totalBytes = 0;
  let sha256 = '';
  return mergeInterchange(
    store,
    {
      name: path,
      fingerprint: () => sha256,
      progress: () => ({ bytes, totalBytes }),
      events: (limits) =>
        readExportFile(path, limits, (progress) => {
          bytes = progress.bytes;
          totalBytes = progress.totalBytes;
          if (progress.sha256) sha256 = progress.sha256;
        }),
    },
    context,
    options,
  );
}
