import { useMemo } from 'react';
import {
  DEFAULT_ENTRY_LOCALE,
  DEFAULT_WORDS_LOCALE,
  dateOrder,
  dateTimeInWords,
  formatDateTime,
  readDateTime,
} from './date-entry.js';
import { TypedField, type TypedFieldProps } from './TypedField.js';

export interface DateTimeFieldProps extends TypedFieldProps<string> {
  locale?: string;
  wordsLocale?: string;
}

/** A local date and time ("YYYY-MM-DDTHH:MM") typed in the department's order: "14.03.2026 09:30". */
export function DateTimeField({
  locale = DEFAULT_ENTRY_LOCALE,
  wordsLocale = DEFAULT_WORDS_LOCALE,
  ...props
}: DateTimeFieldProps) {
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
