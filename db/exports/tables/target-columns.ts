import { TARGET_FIELDS } from '../../model/index.js';
import { type PartColumns, partColumns } from './field-columns.js';

export const targetColumns: PartColumns = partColumns(TARGET_FIELDS, 't');
