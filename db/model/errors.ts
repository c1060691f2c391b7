import { declareMessages } from './messages.js';
import type { FieldProblem, Said } from './problems.js';
import { inEnglish, sentence, type Words, type WordValue } from './words.js';

export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'not_a_draft'
  | 'warnings_unconfirmed'
  | 'database_corrupt'
  | 'database_newer'
  /** An older schema: reading it needs the migration, which writes. */
  | 'database_outdated'
  | 'database_locked'
  | 'database_unavailable'
  | 'cancelled'
  /** The PIN typed is not the operator's (it never says what was typed). */
  | 'wrong_pin'
  /** Too many wrong PINs in a row: the operator is locked for some minutes. */
  | 'operator_locked'
  /** The operator has no PIN yet: an administrator sets the first one. */
  | 'no_credential'
  /** The operator's role does not allow this (a technologist signing). */
  | 'not_permitted'
  /** A settings change without an administrator's credential. */
  | 'administrator_required'
  /** The console is locked: an operator's PIN opens it. */
  | 'console_locked'
  | 'internal';

/** The refusals errors.ts words itself: several problems at once, an export stopped by a value. */
export const ERROR_MESSAGES = declareMessages('refusal', {
  fieldsNeedAttention: [
    '{count, plural, one {# field needs} other {# fields need}} attention: {problems}',
    "A refusal naming several fields at once (saving, signing, an import). {problems}: each field's problem, listed.",
  ],
  asItIs: [
    '{english}',
    'A refusal not translated yet (the command line, a file, another system): its English words as they are. Keep it "{english}".',
  ],
  unwritable: [
    'Record {record}: {field} holds "{value}", {problem}. Nothing was written: correct or amend the record (rootlog check lists damaged files) and export again.',
    'An export stopped by one value of a record. {record}: the record id; {field}: the field\'s label; {value}: the value as stored; {problem}: what is wrong with it. Keep "rootlog check" as it is (a command).',
  ],
});

/** English words not declared yet (a refusal of the command line, another system's words), as they are in every language. */
export const asItIs = (english: string): Words => sentence(ERROR_MESSAGES.asItIs, { english });

/**
 * A field's problem from a refusal that came as it was said (over IPC, kept in the window's
 * storage): its words, or, for one an earlier RootLog kept in English only, its English as it is.
 */
export const fieldProblemOf = (field: string, { message, words }: Said): FieldProblem => ({
  field,
  message,
  words: words ?? asItIs(message),
});

/**
 * The one error shape that crosses every boundary (IPC, the e2e bridge, the CLI):
 * serialisable, no stack trace, with the field and every problem when there are several.
 * `message` is its English (the command line, the logs); `words`, where the refusal declares
 * them, its message and values, which the window says in the reader's language
 * (useRefusalWords, renderer/app/i18n.tsx).
 */
export interface ApiError {
  code: ErrorCode;
  message: string;
  words?: Words;
  field?: string;
  problems?: FieldProblem[];
}

export class RootLogError extends Error {
  readonly code: ErrorCode;
  readonly words: Words | undefined;
  readonly field: string | undefined;
  readonly problems: FieldProblem[] | undefined;

  /**
   * `said`: a declared message and its values (its English is the message), so every refusal
   * can be said in the reader's language. A refusal not declared yet is `RootLogError.untranslated`.
   */
  constructor(
    code: ErrorCode,
    said: Words,
    options: { field?: string; problems?: FieldProblem[]; cause?: unknown } = {},
  ) {
    super(inEnglish(said), { cause: options.cause });
    this.name = 'RootLogError';
    this.code = code;
    this.words = said;
    this.field = options.field;
    this.problems = options.problems;
  }

  /**
   * English only, for the refusals of the command line and the file system not declared yet
   * (docs/open-work.md #29): the window says them as they are. Not for a refusal the window's
   * reader sees (`refusal-ids.test.ts` lists where it is still used).
   */
  static untranslated(
    code: ErrorCode,
    english: string,
    options: { field?: string; problems?: FieldProblem[]; cause?: unknown } = {},
  ): RootLogError {
    return new RootLogError(code, asItIs(english), options);
  }

  static invalid(problems: FieldProblem[], summary?: Words): RootLogError {
    const first = problems[0];
    const said: Words =
      summary ??
      (problems.length === 1 && first
        ? (first.words ?? sentence(ERROR_MESSAGES.asItIs, { english: first.message }))
        : sentence(ERROR_MESSAGES.fieldsNeedAttention, {
            count: problems.length,
            problems: { list: problems.map((p): WordValue => p.words ?? p.message), separator: '; ' },
          }));
    return new RootLogError('validation', said, { field: first?.field, problems });
  }

  toJSON(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.words ? { words: this.words } : {}),
      ...(this.field ? { field: this.field } : {}),
      ...(this.problems ? { problems: this.problems } : {}),
    };
  }
}

/** The export stops, naming the record and the value: no file is left (the writers are atomic). */
export function unwritable(recordId: string, field: string, value: unknown, problem: string | Words): RootLogError {
  return new RootLogError(
    'validation',
    sentence(ERROR_MESSAGES.unwritable, { record: recordId, field, value: String(value), problem }),
    { field },
  );
}
