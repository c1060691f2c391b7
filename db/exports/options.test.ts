import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempPath, tempStore } from '../testing/fixtures.js';
import { runExport } from './run.js';

/*
 * An option that means nothing for the export asked is refused at its field, before any file
 * is touched: a person who asked for month-precise dates or a European CSV and silently got
 * something else would pass on a file they believe to be another.
 */
describe('export options that do not fit the export', () => {
  it('refuses a date precision for an identified export instead of ignoring it, and writes nothing', async () => {
    const { store } = tempStore();
    const out = tempPath('identified.csv');
    await expect(runExport(store, { format: 'csv', out, datePrecision: 'month' })).rejects.toMatchObject({
      field: 'datePrecision',
      message: expect.stringMatching(/^Date precision applies to pseudonymised exports only/),
    });
    expect(existsSync(out)).toBe(false);
    const pseudonymised = await runExport(store, { format: 'csv', out, datePrecision: 'month', pseudonymize: true });
    expect(pseudonymised.pseudonymized).toBe(true);
    store.close();
  });

  it('refuses the European variant and detail files for formats that are not CSV', async () => {
    const { store } = tempStore();
    for (const format of ['xlsx', 'json', 'fhir'] as const) {
      const out = tempPath(`not-csv.${format}`);
      await expect(runExport(store, { format, out, european: true })).rejects.toMatchObject({
        field: 'european',
        message: expect.stringMatching(/^European CSV can be chosen for CSV exports only/),
      });
      await expect(runExport(store, { format, out, detailFiles: true })).rejects.toMatchObject({
        field: 'detailFiles',
        message: expect.stringMatching(/^Detail files can be chosen for CSV exports only/),
      });
      expect(existsSync(out)).toBe(false);
    }
    store.close();
  });
});
