import { COMPLICATION_FIELDS } from './complication-fields.js';
import { DRUG_FIELDS } from './drug-fields.js';
import type { Field } from './field.js';
import { TARGET_FIELDS } from './target-fields.js';

/** The procedure's lists of parts, by the procedure field that holds them. */
export const PART_LISTS: Readonly<Record<string, readonly Field[]>> = {
  targets: TARGET_FIELDS,
  drugs: DRUG_FIELDS,
  complications: COMPLICATION_FIELDS,
};
