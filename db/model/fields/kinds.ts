import { z } from 'zod';
import { RULE_MESSAGES as RULE } from '../rule-messages.js';
import { followingTextRule } from '../text-rule.js';
import { sentence } from '../words.js';
import { rule, ZOD_MESSAGES as ZOD } from '../zod-words.js';

/*
 * The kinds of value a field holds: each gives the field its zod rule (with the message that
 * follows the field's label, "Pain before (NRS) must be …"), its export type and, for numbers,
 * its range — the range the drift test compares with SQLite's CHECK.
 */

export type ValueType = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'time' | 'code' | 'codes' | 'yes/no';

export interface ValueKind {
  type: ValueType;
  schema?: z.ZodType;
  /** Codes of a vocabulary (code, codes). */
  values?: readonly (string | number)[];
  /** Inclusive bounds of a number (integer, number). */
  range?: readonly [min: number, max: number];
  /** The longest text (text). */
  maxLength?: number;
}

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, rule(ZOD.oneOf, { values: values.join(', ') }));

/** Free text, trimmed, by the text rule (text-rule.ts); an empty field is a missing one (a cleared input, or only spaces). */
export const textSchema = (max: number, lines: 'single' | 'multi' = 'single') =>
  followingTextRule(
    z
      .string(rule(ZOD.mustBe, { kind: sentence(ZOD.kindText) }))
      .trim()
      .max(max, rule(RULE.atMostCharacters, { count: max })),
    lines === 'single' ? 'line' : 'lines',
  ).transform((value) => (value === '' ? undefined : value));

export const wholeNumberSchema = (min: number, max: number) => {
  const range = rule(RULE.wholeNumberRange, { min, max });
  return z.number(range).int(range).min(min, range).max(max, range);
};

export const amountSchema = (min: number, max: number) => {
  const range = rule(RULE.numberRange, { min, max });
  return z.number(range).min(min, range).max(max, range);
};

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item, rule(ZOD.mustBe, { kind: sentence(ZOD.kindList) }))
    .max(max, rule(RULE.atMostEntries, { count: max }))
    .refine((list) => new Set(list).size === list.length, rule(RULE.noValueTwice))
    .default([]);

const isoDate = z.iso.date(rule(ZOD.formatDate));
const clockTime = z.string(rule(RULE.clockTime)).regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule(RULE.clockTime));
const dateTimeWithOffset = z.iso.datetime({ offset: true, ...rule(RULE.dateTimeOffset) });

/** A DICOM UID (VR UI, PS3.5 9.1): digits and dots, at most 64 characters, no leading zero in a component. */
export const DICOM_UID = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+$/;
const uidRule = rule(RULE.dicomUid).error;
const uidSchema = z.string({ error: uidRule }).trim().max(64, { error: uidRule }).regex(DICOM_UID, { error: uidRule });
/** The most UIDs a list holds (a record's dose may come from a CT report and a fluoroscopy report, each with a later fuller one). */
const MOST_UIDS = 8;
const uidListRule = rule(RULE.dicomUids, { count: MOST_UIDS }).error;
const uidListSchema = z
  .string({ error: uidListRule })
  .trim()
  .max(MOST_UIDS * 65, { error: uidListRule })
  .refine(
    (value) =>
      value.split(' ').length <= MOST_UIDS && value.split(' ').every((uid) => uid.length <= 64 && DICOM_UID.test(uid)),
    {
      error: uidListRule,
    },
  );
/** A language tag as the worklist sends it (BCP 47 / ISO 639: "de", "fr", "de-ch"), lower case. */
const languageRule = rule(RULE.languageCode).error;
const languageSchema = z
  .string({ error: languageRule })
  .trim()
  .max(35, { error: languageRule })
  .regex(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/, { error: languageRule });

/** A value that may be missing (null or absent): a draft may lack anything. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

export const kind = {
  code: <const T extends readonly [string, ...string[]]>(values: T) => ({
    type: 'code' as const,
    values,
    schema: optional(oneOf(values)),
  }),
  /** A set of codes, stored in its own table and kept in vocabulary order. */
  codes: <const T extends readonly [string, ...string[]]>(values: T) => ({
    type: 'codes' as const,
    values,
    schema: uniqueList(oneOf(values), values.length),
  }),
  whole: (min: number, max: number) => ({
    type: 'integer' as const,
    range: [min, max] as const,
    schema: optional(wholeNumberSchema(min, max)),
  }),
  amount: (min: number, max: number) => ({
    type: 'number' as const,
    range: [min, max] as const,
    schema: optional(amountSchema(min, max)),
  }),
  text: (max: number, lines: 'single' | 'multi' = 'single') => ({
    type: 'text' as const,
    maxLength: max,
    schema: optional(textSchema(max, lines)),
  }),
  yesNo: () => ({ type: 'yes/no' as const, schema: optional(z.boolean(rule(RULE.yesNo))) }),
  date: () => ({ type: 'date' as const, schema: optional(isoDate) }),
  time: () => ({ type: 'time' as const, schema: optional(clockTime) }),
  dateTime: () => ({ type: 'datetime' as const, schema: optional(dateTimeWithOffset) }),
  /** A DICOM UID (a study's, a report's). */
  uid: () => ({ type: 'text' as const, maxLength: 64, schema: optional(uidSchema) }),
  /** Several DICOM UIDs, separated by spaces. */
  uids: () => ({ type: 'text' as const, maxLength: MOST_UIDS * 65 - 1, schema: optional(uidListSchema) }),
  /** A language tag ("de", "fr-ch"). */
  language: () => ({ type: 'text' as const, maxLength: 35, schema: optional(languageSchema) }),
};
