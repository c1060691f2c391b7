import { COMPLICATION_FIELDS } from '../../model/index.js';
import { type PartColumns, partColumns } from './field-columns.js';

export const complicationColumns: PartColumns = partColumns(COMPLICATION_FIELDS, 'c');
