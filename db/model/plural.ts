/*
 * A count with its noun, in English: "1 procedure", "2 procedures", "0 procedures". The one
 * place the window, the reports and the command line choose a plural, by the language's own
 * rule (Intl.PluralRules). Its shape is Lingui's `plural(count, { one, other })` with `#` for
 * the count, so a translation can take it over by swapping this file.
 */

export interface PluralForms {
  /** For a count the language calls "one", with `#` where the count goes: "# procedure". */
  one: string;
  /** For any other count: "# procedures". */
  other: string;
}

const english = new Intl.PluralRules('en');

/** `forms.one` or `forms.other` for this count, `#` replaced by it: plural(2, { one: '# field needs', other: '# fields need' }). */
export function plural(count: number, forms: PluralForms): string {
  const form = english.select(count) === 'one' ? forms.one : forms.other;
  return form.replaceAll('#', String(count));
}

/** "1 procedure", "2 procedures": the count and its noun (the plural given when not noun + "s"). */
export const counted = (count: number, noun: string, pluralNoun = `${noun}s`): string =>
  plural(count, { one: `# ${noun}`, other: `# ${pluralNoun}` });
