import { PROBLEM_MESSAGES, readNumber, saidOf, sentence } from '../../db/model/index.js';
import type { PendingText } from './TypedField.js';

/**
 * A number field's text that could be read two ways ("1.480": 1480 in de-DE, 1.48 in de-CH),
 * held back with what to type: the field's label (as the reader reads it) and readNumber's
 * words, so the form says it in the reader's language, its numbers in the reader's locale.
 * Null when the text is a number, empty or no number at all (the field's rule says that one).
 */
export function unclearNumberText(label: string, text: string, locale: string): PendingText | null {
  const read = readNumber(text, locale);
  if (read.kind !== 'unclear') return null;
  return { text, ...saidOf(sentence(PROBLEM_MESSAGES.fieldRule, { field: label, rule: read.words })) };
}
