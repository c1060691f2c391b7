import { DEFAULT_DEPARTMENT_LOCALE } from './locales.js';

/*
 * Dates, times and numbers as the department's locale writes them (locales.ts), derived from
 * Intl — the one place the form, the lists, the report, the printed sheets and the RIS take
 * them from. Pure: the renderer and the main process both use it.
 *
 * - Dates with digits in the locale's order and separator: de-CH 12.03.1958, en-GB
 *   12/03/1958, en-US 03/12/1958. Times always on the 24-hour clock (09:30, 14:05): the
 *   clinic's clock, whatever the locale's everyday habit.
 * - A date and time recorded with its UTC offset ("2026-03-14T09:30:00+01:00") is shown at the
 *   wall-clock time it carries — the time at the console where it happened — never shifted
 *   into the zone of the machine that reads it. An instant without offset (UTC "Z") is shown in
 *   the reading machine's zone.
 * - Numbers with the locale's decimal mark (de-CH 148.5, de-DE 148,5) and no thousands
 *   separator (1480), so what is shown can always be typed back (number-entry.ts) and no
 *   reader takes de-DE's 1.480 for 1.48.
 */

type DatePart = 'day' | 'month' | 'year';

export interface DateOrder {
  /** Day, month and year in the order the locale writes them. */
  parts: DatePart[];
  /** What the locale writes between them ("." in de-CH). */
  separator: string;
  /** "dd.mm.yyyy": what to type, shown as the field's hint. */
  pattern: string;
}

const PATTERN_PART: Record<DatePart, string> = { day: 'dd', month: 'mm', year: 'yyyy' };

/** How the locale writes a date with digits: its order and its separator. */
export function dateOrder(locale: string = DEFAULT_DEPARTMENT_LOCALE): DateOrder {
  const written = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2000, 10, 22, 12)));
  const parts = written
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
  const separator = written.find((part) => part.type === 'literal')?.value.trim() || '.';
  return { parts, separator, pattern: parts.map((part) => PATTERN_PART[part]).join(separator) };
}

/** "1958-03-12" (or the date part of a date and time) as the locale writes it with digits: "12.03.1958". */
export function formatDate(iso: string, locale: string = DEFAULT_DEPARTMENT_LOCALE): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  const { parts, separator } = dateOrder(locale);
  const value: Record<DatePart, string> = { day: day ?? '', month: month ?? '', year: year ?? '' };
  return parts.map((part) => value[part]).join(separator);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock date and time a timestamp carries: its own digits, or the reading machine's for UTC. */
function wallClock(iso: string): { date: string; time: string } | null {
  const withOffset = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:?\d{2})?$/.exec(iso);
  if (withOffset?.[1] && withOffset[2]) return { date: withOffset[1], time: withOffset[2] };
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  return {
    date: `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
    time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
  };
}

/**
 * A date and time ("2026-03-14T09:30:00+01:00", "2026-03-14T09:30", or a UTC instant) as the
 * locale writes it: "14.03.2026 09:30". Text that is no date is shown as it is.
 */
export function formatDateTime(iso: string, locale: string = DEFAULT_DEPARTMENT_LOCALE): string {
  const clock = wallClock(iso);
  return clock ? `${formatDate(clock.date, locale)} ${clock.time}` : iso;
}

/**
 * The wall-clock time a timestamp carries ("09:30"), on the 24-hour clock as every locale
 * RootLog writes it; never the operating system's way ("9:30 AM"). Text that is no time is shown as it is.
 */
export function formatTime(iso: string): string {
  return wallClock(iso)?.time ?? iso;
}

/** The locale's decimal mark: "." in de-CH, it-CH and English, "," in de-DE, de-AT and fr-CH. */
export function decimalMark(locale: string = DEFAULT_DEPARTMENT_LOCALE): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/**
 * A number with the locale's decimal mark and no thousands separator: 148.5 → "148,5" in de-DE.
 * Every digit the value has is shown (its shortest exact writing: a value is never rounded on
 * the way to the screen); `maximumDecimals` rounds where a sentence wants fewer (the report: two),
 * `minimumDecimals` keeps a column's figures aligned (the dashboard's 12.0 %).
 */
export function formatNumber(
  value: number,
  locale: string = DEFAULT_DEPARTMENT_LOCALE,
  { maximumDecimals, minimumDecimals = 0 }: { maximumDecimals?: number; minimumDecimals?: number } = {},
): string {
  if (!Number.isFinite(value)) return String(value);
  const plain = String(value);
  if (maximumDecimals === undefined && minimumDecimals === 0 && !/e/i.test(plain))
    return plain.replace('.', decimalMark(locale));
  return new Intl.NumberFormat(locale, {
    useGrouping: false,
    minimumFractionDigits: minimumDecimals,
    maximumFractionDigits: Math.max(maximumDecimals ?? 100, minimumDecimals),
  }).format(value);
}
