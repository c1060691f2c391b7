import {
  DEFAULT_DEPARTMENT_LOCALE,
  dateOrder,
  declareMessages,
  sentence,
  type WordList,
  type Words,
} from '../../db/model/index.js';

/*
 * Dates and times as typed at the console, read in the department's order — never in the
 * operating system's (a Chromium whose native control is mm/dd/yyyy stored the Swiss
 * 12031958 as 1958-12-03). The order of day, month and year comes from the department's
 * locale setting (db/model/locales.ts) through Intl (db/model/locale-format.ts): dd.mm.yyyy
 * in Switzerland and Germany, mm/dd/yyyy in the US. Dates are said back in words so a slip
 * shows at once; the words' language is the reader's. What a text still needs is kept as words
 * (message and values): the field says them in the reader's language, its month's name too.
 */

const TYPED =
  'Under a date or time field while it is typed into, after the field\'s label ("Birth date is not complete: type dd.mm.yyyy").';
export const DATE_ENTRY_MESSAGES = declareMessages('form.dateEntry', {
  notComplete: [
    'is not complete: type {pattern}',
    `${TYPED} {pattern}: what to type, as the department writes it ("dd.mm.yyyy", "hh:mm").`,
  ],
  tooManyDigits: ['has too many digits: type {pattern}', `${TYPED} {pattern}: what to type ("dd.mm.yyyy").`],
  notADate: ['is not a date: type {pattern}', `${TYPED} {pattern}: what to type ("dd.mm.yyyy").`],
  yearDigits: ['needs the year with four digits: type {pattern}', `${TYPED} {pattern}: what to type ("dd.mm.yyyy").`],
  yearDigitsOnly: ['needs the year with four digits', TYPED],
  noMonth: ['has no month {month}: a month is 1 to 12', `${TYPED} {month}: the month typed (13).`],
  noDay: [
    'has no day {day}: {month} has {days} days',
    `${TYPED} {day}: the day typed; {month}: the month and year in the reader's words ("February 1958"); {days}: how many days it has.`,
  ],
  notATime: [
    'is not a time: type hh:mm (24 hours)',
    `${TYPED} hh:mm: hours and minutes (keep as the language writes it).`,
  ],
  notATimeOfDay: ['is not a time of day: 00:00 to 23:59', TYPED],
  needsTime: ['needs the time: type {pattern}', `${TYPED} {pattern}: the date and the time ("dd.mm.yyyy hh:mm").`],
  needsTimeAsHhMm: [
    'needs the time as hh:mm: type {pattern}',
    `${TYPED} {pattern}: the date and the time ("dd.mm.yyyy hh:mm").`,
  ],
});
const M = DATE_ENTRY_MESSAGES;

const PATTERN =
  'One part of what to type into a date or time field, as clinicians write it in the language (placeholder, hint and "type dd.mm.yyyy"); the locale gives the order and the separator.';
export const DATE_PATTERN_MESSAGES = declareMessages('form.datePattern', {
  day: ['dd', `${PATTERN} The day, two letters (de "TT", fr "jj", it "gg").`],
  month: ['mm', `${PATTERN} The month, two letters (de "MM", fr "mm", it "mm").`],
  year: ['yyyy', `${PATTERN} The year, four letters (de "JJJJ", fr "aaaa", it "aaaa").`],
  hours: ['hh', `${PATTERN} The hours of a time, two letters ("hh:mm").`],
  minutes: ['mm', `${PATTERN} The minutes of a time, two letters ("hh:mm").`],
});
const P = DATE_PATTERN_MESSAGES;

/**
 * What to type into a date field, in the department's order and separator (dateOrder: de-CH
 * day, month, year with "."), each part said in the reader's letters: "dd.mm.yyyy", "TT.MM.JJJJ".
 */
export const datePattern = (locale: string = DEFAULT_DEPARTMENT_LOCALE): WordList => {
  const { parts, separator } = dateOrder(locale);
  return { list: parts.map((part) => sentence(P[part])), separator };
};

/** What to type into a time field: "hh:mm" (24 hours), its letters the reader's. */
export const timePattern: WordList = { list: [sentence(P.hours), sentence(P.minutes)], separator: ':' };

/** What to type into a date and time field: "dd.mm.yyyy hh:mm". */
export const dateTimePattern = (locale: string = DEFAULT_DEPARTMENT_LOCALE): WordList => ({
  list: [datePattern(locale), timePattern],
  separator: ' ',
});

/** The locale English says a date back in: "12 March 1958", day first as a Swiss reader expects. */
export const DEFAULT_WORDS_LOCALE = 'en-GB';

/**
 * The locale a date is said back in for its reader: the reader's own locale where it speaks
 * the reader's language ("2 décembre 2026" in fr-CH), else the language's own (an English
 * reader in a de-CH department: en-GB; a French one in de-CH is given fr-CH by localeFor).
 */
export const wordsLocaleFor = (language: string, locale: string): string =>
  locale.startsWith(language) ? locale : language === 'en' ? DEFAULT_WORDS_LOCALE : language;

type DatePart = 'day' | 'month' | 'year';

/** What a field's text is: nothing, a value, or text that is not one yet and what it needs. */
export type Read<T> = { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'not-yet'; words: Words };

const notYet = (words: Words): { kind: 'not-yet'; words: Words } => ({ kind: 'not-yet', words });

