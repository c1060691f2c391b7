import { useMemo } from 'react';
import { dateOrder, formatDateTime } from '../../db/model/index.js';
import { useDepartmentLocale } from '../app/department-locale.js';
import { DEFAULT_WORDS_LOCALE, dateTimeInWords, readDateTime } from './date-entry.js';
import { TypedField, type TypedFieldProps } from './TypedField.js';

export interface DateTimeFieldProps extends TypedFieldProps<string> {
  wordsLocale?: string;
}

/** A local date and time ("YYYY-MM-DDTHH:MM") typed in the department's order: "14.03.2026 09:30". */
export function DateTimeField({ wordsLocale = DEFAULT_WORDS_LOCALE, ...props }: DateTimeFieldProps) {
  // The order of day, month and year is the department's (de-CH: dd.mm.yyyy), never the OS's.
  const locale = useDepartmentLocale();
  const kind = useMemo(
    () => ({
      read: (text: string) => readDateTime(text, locale, wordsLocale),
      write: (local: string) => formatDateTime(local, locale),
      words: (local: string) => dateTimeInWords(local, wordsLocale),
      pattern: `${dateOrder(locale).pattern} hh:mm`,
    }),
    [locale, wordsLocale],
  );
  return <TypedField {...props} kind={kind} />;
}
