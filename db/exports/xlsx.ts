import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Store } from '../store.js';
import type { ExportControl, ExportOptions } from './options.js';
import { type AtomicFile, checkpoint, neutralise, writeAtomically } from './safety.js';
import {
  type Cell,
  type Column,
  dictionaryHeader,
  dictionaryRows,
  exportTables,
  type RowContext,
  type Table,
  tableRows,
} from './tabular.js';

/*
 * XLSX with exceljs's streaming writer: sheets for procedures, targets, drugs, complications,
 * follow-ups and the data dictionary; dates as real dates, numbers as numbers, the header row
 * frozen. Rows are committed as they are read, so memory stays flat.
 */

/** "2026-03-14T09:30:00+01:00" → a Date showing 09:30 on 14 March in any spreadsheet (wall-clock time). */
function wallClock(value: string): Date {
  const [date, time = '00:00:00'] = value.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.slice(0, 8).split(':').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hh || 0, mm || 0, ss || 0));
}

function excelValue(column: Column, cell: Cell): ExcelJS.CellValue {
  if (cell == null) return null;
  if (typeof cell === 'string' && column.type === 'date') return wallClock(cell);
  if (typeof cell === 'string' && column.type === 'datetime')
    return cell.endsWith('Z') ? new Date(cell) : wallClock(cell);
  return neutralise(cell);
}

const FORMATS: Partial<Record<Column['type'], string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };

/**
 * exceljs pushes rows into its zip stream without waiting for the disk; letting the file
 * drain every few hundred rows keeps the compressed data from piling up in memory.
 * (exceljs 4.4 still holds each sheet's XML until the sheet is committed — its issues #1894
 * and #2916 — so peak memory grows with the largest sheet; see the export benchmark.)
 */
async function letTheFileCatchUp(file: AtomicFile): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (file.stream.writableNeedDrain) await once(file.stream, 'drain');
}

async function writeSheet(
  { workbook, file }: { workbook: ExcelJS.stream.xlsx.WorkbookWriter; file: AtomicFile },
  title: string,
  table: Table,
  rows: Iterable<Cell[]>,
  control: ExportControl,
  progress?: () => void,
) {
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: Math.min(40, Math.max(10, column.header.length + 2)),
    style: FORMATS[column.type] ? { numFmt: FORMATS[column.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for (const row of rows) {
    sheet.addRow(row.map((cell, index) => excelValue(table.columns[index] as Column, cell))).commit();
    count++;
    progress?.();
    if (count % 500 === 0) await letTheFileCatchUp(file);
    if (count % 2000 === 0) await checkpoint(control.signal);
  }
  sheet.commit();
  return count;
}

export async function exportXlsx(
  store: Store,
  options: ExportOptions,
  context: RowContext,
  total: number,
  control: ExportControl,
) {
  let procedures = 0;
  const bytes = await writeAtomically(options.out, control.signal, async (file) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: file.stream,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'RootLog';
    const target = { workbook, file };
    const tables = exportTables(options);
    let done = 0;
    procedures = await writeSheet(
      target,
      'Procedures',
      tables.procedures,
      tableRows(store, tables.procedures, options, context),
      control,
      () => {
        done++;
        if (done % 500 === 0) control.onProgress?.(done, total);
      },
    );
    for (const [title, table] of [
      ['Targets', tables.targets],
      ['Drugs', tables.drugs],
      ['Complications', tables.complications],
      ['Follow-ups', tables.followUps],
    ] as const) {
      await writeSheet(target, title, table, tableRows(store, table, options, context), control);
    }
    const all = [tables.procedures, tables.targets, tables.drugs, tables.complications, tables.followUps];
    const dictionary: Table = {
      name: 'dictionary',
      description: 'The data dictionary',
      sql: '',
      columns: dictionaryHeader.map((header) => ({
        header,
        label: header,
        type: 'text' as const,
        description: '',
        read: () => null,
      })),
    };
    await writeSheet(target, 'Data dictionary', dictionary, dictionaryRows(all), control);
    await workbook.commit();
  });
  control.onProgress?.(total, total);
  return { files: [options.out], rows: procedures, bytes };
}
