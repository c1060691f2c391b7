import { z } from 'zod';

/*
 * The locales a department can choose: how its dates and numbers are written (de-CH writes
 * 12.03.1958 and 148.5, de-DE 12.03.1958 and 148,5). Declared once here; the settings, the
 * date and number fields, the formatters and the languages derive from this list. A locale
 * is a BCP 47 tag that Intl understands; the words next to it are how Settings names it.
 */
export const DEPARTMENT_LOCALES = [
  { tag: 'de-CH', name: 'Deutsch (Schweiz)', language: 'de' },
  { tag: 'de-DE', name: 'Deutsch (Deutschland)', language: 'de' },
  { tag: 'de-AT', name: 'Deutsch (Österreich)', language: 'de' },
  { tag: 'fr-CH', name: 'Français (Suisse)', language: 'fr' },
  { tag: 'it-CH', name: 'Italiano (Svizzera)', language: 'it' },
  { tag: 'en-GB', name: 'English (United Kingdom)', language: 'en' },
  { tag: 'en-US', name: 'English (United States)', language: 'en' },
] as const;

export type DepartmentLocale = (typeof DEPARTMENT_LOCALES)[number]['tag'];
/** The language of a locale ("de" for de-CH): what a translation catalogue is chosen by. */
export type LocaleLanguage = (typeof DEPARTMENT_LOCALES)[number]['language'];

export const DEPARTMENT_LOCALE_TAGS = DEPARTMENT_LOCALES.map((locale) => locale.tag) as [
  DepartmentLocale,
  ...DepartmentLocale[],
];

/**
 * Until a department chooses: de-CH, the order date entry has always followed here
 * (dd.mm.yyyy) and the point as decimal mark the console has always shown.
 */
export const DEFAULT_DEPARTMENT_LOCALE: DepartmentLocale = 'de-CH';

export const departmentLocaleSchema = z.enum(DEPARTMENT_LOCALE_TAGS);

export const isDepartmentLocale = (tag: unknown): tag is DepartmentLocale =>
  (DEPARTMENT_LOCALE_TAGS as readonly unknown[]).includes(tag);

/** The language a locale is written in: de-CH → de. */
export const languageOf = (tag: DepartmentLocale): LocaleLanguage =>
  DEPARTMENT_LOCALES.find((locale) => locale.tag === tag)?.language ?? 'en';

/**
 * The locale a text in `language` writes its dates and numbers in: the department's when the
 * text is in the department's language (Settings → Department) or its locale's, else that
 * language's locale in the department's country (an Italian sheet of a de-CH department:
 * it-CH), else the first locale of that language. A new logbook writes English in de-CH's
 * formats, as it always has.
 */
export function localeFor(
  language: LocaleLanguage,
  department: { locale: DepartmentLocale; language?: LocaleLanguage },
): DepartmentLocale {
  if (language === department.language || language === languageOf(department.locale)) return department.locale;
  const country = department.locale.split('-')[1];
  const ofLanguage = DEPARTMENT_LOCALES.filter((locale) => locale.language === language);
  return (ofLanguage.find((locale) => locale.tag.endsWith(`-${country}`)) ?? ofLanguage[0])?.tag ?? department.locale;
}
