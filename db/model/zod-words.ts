import { z } from 'zod';
import { declareMessages, type Message } from './messages.js';
import { inEnglish, sentence, type Words, type WordValue } from './words.js';

/*
 * What a rule says when its schema says nothing itself, in the words of the person who typed
 * the value: "must be 1 or more", never zod's "Too small: expected number to be >=1". It is
 * zod's error map for every schema (zod's global configuration), so a schema added later speaks
 * these words too; a schema's own message, where it has one, still comes first. The words follow
 * the field's label (problem() in problems.ts: "Needles must be 1 or more"), and are a message
 * and values (clinicalWords), which the window says in the reader's language; zod keeps their
 * English.
 */

const RULE =
  'What a value breaks, after the field\'s label ("Needles must be 1 or more"), beside the field and in refusals.';
const KIND = 'What a value must be, inside "must be {kind}" ("Needles must be a whole number").';
export const ZOD_MESSAGES = declareMessages('zod', {
  required: ['is required', RULE],
  mustBe: ['must be {kind}', `${RULE} {kind}: what it must be ("a number").`],
  kindText: ['text', KIND],
  kindNumber: ['a number', KIND],
  kindWholeNumber: ['a whole number', KIND],
  kindYesNo: ['yes or no (true or false)', KIND],
  kindList: ['a list', KIND],
  kindFields: ['a set of fields', KIND],
  kindDate: ['a date', KIND],
  kindAllowed: ['one of the values allowed here', KIND],
  kindOther: ['a value of another kind', KIND],
  atLeastOne: ['must have at least one entry', RULE],
  exactlyCharacters: [
    'must have exactly {count, plural, one {# character} other {# characters}}',
    `${RULE} A text's length.`,
  ],
  atLeastCharacters: ['must have at least {count, plural, one {# character} other {# characters}}', RULE],
  atMostCharacters: ['must have at most {count, plural, one {# character} other {# characters}}', RULE],
  exactlyEntries: ['must have exactly {count, plural, one {# entry} other {# entries}}', `${RULE} A list's length.`],
  atLeastEntries: ['must have at least {count, plural, one {# entry} other {# entries}}', RULE],
  atMostEntries: ['must have at most {count, plural, one {# entry} other {# entries}}', RULE],
  exactlyBytes: ['must have exactly {count, plural, one {# byte} other {# bytes}}', `${RULE} A file's size.`],
  atLeastBytes: ['must have at least {count, plural, one {# byte} other {# bytes}}', RULE],
  atMostBytes: ['must have at most {count, plural, one {# byte} other {# bytes}}', RULE],
  tooEarly: ['is too early', `${RULE} A date.`],
  tooLate: ['is too late', `${RULE} A date.`],
  moreThan: ['must be more than {limit}', `${RULE} {limit}: a number.`],
  atLeast: ['must be {limit} or more', `${RULE} {limit}: a number.`],
  lessThan: ['must be less than {limit}', `${RULE} {limit}: a number.`],
  atMost: ['must be {limit} or less', `${RULE} {limit}: a number.`],
  equal: ['must be {value}', `${RULE} {value}: the one value allowed, as stored (a code).`],
  oneOf: ['must be one of: {values}', `${RULE} {values}: the values allowed, as stored (codes).`],
  formatDate: ['must be a date as YYYY-MM-DD', `${RULE} Keep YYYY-MM-DD: it is what is typed in a file.`],
  formatDateTime: ['must be a date and time as YYYY-MM-DDThh:mm', `${RULE} Keep YYYY-MM-DDThh:mm as it is.`],
  formatTime: ['must be a time as hh:mm', `${RULE} Keep hh:mm as it is.`],
  formatRecordId: ['must be a record id', RULE],
  formatEmail: ['must be an e-mail address', RULE],
  formatUrl: ['must be a web address', RULE],
  formatIp: ['must be an IP address', RULE],
  formatOther: ['is not written in the form this field takes', RULE],
  multipleOf: ['must be a multiple of {divisor}', `${RULE} {divisor}: a number.`],
  unknownFields: ['has fields it does not know: {keys}', `${RULE} {keys}: field names as written in the file.`],
  noKind: ['is none of the kinds of value allowed here', RULE],
  invalidEntry: ['holds an entry that is not valid', RULE],
  invalid: ['is not valid', RULE],
});
const M = ZOD_MESSAGES;

/** What a value of zod's type is, for "must be …". */
const A_VALUE: Record<string, Message> = {
  string: M.kindText,
  number: M.kindNumber,
  int: M.kindWholeNumber,
  bigint: M.kindWholeNumber,
  boolean: M.kindYesNo,
  array: M.kindList,
  tuple: M.kindList,
  set: M.kindList,
  object: M.kindFields,
  record: M.kindFields,
  map: M.kindFields,
  date: M.kindDate,
  literal: M.kindAllowed,
  enum: M.kindAllowed,
};

/** How a length is counted, by what is measured: exactly, at least, at most. */
const LENGTH: Record<string, [exactly: Message, atLeast: Message, atMost: Message]> = {
  string: [M.exactlyCharacters, M.atLeastCharacters, M.atMostCharacters],
  array: [M.exactlyEntries, M.atLeastEntries, M.atMostEntries],
  set: [M.exactlyEntries, M.atLeastEntries, M.atMostEntries],
  map: [M.exactlyEntries, M.atLeastEntries, M.atMostEntries],
  file: [M.exactlyBytes, M.atLeastBytes, M.atMostBytes],
};

