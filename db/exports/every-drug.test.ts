import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { seedDatabase } from '../seed.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { runExport } from './run.js';

const entries = (text: string | undefined) => (text ? text.split(';').filter(Boolean).length : 0);

it('every drug given, at a target or in the caudal injection, is in every format', async () => {
  const { store } = tempStore();
  seedDatabase(store, { count: 400, seed: 21, until: new Date('2026-06-30T12:00:00Z') }, context);
  const inDatabase = store.reader.prepare('SELECT count(*) FROM drug_administrations').pluck().get() as number;
  const caudal = store.reader
    .prepare('SELECT count(*) FROM drug_administrations WHERE at_caudal = 1')
    .pluck()
    .get() as number;
  expect(caudal, 'the demo data has caudal injections with drugs').toBeGreaterThan(10);

  // The default CSV: one row per target; caudal drugs once per procedure (repeated on each of its rows).
  const csv = tempPath('all.csv');
  await runExport(store, { format: 'csv', out: csv, detailFiles: true });
  const rows = parse(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
  const caudalByProcedure = new Map(rows.map((row) => [row.procedure_id, entries(row.caudal_drugs)]));
  const inMainCsv =
    rows.reduce((sum, row) => sum + entries(row.target_drugs), 0) +
    [...caudalByProcedure.values()].reduce((sum, count) => sum + count, 0);
  expect(inMainCsv).toBe(inDatabase);
  expect(
    (parse(readFileSync(csv.replace(/\.csv$/, '.drugs.csv'), 'utf8'), { columns: true }) as unknown[]).length,
  ).toBe(inDatabase);

  const xlsx = tempPath('all.xlsx');
  await runExport(store, { format: 'xlsx', out: xlsx });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  expect((workbook.getWorksheet('Drugs')?.actualRowCount ?? 0) - 1).toBe(inDatabase);

  const json = tempPath('all.json');
  await runExport(store, { format: 'json', out: json });
  const exported = JSON.parse(readFileSync(json, 'utf8')) as { procedures: { content: { drugs: unknown[] } }[] };
  expect(exported.procedures.reduce((sum, record) => sum + record.content.drugs.length, 0)).toBe(inDatabase);

  const fhir = tempPath('all.fhir.json');
  await runExport(store, { format: 'fhir', out: fhir });
  const bundle = JSON.parse(readFileSync(fhir, 'utf8')) as { entry: { resource: { resourceType: string } }[] };
  const drugAdministrations = bundle.entry.filter(
    (entry) =>
      entry.resource.resourceType === 'MedicationAdministration' && !JSON.stringify(entry).includes('/contrast-agent'),
  );
  expect(drugAdministrations).toHaveLength(inDatabase);
  store.close();
});
