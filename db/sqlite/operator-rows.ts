import type { Operator, OperatorRole } from '../model/index.js';
import type { ReadConnection, WriteConnection } from './connection.js';
import { chainState } from './state-chain.js';

/*
 * The one reader and writer of the operators table (operator-rows.test.ts holds every other
 * file to it). Operators are never deleted (records point at them); their credentials live
 * apart (credential-rows.ts). Every write chains the row as written (the state chain, schema
 * 19) in the caller's transaction, however the operator came here: Settings, the first
 * administrator, another console through the hub, an imported file.
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

/** Whether the operator is one of this logbook's. */
export const operatorExists = (read: ReadConnection, id: string): boolean =>
  read.prepare('SELECT 1 FROM operators WHERE id = ?').get(id) !== undefined;

/** Adds the operator or rewrites them whole, and chains the row as written. */
export function writeOperator(write: WriteConnection, operator: Operator): void {
  write
    .prepare(
      `INSERT INTO operators (id, name, active, role, administrator) VALUES (@id, @name, @active, @role, @administrator)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active, role = excluded.role,
         administrator = excluded.administrator`,
    )
    .run({ ...operator, active: operator.active ? 1 : 0, administrator: operator.administrator ? 1 : 0 });
  chainState(write, 'operators', operator.id);
}

/** What another console or file may say of an operator: never whether they administer this logbook. */
export type CarriedOperator = Pick<Operator, 'id' | 'name' | 'active'> & { role?: OperatorRole };

/**
 * An operator as another console set them (added, renamed, (de)activated, their role) or as a
 * file carries them: being an administrator stays this logbook's own choice (a new one is
 * not), and a console from before roles sends none (radiologist). Returns the row before.
 */
export function writeCarriedOperator(write: WriteConnection, carried: CarriedOperator): Operator | undefined {
  const before = readOperator(write, carried.id);
  writeOperator(write, {
    id: carried.id,
    name: carried.name,
    active: carried.active,
    role: carried.role ?? 'radiologist',
    administrator: before?.administrator ?? false,
  });
  return before;
}
