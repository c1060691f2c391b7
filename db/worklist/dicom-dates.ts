/*
 * DICOM dates (DA "YYYYMMDD") and times (TM "HHMMSS.FFFFFF", shorter forms allowed) as the
 * logbook writes them (YYYY-MM-DD, HH:MM). A worklist's scheduled times are the department's
 * local wall-clock times and carry no offset; they stay local. Pure.
 */

const pad = (n: number) => String(n).padStart(2, '0');

const isRealDate = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** "19580312" → "1958-03-12"; null when it is not a real calendar date in the DA form. */
export function dateFromDicom(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1800 || !isRealDate(year, month, day)) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** "103000", "1030", "10", "103000.123" → "10:30"; null when it is not a time of day. */
export function timeFromDicom(value: string): string | null {
  const match = /^(\d{2})(\d{2})?(\d{2})?(\.\d{1,6})?$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const seconds = match[3] === undefined ? 0 : Number(match[3]);
  // Seconds to 60 for a leap second, as DICOM allows.
  if (hours > 23 || minutes > 59 || seconds > 60) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** "2026-03-12" → "20260312" (the date is checked by the caller's schema). */
export const dateToDicom = (date: string) => date.replaceAll('-', '');

/** A DA range matching key: one day, or "from-to" inclusive (PS3.4 C.2.2.2.5). */
export const dicomDateRange = (from: string, to: string) =>
  from === to ? dateToDicom(from) : `${dateToDicom(from)}-${dateToDicom(to)}`;

/** The console's local calendar date, n days after `now`. */
export function localDate(now: Date, daysAfter = 0): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysAfter);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
