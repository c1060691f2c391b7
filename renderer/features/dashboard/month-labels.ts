import { DASHBOARD_VOLUME_MESSAGES as M } from '../../../db/model/dashboard-messages.js';
import type { MonthCovered, Translate } from '../../../db/model/index.js';
import { DEFAULT_WORDS_LOCALE } from '../../components/date-entry.js';

/*
 * A month as a chart and its table name it: "Mar 2026" when the view covers it whole, its
 * days when only part ("1–14 Mar 2026"), so a part month's bar is never read as a month's.
 * The month's name is the reader's locale's ("März 2026", "mars 2026").
 */

const dayOf = (date: string) => Number(date.slice(8, 10));

function monthName(month: string, locale: string): string {
  const first = new Date(0);
  first.setUTCFullYear(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(first);
}

export function monthLabel(month: MonthCovered, locale: string = DEFAULT_WORDS_LOCALE): string {
  const name = monthName(month.month, locale);
  if (!month.partial) return name;
  const from = dayOf(month.from);
  const to = dayOf(month.to);
  return from === to ? `${from} ${name}` : `${from}–${to} ${name}`;
}

function daysInMonth(month: string): number {
  const last = new Date(0);
  last.setUTCFullYear(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0);
  return last.getUTCDate();
}

/** What the view covers of a month, in the reader's words ("14 of 31 days", "14 von 31 Tagen"). */
export const daysCovered = (month: MonthCovered, t: Translate): string =>
  month.partial
    ? t(M.daysOf, { days: month.days, total: daysInMonth(month.month) })
    : t(M.allDays, { days: month.days });
