import { ageInYears } from '../../model/index.js';
import { coarseDate, type DatePrecision, pseudonym } from '../pseudonyms.js';
import { type Cell, type Column, text } from './columns.js';

/*
 * Pseudonymised means not linkable. Every table's columns pass through here, and what happens
 * to a column is its field's privacy class (db/model/fields): an identifying or free-text
 * column is dropped, or replaced by what its declaration gives instead (a keyed pseudonym of
 * the patient, the accession or the record; the age for the birth date); dates are given to
 * the chosen precision without clock times.
 */

function replacement(column: Column): Column | null {
  const instead = column.pseudonymised;
  if (!instead) return null;
  const read = (row: (header: string) => unknown, key: string | null): Cell => {
    if (instead.as === 'age') {
      const birthDate = row(column.header);
      const performedAt = row('performed_at');
      return birthDate && performedAt ? ageInYears(String(birthDate), String(performedAt)) : null;
    }
    return pseudonym(key ?? '', instead.as, text(row(column.header)));
  };
  return {
    header: instead.header,
    label: instead.label,
    type: instead.type,
    ...(instead.unit ? { unit: instead.unit } : {}),
    description: instead.description,
    privacy: 'clinical',
    read: (row, context) => read(row, context.key),
  };
}

export function pseudonymisedColumns(columns: Column[], precision: DatePrecision): Column[] {
  return columns.flatMap((column): Column[] => {
    if (column.privacy !== 'clinical') {
      const instead = replacement(column);
      return instead ? [instead] : [];
    }
    if (column.type === 'datetime' || column.type === 'date') {
      // Its description is no longer the field's (its English says the precision).
      const { descriptionId: _declared, ...undeclared } = column;
      return [
        {
          ...undeclared,
          type: precision === 'day' ? 'date' : 'text',
          description: `${column.description} Given to the ${precision} only.`,
          read: (row, context) => coarseDate(text(column.read(row, context)), precision),
        },
      ];
    }
    return [column];
  });
}