/** Is it only not complete yet (a hint while typed into, not an alarm)? */
export const onlyIncomplete = (read: Read<unknown>): boolean =>
  read.kind === 'not-yet' && read.words.message === M.notComplete;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date from its day, month and year, or why it is none ("February 1958 has 28 days"). */
function checkedDate(day: number, month: number, year: number, wordsLocale: string): Read<string> {
  if (month < 1 || month > 12) return notYet(sentence(M.noMonth, { month }));
  if (year < 1000) return notYet(sentence(M.yearDigitsOnly));
  const days = daysIn(year, month);
  if (day < 1 || day > days) {
    const monthName = new Intl.DateTimeFormat(wordsLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(year, month - 1, 1),
    );
    return notYet(sentence(M.noDay, { day, month: monthName, days }));
  }
  return { kind: 'value', value: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * A typed date: "12.03.1958", "12.3.1958", "12031958" (eight digits, in the locale's order),
 * or "1958-03-12" (year first is never ambiguous); as "YYYY-MM-DD".
 */
export function readDate(
  text: string,
  locale: string = DEFAULT_DEPARTMENT_LOCALE,
  wordsLocale: string = DEFAULT_WORDS_LOCALE,
): Read<string> {
  const typed = text.trim();
  if (typed === '') return { kind: 'empty' };
  const { parts } = dateOrder(locale);
  const pattern = datePattern(locale);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return checkedDate(Number(iso[3]), Number(iso[2]), Number(iso[1]), wordsLocale);
  let pieces: string[];
  if (/^\d+$/.test(typed)) {
    if (typed.length < 8) return notYet(sentence(M.notComplete, { pattern }));
    if (typed.length > 8) return notYet(sentence(M.tooManyDigits, { pattern }));
    // Eight digits: two for the day, two for the month, four for the year, in the locale's order.
    let at = 0;
    pieces = parts.map((part) => {
      const width = part === 'year' ? 4 : 2;
      const piece = typed.slice(at, at + width);
      at += width;
      return piece;
    });
  } else {
    pieces = typed.split(/[\s./-]+/).filter(Boolean);
    if (pieces.some((piece) => !/^\d+$/.test(piece))) return notYet(sentence(M.notADate, { pattern }));
    if (pieces.length < 3) return notYet(sentence(M.notComplete, { pattern }));
    if (pieces.length > 3) return notYet(sentence(M.notADate, { pattern }));
  }
  const at = (part: DatePart) => pieces[parts.indexOf(part)] ?? '';
  if (at('year').length !== 4) return notYet(sentence(M.yearDigits, { pattern }));
  return checkedDate(Number(at('day')), Number(at('month')), Number(at('year')), wordsLocale);
}

/** A typed time of day, 24 hours: "09:30", "9:30", "0930", "9.30"; as "HH:MM". */
export function readTime(text: string): Read<string> {
  const typed = text.trim();
  if (typed === '') return { kind: 'empty' };
  const match = /^(\d{1,2})[:.h](\d{2})$/.exec(typed) ?? /^(\d{2})(\d{2})$/.exec(typed);
  if (!match) {
    return /^\d{1,3}$|^\d{1,2}[:.h]\d?$/.test(typed)
      ? notYet(sentence(M.notComplete, { pattern: timePattern }))
      : notYet(sentence(M.notATime));
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return notYet(sentence(M.notATimeOfDay));
  return { kind: 'value', value: `${pad(hours)}:${pad(minutes)}` };
}

/**
 * A typed date and time: "14.03.2026 09:30", twelve digits "140320260930", or
 * "2026-03-14T09:30"; as local "YYYY-MM-DDTHH:MM".
 */
export function readDateTime(
  text: string,
  locale: string = DEFAULT_DEPARTMENT_LOCALE,
  wordsLocale: string = DEFAULT_WORDS_LOCALE,
): Read<string> {
  const typed = text.trim();
  if (typed === '') return { kind: 'empty' };
  const whole = dateTimePattern(locale);
  // Twelve digits (eight for the date, four for the time), or the date and the time apart.
  const digits = /^(\d{8})(\d{1,4})?$/.exec(typed);
  const apart = /^([^\sT]+)(?:[T\s]+(.*))?$/.exec(typed);
  const datePart = digits?.[1] ?? apart?.[1] ?? typed;
  const timePart = (digits ? digits[2] : apart?.[2])?.trim() ?? '';
  const date = readDate(datePart, locale, wordsLocale);
  // What the date still needs, with the whole to type (the date and the time) where it says what to type.
  if (date.kind === 'not-yet')
    return notYet(
      date.words.values && 'pattern' in date.words.values
        ? sentence(date.words.message, { ...date.words.values, pattern: whole })
        : date.words,
    );
  if (date.kind === 'empty' || timePart === '') return notYet(sentence(M.needsTime, { pattern: whole }));
  const time = readTime(timePart);
  if (time.kind !== 'value') return notYet(sentence(M.needsTimeAsHhMm, { pattern: whole }));
  return { kind: 'value', value: `${date.value}T${time.value}` };
}

/** "1958-03-12" in words: "12 March 1958". */
export function dateInWords(iso: string, wordsLocale: string = DEFAULT_WORDS_LOCALE): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(wordsLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
}

/** "2026-03-14T09:30" in words: "Saturday, 14 March 2026, 09:30". */
export function dateTimeInWords(local: string, wordsLocale: string = DEFAULT_WORDS_LOCALE): string {
  const [year, month, day] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Intl.DateTimeFormat(wordsLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
  return `${date}, ${local.slice(11, 16)}`;
}
