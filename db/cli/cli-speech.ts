import { isLanguage, translator } from '../i18n/translator.js';
import {
  DEFAULT_DEPARTMENT_LOCALE,
  formatNumber,
  type Language,
  localeFor,
  CLI_MESSAGES as M,
  type Message,
  say,
  sentence,
  type WordValue,
} from '../model/index.js';
import { getSettings, readSetting } from '../settings.js';
import type { ReadSource } from '../store.js';
import { UsageError } from './usage-error.js';

/*
 * The language of the command line's human-readable output: the department's of the logbook
 * opened (the one it chose in Settings → Department), else the one asked (--language), else
 * English. Its numbers as the department writes them in that language; English as before
 * (numbers as JavaScript writes them). The JSON output stays codes.
 */

/** A message of the command line in its language, its values filled in. */
export type CliSay = (message: Message, values?: Readonly<Record<string, WordValue>>) => string;

export interface CliSpeech {
  language: Language;
  say: CliSay;
  /** A number as the language writes it in the department, its decimals as they are ("4,5" in fr-CH). */
  number: (value: number) => string;
  /** A number with these decimals, as the language writes it in the department ("1,5" in fr-CH; English: "1.5"). */
  decimals: (value: number, decimals: number) => string;
}

/** `--language de` taken out of a command's arguments (every command accepts it); unknown: a usage error. */
export function askedLanguage(args: readonly string[]): { asked: Language | undefined; rest: string[] } {
  const rest: string[] = [];
  let asked: Language | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const inline = arg.startsWith('--language=') ? arg.slice('--language='.length) : undefined;
    if (arg !== '--language' && inline === undefined) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? args[++index];
    if (!isLanguage(value)) throw new UsageError(sentence(M.usageLanguage));
    asked = value;
  }
  return { asked, rest };
}

/** The output's language for a logbook (null: none could be opened) and the language asked. */
export function cliSpeech(logbook: ReadSource | null, asked: Language | undefined): CliSpeech {
  const chosen = logbook ? readSetting<unknown>(logbook, 'language') : undefined;
  const language: Language = isLanguage(chosen) ? chosen : (asked ?? 'en');
  const settings = logbook ? getSettings(logbook) : null;
  const t = translator(language, settings?.wordings ?? {});
  const locale = language === 'en' ? undefined : localeFor(language, settings ?? { locale: DEFAULT_DEPARTMENT_LOCALE });
  return {
    language,
    say: (message, values) => say(sentence(message, values), t, language, locale),
    number: (value) => (locale ? formatNumber(value, locale) : String(value)),
    decimals: (value, decimals) =>
      locale
        ? formatNumber(value, locale, { minimumDecimals: decimals, maximumDecimals: decimals })
        : value.toFixed(decimals),
  };
}
