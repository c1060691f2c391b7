import type { PrivacyClass, Pseudonymised, Speaking } from '../../model/index.js';
import type { DatePrecision } from '../pseudonyms.js';

/*
 * The tables of the CSV and XLSX exports: one place defines each column (header, meaning,
 * type, unit, allowed values) and how it is read from a row, so the files and their data
 * dictionary cannot disagree. Rows are iterated from prepared statements, never collected.
 * This file: what a column is, and the readers of a row's raw values.
 */

export type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'time' | 'code' | 'codes' | 'yes/no';
export type Cell = string | number | Date | null;
/** A row's value by column name (rows are read as arrays: much faster for 100 000 rows than objects). */
export type Row = (column: string) => unknown;

export interface Column {
  header: string;
  label: string;
  /** The label's message id when it is the field's declared label (translated in the dictionary). */
  labelId?: string;
  type: ColumnType;
  unit?: string;
  values?: readonly (string | number)[];
  description: string;
  /** The description's message id when it is the field's declared one (translated in the dictionary). */
  descriptionId?: string;
  /** From the field's declaration: what a pseudonymised export does with the column. */
  privacy: PrivacyClass;
  pseudonymised?: Pseudonymised;
  read: (row: Row, context: RowContext) => Cell;
}

export interface RowContext {
  key: string | null;
  pseudonymize: boolean;
  /** Pseudonymised exports: dates to the day or the month, never a clock time. */
  datePrecision: DatePrecision;
  /** The language of the dictionary's labels and FHIR's texts; English when absent. */
  speaking?: Speaking;
}

export interface Table {
  name: string;
  description: string;
  columns: Column[];
  /** SQL over the export's filter (alias p = procedures). */
  sql: string;
}

export const text = (value: unknown): string | null => (value == null || value === '' ? null : String(value));
export const number = (value: unknown): number | null => (value == null ? null : Number(value));
export const yesNo = (value: unknown): string | null =>
  value == null ? null : value === 1 || value === true ? 'yes' : 'no';
/** Each vocabulary's order as a lookup, made once: codes() runs for every row of an export. */
const ranks = new WeakMap<readonly string[], Map<string, number>>();
const rankOf = (vocabulary: readonly string[]) => {
  let rank = ranks.get(vocabulary);
  if (!rank) {
    rank = new Map(vocabulary.map((code, index) => [code, index]));
    ranks.set(vocabulary, rank);
  }
  return rank;
};
/** A list of codes ("a;b", or "a:detail;b") in its vocabulary's order; unknown codes first, as indexOf put them. */
export const codes = (value: unknown, vocabulary: readonly string[]): string | null => {
  if (value == null || value === '') return null;
  const listed = String(value);
  if (!listed.includes(';')) return listed;
  const rank = rankOf(vocabulary);
  const order = (code: string) => rank.get(code.split(':')[0] ?? code) ?? -1;
  return listed
    .split(';')
    .sort((a, b) => order(a) - order(b))
    .join(';');
};
