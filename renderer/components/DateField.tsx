import { useMemo } from 'react';
import {
  DEFAULT_ENTRY_LOCALE,
  DEFAULT_WORDS_LOCALE,
  dateInWords,
  dateOrder,
  formatDate,
  readDate,
} from './date-entry.js';
import { TypedField, type TypedFieldProps } from './TypedField.js';

export interface DateFieldProps extends TypedFieldProps<string> {
  /** The department's locale: the order of day, month and year (de-CH: dd.mm.yyyy). */
  locale?: string;
  /** The interface's language for the date in words. */
  wordsLocale?: string;
}

/** A date ("YYYY-MM-DD") typed in the department's order, said back in words: 12031958 → 12 March 1958. */
export function DateField({
  locale = DEFAULT_ENTRY_LOCALE,
  wordsLocale = DEFAULT_WORDS_LOCALE,
  ...props
}: DateFieldProps) {
  const kind = useMemo(
    () => ({
      read: (text: string) => readDate(text, locale, wordsLocale),
      write: (iso: string) => formatDate(iso, locale),
      words: (iso: string) => dateInWords(iso, wordsLocale),
      pattern: dateOrder(locale).pattern,
    }),
    [locale, wordsLocale],
  );
  return <TypedField {...props} kind={kind} />;
}
