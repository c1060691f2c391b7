import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reliefPercent } from '../model/index.js';
import { amendProcedure, clinicalContent, getProcedure, saveDraft, signProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import type { Store } from '../store.js';
import { completeDraft, context, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner, someSigner } from '../testing/signer.js';
import { runExport } from './run.js';

let store: Store;
let operatorId: string;
const HOSTILE = '=HYPERLINK("http://evil.example/x","click")';

beforeAll(() => {
  ({ store, operatorId } = tempStore());
  seedDatabase(store, { count: 150, seed: 4, until: new Date('2026-06-01T12:00:00Z') }, context);
  const hostile = saveDraft(
    store,
    completeDraft(operatorId, {
      patientId: HOSTILE,
      patientName: '@SUM(1+1)',
      accessionNumber: '+ACC-1',
      notes: '=HYPERLINK("http://evil.example/notes")',
      performedAt: '2026-05-20T10:00:00+02:00',
      painPre: 4,
      painPost: 6,
    }),
    context,
  );
  signProcedure(
    store,
    hostile.record.id,
    { confirmedWarnings: ['pain_worse_after'] },
    recordSigner(store, hostile.record.id),
    context,
  );
  const bilateral = saveDraft(
    store,
    completeDraft(operatorId, {
      patientId: 'BI-1',
      patientName: 'Ünal, Zoë; "Quote"',
      performedAt: '2026-05-21T08:15:00+02:00',
      symptomSide: 'bilateral',
      targets: [
        { root: 'L5', side: 'left', spread: ['perineural', 'epidural'] },
        { root: 'L5', side: 'right', spread: ['perineural'] },
      ],
      caudalEpidural: true,
      caudalSpread: ['epidural'],
      drugs: [
        { drug: 'dexamethasone', doseMg: 4, site: 0 },
        { drug: 'dexamethasone', doseMg: 4, site: 1 },
        { drug: 'bupivacaine', concentrationMgPerMl: 2.5, volumeMl: 1.5, site: 'caudal' },
      ],
      complications: [{ type: 'vasovagal', severity: 'minor' }],
    }),
    context,
  );
  signProcedure(store, bilateral.record.id, {}, recordSigner(store, bilateral.record.id), context);
  amendProcedure(
    store,
    { ...clinicalContent(getProcedure(store, bilateral.record.id).record), painPost: 1 },
    { reason: 'NRS after corrected' },
    someSigner(store),
    context,
  );
  saveDraft(store, { patientId: 'DRAFT-ONLY', performedAt: '2026-05-22T09:00:00+02:00' }, context);
});

const rowsOf = (path: string, delimiter = ',') =>
  parse(readFileSync(path), { columns: true, delimiter, bom: true }) as Record<string, string>[];
const signedCount = () =>
  store.writer.db.prepare("SELECT count(*) FROM procedures WHERE status <> 'draft'").pluck().get() as number;

describe('CSV export', () => {
  it('has one row per target with the procedure repeated, and matches the database', async () => {
    const out = tempPath('audit.csv');
    const result = await runExport(store, { format: 'csv', out });
    expect(result.procedures).toBe(signedCount());
    const rows = rowsOf(out);
    const targets = store.writer.db
      .prepare("SELECT count(*) FROM targets t JOIN procedures p ON p.id = t.procedure_id WHERE p.status <> 'draft'")
      .pluck()
      .get();
    expect(rows).toHaveLength(targets as number);
    expect(rows.some((row) => row.patient_id === 'DRAFT-ONLY')).toBe(false);

    const bilateral = rows.filter((row) => row.patient_id === 'BI-1');
    expect(bilateral.map((row) => [row.target_number, row.root, row.side, row.spread, row.target_drugs])).toEqual([
      ['1', 'L5', 'left', 'perineural;epidural', 'dexamethasone 4 mg'],
      ['2', 'L5', 'right', 'perineural', 'dexamethasone 4 mg'],
    ]);
    expect(bilateral[0]).toMatchObject({
      patient_name: 'Ünal, Zoë; "Quote"',
      status: 'amended',
      version: '2',
      caudal_epidural: 'yes',
      caudal_spread: 'epidural',
      complications: 'vasovagal:minor',
      pain_post: '1',
      relief_percent: '85.7',
    });

    // Every procedure's values as the database holds them.
    const fromDb = store.writer.db
      .prepare(
        "SELECT id, patient_id, dlp_mgy_cm, pain_pre, pain_post, performed_at FROM procedures WHERE status <> 'draft'",
      )
      .all() as Record<string, unknown>[];
    for (const procedure of fromDb) {
      const row = rows.find((candidate) => candidate.procedure_id === procedure.id);
      expect(row?.dlp_mgy_cm).toBe(procedure.dlp_mgy_cm == null ? '' : String(procedure.dlp_mgy_cm));
      expect(row?.pain_pre).toBe(String(procedure.pain_pre));
      expect(row?.performed_at).toBe(procedure.performed_at);
      expect(row?.relief_percent).toBe(
        String(reliefPercent(procedure.pain_pre as number, procedure.pain_post as number) ?? ''),
      );
    }
  });

  it('neutralises cells a spreadsheet would evaluate, but not negative numbers', async () => {
    const out = tempPath('hostile.csv');
    await runExport(store, { format: 'csv', out });
    const row = rowsOf(out).find((candidate) => candidate.patient_id?.includes('HYPERLINK'));
    expect(row?.patient_id).toBe(`'${HOSTILE}`);
    expect(row?.patient_name).toBe("'@SUM(1+1)");
    expect(row?.accession_number).toBe("'+ACC-1");
    expect(row?.notes).toBe(`'=HYPERLINK("http://evil.example/notes")`);
    expect(row?.relief_percent).toBe('-50');
  });

  it('writes the European variant with a BOM, semicolons and decimal commas, plus detail files and the dictionary', async () => {
    const out = tempPath('eu.csv');
    const result = await runExport(store, {
      format: 'csv',
      out,
      european: true,
      detailFiles: true,
      includeDrafts: true,
    });
    expect(readFileSync(out).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = rowsOf(out, ';');
    expect(rows.find((row) => row.patient_id === 'DRAFT-ONLY')).toBeDefined();
    expect(rows.find((row) => row.patient_id === 'BI-1')?.relief_percent).toBe('85,7');
    expect(result.files.map((file) => file.slice(dirname(out).length + 1)).sort()).toEqual([
      'eu.complications.csv',
      'eu.csv',
      'eu.dictionary.csv',
      'eu.dose_events.csv',
      'eu.drugs.csv',
      'eu.follow_up_entries.csv',
    ]);
    const drugs = rowsOf(out.replace('.csv', '.drugs.csv'), ';').filter(
      (row) => row.procedure_id === rows.find((r) => r.patient_id === 'BI-1')?.procedure_id,
    );
    expect(drugs.map((row) => [row.drug, row.dose_mg, row.site])).toEqual([
      ['dexamethasone', '4', '1'],
      ['dexamethasone', '4', '2'],
      ['bupivacaine', '3,75', 'caudal'],
    ]);
    const dictionary = rowsOf(out.replace('.csv', '.dictionary.csv'), ';');
    const documented = new Set(
      dictionary.filter((row) => row.table === 'procedures_by_target').map((row) => row.column),
    );
    expect(Object.keys(rows[0] ?? {}).filter((header) => !documented.has(header))).toEqual([]);
    expect(dictionary.find((row) => row.column === 'dlp_mgy_cm')).toMatchObject({ unit: 'mGy·cm', type: 'number' });
  });

  it('filters by date range and operator', async () => {
    const out = tempPath('range.csv');
    const result = await runExport(store, {
      format: 'csv',
      out,
      from: '2026-05-20',
      to: '2026-05-21',
      operatorIds: [operatorId],
    });
    expect(result.procedures).toBe(2);
    expect([...new Set(rowsOf(out).map((row) => row.performed_date))].sort()).toEqual(['2026-05-20', '2026-05-21']);
  });
});

describe('XLSX export', () => {
  it('has the sheets, dates as dates, numbers as numbers and a frozen header, matching the database', async () => {
    const out = tempPath('audit.xlsx');
    await runExport(store, { format: 'xlsx', out });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Procedures',
      'Targets',
      'Drugs',
      'Complications',
      'Follow-up calls',
      'Dose events',
      'Data dictionary',
    ]);
    const sheet = workbook.getWorksheet('Procedures') as ExcelJS.Worksheet;
    expect(sheet.rowCount - 1).toBe(signedCount());
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (name: string) => headers.indexOf(name) + 1;
    const bilateral = sheet
      .getRows(2, sheet.rowCount - 1)
      ?.find((row) => row.getCell(column('patient_id')).value === 'BI-1') as ExcelJS.Row;
    expect(bilateral.getCell(column('performed_at')).value).toEqual(new Date(Date.UTC(2026, 4, 21, 8, 15, 0)));
    expect(bilateral.getCell(column('dlp_mgy_cm')).value).toBe(150);
    expect(bilateral.getCell(column('relief_percent')).value).toBe(85.7);
    const hostile = sheet
      .getRows(2, sheet.rowCount - 1)
      ?.find((row) => String(row.getCell(column('patient_id')).value).includes('HYPERLINK')) as ExcelJS.Row;
    expect(hostile.getCell(column('patient_id')).value).toBe(`'${HOSTILE}`);
    expect(hostile.getCell(column('patient_id')).formula).toBeUndefined();
    const targets = workbook.getWorksheet('Targets') as ExcelJS.Worksheet;
    expect(targets.rowCount - 1).toBe(
      store.writer.db
        .prepare("SELECT count(*) FROM targets t JOIN procedures p ON p.id = t.procedure_id WHERE p.status <> 'draft'")
        .pluck()
        .get(),
    );
  });
});

describe('a failed or cancelled export', () => {
  it('leaves no file, and no half file', async () => {
    const out = tempPath('cancelled.xlsx');
    const controller = new AbortController();
    const pending = runExport(
      store,
      { format: 'json', out },
      { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() },
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(dirname(out))).toEqual([]);
  });

  it('refuses bad options before touching anything', async () => {
    await expect(runExport(store, { format: 'pdf', out: tempPath() })).rejects.toMatchObject({
      code: 'validation',
      field: 'format',
    });
    await expect(
      runExport(store, { format: 'csv', out: tempPath(), from: '2026-02-01', to: '2026-01-01' }),
    ).rejects.toMatchObject({ field: 'from' });
    await expect(runExport(store, { format: 'csv', out: '/nonexistent-folder/x.csv' })).rejects.toMatchObject({
      code: 'validation',
      field: 'out',
    });
    expect(existsSync('/nonexistent-folder')).toBe(false);
  });
});
