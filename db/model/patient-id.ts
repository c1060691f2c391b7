import { z } from 'zod';
import { REFUSAL_MESSAGES } from './refusal-messages.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { followingTextRule } from './text-rule.js';
import { sentence, type Words } from './words.js';
import { rule, ruleIssue } from './zod-words.js';

/*
 * A patient's number, as the department writes it. Two rules, one for each purpose:
 *
 * - patientKey: how every lookup reads an ID (this patient's last procedure, the steroid total
 *   and the same root twice on one day): spaces anywhere and letter case do not count, so
 *   "k-100301 " and "K-100301" are one patient. It never changes what is stored: an ID stored
 *   before a rule existed, or signed at another console, stays as it was written.
 * - normalisePatientId / patientIdProblem: what is typed (the form, the service's save, and
 *   the worklist once it fills the ID) is trimmed, set in the department's case and checked
 *   against its pattern (Settings → Patient ID), refused at the field when it does not match.
 *   A signed record that arrives by import or from the hub is never rewritten: its signature
 *   covers the ID as signed; its key folds it for the lookups.
 */

export const PATIENT_ID_CASES = ['as_typed', 'upper'] as const;
export type PatientIdCase = (typeof PATIENT_ID_CASES)[number];

/** The pattern as one whole-ID regular expression, or null when it does not compile. */
function compiled(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

export const patientIdRuleSchema = z
  .object({
    /** Upper case: what is typed is stored in capitals ("k-100301" → "K-100301"). */
    case: z.enum(PATIENT_ID_CASES),
    /** A regular expression the whole ID must match; empty: any ID. */
    pattern: z
      .string()
      .trim()
      .max(200, rule(R.atMostCharacters, { count: 200 }))
      .refine((pattern) => compiled(pattern) !== null, rule(R.regularExpression, { example: 'K-\\d{6}' })),
    /** An ID of the department, shown in the refusal ("like K-100301"). */
    example: followingTextRule(
      z
        .string()
        .trim()
        .max(64, rule(R.atMostCharacters, { count: 64 })),
      'line',
    ),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.pattern && !rule.example) {
      ctx.addIssue({ code: 'custom', path: ['example'], ...ruleIssue(sentence(R.exampleForPattern)) });
      return;
    }
    const matcher = compiled(rule.pattern);
    if (rule.pattern && matcher && !matcher.test(normalisePatientId(rule.example, rule))) {
      ctx.addIssue({ code: 'custom', path: ['example'], ...ruleIssue(sentence(R.notFollowingPattern)) });
    }
  });
export type PatientIdRule = z.output<typeof patientIdRuleSchema>;

/** Until the department sets one: IDs are stored as typed (trimmed), any ID is accepted. */
export const ANY_PATIENT_ID: PatientIdRule = { case: 'as_typed', pattern: '', example: '' };

/** How the lookups read an ID: no spaces anywhere, one case ("k-100301 " and "K 100301" are "K-100301"'s). */
export function patientKey(patientId: string): string {
  return patientId.normalize('NFC').replace(/\s+/gu, '').toUpperCase();
}

/** A typed ID as the department stores it: trimmed, in its case. */
export function normalisePatientId(typed: string, rule: PatientIdRule = ANY_PATIENT_ID): string {
  const trimmed = typed.trim();
  return rule.case === 'upper' ? trimmed.toUpperCase() : trimmed;
}

/**
 * What is wrong with a typed ID by the department's pattern (words with `{field}` where
 * "Patient ID" goes: problem('patientId', …)), or null when it follows it (or there is none). Checked after normalising, so "k-100301" fits
 * "K-\d{6}" where the department writes IDs in capitals.
 */
export function patientIdProblem(typed: string, rule: PatientIdRule = ANY_PATIENT_ID): Words | null {
  if (!rule.pattern) return null;
  const matcher = compiled(rule.pattern);
  if (!matcher || matcher.test(normalisePatientId(typed, rule))) return null;
  return sentence(REFUSAL_MESSAGES.patientIdOffPattern, { example: rule.example });
}

/** "Stored as K-100301" under the field while what is typed will be stored otherwise; null when as typed. */
export function storedAsWords(typed: string | null | undefined, rule: PatientIdRule = ANY_PATIENT_ID): string | null {
  if (!typed?.trim()) return null;
  const stored = normalisePatientId(typed, rule);
  return stored === typed.trim() ? null : `Stored as ${stored}`;
}
