import type { z } from 'zod';
import type { Field, FieldSpec, Fields, PartName } from './field.js';

/** The zod shape of the content fields of S, a list's schema taken from L. */
export type ContentShape<S extends readonly FieldSpec[], L> = {
  [E in S[number] as E extends { role: 'life' | 'derived' } ? never : E['key']]: E['key'] extends keyof L
    ? L[E['key']]
    : E extends { schema: infer T extends z.ZodType }
      ? T
      : never;
};

/*
 * What is derived from the declarations and needed by more than one consumer: the schema's
 * shape, the storage mapping, the private fields.
 */

/** The zod shape of a part: every content field's rule, in declaration order (lists of parts given by the caller). */
export function contentShape<
  S extends readonly FieldSpec[],
  L extends Record<string, z.ZodType> = Record<never, z.ZodType>,
>(fields: Fields<S>, lists?: L): ContentShape<S, L> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    if (field.role !== 'content') continue;
    const schema = (lists as Record<string, z.ZodType> | undefined)?.[field.key] ?? field.schema;
    if (!schema) throw new Error(`${field.part}.${field.key} has no schema`);
    shape[field.key] = schema;
  }
  return shape as ContentShape<S, L>;
}

/** A part's content fields stored one-to-one in a column of its own table (not lists, not special codecs). */
export const storedFields = (fields: readonly Field[]): Field[] =>
  fields.filter((field) => field.role === 'content' && field.column && field.key !== 'id');

/** Fields whose value may identify a person or carry free text: never in a pseudonymised export. */
export const isPrivate = (field: Field): boolean => field.privacy !== 'clinical';

/** One field by part and key (throws for a field that is not declared: a typo must not pass). */
export function fieldOf(fields: readonly Field[], key: string): Field {
  const found = fields.find((field) => field.key === key);
  if (!found) throw new Error(`no field ${key} is declared`);
  return found;
}

export type { PartName };
