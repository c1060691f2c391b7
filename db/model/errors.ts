import { plural } from './plural.js';
import type { FieldProblem } from './problems.js';

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

/**
 * The one error shape that crosses every boundary (IPC, the e2e bridge, the CLI):
 * serialisable, no stack trace, with the field and every problem when there are several.
 */
export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
  problems?: FieldProblem[];
}

export class RootLogError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly problems: FieldProblem[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; problems?: FieldProblem[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'RootLogError';
    this.code = code;
    this.field = options.field;
    this.problems = options.problems;
  }

  static invalid(problems: FieldProblem[], summary?: string): RootLogError {
    const first = problems[0];
    const message =
      summary ??
      (problems.length === 1 && first
        ? first.message
        : `${plural(problems.length, { one: '# field needs', other: '# fields need' })} attention: ${problems.map((p) => p.message).join('; ')}`);
    return new RootLogError('validation', message, { field: first?.field, problems });
  }

  toJSON(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.problems ? { problems: this.problems } : {}),
    };
  }
}

/** The export stops, naming the record and the value: no file is left (the writers are atomic). */
export function unwritable(recordId: string, field: string, value: unknown, problem: string): RootLogError {
  return new RootLogError(
    'validation',
    `Record ${recordId}: ${field} holds "${String(value)}", ${problem}. Nothing was written: correct or amend the record (rootlog check lists damaged files) and export again.`,
    { field },
  );
}
