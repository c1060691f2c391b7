import type { MonthCovered } from '../model/index.js';

/*
 * Which days of a calendar month a view covers. A bar of a month the filter cuts (the twelve
 * months from the 3rd of December to the 2nd) or of the month still running holds those days'
 * procedures only; it says so (partial, its days) rather than pass for a whole month, and is
 * never scaled up to one: a projection would be a guess in an audit.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in a month of the proleptic Gregorian calendar (years 0–9999 as records may carry). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The days of `month` (YYYY-MM) within the view: from the filter's start (if inside the
 * month) to the filter's end or today, whichever comes first (if inside the month).
 */
export function monthCovered(month: string, view: { from?: string; to?: string }, today: string): MonthCovered {
  const year = Number(month.slice(0, 4));
  const lastDay = daysInMonth(year, Number(month.slice(5, 7)));
  const first = `${month}-01`;
  const last = `${month}-${pad(lastDay)}`;
  const ends = [last, ...(view.to ? [view.to] : [])];
  // A month that has begun but not ended by today is covered up to today.
  if (today >= first && today < last) ends.push(today);
  const from = view.from && view.from > first ? view.from : first;
  const [to] = ends.sort() as [string];
  const days = Math.max(0, Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1);
  return { month, from, to, days, partial: days < lastDay };
}
