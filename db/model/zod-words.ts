import { z } from 'zod';

/*
 * What a rule says when its schema says nothing itself, in the words of the person who typed
 * the value: "must be 1 or more", never zod's "Too small: expected number to be >=1". It is
 * zod's error map for every schema (zod's global configuration), so a schema added later speaks
 * these words too; a schema's own message, where it has one, still comes first. The words follow
 * the field's label (problem() in problems.ts: "Needles must be 1 or more").
 */

/** What a value of zod's type is, for "must be …". */
const A_VALUE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'yes or no (true or false)',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'a set of fields',
  record: 'a set of fields',
  map: 'a set of fields',
  date: 'a date',
  literal: 'one of the values allowed here',
  enum: 'one of the values allowed here',
};

/** How a length is counted, by what is measured. */
const UNIT: Record<string, [one: string, many: string]> = {
  string: ['character', 'characters'],
  array: ['entry', 'entries'],
  set: ['entry', 'entries'],
  map: ['entry', 'entries'],
  file: ['byte', 'bytes'],
};

/** Formats in words. */
const FORMAT: Record<string, string> = {
  date: 'must be a date as YYYY-MM-DD',
  datetime: 'must be a date and time as YYYY-MM-DDThh:mm',
  time: 'must be a time as hh:mm',
  uuid: 'must be a record id',
  guid: 'must be a record id',
  email: 'must be an e-mail address',
  url: 'must be a web address',
  ipv4: 'must be an IP address',
  ipv6: 'must be an IP address',
  regex: 'is not written in the form this field takes',
  starts_with: 'is not written in the form this field takes',
  ends_with: 'is not written in the form this field takes',
  includes: 'is not written in the form this field takes',
};

const count = (n: number | bigint, unit: [string, string]) => `${n} ${Number(n) === 1 ? unit[0] : unit[1]}`;
const value = (v: unknown) => (typeof v === 'string' ? v : String(v));

/** The words for one issue (zod's raw issue, with its input). */
export function clinicalWords(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'is required';
      return `must be ${A_VALUE[issue.expected] ?? 'a value of another kind'}`;
    case 'too_small': {
      const unit = UNIT[issue.origin];
      if (unit) {
        if (Number(issue.minimum) === 1 && issue.origin === 'string') return 'is required';
        if (Number(issue.minimum) === 1) return 'must have at least one entry';
        return issue.exact
          ? `must have exactly ${count(issue.minimum, unit)}`
          : `must have at least ${count(issue.minimum, unit)}`;
      }
      if (issue.origin === 'date') return 'is too early';
      return issue.inclusive === false
        ? `must be more than ${value(issue.minimum)}`
        : `must be ${value(issue.minimum)} or more`;
    }
    case 'too_big': {
      const unit = UNIT[issue.origin];
      if (unit)
        return issue.exact
          ? `must have exactly ${count(issue.maximum, unit)}`
          : `must have at most ${count(issue.maximum, unit)}`;
      if (issue.origin === 'date') return 'is too late';
      return issue.inclusive === false
        ? `must be less than ${value(issue.maximum)}`
        : `must be ${value(issue.maximum)} or less`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${value(issue.values[0])}`
        : `must be one of: ${issue.values.map(value).join(', ')}`;
    case 'invalid_format':
      return FORMAT[issue.format] ?? 'is not written in the form this field takes';
    case 'not_multiple_of':
      return `must be a multiple of ${value(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has fields it does not know: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is none of the kinds of value allowed here';
    case 'invalid_key':
    case 'invalid_element':
      return 'holds an entry that is not valid';
    default:
      return 'is not valid';
  }
}

// Zod's one place for it: every schema of this zod, wherever it is declared.
z.config({ customError: clinicalWords });
