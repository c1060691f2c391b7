/*
 * Dates and times in HL7 v2 (DT YYYYMMDD, DTM YYYYMMDDHHMMSS+ZZZZ), always with the offset the
 * console saw, so the RIS never has to guess the time zone. Pure.
 */

/** "2026-03-14T09:30:00+01:00" (or …Z) → "20260314093000+0100"; null when it is not such a time. */
export function hl7DateTime(iso: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!match) return null;
  const [, year, month, day, hours, minutes, seconds = '00', zone] = match;
  const offset = zone === 'Z' ? '+0000' : (zone ?? '').replace(':', '');
  return `${year}${month}${day}${hours}${minutes}${seconds}${offset}`;
}

/** "1958-03-12" → "19580312". */
export const hl7Date = (date: string) => date.replaceAll('-', '');
