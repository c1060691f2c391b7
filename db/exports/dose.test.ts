import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { fixtureFile } from '../dose-report/fixtures/fixture-files.js';
import { receiveDoseReport } from '../dose-report/reports.js';
import { doseInMg } from '../model/index.js';
import { saveDraft, signProcedure } from '../procedures.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner } from '../testing/signer.js';
import { runExport } from './run.js';

type Row = Record<string, string>;
const csvRows = (path: string, european = false): Row[] =>
  parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true, delimiter: european ? ';' : ',' });

it('computes 0.43 mL × 2.5 mg/mL once, as 1.08 mg, half up in decimal', () => {
  expect(doseInMg({ concentrationMgPerMl: 2.5, volumeMl: 0.43 })).toBe(1.08);
  expect(doseInMg({ concentrationMgPerMl: 10, volumeMl: 0.1005 })).toBe(1.01);
  expect(doseInMg({ doseMg: 0.125 })).toBe(0.125);
});

it('shows the one stored mg in every export format, for targets and the caudal injection alike', async () => {
  const { store, operatorId } = tempStore();
  const { record } = saveDraft(
    store,
    completeDraft(operatorId, {
      targets: [
        { root: 'L4', side: 'left', foramen: 'L4/L5', approach: 'transforaminal', spread: ['perineural'] },
        { root: 'L4', side: 'right', foramen: 'L4/L5', approach: 'transforaminal', spread: ['perineural'] },
      ],
      symptomSide: 'bilateral',
      caudalEpidural: true,
      caudalSpread: ['epidural'],
      drugs: [
        { drug: 'bupivacaine', concentrationMgPerMl: 2.5, volumeMl: 0.43, site: 0 },
        { drug: 'dexamethasone', doseMg: 4, site: 1 },
        { drug: 'bupivacaine', concentrationMgPerMl: 2.5, volumeMl: 0.43, site: 'caudal' },
        { drug: 'triamcinolone', doseMg: 40, site: 'caudal' },
      ],
    }),
    context,
  );
  signProcedure(
    store,
    record.id,
    { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
    recordSigner(store, record.id),
    context,
  );
  const stored = store.reader
    .prepare('SELECT dose_given_mg FROM drug_administrations WHERE procedure_id = ? ORDER BY ordinal')
    .pluck()
    .all(record.id);
  expect(stored).toEqual([1.08, 4, 1.08, 40]);

  // CSV, standard and European, main file and the per-drug detail file.
  for (const european of [false, true]) {
    const out = tempPath(`doses${european ? '-eu' : ''}.csv`);
    await runExport(store, { format: 'csv', out, european, detailFiles: true });
    const main = csvRows(out, european);
    expect(main.map((row) => row.target_drugs)).toEqual(['bupivacaine 1.08 mg', 'dexamethasone 4 mg']);
    expect(new Set(main.map((row) => row.caudal_drugs))).toEqual(new Set(['bupivacaine 1.08 mg;triamcinolone 40 mg']));
    const drugs = csvRows(out.replace(/\.csv$/, '.drugs.csv'), european);
    expect(drugs.map((row) => row.dose_mg)).toEqual(
      european ? ['1,08', '4', '1,08', '40'] : ['1.08', '4', '1.08', '40'],
    );
  }

  // XLSX: the Targets and Procedures sheets' text and the Drugs sheet's numbers.
  const xlsx = tempPath('doses.xlsx');
  await runExport(store, { format: 'xlsx', out: xlsx });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const column = (sheet: string, header: string): unknown[] => {
    const rows = workbook.getWorksheet(sheet)?.getSheetValues().slice(1) as unknown[][];
    const index = (rows[0] as unknown[]).indexOf(header);
    return rows.slice(1).map((row) => row[index]);
  };
  expect(column('Drugs', 'dose_mg')).toEqual([1.08, 4, 1.08, 40]);
  expect(column('Targets', 'target_drugs')).toEqual(['bupivacaine 1.08 mg', 'dexamethasone 4 mg']);
  expect(column('Procedures', 'caudal_drugs')).toEqual(['bupivacaine 1.08 mg;triamcinolone 40 mg']);

  // FHIR: each MedicationAdministration's dose.
  const fhir = tempPath('doses.fhir.json');
  await runExport(store, { format: 'fhir', out: fhir });
  const bundle = JSON.parse(readFileSync(fhir, 'utf8')) as { entry: { resource: Record<string, unknown> }[] };
  const doses = bundle.entry
    .map((entry) => entry.resource)
    // The drugs' administrations (the contrast agent has its own, coded from its own system).
    .filter(
      (resource) =>
        resource.resourceType === 'MedicationAdministration' && !JSON.stringify(resource).includes('/contrast-agent'),
    )
    .map((resource) => (resource.dosage as { dose?: { value: number } }).dose?.value);
  expect(doses).toEqual([1.08, 4, 1.08, 40]);

  // JSON is the record as entered (lossless): concentration and volume, from which any console computes the same.
  const json = tempPath('doses.json');
  await runExport(store, { format: 'json', out: json });
  const exported = JSON.parse(readFileSync(json, 'utf8')) as {
    procedures: { content: { drugs: { concentrationMgPerMl?: number; volumeMl?: number }[] } }[];
  };
  const first = exported.procedures[0]?.content.drugs[0];
  expect(doseInMg({ concentrationMgPerMl: first?.concentrationMgPerMl, volumeMl: first?.volumeMl })).toBe(1.08);
  store.close();
});

it('lists each irradiation event of the linked dose report as a detail table, in CSV and XLSX, pseudonymised too', async () => {
  const { store, operatorId } = tempStore();
  const { record } = saveDraft(
    store,
    completeDraft(operatorId, {
      accessionNumber: 'ACC-1001',
      patientId: 'K-100301',
      performedAt: '2026-03-12T10:10:00+01:00',
      dlpMGyCm: 46.59,
      ctdiVolMGy: 4.35,
      doseSource: 'dose_report',
      doseReportUids: '2.25.310000000000000000000000000000000101',
    }),
    context,
  );
  signProcedure(
    store,
    record.id,
    { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
    recordSigner(store, record.id),
    context,
  );
  receiveDoseReport(
    store,
    { bytes: new Uint8Array(readFileSync(fixtureFile('ct-standard'))), form: 'file', receivedFrom: 'test' },
    context,
  );
  const out = tempPath('events.csv');
  await runExport(store, { format: 'csv', out, detailFiles: true });
  const events = csvRows(out.replace(/\.csv$/, '.dose_events.csv'));
  expect(
    events.map((row) => [row.event_number, row.event_type, row.ctdi_vol_mgy, row.phantom, row.dlp_mgy_cm]),
  ).toEqual([
    ['1', 'constant-angle', '0.13', 'body-32cm', '4.2'],
    ['2', 'sequenced', '4.35', 'body-32cm', '39.15'],
    ['3', 'sequenced', '1.08', 'body-32cm', '3.24'],
  ]);
  expect(events[0]).toMatchObject({
    procedure_id: record.id,
    report_kind: 'ct',
    device: 'SIEMENS SOMATOM go.Up (CTSUED1)',
    report_sop_instance_uid: '2.25.310000000000000000000000000000000101',
  });
  const dictionary = csvRows(out.replace(/\.csv$/, '.dictionary.csv')).filter((row) => row.table === 'dose_events');
  expect(dictionary.find((row) => row.column === 'dlp_mgy_cm')).toMatchObject({ unit: 'mGy·cm', type: 'number' });

  const xlsx = tempPath('events.xlsx');
  await runExport(store, { format: 'xlsx', out: xlsx });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  expect((workbook.getWorksheet('Dose events') as ExcelJS.Worksheet).rowCount).toBe(4);

  const pseudonymised = tempPath('events-p.csv');
  await runExport(store, { format: 'csv', out: pseudonymised, detailFiles: true, pseudonymize: true });
  const [first] = csvRows(pseudonymised.replace(/\.csv$/, '.dose_events.csv'));
  expect(first).toMatchObject({ event_type: 'constant-angle', dlp_mgy_cm: '4.2' });
  expect(Object.keys(first ?? {})).not.toContain('report_sop_instance_uid');
  expect(Object.keys(first ?? {})).not.toContain('irradiation_event_uid');
  expect(Object.keys(first ?? {})).not.toContain('procedure_id');
  store.close();
});
