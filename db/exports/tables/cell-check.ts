import type { Cell, ColumnType } from './columns.js';

/*
 * What a writer may put in a file: a date that is a real date, a time that is a real time,
 * a number that is finite. A stored value that is not (a damaged or hand-edited record)
 * stops the export with the record named, instead of writing `<v>NaN</v>` into an XLSX that
 * spreadsheet readers then refuse, or a date that silently rolls over into another month.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * Dates already found real: an export checks a few date columns on every row, and their
 * values repeat (about 40 000 days in a century), so each is worked out once.
 */
const realDates = new Set<string>();

/** A calendar date that exists (2026-02-30 does not). */
export function isRealDate(text: string): boolean {
  if (realDates.has(text)) return true;
  const real = isRealCalendarDate(text);
  if (real && realDates.size < 100_000) realDates.add(text);
  return real;
}

function isRealCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO date and time with its offset (or Z), every part in range. */
export function isRealDateTime(text: string): boolean {
  const match = DATETIME.exec(text);
  if (!match) return false;
  const [, date, hours, minutes, seconds, , offsetHours, offsetMinutes] = match;
  return (
    isRealDate(date ?? '') &&
    Number(hours) < 24 &&
    Number(minutes) < 60 &&
    Number(seconds ?? 0) < 60 &&
    Number(offsetHours ?? 0) <= 14 &&
    Number(offsetMinutes ?? 0) < 60
  );
}

const isRealTime = (text: string) => {
  const match = TIME.exec(text);
  return Boolean(match) && Number(match?.[1]) < 24 && Number(match?.[2]) < 60;
};

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
