import { unwritable } from '../../model/index.js';
import type { ReadConnection } from '../../sqlite/connection.js';
import { procedureFilterSql } from '../../sqlite/procedure-filter.js';
import type { ExportOptions } from '../options.js';
import { cellProblem } from './cell-check.js';
import type { Cell, Row, RowContext, Table } from './columns.js';
import { complicationColumns } from './complication-columns.js';
import { DOSE_EVENTS_SQL, doseEventColumns } from './dose-event-columns.js';
import { drugColumns } from './drug-columns.js';
import { recordReference } from './field-columns.js';
import { followUpEntryColumns } from './follow-up-entry-columns.js';
import { procedureColumns } from './procedure-columns.js';
import { pseudonymisedColumns } from './pseudonymised.js';
import { targetColumns } from './target-columns.js';

// The lists come from their denormalised text columns (written with the lists themselves),
// so each exported row is one join, not a query per list. Only the columns the files use are
// read: reading fewer columns from 100 000 rows is measurably faster.
const PROCEDURE_SELECT = procedureColumns.select.join(', ');
const TARGET_SELECT = targetColumns.select.join(', ');

/** Which records an export holds: the filter of the list, signed only unless drafts are asked for. */
export function exportFilter(options: ExportOptions): { where: string; params: Record<string, unknown> } {
  const { where, params } = procedureFilterSql({
    from: options.from,
    to: options.to,
    operatorIds: options.operatorIds,
    statuses: options.includeDrafts ? undefined : ['signed', 'amended'],
  });
  return { where, params };
}

export function exportTables(options: ExportOptions): {
  main: Table;
  procedures: Table;
  targets: Table;
  drugs: Table;
  complications: Table;
  followUpEntries: Table;
  doseEvents: Table;
} {
  const tables = identifiedTables(options);
  if (!options.pseudonymize) return tables;
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [
      name,
      { ...table, columns: pseudonymisedColumns(table.columns, options.datePrecision) },
    ]),
  ) as typeof tables;
}

function identifiedTables(
  options: ExportOptions,
): Record<'main' | 'procedures' | 'targets' | 'drugs' | 'complications' | 'followUpEntries' | 'doseEvents', Table> {
  const { where } = exportFilter(options);
  const order = 'ORDER BY p.performed_at_utc, p.id';
  const perChild = (select: string, from: string, childOrder: string) =>
    `SELECT ${select} FROM procedures p JOIN ${from} WHERE ${where} ${order}, ${childOrder}`;
  return {
    main: {
      name: 'procedures_by_target',
      description:
        'One row per target, the procedure’s fields repeated on each (a procedure without targets has one row).',
      columns: [...procedureColumns.columns, ...targetColumns.columns],
      sql: `SELECT ${PROCEDURE_SELECT}, ${TARGET_SELECT}
         FROM procedures p LEFT JOIN operators o ON o.id = p.operator_id LEFT JOIN targets t ON t.procedure_id = p.id
        WHERE ${where} ${order}, t.ordinal`,
    },
    procedures: {
      name: 'procedures',
      description: 'One row per procedure.',
      columns: procedureColumns.columns,
      sql: `SELECT ${PROCEDURE_SELECT} FROM procedures p LEFT JOIN operators o ON o.id = p.operator_id WHERE ${where} ${order}`,
    },
    targets: {
      name: 'targets',
      description: 'One row per target.',
      columns: [recordReference('Record the target belongs to.'), ...targetColumns.columns],
      sql: perChild(`t.procedure_id, ${TARGET_SELECT}`, 'targets t ON t.procedure_id = p.id', 't.ordinal'),
    },
    drugs: {
      name: 'drugs',
      description: 'One row per drug administration.',
      columns: [recordReference('Record the administration belongs to.'), ...drugColumns.columns],
      sql: perChild(
        `d.procedure_id, ${drugColumns.select.join(', ')}`,
        `drug_administrations d ON d.procedure_id = p.id JOIN drug_catalogue c ON c.code = d.drug_code
         LEFT JOIN drug_catalogue_at_schema_6 f ON f.code = d.drug_code`,
        'd.ordinal',
      ),
    },
    complications: {
      name: 'complications',
      description: 'One row per complication (or "none").',
      columns: [recordReference('Record the complication belongs to.'), ...complicationColumns.columns],
      sql: perChild(
        `c.procedure_id, ${complicationColumns.select.join(', ')}`,
        'complications c ON c.procedure_id = p.id',
        'c.complication',
      ),
    },
    followUpEntries: {
      name: 'follow_up_entries',
      description: 'One row per follow-up call, visit or questionnaire (corrected entries kept, not current).',
      columns: followUpEntryColumns.columns,
      sql: perChild(followUpEntryColumns.select.join(', '), 'follow_up_entries e ON e.procedure_id = p.id', 'e.rowid'),
    },
    doseEvents: {
      name: 'dose_events',
      description:
        'One row per irradiation event of the scanner’s dose reports linked to a record (the record keeps the totals).',
      columns: [recordReference('Record the dose report belongs to.'), ...doseEventColumns.columns],
      sql: perChild(
        `p.id AS procedure_id, ${doseEventColumns.select.join(', ')}`,
        `${DOSE_EVENTS_SQL} ON v.procedure_id = p.id`,
        'v.received_at, v.report_rowid, v.report_kind, v.event_number',
      ),
    },
  };
}

export { unwritable };

/** Rows of a table as cells, one at a time from SQLite, each checked against its column's type. */
export function* tableRows(
  read: ReadConnection,
  table: Table,
  options: ExportOptions,
  context: RowContext,
): Generator<Cell[]> {
  const { params } = exportFilter(options);
  const statement = read.db.prepare(table.sql).raw(true);
  // Later columns of the same name win, as they would in a row object.
  const index: Record<string, number> = Object.create(null);
  for (const [position, column] of statement.columns().entries()) index[column.name] = position;
  let current: unknown[] = [];
  const row: Row = (column) => current[index[column] ?? -1];
  for (const values of statement.iterate(params) as Iterable<unknown[]>) {
    current = values;
    yield table.columns.map((column) => {
      const cell = column.read(row, context);
      const problem = cellProblem(column.type, cell);
      if (problem) throw unwritable(String(row('procedure_id') ?? row('id')), column.header, cell, problem);
      return cell;
    });
  }
}
