import { FOLLOW_UP_ENTRY_FIELDS } from '../../model/index.js';
import { currentFollowUpSql } from '../../sqlite/follow-up-rows.js';
import { type PartColumns, partColumns } from './field-columns.js';

/*
 * The episode's follow-ups (schema 7): one row per entry, linked to its record by the record's
 * id. A corrected entry stays, marked not current; its correction names it. Pseudonymised:
 * no entry ids (time-ordered), no names, notes or reasons; dates coarse (pseudonymised.ts).
 */
export const followUpEntryColumns: PartColumns = partColumns(FOLLOW_UP_ENTRY_FIELDS, 'e', {
  current: currentFollowUpSql('e'),
});
