/*
 * The data rows of an XLSX sheet as SpreadsheetML, written straight into the sheet's stream.
 * exceljs (which still makes the workbook, the styles, the header row, the columns, the
 * frozen pane and the zip) builds a Row, a Cell and a style model per cell and renders each
 * through its XML writer: on 100 000 procedures (about 600 000 rows, 10 million cells) that was
 * most of the export's time. A row here is one string, written the way exceljs itself writes
 * it (strings as t="str" values, dates as serial numbers with the column's date style, numbers
 * as they are), so readers see the same file.
 */

/** "A", "B", … "Z", "AA", …: a sheet's column letters. */
export function columnLetters(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    let letters = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return letters;
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these control characters at all
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these control characters at all
const XML_SPECIAL_ALL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Text as XML character data: the five entities escaped, characters XML cannot hold dropped (as exceljs does). */
export function xmlText(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (char) => ENTITIES[char] ?? '') : text;
}

/** A Date as Excel's serial day number (1900 date system), the way exceljs writes it. */
export const excelSerial = (date: Date): number => 25569 + date.getTime() / 86_400_000;

export type XlsxValue = string | number | Date | null;

/**
 * One `<row>`: `letters` from columnLetters, `styleIds` the style of each column's dates (0:
 * none). A value that is not a finite number or a valid date never gets here (see
 * tables/cell-check.ts), and a NaN would be refused again below rather than written.
 */
export function rowXml(
  rowNumber: number,
  values: readonly XlsxValue[],
  letters: readonly string[],
  styleIds: readonly number[],
): string {
  let xml = `<row r="${rowNumber}">`;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value == null) continue;
    const ref = `${letters[index]}${rowNumber}`;
    if (typeof value === 'string') {
      xml += `<c r="${ref}" t="str"><v>${xmlText(value)}</v></c>`;
      continue;
    }
    const number = value instanceof Date ? excelSerial(value) : value;
    if (!Number.isFinite(number)) throw new Error(`cell ${ref} is not a finite number`);
    const style = styleIds[index] ? ` s="${styleIds[index]}"` : '';
    xml += `<c r="${ref}"${style}><v>${number}</v></c>`;
  }
  return `${xml}</row>`;
}
