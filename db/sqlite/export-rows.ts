import type { ReadConnection } from './connection.js';
import { DOSE_EVENTS_SQL } from './dose-reports.js';

/*
 * The queries of the plain exports (CSV, XLSX): one per table, over the export's filter (the
 * WHERE clause of procedure-filter.ts, alias p = procedures), with the columns each table's
 * declaration selects. The lists come from their denormalised text columns (written with the
 * lists themselves), so each exported row is one join, not a query per list.
 */

export type ExportTableName =
  | 'main'
  | 'procedures'
  | 'targets'
  | 'drugs'
  | 'complications'
  | 'followUpEntries'
  | 'doseEvents';

/** What each table selects (aliases: p procedures, o operators, t targets, d drugs, c catalogue or complications, f the schema 6 catalogue, e follow-up entries, v dose events). */
export interface ExportSelects {
  procedure: readonly string[];
  target: readonly string[];
  drug: readonly string[];
  complication: readonly string[];
  followUpEntry: readonly string[];
  doseEvent: readonly string[];
}

export function exportTableSql(where: string, select: ExportSelects): Record<ExportTableName, string> {
  const procedure = select.procedure.join(', ');
  const target = select.target.join(', ');
  const order = 'ORDER BY p.performed_at_utc, p.id';
  const perChild = (columns: string, from: string, childOrder: string) =>
    `SELECT ${columns} FROM procedures p JOIN ${from} WHERE ${where} ${order}, ${childOrder}`;
  return {
    main: `SELECT ${procedure}, ${target}
         FROM procedures p LEFT JOIN operators o ON o.id = p.operator_id LEFT JOIN targets t ON t.procedure_id = p.id
        WHERE ${where} ${order}, t.ordinal`,
    procedures: `SELECT ${procedure} FROM procedures p LEFT JOIN operators o ON o.id = p.operator_id WHERE ${where} ${order}`,
    targets: perChild(`t.procedure_id, ${target}`, 'targets t ON t.procedure_id = p.id', 't.ordinal'),
    drugs: perChild(
      `d.procedure_id, ${select.drug.join(', ')}`,
      `drug_administrations d ON d.procedure_id = p.id JOIN drug_catalogue c ON c.code = d.drug_code
         LEFT JOIN drug_catalogue_at_schema_6 f ON f.code = d.drug_code`,
      'd.ordinal',
    ),
    complications: perChild(
      `c.procedure_id, ${select.complication.join(', ')}`,
      'complications c ON c.procedure_id = p.id',
      'c.complication',
    ),
    followUpEntries: perChild(
      select.followUpEntry.join(', '),
      'follow_up_entries e ON e.procedure_id = p.id',
      'e.rowid',
    ),
    doseEvents: perChild(
      `p.id AS procedure_id, ${select.doseEvent.join(', ')}`,
      `${DOSE_EVENTS_SQL} ON v.procedure_id = p.id`,
      'v.received_at, v.report_rowid, v.report_kind, v.event_number',
    ),
  };
}

/**
 * The rows of an export table's query, one at a time from SQLite, each as a lookup by column
 * name (later columns of the same name win, as they would in a row object). The lookup reads
 * the current row: it is valid until the next one is asked for.
 */
export function* exportRows(
  read: ReadConnection,
  sql: string,
  params: Record<string, unknown>,
): Generator<(column: string) => unknown> {
  const statement = read.db.prepare(sql).raw(true);
  const index: Record<string, number> = Object.create(null);
  for (const [position, column] of statement.columns().entries()) index[column.name] = position;
  let current: unknown[] = [];
  const row = (column: string) => current[index[column] ?? -1];
  for (const values of statement.iterate(params) as Iterable<unknown[]>) {
    current = values;
    yield row;
  }
}

/** The number of records a filter's WHERE clause (alias p) selects. */
export const countFiltered = (read: ReadConnection, where: string, params: Record<string, unknown>): number =>
  read.db.prepare(`SELECT count(*) FROM procedures p WHERE ${where}`).pluck().get(params) as number;

/** The ids of the records a filter's WHERE clause (alias p) selects, in the order they were performed. */
export function* filteredIds(read: ReadConnection, where: string, params: Record<string, unknown>): Generator<string> {
  yield* read.db
    .prepare(`SELECT p.id FROM procedures p WHERE ${where} ORDER BY p.performed_at_utc, p.id`)
    .pluck()
    .iterate(params) as Iterable<string>;
}
