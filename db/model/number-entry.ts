import { decimalMark, formatNumber } from './locale-format.js';
import { DEFAULT_DEPARTMENT_LOCALE } from './locales.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { inEnglish, sentence, type Words } from './words.js';

/*
 * A number as typed at the console, in any of the department's locales — the one reader of
 * every numeric field (doses, DAP, DLP, CTDIvol, volumes, concentrations, times, …).
 *
 * The rule (docs/locale-formats.md):
 * - "." and "," are both a decimal mark, whatever the locale: 148,5 and 148.5 are 148.5.
 * - An apostrophe (1'480, 1’480) or a space (1 480) is a thousands separator, accepted only
 *   between groups of three digits before the decimal mark: 1'480 is 1480; 1'48 is refused.
 * - A single "." or "," followed by exactly three digits after one to three digits that do not
 *   start with 0 — 1.480, 1,480, 148.500 — is refused as unclear: it is 1480 in de-DE and 1.48
 *   in de-CH, and a number a clinician typed is never guessed. The message says what to type
 *   (1480, or 1.48; 1.4800 keeps three decimals). 0.125 and 1'480.5 are clear.
 * - More than one "." or "," (1.480,5, 1,480.5) is refused: type one decimal mark and
 *   thousands without a separator or with an apostrophe.
 * - Anything else (12 mg, 1e3, 0x10, Infinity) is not a number.
 * The locale only words the message (its decimal mark in the examples); it never changes what
 * a text means, so a console moved between departments reads every text the same.
 */

export type NumberRead =
  | { kind: 'empty' }
  | { kind: 'value'; value: number }
  /** Not a number at all: the field's own rule says so, with its range. */
  | { kind: 'not-a-number' }
  /** A number that could be read two ways, or whose separators are misplaced: what to type (its words, and their English). */
  | { kind: 'unclear'; message: string; words: Words };

const unclear = (words: Words): NumberRead => ({ kind: 'unclear', message: inEnglish(words), words });

const GROUP = `'’ʼ\u00a0\u202f\u2009 `;
const SHAPE = new RegExp(`^([+\\-−]?)([\\d${GROUP}]*)(?:([.,])(\\d*))?$`);
const GROUPED = new RegExp(`^\\d{1,3}(?:[${GROUP}]\\d{3})+$`);
const HAS_GROUP = new RegExp(`[${GROUP}]`);

export function readNumber(text: string, locale: string = DEFAULT_DEPARTMENT_LOCALE): NumberRead {
  const typed = text.trim();
  if (typed === '') return { kind: 'empty' };
  const mark = decimalMark(locale);
  const written = (value: number) => formatNumber(value, locale);
  const marks = typed.match(/[.,]/g)?.length ?? 0;
  if (marks > 1 && /^[+\-−]?[\d.,'’ʼ\s]+$/.test(typed)) {
    return unclear(sentence(R.unclearMarks, { typed, example: `1480${mark}5` }));
  }
  const shape = SHAPE.exec(typed);
  if (!shape) return { kind: 'not-a-number' };
  const [, sign = '', whole = '', typedMark, decimals = ''] = shape;
  const grouped = HAS_GROUP.test(whole);
  if (grouped && !GROUPED.test(whole)) {
    return unclear(sentence(R.unclearGroups, { typed, example: "1'480" }));
  }
  const digits = whole.replace(new RegExp(`[${GROUP}]`, 'g'), '');
  if (digits === '' && decimals === '') return { kind: 'not-a-number' };
  const value = Number(`${sign === '' ? '' : '-'}${digits || '0'}.${decimals || '0'}`);
  if (!Number.isFinite(value)) return { kind: 'not-a-number' };
  if (typedMark && !grouped && decimals.length === 3 && /^[1-9]\d{0,2}$/.test(digits)) {
    const asThousands = Number(`${sign === '' ? '' : '-'}${digits}${decimals}`);
    const read = { typed, thousands: written(asThousands), value: written(value) };
    return unclear(
      decimals.endsWith('0')
        ? sentence(R.unclearThousands, read)
        : sentence(R.unclearThousandsKeep, { ...read, kept: `${sign}${digits}${mark}${decimals}0` }),
    );
  }
  return { kind: 'value', value: Object.is(value, -0) ? 0 : value };
}

/** The number a text means, for a schema to check: undefined when empty, NaN when it is none or unclear. */
export function numberOrNaN(text: string, locale: string = DEFAULT_DEPARTMENT_LOCALE): number | undefined {
  const read = readNumber(text, locale);
  return read.kind === 'empty' ? undefined : read.kind === 'value' ? read.value : Number.NaN;
}

/**
 * A stored number as a field shows it for typing back: the locale's decimal mark, and a value
 * that would read as unclear (1.125) written with one more zero (1.1250), so it reads back the same.
 */
export function numberForEntry(value: number, locale: string = DEFAULT_DEPARTMENT_LOCALE): string {
  const text = formatNumber(value, locale);
  return readNumber(text, locale).kind === 'unclear' ? `${text}0` : text;
}
