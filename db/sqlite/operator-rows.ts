import type { Operator, OperatorRole } from '../model/index.js';
import type { ReadConnection, WriteConnection } from './connection.js';

/*
 * The one reader and writer of the operators table. Operators are never deleted (records
 * point at them); their credentials live apart (credential-rows.ts).
 */

interface OperatorRow {
  id: string;
  name: string;
  active: number;
  role: OperatorRole;
  administrator: number;
}

const operatorOf = (row: OperatorRow): Operator => ({
  id: row.id,
  name: row.name,
  active: row.active === 1,
  role: row.role,
  administrator: row.administrator === 1,
});

/** Every operator, by name. */
export const readOperators = (read: ReadConnection): Operator[] =>
  (
    read
      .prepare('SELECT id, name, active, role, administrator FROM operators ORDER BY name COLLATE NOCASE')
      .all() as OperatorRow[]
  ).map(operatorOf);

export function readOperator(read: ReadConnection, id: string): Operator | undefined {
  const row = read.prepare('SELECT id, name, active, role, administrator FROM operators WHERE id = ?').get(id) as
    | OperatorRow
    | undefined;
  return row ? operatorOf(row) : undefined;
}

/** Adds the operator or rewrites them whole. */
export function writeOperator(write: WriteConnection, operator: Operator): void {
  write
    .prepare(
      `INSERT INTO operators (id, name, active, role, administrator) VALUES (@id, @name, @active, @role, @administrator)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active, role = excluded.role,
         administrator = excluded.administrator`,
    )
    .run({ ...operator, active: operator.active ? 1 : 0, administrator: operator.administrator ? 1 : 0 });
}
