import { coarseDate, type DatePrecision, pseudonym } from '../pseudonyms.js';
import { type Column, text } from './columns.js';

/*
 * Pseudonymised means not linkable: after the patient and accession pseudonyms and the
 * dropped free text (procedure-columns.ts), every table's columns pass through here. The
 * record id (a UUIDv7: it encodes the creation time and joins 1:1 with an identified export)
 * becomes a keyed pseudonym, consistent across the tables of one export and between exports;
 * dates and times are given to the chosen precision without clock times; staff free text and
 * the drug lot are dropped.
 */

/** Free text that may name or point at a person or a batch: never in a pseudonymised export. */
const DROPPED = new Set(['lot', 'signed_by', 'amended_by']);

export function pseudonymisedColumns(columns: Column[], precision: DatePrecision): Column[] {
  return columns.flatMap((column): Column[] => {
    if (DROPPED.has(column.header) || column.type === 'time') return [];
    if (column.header === 'procedure_id') {
      return [
        {
          header: 'record_pseudonym',
          label: 'Record (pseudonym)',
          type: 'text',
          description:
            'HMAC-SHA-256 of the record ID with the department key: links the rows of one record across the tables and between pseudonymised exports, never to an identified export.',
          read: (row, context) => pseudonym(context.key ?? '', 'record', text(row('procedure_id') ?? row('id'))),
        },
      ];
    }
    if (column.type === 'datetime' || column.type === 'date') {
      return [
        {
          ...column,
          type: precision === 'day' ? 'date' : 'text',
          description: `${column.description} Given to the ${precision} only.`,
          read: (row, context) => coarseDate(text(column.read(row, context)), precision),
        },
      ];
    }
    return [column];
  });
}
