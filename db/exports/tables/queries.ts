import { unwritable } from '../../model/index.js';
import type { ReadConnection } from '../../sqlite/connection.js';
import { type ExportTableName, exportRows, exportTableSql } from '../../sqlite/export-rows.js';
import { procedureFilterSql } from '../../sqlite/procedure-filter.js';
import type { ExportOptions } from '../options.js';
import { cellProblem } from './cell-check.js';
import type { Cell, RowContext, Table } from './columns.js';
import { complicationColumns } from './complication-columns.js';
import { doseEventColumns } from './dose-event-columns.js';
import { drugColumns } from './drug-columns.js';
import { recordReference } from './field-columns.js';
import { followUpEntryColumns } from './follow-up-entry-columns.js';
import { procedureColumns } from './procedure-columns.js';
import { pseudonymisedColumns } from './pseudonymised.js';
import { targetColumns } from './target-columns.js';

// Only the columns the files use are read (each table's declaration selects them): reading
// fewer columns from 100 000 rows is measurably faster. The queries are db/sqlite/export-rows.ts.

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

export function exportTables(options: ExportOptions): Record<ExportTableName, Table> {
  const tables = identifiedTables(options);
  if (!options.pseudonymize) return tables;
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [
      name,
      { ...table, columns: pseudonymisedColumns(table.columns, options.datePrecision) },
    ]),
  ) as typeof tables;
}

function identifiedTables(options: ExportOptions): Record<ExportTableName, Table> {
  const sql = exportTableSql(exportFilter(options).where, {
    procedure: procedureColumns.select,
    target: targetColumns.select,
    drug: drugColumns.select,
    complication: complicationColumns.select,
    followUpEntry: followUpEntryColumns.select,
    doseEvent: doseEventColumns.select,
  });
  return {
    main: {
      name: 'procedures_by_target',
      description:
        'One row per target, the procedure’s fields repeated on each (a procedure without targets has one row).',
      columns: [...procedureColumns.columns, ...targetColumns.columns],
      sql: sql.main,
    },
    procedures: {
      name: 'procedures',
      description: 'One row per procedure.',
      columns: procedureColumns.columns,
      sql: sql.procedures,
    },
    targets: {
      name: 'targets',
      description: 'One row per target.',
      columns: [recordReference('Record the target belongs to.'), ...targetColumns.columns],
      sql: sql.targets,
    },
    drugs: {
      name: 'drugs',
      description: 'One row per drug administration.',
      columns: [recordReference('Record the administration belongs to.'), ...drugColumns.columns],
      sql: sql.drugs,
    },
    complications: {
      name: 'complications',
      description: 'One row per complication (or "none").',
      columns: [recordReference('Record the complication belongs to.'), ...complicationColumns.columns],
      sql: sql.complications,
    },
    followUpEntries: {
      name: 'follow_up_entries',
      description: 'One row per follow-up call, visit or questionnaire (corrected entries kept, not current).',
      columns: followUpEntryColumns.columns,
      sql: sql.followUpEntries,
    },
    doseEvents: {
      name: 'dose_events',
      description:
        'One row per irradiation event of the scanner’s dose reports linked to a record (the record keeps the totals).',
      columns: [recordReference('Record the dose report belongs to.'), ...doseEventColumns.columns],
      sql: sql.doseEvents,
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
  for (const row of exportRows(read, table.sql, params)) {
    yield table.columns.map((column) => {
      const cell = column.read(row, context);
      const problem = cellProblem(column.type, cell);
      if (problem) throw unwritable(String(row('procedure_id') ?? row('id')), column.header, cell, problem);
      return cell;
    });
  }
}
