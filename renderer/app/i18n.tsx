import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { PSEUDO, type Speech, translator, type Wordings } from '../../db/i18n/translator.js';
import {
  type ClinicalWarning,
  DEFAULT_DEPARTMENT_LOCALE,
  type DepartmentSettings,
  type Language,
  localeFor,
  type Said,
  say,
  type Translate,
  type Words,
} from '../../db/model/index.js';
import { wordsLocaleFor } from '../components/date-entry.js';
import { useSettings } from '../features/settings/settings-store.js';

/*
 * The window's words: one translator for the language the operator reads, given to every
 * component through React's context (no module state: a second window, a test or a printout
 * makes its own). Components call `useT()` and translate messages, never strings.
 */

const TranslateContext = createContext<Translate>(translator('en'));
/** The language the translator speaks (English for the pseudo-language), for what Intl joins (lists). */
const LanguageContext = createContext<Language>('en');

export function LanguageProvider({
  language,
  wordings,
  children,
}: {
  language: Speech;
  wordings?: Wordings;
  children: ReactNode;
}) {
  const translate = useMemo(() => translator(language, wordings ?? {}), [language, wordings]);
  useEffect(() => {
    // Screen readers and hyphenation read the page's language.
    document.documentElement.lang = language === PSEUDO ? 'en' : language;
  }, [language]);
  return (
    <LanguageContext.Provider value={language === PSEUDO ? 'en' : language}>
      <TranslateContext.Provider value={translate}>{children}</TranslateContext.Provider>
    </LanguageContext.Provider>
  );
}

/** The translator of the window's language. */
export const useT = (): Translate => useContext(TranslateContext);

/**
 * Who reads the window: its translator, its language, and the locale that language writes
 * dates and numbers in at this department (localeFor: "2,5 mg" in fr-CH).
 */
export function useReader(): { t: Translate; language: Language; locale: string } {
  const t = useT();
  const language = useContext(LanguageContext);
  const department = useSettings((state) => state.settings);
  const locale = localeFor(language, department ?? { locale: DEFAULT_DEPARTMENT_LOCALE });
  return { t, language, locale };
}

/**
 * A sentence kept as words (a store's status message, a warning's words) in the window's
 * language, its numbers as that language writes them in the department ("2,5 mg" in fr-CH). A
 * plain string is the main process's own words (a refusal: English until the refusals are
 * messages) and is said as it is.
 */
export function useSay(): (said: Words | string) => string {
  const { t, language, locale } = useReader();
  return (said) => (typeof said === 'string' ? said : say(said, t, language, locale));
}

/** A clinical warning in the window's language, its numbers as that language writes them in the department ("2,5 mg" in fr-CH). */
export function useWarningWords(): (warning: ClinicalWarning) => string {
  const sayIt = useSay();
  return (warning) => sayIt(warning.words);
}

/**
 * A refusal (an ApiError, a field's problem, a store's kept refusal) in the window's language,
 * the same way: its words where it declares them, else its English (a refusal not translated
 * yet); words the window wrote itself (a message and values, or a string) as they are.
 */
export function useRefusalWords(): (refusal: Said | Words | string) => string {
  const said = useSay();
  return (refusal) =>
    typeof refusal === 'string'
      ? refusal
      : typeof refusal.message !== 'string'
        ? said(refusal as Words)
        : (refusal as Said).words
          ? said((refusal as Said).words as Words)
          : (refusal as Said).message;
}

/** The window's language (English for the pseudo-language), for what Intl joins (lists). */
export const useLanguage = (): Language => useContext(LanguageContext);

/**
 * The locale the window's reader reads dates and numbers in: the department's for its own
 * language, else the reader's language's in the department's country (localeFor: fr-CH, "71,4 %").
 */
export function useReaderLocale(): string {
  return useReader().locale;
}

/** The locale a date field says its date back in for the window's reader (wordsLocaleFor: "2 décembre 2026" in fr-CH). */
export function useWordsLocale(): string {
  const { language, locale } = useReader();
  return wordsLocaleFor(language, locale);
}

/** `?language=pseudo` (the overflow checks) or a language, given to the window when it opens; null: the settings decide. */
export function languageAsked(search: string): Speech | null {
  const asked = new URLSearchParams(search).get('language');
  return asked === PSEUDO || ['de', 'fr', 'it', 'en'].includes(asked ?? '')
    ? (asked as Language | typeof PSEUDO)
    : null;
}

/**
 * The screens' language: the choice of the operator at this console (the one whose PIN opened
 * it, else the console's default operator; remembered per operator), else the department's.
 */
export function screenLanguage(
  settings: Pick<DepartmentSettings, 'defaultOperatorId' | 'operatorLanguages' | 'language'> | null,
  sessionOperatorId: string | null = null,
): Language {
  if (!settings) return 'en';
  const operator = operatorAtConsole(settings, sessionOperatorId);
  return (operator ? settings.operatorLanguages[operator] : undefined) ?? settings.language;
}

/** The operator at this console: the one whose PIN opened it, else the console's default operator. */
export const operatorAtConsole = (
  settings: Pick<DepartmentSettings, 'defaultOperatorId'>,
  sessionOperatorId: string | null,
): string | null => sessionOperatorId ?? settings.defaultOperatorId;
