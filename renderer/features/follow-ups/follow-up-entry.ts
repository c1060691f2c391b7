import {
  type FollowUpInput,
  fieldLabelWords,
  PROBLEM_MESSAGES,
  RULE_MESSAGES,
  readNumber,
  sentence,
  type Words,
} from '../../../db/model/index.js';
import { FOLLOW_UP_FIELD_MESSAGES as M } from './follow-ups-messages.js';

/*
 * The quick entry of a follow-up call, as typed: scores as text until they are whole numbers
 * from 0 to 10 (anything else is refused at the field, never guessed).
 */

export interface FollowUpForm {
  legNrs: string;
  backNrs: string;
  globalImpression: string;
  method: 'phone' | 'visit' | 'questionnaire';
  contactDate: string;
  notes: string;
  /** Who records the call (empty: the operator who opened the console), proven by their PIN. */
  recordedById: string;
  /** Sent with the entry and forgotten at once: never part of it. */
  pin: string;
}

export const emptyFollowUpForm = (today: string): FollowUpForm => ({
  legNrs: '',
  backNrs: '',
  globalImpression: '',
  method: 'phone',
  contactDate: today,
  notes: '',
  recordedById: '',
  pin: '',
});

/**
 * A score read by the form's one number reader (db/model/number-entry.ts), then held to 0–10
 * whole. The reader takes no locale here: a locale only words what an unclear number needs
 * ("1.480"), never what a text means, and a score is refused whole ("3,5" in de-DE as in de-CH).
 */
const score = (text: string): number | null | 'invalid' => {
  const read = readNumber(text);
  if (read.kind === 'empty') return null;
  return read.kind === 'value' && Number.isInteger(read.value) && read.value >= 0 && read.value <= 10
    ? read.value
    : 'invalid';
};

/** Each field's problem: a sentence to say in the reader's language, or the main process's own words. */
export type FormProblems = Partial<Record<keyof FollowUpForm, Words | string>>;

/** "Leg pain (NRS) must be a whole number from 0 to 10": the score's label and its rule, in words. */
const scoreProblem = (field: 'legNrs' | 'backNrs'): Words =>
  sentence(PROBLEM_MESSAGES.fieldRule, {
    field: fieldLabelWords(field),
    rule: sentence(RULE_MESSAGES.wholeNumberRange, { min: 0, max: 10 }),
  });

/** The entry to send, or what must be corrected first (named per field). */
export function followUpFromForm(
  form: FollowUpForm,
  procedureId: string,
): { entry: FollowUpInput; problems: FormProblems } {
  const problems: FormProblems = {};
  const leg = score(form.legNrs);
  const back = score(form.backNrs);
  if (leg === 'invalid') problems.legNrs = scoreProblem('legNrs');
  if (back === 'invalid') problems.backNrs = scoreProblem('backNrs');
  // The date field leaves it empty while what is typed is not a whole date yet.
  if (!form.contactDate)
    problems.contactDate = sentence(PROBLEM_MESSAGES.fieldRule, {
      field: sentence(M.date),
      rule: sentence(M.wholeDate),
    });
  const entry: FollowUpInput = {
    procedureId,
    contactDate: form.contactDate,
    method: form.method,
    legNrs: leg === 'invalid' ? null : leg,
    backNrs: back === 'invalid' ? null : back,
    globalImpression: (form.globalImpression || null) as FollowUpInput['globalImpression'],
    notes: form.notes.trim() || null,
  };
  return { entry, problems };
}
