import type { ClinicalWarning } from './clinical-warning.js';
import { clinicalWarning, WARNING_MESSAGES as W } from './warning-messages.js';
import { sentence, type WordValue } from './words.js';

/*
 * The table time: start and end are clock times of the procedure's day. An end earlier than
 * the start is on the next day (a case from 23:50 to 00:10 lasted 20 minutes), as the
 * dashboard has always counted it. What cannot be told from the clock alone is said at the
 * field and asked before signing: a table time longer than any such procedure (most likely a
 * slip in one of the times), and a Performed time outside start and end.
 */

const MINUTES_PER_DAY = 24 * 60;

/** Longer than this on the table is not a nerve root infiltration (one takes about 15 minutes). */
export const LONGEST_TABLE_MINUTES = 3 * 60;

/**
 * How early Performed may be before the start (and late after the end): the form takes "now"
 * as Performed when the case is opened, often a few minutes before the patient is on the table.
 */
export const PERFORMED_SLACK_MINUTES = 15;

const minutesOf = (clock: string): number | null => {
  const match = /^(\d{2}):(\d{2})/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

export interface TableTime {
  minutes: number;
  /** The end is on the day after the start. */
  nextDay: boolean;
}

/** From start to end, the end on the next day when it is earlier than the start; null without both. */
export function tableTime(startedAt: string | null | undefined, endedAt: string | null | undefined): TableTime | null {
  const start = startedAt ? minutesOf(startedAt) : null;
  const end = endedAt ? minutesOf(endedAt) : null;
  if (start == null || end == null) return null;
  return { minutes: (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY, nextDay: end < start };
}

/** "20 min", "1 h 5 min". */
export function durationWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}` : `${minutes} min`;
}

/** The table time inside a warning, in the reader's language ("23:50–00:10 (next day)"). */
function tableTimeSaid(startedAt: string, endedAt: string | null | undefined): WordValue {
  if (!endedAt) return startedAt;
  return sentence(tableTime(startedAt, endedAt)?.nextDay ? W.tableTimesNextDay : W.tableTimes, {
    start: startedAt,
    end: endedAt,
  });
}

/** The record's clock times (a type of its own: the field declarations read this file too). */
export interface ClockTimes {
  startedAt?: string | null;
  endedAt?: string | null;
  performedAt?: string | null;
}

/** A table time longer than any such procedure, and Performed outside start and end, at their fields. */
export function tableTimeWarnings(record: ClockTimes): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  const table = tableTime(record.startedAt, record.endedAt);
  if (table && table.minutes > LONGEST_TABLE_MINUTES) {
    found.push(
      clinicalWarning(
        'table_time_implausible',
        'check',
        'endedAt',
        sentence(W.tableTimeImplausible, {
          times: tableTimeSaid(record.startedAt as string, record.endedAt),
          duration: durationWords(table.minutes),
        }),
      ),
    );
  }
  const start = record.startedAt ? minutesOf(record.startedAt) : null;
  const performed = record.performedAt ? minutesOf(record.performedAt.slice(11, 16)) : null;
  if (start != null && performed != null && (!table || table.minutes <= LONGEST_TABLE_MINUTES)) {
    // Minutes from (start − slack) to Performed, around the clock: within the table time and
    // its slack either side, Performed lies between start and end (the end perhaps next day).
    const span = (table?.minutes ?? 0) + 2 * PERFORMED_SLACK_MINUTES;
    const fromEarliest = (performed - (start - PERFORMED_SLACK_MINUTES) + 2 * MINUTES_PER_DAY) % MINUTES_PER_DAY;
    if (fromEarliest > span) {
      const clock = (record.performedAt as string).slice(11, 16);
      found.push(
        clinicalWarning(
          'performed_outside_table_time',
          'check',
          'performedAt',
          sentence(W.performedOutsideTableTime, {
            clock,
            times: tableTimeSaid(record.startedAt as string, record.endedAt),
          }),
        ),
      );
    }
  }
  return found;
}
