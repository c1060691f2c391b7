import type { ReadConnection } from '../sqlite/connection.js';
import { checkpoint, type WriterControl, writeAtomically, writeChunk } from './atomic-file.js';
import { neutralise } from './formula.js';
import type { ExportOptions } from './options.js';
import {
  type Cell,
  dictionaryHeader,
  dictionaryRows,
  exportTables,
  type RowContext,
  type Table,
  tableRows,
} from './tabular.js';

/*
 * CSV (RFC 4180, UTF-8): the main file has one row per target with the procedure's fields
 * repeated; beside it a data dictionary, and on request one file per drug administration, per
 * complication, per follow-up and per irradiation event of the scanner's dose reports. The
 * European variant adds a BOM, ";" between fields and decimal commas, which is what spreadsheet
 * programs in those locales expect.
 */

const sibling = (out: string, part: string) => out.replace(/(\.csv)?$/i, `.${part}.csv`);

/** Every file a CSV export writes: the main one, the detail files asked for, the dictionary. */
export const csvFiles = (options: Pick<ExportOptions, 'out' | 'detailFiles'>): string[] => [
  options.out,
  ...(options.detailFiles
    ? ['drugs', 'complications', 'follow_up_entries', 'dose_events'].map((part) => sibling(options.out, part))
    : []),
  sibling(options.out, 'dictionary'),
];

/**
 * One CSV record (RFC 4180) with CR LF at its end: a field is quoted when it holds the
 * delimiter, a quote, CR or LF (so a two-line note stays one cell of one row), quotes are
 * doubled, numbers get a decimal comma in the European variant, null is an empty field
 * (and a Date, which no CSV column gives today, its ISO 8601 text).
 * This is the hot loop of a 100 000-record export (millions of fields): csv-stringify cost
 * a quarter of the export's time per field, so its output is the oracle in csv-record.test.ts
 * (any cells, both variants) rather than the writer here.
 */
export function csvRecord(cells: readonly Cell[], european: boolean): string {
  const delimiter = european ? ';' : ',';
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += delimiter;
    const cell = cells[i];
    if (cell == null) continue;
    if (typeof cell === 'number') {
      line += european ? String(cell).replace('.', ',') : String(cell);
      continue;
    }
    const text = typeof cell === 'string' ? cell : cell.toISOString();
    line +=
      text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')
        ? `"${text.replaceAll('"', '""')}"`
        : text;
  }
  return `${line}\r\n`;
}

/** Records per write: one string of about 50 KB rather than a stream write per record. */
const BATCH_ROWS = 100;

async function writeTable(
  path: string,
  header: string[],
  rows: Iterable<Cell[]>,
  options: ExportOptions,
  control: WriterControl,
  progress?: () => void,
): Promise<{ rows: number; bytes: number }> {
  let count = 0;
  const bytes = await writeAtomically(path, control, async (file) => {
    // The header (and the European BOM) go first, even when there are no rows.
    await writeChunk(file.stream, (options.european ? '\ufeff' : '') + csvRecord(header, options.european));
    let batch = '';
    for (const row of rows) {
      batch += csvRecord(row.map(neutralise), options.european);
      count++;
      progress?.();
      if (count % BATCH_ROWS === 0) {
        await writeChunk(file.stream, batch);
        batch = '';
        await checkpoint(control.signal);
      }
    }
    if (batch !== '') await writeChunk(file.stream, batch);
  });
  return { rows: count, bytes };
}

export async function exportCsv(
  read: ReadConnection,
  options: ExportOptions,
  context: RowContext,
  total: number,
  control: WriterControl,
) {
  const tables = exportTables(options);
  const files: string[] = [];
  let bytes = 0;
  // Rows come ordered by procedure, so a change of id is one more procedure done.
  let done = 0;
  let lastId = '';
  const written = async (path: string, table: Table, withProgress: boolean) => {
    const result = await writeTable(
      path,
      table.columns.map((column) => column.header),
      tableRows(read, table, options, context),
      options,
      control,
      withProgress
        ? () => {
            if (done % 500 === 0) control.onProgress?.(done, total);
          }
        : undefined,
    );
    files.push(path);
    bytes += result.bytes;
    return result;
  };
  const mainTable: Table = {
    ...tables.main,
    columns: tables.main.columns.map((column, index) =>
      index === 0
        ? {
            ...column,
            read: (row, ctx) => {
              if (row('id') !== lastId) {
                lastId = String(row('id'));
                done++;
              }
              return column.read(row, ctx);
            },
          }
        : column,
    ),
  };
  const main = await written(options.out, mainTable, true);
  const detailTables = options.detailFiles
    ? [tables.drugs, tables.complications, tables.followUpEntries, tables.doseEvents]
    : [];
  for (const table of detailTables) await written(sibling(options.out, table.name), table, false);
  const dictionary = await writeTable(
    sibling(options.out, 'dictionary'),
    dictionaryHeader,
    dictionaryRows([mainTable, ...detailTables], context.speaking?.t),
    options,
    control,
  );
  files.push(sibling(options.out, 'dictionary'));
  bytes += dictionary.bytes;
  control.onProgress?.(total, total);
  return { files, rows: main.rows, bytes };
}
