import { z } from 'zod';

/*
 * The one rule for text in a record, from the form to the import and the hub: well-formed
 * Unicode (a lone surrogate would be stored as U+FFFD while a hash was made over the escape),
 * no control characters (C0, DEL, C1 such as U+009B, ESC), no characters that change the
 * direction of what is shown (bidirectional marks, embeddings, overrides, isolates), and in
 * one-line text — identifiers and names — no invisible characters (zero-width spaces and
 * joiners, word joiner, byte-order mark) that make two different values look the same.
 * Multi-line text (notes) may keep line breaks and tabs.
 */

export type TextShape = 'line' | 'lines';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
const DIRECTION = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;

export const LONE_SURROGATE_WORDS = 'must be well-formed text: it holds a broken character (a lone surrogate)';

/** What is wrong with a text by the rule (worded to follow the field's label), or null. */
export function textRuleProblem(text: string, shape: TextShape): string | null {
  if (LONE_SURROGATE.test(text)) return LONE_SURROGATE_WORDS;
  if (shape === 'line' ? CONTROL.test(text) : CONTROL_BUT_LINE_BREAKS.test(text)) {
    return shape === 'line'
      ? 'must be one line of text without control characters'
      : 'must not contain control characters';
  }
  if (DIRECTION.test(text)) return 'must not contain characters that change the text’s direction';
  if (shape === 'line' && INVISIBLE.test(text))
    return 'must not contain invisible characters (zero-width spaces or joiners)';
  return null;
}

/**
 * Where a JSON value (a record as a file or the hub gives it, its keys included) first holds
 * text that is not well-formed Unicode, as a path ("history[0].changes.notes"), or null.
 * Every text of a record is checked, not only the fields with a rule of their own: SQLite
 * would store U+FFFD where a hash was made over the escape. Call it on a value of bounded depth.
 */
export function illFormedTextAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || '(the record)' : null;
  if (Array.isArray(value)) {
    for (const [at, item] of value.entries()) {
      const found = illFormedTextAt(item, `${path}[${at}]`);
      if (found) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (LONE_SURROGATE.test(key)) return here;
    const found = illFormedTextAt(item, here);
    if (found) return found;
  }
  return null;
}

/** A zod string schema with the text rule added. */
export function followingTextRule<T extends z.ZodType<string>>(schema: T, shape: TextShape): T {
  return schema.superRefine((text, context) => {
    const problem = textRuleProblem(text, shape);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }) as unknown as T;
}

/** The bounds of every reason (an amendment's, a correction's): long enough to say something. */
export const REASON_LENGTH = { min: 3, max: 500 } as const;

/** A reason, trimmed, 3 to 500 characters, by the text rule; `subject` starts its messages. */
export const reasonSchema = (subject = '') => {
  const must = `${subject ? `${subject} ` : ''}must be ${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters`;
  return followingTextRule(
    z
      .string({ error: `${subject ? `${subject} ` : ''}is required` })
      .trim()
      .min(REASON_LENGTH.min, { error: must })
      .max(REASON_LENGTH.max, { error: must }),
    'lines',
  );
};
