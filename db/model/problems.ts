import type { z } from 'zod';
import { fieldLabelWords, pathToField } from './labels.js';
import { declareMessages, type Message } from './messages.js';
import { inEnglish, sentence, type Words, type WordValue } from './words.js';
import { zodIssueWords } from './zod-words.js';

/**
 * A refusal's words: its English `message` (the command line, the hub, the logs) and, where
 * it was declared, its message and values (`words`), which the window says in the reader's
 * language (useRefusalWords, renderer/app/i18n.tsx). Without words only the English exists.
 */
export interface Said {
  message: string;
  words?: Words;
}

/** One thing wrong with one field, worded for the person who entered it. */
export interface FieldProblem extends Said {
  field: string;
  /** Required: a problem reaches a person, who reads it in their language. */
  words: Words;
}

export const PROBLEM_MESSAGES = declareMessages('problem', {
  fieldRule: [
    '{field} {rule}',
    'A field and what it breaks, beside the field and in a refusal: "Needles must be 1 or more". {field}: the field\'s label; {rule}: what zod checked ("must be 1 or more"). A colon may join them ("{field}: {rule}") where the language needs it.',
  ],
  notAField: [
    '{field} is not a field of this record',
    'A refusal of an imported or sent record with a field RootLog does not know. {field}: its name as written in the file.',
  ],
  theRecord: [
    'The record {rule}',
    'A refusal of a whole record (not one field): "The record must be a set of fields". {rule}: what zod checked.',
  ],
});

/**
 * A field's problem: `rule` a declared message with `{field}` where the label goes ("{field} is
 * required to sign") and its values, or words already made (their message and values, a
 * function's answer such as patientIdProblem's): said in the reader's language. An English
 * string is refused by the type; English from elsewhere (another system's, a schema's own) is
 * a value inside a declared message.
 */
export function problem(
  field: string,
  rule: Message | Words,
  values: Readonly<Record<string, WordValue>> = {},
): FieldProblem {
  const made = typeof rule.message === 'object' ? (rule as Words) : sentence(rule as Message);
  const words = sentence(made.message, { ...made.values, ...values, field: fieldLabelWords(field) });
  return { field, message: inEnglish(words), words };
}

/** One zod issue at a field named by the caller: its rule's words, else the schema's own English as a value. */
export const issueProblem = (field: string, issue: z.core.$ZodIssue): FieldProblem =>
  problem(field, PROBLEM_MESSAGES.fieldRule, { rule: zodIssueWords(issue) ?? issue.message });

/** A refusal's words and their English, as a FieldProblem or an ApiError carries them. */
export const saidOf = (words: Words): Said & { words: Words } => ({ message: inEnglish(words), words });
const said = saidOf;

/** Zod's issues in the clinic's words, one per field (the first rule broken is enough to act on). */
export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = pathToField([...issue.path, key]);
        if (!seen.has(field)) problems.push({ field, ...said(sentence(PROBLEM_MESSAGES.notAField, { field })) });
        seen.add(field);
      }
      continue;
    }
    const field = pathToField(issue.path) || '(record)';
    if (seen.has(field)) continue;
    seen.add(field);
    // Custom issues of signingProblems and wholeRule are already worded with their label.
    const worded =
      issue.code === 'custom' && issue.params?.labelled ? (issue.params.words as Words | undefined) : undefined;
    if (worded) {
      problems.push({ field, message: issue.message, words: worded });
      continue;
    }
    const rule = zodIssueWords(issue);
    if (!rule) {
      // A schema's own message (English): said as it is, after the label.
      problems.push(
        field === '(record)'
          ? { field, ...said(sentence(PROBLEM_MESSAGES.theRecord, { rule: issue.message })) }
          : problem(field, PROBLEM_MESSAGES.fieldRule, { rule: issue.message }),
      );
      continue;
    }
    problems.push({
      field,
      ...said(
        field === '(record)'
          ? sentence(PROBLEM_MESSAGES.theRecord, { rule })
          : sentence(PROBLEM_MESSAGES.fieldRule, { field: fieldLabelWords(field), rule }),
      ),
    });
  }
  return problems;
}
