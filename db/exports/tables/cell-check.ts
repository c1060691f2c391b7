import { isRealDate, isRealDateTime, isRealTime } from '../../model/real-dates.js';
import type { Cell, ColumnType } from './columns.js';

/*
 * What a writer may put in a file: a date that is a real date, a time that is a real time,
 * a number that is finite. A stored value that is not (a damaged or hand-edited record)
 * stops the export with the record named, instead of writing `<v>NaN</v>` into an XLSX that
 * spreadsheet readers then refuse, or a date that silently rolls over into another month.
 */

export { isRealDate, isRealDateTime };

/** Why the cell cannot be written as its column's type, or null when it can. */
export function cellProblem(type: ColumnType, cell: Cell): string | null {
  if (cell == null) return null;
  switch (type) {
    case 'integer':
    case 'number':
      return typeof cell === 'number' && Number.isFinite(cell) ? null : 'which is not a finite number';
    case 'date':
      return typeof cell === 'string' && isRealDate(cell) ? null : 'which is not a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof cell === 'string' && isRealDateTime(cell) ? null : 'which is not a date and time';
    case 'time':
      return typeof cell === 'string' && isRealTime(cell) ? null : 'which is not a time (HH:MM)';
    default:
      return null;
  }
}
