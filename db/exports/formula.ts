/**
 * A text cell a spreadsheet could evaluate (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe, so it shows as typed and never runs. Numbers are left as numbers.
 */
export function neutralise<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
