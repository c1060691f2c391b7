import { useMemo } from 'react';
import { formatDateTime } from '../../db/model/index.js';
import { useDepartmentLocale } from '../app/department-locale.js';
import { useWordsLocale } from '../app/i18n.js';
import { dateTimeInWords, dateTimePattern, readDateTime } from './date-entry.js';
import { TypedField, type TypedFieldProps } from './TypedField.js';

export type DateTimeFieldProps = TypedFieldProps<string>;

/** A local date and time ("YYYY-MM-DDTHH:MM") typed in the department's order: "14.03.2026 09:30". */
export function DateTimeField(props: DateTimeFieldProps) {
  // The order of day, month and year is the department's (de-CH: dd.mm.yyyy), never the OS's.
  const locale = useDepartmentLocale();
  // Said back in the reader's words, and what a date still needs names its month in them too.
  const wordsLocale = useWordsLocale();
  const kind = useMemo(
    () => ({
      read: (text: string) => readDateTime(text, locale, wordsLocale),
      write: (local: string) => formatDateTime(local, locale),
      words: (local: string) => dateTimeInWords(local, wordsLocale),
      pattern: dateTimePattern(locale),
    }),
    [locale, wordsLocale],
  );
  return <TypedField {...props} kind={kind} />;
}
