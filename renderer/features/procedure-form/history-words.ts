import { meaningWords, SIGNATURE_MEANINGS, type SignatureMeaning } from '../../../db/model/index.js';

/*
 * A value of the audit history in words. The audit row keeps what changed as data: texts,
 * numbers, lists, and for a signature who signed and what it meant ({ operatorId, name,
 * meaning }). Printed as String() an object read "[object Object]" in every amendment's list.
 */
const isSignature = (value: object): value is { name: string; meaning: SignatureMeaning } =>
  typeof (value as { name?: unknown }).name === 'string' &&
  SIGNATURE_MEANINGS.includes((value as { meaning?: SignatureMeaning }).meaning as SignatureMeaning);

export function historyValue(value: unknown): string {
  if (value == null || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(historyValue).join(', ');
  if (typeof value === 'object') {
    if (isSignature(value)) return `${value.name}, ${meaningWords(value.meaning)}`;
    const parts = Object.entries(value)
      .filter(([, inner]) => inner != null && inner !== '')
      .map(([key, inner]) => `${key} ${historyValue(inner)}`);
    return parts.length === 0 ? '—' : parts.join('; ');
  }
  return String(value);
}
