import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { seedDatabase } from '../seed.js';
import { updateSettings } from '../settings.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { runExport } from './run.js';

/*
 * Exports in the department's (or the asked) language: the headers and every code stay as
 * scripts read them; the dictionary's labels and FHIR's texts and RootLog codes' displays are
 * translated. SNOMED/LOINC/DICOM/ATC displays stay their code systems' own.
 */
it('a German department: the dictionary’s labels, descriptions and FHIR’s texts in German, headers and codes unchanged', async () => {
  const { store } = tempStore();
  seedDatabase(store, { count: 20, seed: 3, until: new Date('2026-06-30T12:00:00Z') }, context);
  const english = tempPath('en.csv');
  await runExport(store, { format: 'csv', out: english });
  updateSettings(store, { language: 'de' }, context);
  const german = tempPath('de.csv');
  await runExport(store, { format: 'csv', out: german });

  // The same columns and cells, whatever the language.
  expect(readFileSync(german, 'utf8')).toBe(readFileSync(english, 'utf8'));
  const dictionary = (path: string) =>
    parse(readFileSync(path.replace(/\.csv$/, '.dictionary.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
  const label = (rows: Record<string, string>[], column: string) => rows.find((row) => row.column === column)?.label;
  expect(label(dictionary(english), 'patient_id')).toBe('Patient ID');
  expect(label(dictionary(german), 'patient_id')).toBe('Patienten-ID');
  // The descriptions too (the fields' declared ones), the column names inside them kept.
  const description = (rows: Record<string, string>[], column: string) =>
    rows.find((row) => row.column === column)?.description;
  expect(description(dictionary(english), 'patient_id')).toBe("The hospital's patient number.");
  expect(description(dictionary(german), 'patient_id')).toBe('Patientennummer des Spitals.');
  expect(description(dictionary(german), 'signed_by_operator_id')).toMatch(/signed_by ist dann sein gedruckter Name/);
  expect(dictionary(german).map((row) => [row.table, row.column, row.type, row.unit])).toEqual(
    dictionary(english).map((row) => [row.table, row.column, row.type, row.unit]),
  );
  expect(dictionary(german).map((row) => [row.column, row.allowed_values])).toEqual(
    dictionary(english).map((row) => [row.column, row.allowed_values]),
  );

  // Asked for in French: the XLSX dictionary sheet says it in French.
  const xlsx = tempPath('fr.xlsx');
  await runExport(store, { format: 'xlsx', out: xlsx, language: 'fr' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const labels: string[] = [];
  workbook.getWorksheet('Data dictionary')?.eachRow((row) => labels.push(String(row.getCell(3).value)));
  expect(labels).toContain('ID patient');
  const descriptions: string[] = [];
  workbook.getWorksheet('Data dictionary')?.eachRow((row) => descriptions.push(String(row.getCell(7).value)));
  expect(descriptions).toContain('Numéro de patient de l’hôpital.');
  expect(descriptions).toContain('Produit dose-longueur du scanner pour toute l’intervention.');

  const fhir = tempPath('de.fhir.json');
  await runExport(store, { format: 'fhir', out: fhir });
  const text = readFileSync(fhir, 'utf8');
  expect(text).toMatch(/"text":"CT-gesteuerte lumbale Nervenwurzelinfiltration/);
  expect(text).not.toContain('lumbar nerve root infiltration');
  // The codes and the code systems' own displays are unchanged.
  expect(text).toContain('"code":"nerve-root-infiltration');
  expect(text).toContain('"display":"Periradicular nerve root infiltration"');
});
