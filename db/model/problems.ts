import type { z } from 'zod';
import { fieldLabel, pathToField } from './labels.js';

/** One thing wrong with one field, worded for the person who entered it. */
export interface FieldProblem {
  field: string;
  message: string;
}

export const problem = (field: string, rule: string): FieldProblem => ({
  field,
  message: `${fieldLabel(field)} ${rule}`,
});

/** Zod's issues in the clinic's words, one per field (the first rule broken is enough to act on). */
export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = pathToField([...issue.path, key]);
        if (!seen.has(field)) problems.push({ field, message: `${field} is not a field of this record` });
        seen.add(field);
      }
      continue;
    }
    const field = pathToField(issue.path) || '(record)';
    if (seen.has(field)) continue;
    seen.add(field);
    // Custom issues come from signingProblems and are already worded with their label.
    if (issue.code === 'custom' && issue.params?.labelled) problems.push({ field, message: issue.message });
    else
      problems.push(
        field === '(record)' ? { field, message: `The record ${issue.message}` } : problem(field, issue.message),
      );
  }
  return problems;
}
