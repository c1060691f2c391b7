import type { Translate } from '../../model/index.js';
import type { Table } from './columns.js';

export const dictionaryHeader = ['table', 'column', 'label', 'type', 'unit', 'allowed_values', 'description'];

/** One row per column; the labels and descriptions in the export's language (the headers, types and codes never change). */
export function dictionaryRows(tables: Table[], t?: Translate): string[][] {
  const labelOf = (column: Table['columns'][number]) =>
    t && column.labelId
      ? t({ id: column.labelId, message: column.label }).replace(column.unit ? ` (${column.unit})` : /$^/, '')
      : column.label;
  return tables.flatMap((table) =>
    table.columns.map((column) => [
      table.name,
      column.header,
      labelOf(column),
      column.type,
      column.unit ?? '',
      column.values?.join(';') ?? '',
      t && column.descriptionId ? t({ id: column.descriptionId, message: column.description }) : column.description,
    ]),
  );
}
