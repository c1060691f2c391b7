import {
  codeMessage,
  fieldLabelWords,
  formatDate,
  formatDateTime,
  formatNumber,
  type Language,
  SIGNATURE_MEANINGS,
  type SignatureMeaning,
  say,
  type Translate,
  words,
} from '../../../db/model/index.js';
import { HISTORY_PANEL_MESSAGES as M } from './form-messages.js';
import { meaningIn } from './print-words.js';

/*
 * A value of the audit history in the reader's words. The audit row keeps what changed as data:
 * texts, codes, dates, numbers, lists, and for a signature who signed and what it meant
 * ({ operatorId, name, meaning }). A code is said as its words, a date and a number as the
 * reader's locale writes them, a part of a value by its field's label; free text stays as typed.
 * Printed as String() an object read "[object Object]" in every amendment's list.
 */
export interface HistoryReader {
  t: Translate;
  language: Language;
  locale: string;
}

const isSignature = (value: object): value is { name: string; meaning: SignatureMeaning } =>
  typeof (value as { name?: unknown }).name === 'string' &&
  SIGNATURE_MEANINGS.includes((value as { meaning?: SignatureMeaning }).meaning as SignatureMeaning);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A stored text: a code's words where it is one ("ct" → "CT", "left" → "Links"), a date in the locale, else as typed. */
function textInWords(text: string, reader: HistoryReader): string {
  if (DATE.test(text)) return formatDate(text, reader.locale);
  if (DATE_TIME.test(text)) return formatDateTime(text, reader.locale);
  return words(text) !== text ? reader.t(codeMessage(text)) : text;
}

export function historyValue(value: unknown, reader: HistoryReader): string {
  if (value == null || value === '') return '—';
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map((item) => historyValue(item, reader)).join(', ');
  if (typeof value === 'object') {
    if (isSignature(value)) return `${value.name}, ${meaningIn(reader.t, value.meaning)}`;
    const parts = Object.entries(value)
      .filter(([, inner]) => inner != null && inner !== '')
      .map(([key, inner]) => `${labelOf(key, reader)} ${historyValue(inner, reader)}`);
    return parts.length === 0 ? '—' : parts.join('; ');
  }
  if (typeof value === 'number') return formatNumber(value, reader.locale);
  if (typeof value === 'boolean') return reader.t(value ? M.yes : M.no);
  return typeof value === 'string' ? textInWords(value, reader) : String(value);
}

/** A part's label: its field's own in the reader's language ("side" → "Seite"), else its name. */
function labelOf(key: string, reader: HistoryReader): string {
  const label = fieldLabelWords(key);
  return typeof label === 'object' && 'message' in label ? say(label, reader.t, reader.language) : String(label);
}
