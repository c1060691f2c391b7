import { PROCEDURE_FIELDS } from '../../model/index.js';
import { type PartColumns, partColumns } from './field-columns.js';

/** The procedure's columns, from its declaration; the operator is named, not given by id. */
export const procedureColumns: PartColumns = partColumns(PROCEDURE_FIELDS, 'p', { operator: 'o.name' });
