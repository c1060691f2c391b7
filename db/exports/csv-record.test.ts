import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecord } from './csv.js';

/*
 * The export writes its records with csvRecord (csv-stringify per field was a quarter of a
 * large export's time). csv-stringify stays the specification: for any cells, in both
 * variants, the bytes are the library's (with CR and LF quoted, as the export requires), and
 * csv-parse reads back exactly the cells written.
 */

const cell = fc.oneof(
  fc.constant(null),
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r', '=', '-', '.', '1', 'é', '€') }),
  fc.string(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }).map((list) => {
  const width = list[0]?.length ?? 1;
  return list.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? null));
});

const library = (cells: (string | number | null)[][], european: boolean) =>
  stringify(cells, {
    delimiter: european ? ';' : ',',
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    ...(european ? { cast: { number: (value: number) => String(value).replace('.', ',') } } : {}),
  });

describe('csvRecord', () => {
  for (const european of [false, true]) {
    it(`writes what csv-stringify writes, ${european ? 'European' : 'standard'} variant, for any cells`, () => {
      fc.assert(
        fc.property(rows, (cells) => {
          expect(cells.map((row) => csvRecord(row, european)).join('')).toBe(library(cells, european));
        }),
        { numRuns: 400 },
      );
    });

    it(`is read back cell for cell by csv-parse, ${european ? 'European' : 'standard'} variant`, () => {
      fc.assert(
        fc.property(rows, (cells) => {
          const text = cells.map((row) => csvRecord(row, european)).join('');
          const read = parse(text, { delimiter: european ? ';' : ',', record_delimiter: '\r\n' }) as string[][];
          const expected = cells.map((row) =>
            row.map((value) =>
              value == null
                ? ''
                : typeof value === 'number' && european
                  ? String(value).replace('.', ',')
                  : String(value),
            ),
          );
          expect(read).toEqual(expected);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('quotes a field holding a lone LF or CR, and doubles quotes', () => {
    expect(csvRecord(['Tolerated well\n=cmd', 'a"b', 'x\ry', 1.5], false)).toBe(
      '"Tolerated well\n=cmd","a""b","x\ry",1.5\r\n',
    );
    expect(csvRecord(['a;b', 'a,b', 2.25, null], true)).toBe('"a;b";a,b;2,25;\r\n');
  });
});
