/** What a spreadsheet may evaluate at the start of a cell, or of a line inside one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text a spreadsheet could evaluate (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe, so it shows as typed and never runs — on every line of the text, not
 * only the first: a multi-line cell is one quoted cell in our files, but a line pasted or
 * split out of it elsewhere must not become a live formula either. Numbers stay numbers.
 */
export function neutralise<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  // Most cells are one line: one test, no allocation (this runs for millions of cells).
  if (!value.includes('\n') && !value.includes('\r')) return FORMULA_START.test(value) ? `'${value}` : value;
  return value
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 0 && FORMULA_START.test(part) ? `'${part}` : part))
    .join('');
}
