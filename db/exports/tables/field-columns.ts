import { type Field, fieldDescriptionId, fieldOf, PROCEDURE_FIELDS, YES_NO } from '../../model/index.js';
import { type Cell, type Column, codes, number, type Row, text, yesNo } from './columns.js';

/*
 * The export columns of a part, derived from its field declarations (db/model/fields): one
 * column per field with an export facet, in declaration order, with its header, label, type,
 * unit, allowed values, description and privacy; and the SQL that reads it, each column under
 * its header. A value from another table (the operator's name, the catalogue's drug name) is
 * joined by the table's query, given here by header.
 */

function cellOf(field: Field, value: unknown, row: Row): Cell {
  const exported = field.export;
  if (exported?.read) return exported.read(value, row);
  switch (exported?.type ?? field.type) {
    case 'integer':
    case 'number':
      return number(value);
    case 'yes/no':
      return yesNo(value);
    case 'codes':
      return codes(value, (field.values ?? []) as readonly string[]);
    case 'code':
      return typeof field.values?.[0] === 'number' ? number(value) : text(value);
    default:
      return text(value);
  }
}

export function fieldColumn(field: Field): Column {
  const exported = field.export;
  if (!exported) throw new Error(`${field.part}.${field.key} is not exported`);
  const values = exported.values ?? field.values ?? (field.type === 'yes/no' ? YES_NO : undefined);
  // The dictionary gives the unit in a column of its own: "DLP", mGy·cm (the form says "DLP (mGy·cm)").
  const label = exported.label ?? field.label.message.replace(` (${field.unit})`, '');
  return {
    header: exported.header,
    label,
    ...(exported.label ? {} : { labelId: field.label.id }),
    type: exported.type ?? field.type,
    ...(field.unit ? { unit: field.unit } : {}),
    ...(values ? { values } : {}),
    description: exported.description,
    descriptionId: fieldDescriptionId(field),
    privacy: field.privacy,
    ...(field.pseudonymised ? { pseudonymised: field.pseudonymised } : {}),
    read: (row) => cellOf(field, row(exported.header), row),
  };
}

export interface PartColumns {
  columns: Column[];
  /** The SELECT list that reads them (alias.column AS header, or the joined SQL). */
  select: string[];
}

/** A part's export columns and their SELECT, its table aliased as `alias`. */
export function partColumns(
  fields: readonly Field[],
  alias: string,
  joined: Readonly<Record<string, string>> = {},
): PartColumns {
  const columns: Column[] = [];
  const select: string[] = [];
  for (const field of fields) {
    if (!field.export) continue;
    const { header } = field.export;
    const stored = field.export.column ?? field.column;
    const sql = joined[header] ?? (stored ? `${alias}.${stored}` : undefined);
    if (sql) select.push(`${sql} AS ${header}`);
    else if (!field.export.read) throw new Error(`export column ${header} has nothing to read`);
    columns.push(fieldColumn(field));
  }
  return { columns, select };
}

/** The column that links a part's row to its record: the record's id, as the procedure declares it. */
export function recordReference(description: string): Column {
  // Its own description, not the record id's declared one.
  const { descriptionId: _declared, ...column } = fieldColumn(fieldOf(PROCEDURE_FIELDS, 'id'));
  return { ...column, description };
}
