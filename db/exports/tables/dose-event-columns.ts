import { DOSE_EVENT_FIELDS } from '../../model/index.js';
import { type PartColumns, partColumns } from './field-columns.js';

/*
 * The irradiation events of the dose reports linked to each record (a detail table), read from
 * the reports as kept (schema 13): one row per CT acquisition or fluoroscopy run, from the
 * report's summary (its ctEvents or projectionEvents), in the order the report lists them.
 * A report replaced by a fuller one is left out (the fuller one holds its events).
 */
export const doseEventColumns: PartColumns = partColumns(DOSE_EVENT_FIELDS, 'v');
