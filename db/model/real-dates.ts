/*
 * Whether a text is a real date, date and time, or time: what every reader of a file (an
 * export, an import) checks before it trusts a date. Pure.
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

export const isRealTime = (text: string): boolean => {
  const match = TIME.exec(text);
  return Boolean(match) && Number(match?.[1]) < 24 && Number(match?.[2]) < 60;
};
