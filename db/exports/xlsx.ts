import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReadConnection } from '../sqlite/connection.js';
import { type AtomicFile, checkpoint, type WriterControl, writeAtomically } from './atomic-file.js';
import { neutralise } from './formula.js';
import type { ExportOptions } from './options.js';
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
import { columnLetters, rowXml, type XlsxValue } from './xlsx-rows.js';

/*
 * XLSX with exceljs's streaming writer: sheets for procedures, targets, drugs, complications,
 * follow-ups, the dose reports' irradiation events and the data dictionary; dates as real
 * dates, numbers as numbers, the header row frozen. Rows are committed as they are read, so memory stays flat.
 */

/** "2026-03-14T09:30:00+01:00" → a Date showing 09:30 on 14 March in any spreadsheet (wall-clock time). */
function wallClock(value: string): Date {
  // Fixed positions (the value was checked as a date or date-time): no splitting, for 300 000 cells.
  const part = (start: number, end: number) => Number(value.slice(start, end)) || 0;
  return new Date(Date.UTC(part(0, 4), part(5, 7) - 1, part(8, 10), part(11, 13), part(14, 16), part(17, 19)));
}

/** exceljs's style table, where the date columns' number formats get their ids. */
const workbookStyles = (workbook: ExcelJS.stream.xlsx.WorkbookWriter) =>
  (workbook as unknown as { styles: { addStyleModel(model: object, type: number): number } }).styles;

function excelValue(column: Column, cell: Cell): XlsxValue {
  if (cell == null) return null;
  if (typeof cell === 'string' && column.type === 'date') return wallClock(cell);
  if (typeof cell === 'string' && column.type === 'datetime')
    return cell.endsWith('Z') ? new Date(cell) : wallClock(cell);
  return neutralise(cell);
}

const FORMATS: Partial<Record<Column['type'], string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };

type Chunk = Buffer | string | { toBuffer(): Buffer };
interface ZipOwner {
  zip: { append(source: NodeJS.ReadableStream, options: { name: string }): void };
}

/**
 * exceljs 4.4 gives each sheet a buffer that holds the sheet's whole XML until the sheet is
 * committed (its issues #1894, #2916): 200 MB and more for 100 000 rows. Sheets here are
 * written one after another, so each can stream straight into the zip instead: a plain
 * pass-through stream, fed copies of exceljs's reusable text buffers.
 */
function streamSheetsAsWritten(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  (workbook as unknown as { _openStream: (this: ZipOwner, path: string) => PassThrough })._openStream = function (
    path,
  ) {
    // A few MB of slack lets the zip compress in large pieces while rows keep coming.
    const stream = new PassThrough({ highWaterMark: 1 << 22 });
    // exceljs writes a small piece per row; the zip handles each piece on its own, so they are
    // gathered into 64 KiB chunks first (what exceljs's own buffer does).
    const write = stream.write.bind(stream) as (chunk: Buffer) => boolean;
    const end = stream.end.bind(stream) as () => PassThrough;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pendingBytes === 0) return true;
      const chunk = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      return write(chunk);
    };
    stream.write = ((chunk: Chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : chunk.toBuffer();
      pending.push(bytes);
      pendingBytes += bytes.length;
      return pendingBytes >= 1 << 16 ? flush() : true;
    }) as typeof stream.write;
    stream.end = (() => {
      flush();
      return end();
    }) as typeof stream.end;
    this.zip.append(stream, { name: path });
    stream.on('finish', () => stream.emit('zipped'));
    return stream;
  };
}

/**
 * exceljs pushes rows into its zip stream without waiting for the disk; letting the file
 * drain every few hundred rows keeps the compressed data from piling up in memory.
 */
async function letTheFileCatchUp(file: AtomicFile, sheet: ExcelJS.Worksheet): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const sheetStream = (sheet as unknown as { stream: PassThrough }).stream;
  // Each wait ends with the file's failure too: the zip stops reading from a sheet once the file fails.
  if (sheetStream.writableNeedDrain) await file.until(once(sheetStream, 'drain'));
  if (file.stream.writableNeedDrain) await file.until(once(file.stream, 'drain'));
}

async function writeSheet(
  { workbook, file }: { workbook: ExcelJS.stream.xlsx.WorkbookWriter; file: AtomicFile },
  title: string,
  table: Table,
  rows: Iterable<Cell[]>,
  control: WriterControl,
  progress?: () => void,
) {
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: Math.min(40, Math.max(10, column.header.length + 2)),
    style: FORMATS[column.type] ? { numFmt: FORMATS[column.type] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  // The header row, the columns and <sheetData> are written by exceljs; the data rows go
  // straight into the same stream (xlsx-rows.ts), and sheet.commit() closes the sheet.
  header.commit();
  const letters = columnLetters(table.columns.length);
  const styleIds = table.columns.map((column) => {
    const numFmt = FORMATS[column.type];
    return numFmt ? workbookStyles(workbook).addStyleModel({ numFmt }, ExcelJS.ValueType.Date) : 0;
  });
  const stream = (sheet as unknown as { stream: NodeJS.WritableStream }).stream;
  let count = 0;
  let pending = '';
  for (const row of rows) {
    count++;
    pending += rowXml(
      count + 1,
      row.map((cell, index) => excelValue(table.columns[index] as Column, cell)),
      letters,
      styleIds,
    );
    progress?.();
    if (count % 100 === 0) {
      stream.write(pending);
      pending = '';
    }
    if (count % 500 === 0) await letTheFileCatchUp(file, sheet);
    if (count % 2000 === 0) await checkpoint(control.signal);
  }
  if (pending) stream.write(pending);
  sheet.commit();
  return count;
}

export async function exportXlsx(
  read: ReadConnection,
  options: ExportOptions,
  context: RowContext,
  total: number,
  control: WriterControl,
) {
  let procedures = 0;
  const bytes = await writeAtomically(options.out, control, async (file) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: file.stream,
      useStyles: true,
      useSharedStrings: false,
      // Default zlib level: level 9 costs much more time for a few per cent of size.
      zip: { zlib: { level: 1 } },
    });
    workbook.creator = 'RootLog';
    streamSheetsAsWritten(workbook);
    const target = { workbook, file };
    const tables = exportTables(options);
    let done = 0;
    procedures = await writeSheet(
      target,
      'Procedures',
      tables.procedures,
      tableRows(read, tables.procedures, options, context),
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
      ['Follow-up calls', tables.followUpEntries],
      ['Dose events', tables.doseEvents],
    ] as const) {
      await writeSheet(target, title, table, tableRows(read, table, options, context), control);
    }
    const all = [
      tables.procedures,
      tables.targets,
      tables.drugs,
      tables.complications,
      tables.followUpEntries,
      tables.doseEvents,
    ];
    const dictionary: Table = {
      name: 'dictionary',
      description: 'The data dictionary',
      sql: '',
      columns: dictionaryHeader.map((header) => ({
        header,
        label: header,
        type: 'text' as const,
        description: '',
        privacy: 'clinical' as const,
        read: () => null,
      })),
    };
    await writeSheet(target, 'Data dictionary', dictionary, dictionaryRows(all, context.speaking?.t), control);
    // exceljs waits for its zip, which waits for ever on a file that failed.
    await file.until(workbook.commit());
  });
  control.onProgress?.(total, total);
  return { files: [options.out], rows: procedures, bytes };
}
