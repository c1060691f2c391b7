import type { Translate } from '../../../db/model/index.js';
import { SIGN_PANEL_MESSAGES as M } from './form-messages.js';

/* The sign panel's sentences that count (the save state, what is still to answer), in the window's language. */

const SAVE_WORDS = {
  new: M.notSavedYet,
  pending: M.saving,
  saving: M.saving,
  saved: M.saved,
  partial: M.notSaved,
  error: M.notSaved,
} as const;

/**
 * "Not saved: 2 fields need attention" — what is not stored, said where "Saved" would be: never
 * "Saved" while any field holds something the logbook does not (a value held back, a date half typed).
 */
export const saveWords = (t: Translate, state: keyof typeof SAVE_WORDS, problems: number) =>
  problems > 0 && state !== 'pending' && state !== 'saving' && state !== 'new'
    ? t(M.notSavedFields, { count: problems })
    : t(SAVE_WORDS[state]);

/** "Confirm the warning above", "Give the reason above the reference level", or both, to sign (plurals: the catalogue's). */
export function stillToAnswer(t: Translate, ticks: number, reason: boolean): string {
  if (ticks > 0 && reason) return t(M.confirmAndGiveReason, { count: ticks });
  return ticks > 0 ? t(M.confirmWarnings, { count: ticks }) : t(M.giveReason);
}
