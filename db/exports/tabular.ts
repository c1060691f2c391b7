/*
 * The CSV/XLSX tables, from their parts under tables/: what a column is (columns.ts), the
 * columns of each table (procedure-, target-, drug-, complication-, follow-up-columns.ts),
 * the queries that read them (queries.ts) and the data dictionary (dictionary.ts).
 */
export type { Cell, Column, ColumnType, RowContext, Table } from './tables/columns.js';
export { dictionaryHeader, dictionaryRows } from './tables/dictionary.js';
export { exportFilter, exportTables, tableRows } from './tables/queries.js';
