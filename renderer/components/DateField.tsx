import { useMemo } from 'react';
import { formatDate } from '../../db/model/index.js';
import { useDepartmentLocale } from '../app/department-locale.js';
import { useWordsLocale } from '../app/i18n.js';
import { dateInWords, datePattern, readDate } from './date-entry.js';
import { TypedField, type TypedFieldProps } from './TypedField.js';

export type DateFieldProps = TypedFieldProps<string>;

/** A date ("YYYY-MM-DD") typed in the department's order, said back in words: 12031958 → 12 March 1958. */
export function DateField(props: DateFieldProps) {
  // The order of day, month and year is the department's (de-CH: dd.mm.yyyy), never the OS's.
  const locale = useDepartmentLocale();
  // Said back in the reader's words, and what a date still needs names its month in them too.
  const wordsLocale = useWordsLocale();
  const kind = useMemo(
    () => ({
      read: (text: string) => readDate(text, locale, wordsLocale),
      write: (iso: string) => formatDate(iso, locale),
      words: (iso: string) => dateInWords(iso, wordsLocale),
      pattern: datePattern(locale),
    }),
    [locale, wordsLocale],
  );
  return <TypedField {...props} kind={kind} />;
}
