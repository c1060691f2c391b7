import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner } from '../testing/signer.js';
import { EXPORT_FORMATS, type ExportFormat } from './options.js';
import { runExport } from './run.js';

/** How many procedure records the file holds, read back the way its users read it. */
async function recordsIn(format: ExportFormat, path: string): Promise<number> {
  const text = () => readFileSync(path, 'utf8');
  // The CSV has one row per target: count the procedures, not the rows.
  if (format === 'csv')
    return new Set((parse(text(), { columns: true }) as { procedure_id: string }[]).map((row) => row.procedure_id))
      .size;
  if (format === 'json') return (JSON.parse(text()) as { procedures: unknown[] }).procedures.length;
  if (format === 'fhir') {
    const bundle = JSON.parse(text()) as { entry: { resource: { resourceType: string } }[] };
    return bundle.entry.filter((entry) => entry.resource.resourceType === 'Procedure').length;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return (workbook.getWorksheet('Procedures')?.actualRowCount ?? 1) - 1;
}

it('saves and signatures made while an export runs all succeed, and the export is the logbook as of its start', async () => {
  const { store, operatorId } = tempStore();
  seedDatabase(store, { count: 2500, seed: 11 }, context);
  for (const format of EXPORT_FORMATS) {
    const out = tempPath(`during.${format}`);
    let saves = 0;
    let progressCalls = 0;
    const failures: unknown[] = [];
    // The form's autosave: a new draft and a signed record on every progress report, i.e.
    // while the export's iterator is open (on one shared connection this threw "busy").
    const saveNow = () => {
      try {
        const { record } = saveDraft(store, completeDraft(operatorId), context);
        signProcedure(
          store,
          record.id,
          { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
          recordSigner(store, record.id),
          context,
        );
        saveDraft(store, { patientId: `P${saves}` }, context);
        saves++;
      } catch (error) {
        failures.push(error);
      }
    };
    const before = store.reader.prepare("SELECT count(*) FROM procedures WHERE status <> 'draft'").pluck().get();
    const result = await runExport(
      store,
      { format, out },
      {
        onProgress: () => {
          progressCalls++;
          saveNow();
        },
      },
    );
    expect(failures, format).toEqual([]);
    expect(progressCalls, `${format} reported progress while running`).toBeGreaterThan(2);
    expect(saves, format).toBeGreaterThan(2);
    const after = store.reader.prepare("SELECT count(*) FROM procedures WHERE status <> 'draft'").pluck().get();
    expect(after, format).toBe((before as number) + saves);
    // Complete and consistent: exactly the signed records there were when it started.
    expect(result.procedures, format).toBe(before);
    expect(await recordsIn(format, out), format).toBe(before);
  }
  store.close();
});
