import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { saveDraft, signProcedure } from '../procedures.js';
import { listOperators } from '../settings.js';
import { completeDraft, context, EVERY_CONFIRMABLE_WARNING, tempPath, tempStore } from '../testing/fixtures.js';
import { recordSigner } from '../testing/signer.js';
import { EXPORT_FORMATS } from './options.js';
import { runExport } from './run.js';

async function allText(files: string[]): Promise<string> {
  const texts: string[] = [];
  for (const file of files) {
    if (!file.endsWith('.xlsx')) {
      texts.push(readFileSync(file, 'utf8'));
      continue;
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        texts.push(JSON.stringify(row.values));
      }),
    );
  }
  // When the file was made is no record's time (and made the test fail at 06:15:04): left out.
  return texts.join('\n').replace(/"(exportedAt|timestamp)":\s*"[^"]*"/g, '"$1":"(the export\'s own time)"');
}

describe('pseudonymised means not linkable', () => {
  it('carries no record id, clock time, lot or staff name, in any format, at either date precision', async () => {
    const { store, operatorId } = tempStore();
    const signer = { actor: 'dr.signer@ct1' };
    const ids: string[] = [];
    for (const [index, performedAt] of ['2026-03-14T09:37:00+01:00', '2026-03-15T14:52:00+01:00'].entries()) {
      const draft = completeDraft(operatorId, {
        patientId: `P-${index}`,
        performedAt,
        startedAt: index === 0 ? '09:37' : '14:52',
        endedAt: index === 0 ? '09:49' : '15:04',
        drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 0, lot: `LOT-SECRET-${index}` }],
      });
      const { record } = saveDraft(store, draft, signer);
      signProcedure(
        store,
        record.id,
        { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
        recordSigner(store, record.id),
        signer,
      );
      ids.push(record.id);
    }
    for (const datePrecision of ['day', 'month'] as const) {
      for (const format of EXPORT_FORMATS) {
        const out = tempPath(`pseudo-${datePrecision}.${format}`);
        const result = await runExport(store, {
          format,
          out,
          pseudonymize: true,
          datePrecision,
          detailFiles: format === 'csv',
        });
        const text = await allText(result.files);
        const where = `${format}, ${datePrecision}`;
        for (const id of ids) expect(text, where).not.toContain(id);
        for (const secret of ['LOT-SECRET', 'dr.signer', 'P-0', 'P-1', '09:37', '14:52', '09:49', '15:04'])
          expect(text, `${where}: ${secret}`).not.toContain(secret);
        if (datePrecision === 'month') expect(text, where).not.toMatch(/2026-03-1[45]/);
        else expect(text, where).toMatch(/2026-03-14/);
      }
    }
    store.close();
  });

  it('names no member of staff in any format: not the operator, not one of the department list', async () => {
    const { store, operatorId } = tempStore();
    const signer = { actor: 'dr.signer@ct1' };
    const { record } = saveDraft(store, completeDraft(operatorId), signer);
    signProcedure(
      store,
      record.id,
      { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(store, record.id),
      signer,
    );
    const names = listOperators(store.reader).map((operator) => operator.name);
    expect(names.length).toBeGreaterThan(0);
    for (const format of EXPORT_FORMATS) {
      for (const datePrecision of ['day', 'month'] as const) {
        const out = tempPath(`staff-${datePrecision}.${format}`);
        const result = await runExport(store, {
          format,
          out,
          pseudonymize: true,
          datePrecision,
          detailFiles: format === 'csv',
        });
        const text = await allText(result.files);
        for (const name of [...names, 'dr.signer'])
          expect(text, `${format}, ${datePrecision}: ${name}`).not.toContain(name);
      }
    }
    // Identified, the operator is named as before.
    const out = tempPath('identified.csv');
    await runExport(store, { format: 'csv', out, pseudonymize: false });
    expect(readFileSync(out, 'utf8')).toContain(
      listOperators(store.reader).find((operator) => operator.id === operatorId)?.name as string,
    );
    store.close();
  });

  it('links the rows of one record across tables and exports by one keyed pseudonym', async () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    signProcedure(
      store,
      record.id,
      { confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(store, record.id),
      context,
    );
    const pseudonymsIn = async () => {
      const out = tempPath('linked.csv');
      await runExport(store, { format: 'csv', out, pseudonymize: true, detailFiles: true });
      const main = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
      const drugs = parse(readFileSync(out.replace(/\.csv$/, '.drugs.csv'), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      return [...main, ...drugs].map((row) => row.record_pseudonym);
    };
    const first = await pseudonymsIn();
    const second = await pseudonymsIn();
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toEqual(first);
    store.close();
  });
});
