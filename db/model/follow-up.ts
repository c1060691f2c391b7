import { z } from 'zod';
import type { SignatureMeaning } from './credentials.js';
import { contentShape } from './fields/fields.js';
import { FOLLOW_UP_ENTRY_FIELDS } from './fields/follow-up-entry-fields.js';
import { RESPONDER_RELIEF_PERCENT, reliefPercent } from './pain.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { REASON_LENGTH } from './text-rule.js';
import { sentence } from './words.js';
import { rule, wholeRule } from './zod-words.js';

/*
 * A follow-up of a signed procedure: the day-1–3 call or the 2–6-week review. Appended, never
 * edited: a mistaken entry is corrected by a new one that supersedes it, with a reason.
 * Pure: shared by the service and the window.
 */

/** The correction's reason field, named by its own declared label. */
const REASON_FIELD = FOLLOW_UP_ENTRY_FIELDS.find((field) => field.key === 'reason');
if (!REASON_FIELD) throw new Error('The follow-up entry declares no reason field');

/** A correction's reason too short, said with its label. */
const REASON_FOR_CORRECTION = sentence(R.labelled, {
  label: sentence(REASON_FIELD.label),
  rule: sentence(R.reasonLength, REASON_LENGTH),
});

/** The entry's fields as declared (fields/follow-up-entry-fields.ts), with the rules between them. */
export const followUpEntrySchema = z
  .object(contentShape(FOLLOW_UP_ENTRY_FIELDS))
  .strict()
  .refine((entry) => !entry.supersedes || (entry.reason ?? '').length >= REASON_LENGTH.min, {
    // Named here, not by the field's key: "reason" is the amendment's too (labels.ts).
    ...wholeRule(REASON_FOR_CORRECTION),
    path: ['reason'],
  })
  .refine((entry) => entry.legNrs != null || entry.backNrs != null || entry.globalImpression != null, {
    ...wholeRule(sentence(R.followUpHowThePatientIs)),
    path: ['legNrs'],
  });

export type FollowUpInput = z.input<typeof followUpEntrySchema>;
export type FollowUpEntryInput = z.output<typeof followUpEntrySchema>;

/** A stored follow-up entry, with what was derived and who recorded it. */
export interface FollowUpEntry extends FollowUpEntryInput {
  id: string;
  daysAfter: number;
  reliefPercent: number | null;
  /** The recorder's printed name at recording. */
  recordedBy: string;
  recordedAt: string;
  /** The operator who recorded it, proven by their PIN (schema 20 on; null for entries from before). */
  recordedById?: string | null;
  /** follow_up_recorded (null for entries from before schema 20). */
  meaning?: SignatureMeaning | null;
  /** Set when a later entry corrected this one. */
  supersededBy: string | null;
}

/** Relief in % against the pain before the procedure, the same formula as the immediate relief (pain.ts), stored as null when unknown. */
export const followUpRelief = (
  painBefore: number | null | undefined,
  painNow: number | null | undefined,
): number | null => reliefPercent(painBefore, painNow) ?? null;

/** A date (YYYY-MM-DD) some days later (or earlier, when negative). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Whole days from the procedure's local date to the contact date. */
export function daysBetween(procedureDate: string, contactDate: string): number {
  return Math.round((Date.parse(`${contactDate}T00:00:00Z`) - Date.parse(`${procedureDate}T00:00:00Z`)) / 86_400_000);
}

/** The follow-up windows, in days after the procedure (settings; the leaflet's 1–3 days and 2–6 weeks). */
export interface FollowUpWindows {
  early: { from: number; to: number };
  late: { from: number; to: number };
}
export const DEFAULT_FOLLOW_UP_WINDOWS: FollowUpWindows = { early: { from: 1, to: 3 }, late: { from: 14, to: 42 } };
export type FollowUpWindow = keyof FollowUpWindows;

export const windowOf = (days: number, windows: FollowUpWindows): FollowUpWindow | null =>
  days >= windows.early.from && days <= windows.early.to
    ? 'early'
    : days >= windows.late.from && days <= windows.late.to
      ? 'late'
      : null;

/** A responder: at least 50 % relief, and at least 2 points less on the NRS (both shown apart). */
export const isReliefResponder = (relief: number | null) => relief != null && relief >= RESPONDER_RELIEF_PERCENT;
export const isNrsResponder = (before: number | null | undefined, now: number | null | undefined) =>
  before != null && now != null && before - now >= 2;

/** Who is due for a follow-up on a day (default today): the app's and the command line's one reading of it. */
export const followUpsDueQuerySchema = z.object({ date: z.iso.date(rule(R.realDate)).optional() }).strict();
