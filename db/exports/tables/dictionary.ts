import type { Table } from './columns.js';

export const dictionaryHeader = ['table', 'column', 'label', 'type', 'unit', 'allowed_values', 'description'];

export function dictionaryRows(tables: Table[]): string[][] {
  return tables.flatMap((table) =>
    table.columns.map((column) => [
      table.name,
      column.header,
      column.label,
      column.type,
      column.unit ?? '',
      column.values?.join(';') ?? '',
      column.description,
    ]),
  );
}
