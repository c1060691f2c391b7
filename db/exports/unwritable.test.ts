import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDraft, signProcedure } from '../procedures.js';
import { completeDraft, context, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner } from '../testing/signer.js';
import { EXPORT_FORMATS } from './options.js';
import { runExport } from './run.js';
import { cellProblem, isRealDate, isRealDateTime } from './tables/cell-check.js';

describe('readers never choke', () => {
  it('knows a real date, date-time and number from the rest', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDateTime('2026-03-14T09:30:00+01:00')).toBe(true);
    expect(isRealDateTime('2026-03-14T09:30:00.123Z')).toBe(true);
    expect(isRealDateTime('not a date')).toBe(false);
    expect(isRealDateTime('2026-03-14T25:30:00Z')).toBe(false);
    expect(cellProblem('number', Number.NaN)).toMatch(/finite/);
    expect(cellProblem('number', Number.POSITIVE_INFINITY)).toMatch(/finite/);
    expect(cellProblem('number', 2.5)).toBeNull();
  });

  // created_at is not a column of the CSV and XLSX files: only the formats that carry it stop.
  for (const [column, value, formats] of [
    ['performed_at', 'not a date', EXPORT_FORMATS],
    ['created_at', 'yesterday', ['json', 'fhir']],
    ['birth_date', '2026-13-45', EXPORT_FORMATS],
  ] as const) {
    it(`a stored ${column} of "${value}" stops ${formats.join(', ')}, naming the record, and leaves no file`, async () => {
      const { store, operatorId } = tempStore();
      const { record } = saveDraft(store, completeDraft(operatorId), context);
      signProcedure(store, record.id, {}, recordSigner(store, record.id), context);
      // Written behind the app's back (the lock on signed records lifted for it).
      store.writer.db.exec('DROP TRIGGER signed_procedure_no_update');
      store.writer.db.prepare(`UPDATE procedures SET ${column} = ? WHERE id = ?`).run(value, record.id);
      for (const format of formats) {
        const out = tempPath(`broken.${format}`);
        const attempt = runExport(store, { format, out });
        await expect(attempt, format).rejects.toMatchObject({
          code: 'validation',
          message: expect.stringContaining(`Record ${record.id}`),
        });
        await expect(attempt, format).rejects.toMatchObject({ message: expect.stringContaining(value) });
        expect(readdirSync(dirname(out)), format).toEqual([]);
      }
      store.close();
    });
  }
});