/** Formats in words. */
const FORMAT: Record<string, Message> = {
  date: M.formatDate,
  datetime: M.formatDateTime,
  time: M.formatTime,
  uuid: M.formatRecordId,
  guid: M.formatRecordId,
  email: M.formatEmail,
  url: M.formatUrl,
  ipv4: M.formatIp,
  ipv6: M.formatIp,
};

const value = (v: unknown) => (typeof v === 'number' ? v : String(v));
const codes = (values: readonly unknown[]) => values.map(String).join(', ');

/** The words for one issue (zod's raw issue, with its input): a message and its values. */
export function clinicalWords(issue: z.core.$ZodRawIssue): Words {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return sentence(M.required);
      return sentence(M.mustBe, { kind: sentence(A_VALUE[issue.expected] ?? M.kindOther) });
    case 'too_small': {
      const length = LENGTH[issue.origin];
      if (length) {
        if (Number(issue.minimum) === 1 && issue.origin === 'string') return sentence(M.required);
        if (Number(issue.minimum) === 1) return sentence(M.atLeastOne);
        return sentence(issue.exact ? length[0] : length[1], { count: Number(issue.minimum) });
      }
      if (issue.origin === 'date') return sentence(M.tooEarly);
      return sentence(issue.inclusive === false ? M.moreThan : M.atLeast, { limit: value(issue.minimum) });
    }
    case 'too_big': {
      const length = LENGTH[issue.origin];
      if (length) return sentence(issue.exact ? length[0] : length[2], { count: Number(issue.maximum) });
      if (issue.origin === 'date') return sentence(M.tooLate);
      return sentence(issue.inclusive === false ? M.lessThan : M.atMost, { limit: value(issue.maximum) });
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? sentence(M.equal, { value: String(issue.values[0]) })
        : sentence(M.oneOf, { values: codes(issue.values) });
    case 'invalid_format':
      return sentence(FORMAT[issue.format] ?? M.formatOther);
    case 'not_multiple_of':
      return sentence(M.multipleOf, { divisor: value(issue.divisor) });
    case 'unrecognized_keys':
      return sentence(M.unknownFields, { keys: issue.keys.join(', ') });
    case 'invalid_union':
      return sentence(M.noKind);
    case 'invalid_key':
    case 'invalid_element':
      return sentence(M.invalidEntry);
    default:
      return sentence(M.invalid);
  }
}

/**
 * A schema's own rules, by their English: zod keeps only a message, so the words `rule()`
 * declared are found again by it. Filled as the schemas are declared (at import), and read after.
 */
const SCHEMA_RULES = new Map<string, Words>();

/**
 * Two declared rules with one English: zod keeps only the English, so the later one's words
 * would be said for both (and a department's wording of the earlier one lost). One sentence is
 * one message; a test reads this after importing every schema.
 */
const RULE_CLASHES = new Set<string>();
export const ruleClashes = (): readonly string[] => [...RULE_CLASHES];

/**
 * A schema's own message, declared (rule-messages.ts): `.max(8, rule(RULE_MESSAGES.x, { count: 8 }))`.
 * Its English is zod's message; its words are said in the reader's language (zodIssueWords).
 */
export function rule(message: Message, values?: Readonly<Record<string, WordValue>>): { error: string } {
  const words = sentence(message, values);
  const english = inEnglish(words);
  const earlier = SCHEMA_RULES.get(english);
  if (earlier && earlier.message.id !== message.id)
    RULE_CLASHES.add(`${earlier.message.id} = ${message.id}: ${english}`);
  SCHEMA_RULES.set(english, words);
  return { error: english };
}

/** A custom issue's words (`ctx.addIssue({ code: 'custom', ...ruleIssue(words) })`): its English, and its words kept with it. */
export const ruleIssue = (words: Words) => ({ message: inEnglish(words), params: { words } });

/**
 * A refinement's whole sentence, its label inside or none needed ("Leg pain, back pain or the
 * global impression is needed: …"): problemsFromZod says it as it is, not after the field's label.
 */
export const wholeRule = (words: Words) => ({ error: inEnglish(words), params: { words, labelled: true } });

/**
 * The words of an issue zod has finished (its input no longer kept): a custom issue's own
 * (ruleIssue), a schema's declared rule (rule), or the words clinicalWords gave it, found again
 * as the ones whose English is its message; null for a schema's message not declared, which has
 * no words but its English.
 */
export function zodIssueWords(issue: z.core.$ZodIssue): Words | null {
  const kept = issue.code === 'custom' ? (issue.params?.words as Words | undefined) : undefined;
  if (kept) return kept;
  const declared = SCHEMA_RULES.get(issue.message);
  if (declared) return declared;
  const raw = issue as unknown as z.core.$ZodRawIssue;
  for (const input of [undefined, 0]) {
    const words = clinicalWords({ ...raw, input } as z.core.$ZodRawIssue);
    if (inEnglish(words) === issue.message) return words;
  }
  return null;
}

// Zod's one place for it: every schema of this zod, wherever it is declared.
z.config({ customError: (issue) => inEnglish(clinicalWords(issue)) });
