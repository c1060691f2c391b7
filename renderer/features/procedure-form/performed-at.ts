import { localDateTimeWithOffset } from '../../../db/model/index.js';

/** "2026-03-14T09:30:00+01:00" → "2026-03-14T09:30" for a datetime-local input (the console's wall clock). */
export const toLocalInput = (performedAt: string | null | undefined): string =>
  performedAt ? performedAt.slice(0, 16) : '';

/** The input's local wall-clock time, with this console's UTC offset on that date. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : localDateTimeWithOffset(date);
}
