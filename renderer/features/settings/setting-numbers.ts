import { numberForEntry, numberOrNaN } from '../../../db/model/index.js';

/*
 * Settings' own number fields (the console's steroid limit and lock time, a drug's doses and
 * concentrations, the connections' ports and timeouts, the department server's port) read and
 * show a number as the form's NumberField does: by the one number reader
 * (db/model/number-entry.ts) in the department's locale, so "1'480" or "148,5" mean the same in
 * Settings as in the form, and a stored value shown for typing back reads back as itself (in
 * fr-CH 7.5 is shown "7,5"; 1.125, which would read as unclear, is shown "1.1250").
 */

/** A stored setting's number as its field shows it: '' when there is none. */
export const settingNumberText = (value: number | null | undefined, locale: string): string =>
  value == null || Number.isNaN(value) ? '' : numberForEntry(value, locale);

/** What a setting's number field holds: undefined when empty, NaN (its rule then says why) when no number or unclear. */
export const settingNumber = (text: string, locale: string): number | undefined => numberOrNaN(text, locale);

/** A number a setting must have: NaN, refused by its rule with its range, when the field is empty too. */
export const requiredSettingNumber = (text: string, locale: string): number =>
  settingNumber(text, locale) ?? Number.NaN;
