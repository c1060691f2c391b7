import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { ReadConnection } from '../sqlite/connection.js';
import { checkpoint, writeAtomically } from './atomic-file.js';
import { neutralise } from './formula.js';
import type { ExportControl, ExportOptions } from './options.js';
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
 * repeated; beside it a data dictionary, and on request one file per drug administration and
 * per complication. The European variant adds a BOM, ";" between fields and decimal commas,
 * which is what spreadsheet programs in those locales expect.
 */

const sibling = (out: string, part: string) => out.replace(/(\.csv)?$/i, `.${part}.csv`);

/** Every file a CSV export writes: the main one, the detail files asked for, the dictionary. */
export const csvFiles = (options: Pick<ExportOptions, 'out' | 'detailFiles'>): string[] => [
  options.out,
  ...(options.detailFiles
    ? ['drugs', 'complications', 'follow_ups', 'follow_up_entries'].map((part) => sibling(options.out, part))
    : []),
  sibling(options.out, 'dictionary'),
];

async function writeTable(
  path: string,
  header: string[],
  rows: Iterable<Cell[]>,
  options: ExportOptions,
  control: ExportControl,
  progress?: () => void,
): Promise<{ rows: number; bytes: number }> {
  let count = 0;
  const bytes = await writeAtomically(path, control.signal, async (file) => {
    const csv = stringify({
      header: true,
      columns: header,
      bom: options.european,
      delimiter: options.european ? ';' : ',',
      record_delimiter: 'windows',
      // csv-stringify quotes a field holding the record delimiter (CR LF) but not a lone LF or
      // CR: quote every field with either, so a two-line note stays one cell of one row.
      quoted_match: /[\r\n]/,
      ...(options.european ? { cast: { number: (value: number) => String(value).replace('.', ',') } } : {}),
      // Rows are objects on the writable side: a larger buffer means fewer waits for 'drain'.
      writableHighWaterMark: 512,
    });
    csv.pipe(file.stream);
    for (const row of rows) {
      if (!csv.write(row.map((cell) => neutralise(cell)))) await once(csv, 'drain');
      count++;
      progress?.();
      if (count % 2000 === 0) await checkpoint(control.signal);
    }
    csv.end();
    await once(csv, 'end');
  });
  return { rows: count, bytes };
}

export async function exportCsv(
  read: ReadConnection,
  options: ExportOptions,
  context: RowContext,
  total: number,
  control: ExportControl,
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
    ? [tables.drugs, tables.complications, tables.followUps, tables.followUpEntries]
    : [];
  for (const table of detailTables) await written(sibling(options.out, table.name), table, false);
  const dictionary = await writeTable(
    sibling(options.out, 'dictionary'),
    dictionaryHeader,
    dictionaryRows([mainTable, ...detailTables]),
    options,
    control,
  );
  files.push(sibling(options.out, 'dictionary'));
  bytes += dictionary.bytes;
  control.onProgress?.(total, total);
  return { files, rows: main.rows, bytes };
}
