import type { Field } from './field.js';
import { isPrivate } from './fields.js';
import { PART_LISTS } from './parts.js';
import { PROCEDURE_FIELDS } from './procedure-fields.js';

/*
 * What may leave in a pseudonymised export, by each field's privacy class: every format (CSV,
 * XLSX, JSON, FHIR) takes a record through here or through the same classes per column.
 */

type Values = Record<string, unknown>;

function withoutPrivate(fields: readonly Field[], values: Values): Values {
  const kept: Values = {};
  for (const [key, value] of Object.entries(values)) {
    const field = fields.find((candidate) => candidate.key === key);
    if (field && isPrivate(field)) continue;
    const parts = PART_LISTS[key];
    kept[key] = parts && Array.isArray(value) ? value.map((part) => withoutPrivate(parts, part as Values)) : value;
  }
  return kept;
}

/** A record's content without its identifying and free-text values, in its parts too. */
export function clinicalValuesOnly<T extends object>(content: T): T {
  return withoutPrivate(PROCEDURE_FIELDS, content as Values) as T;
}
