import { translator } from '../../../db/i18n/translator.js';
import { type DepartmentSettings, localeFor, type Speaking } from '../../../db/model/index.js';

/** The report is written in the department's report language (whoever reads the screen), its corrected wordings included. */
export function reportSpeaking(settings: Pick<DepartmentSettings, 'reportLanguage' | 'wordings'> | null): Speaking {
  const language = settings?.reportLanguage ?? 'en';
  return { t: translator(language, settings?.wordings ?? {}), language };
}

/** The locale the report writes its dates and numbers in: the department's, or its report language's (locales.ts). */
export const reportLocale = (
  settings: Pick<DepartmentSettings, 'reportLanguage' | 'language' | 'locale'> | null,
): string | undefined => (settings ? localeFor(settings.reportLanguage, settings) : undefined);
