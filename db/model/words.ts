import { formatNumber } from './locale-format.js';
import { type Language, listInWords, type Message } from './messages.js';

/*
 * A sentence kept as its message and values, not as words in one language: a clinical warning
 * carries it to the window, which says it in the operator's language. A value is a number, a
 * name (a drug's, a root's), another sentence (a side, a spread pattern: translated too) or a
 * list of them, which the reader's language joins ("intravascular and intrathecal", "… e …").
 * Plain data (no function), so it crosses the API as it is.
 */
export type WordValue = string | number | Words | WordList;
export interface WordList {
  list: readonly WordValue[];
  /** Joined by it ("; " between sentences) instead of as the language lists words ("a, b and c"). */
  separator?: string;
}
export interface Words {
  message: Message;
  values?: Readonly<Record<string, WordValue>>;
}

export const sentence = (message: Message, values?: Readonly<Record<string, WordValue>>): Words =>
  values ? { message, values } : { message };

const isWords = (value: WordValue): value is Words => typeof value === 'object' && 'message' in value;

/** Whether a message takes `{name}` as it is (a number written in digits), not as a plural's or select's count. */
const writtenAsIs = (message: Message, name: string) => !new RegExp(`\\{${name}\\s*,`).test(message.message);

/**
 * The sentence in the reader's language: `t` translates each message, `language` joins the
 * lists, and `locale` (the reader's: localeFor) writes the numbers ("2,5 mg" in fr-CH); without
 * one a number is written as JavaScript writes it (the English of the command line and the hub).
 */
export function say(
  said: Words,
  t: (message: Message, values?: Readonly<Record<string, string | number>>) => string,
  language: Language,
  locale?: string,
): string {
  const values = Object.fromEntries(
    Object.entries(said.values ?? {}).map(([name, given]) => [
      name,
      typeof given === 'number' && !writtenAsIs(said.message, name) ? given : sayValue(given, t, language, locale),
    ]),
  );
  return t(said.message, values);
}

/** One value as say writes it inside a sentence: a number in the locale, words and lists said (a field's "dd.mm.yyyy"). */
export function sayValue(
  given: WordValue,
  t: (message: Message, values?: Readonly<Record<string, string | number>>) => string,
  language: Language,
  locale?: string,
): string | number {
  const value = (item: WordValue) => sayValue(item, t, language, locale);
  return typeof given === 'number'
    ? locale
      ? formatNumber(given, locale)
      : given
    : typeof given === 'string'
      ? given
      : isWords(given)
        ? say(given, t, language, locale)
        : given.separator !== undefined
          ? given.list.map((item) => String(value(item))).join(given.separator)
          : listInWords(
              given.list.map((item) => String(value(item))),
              language,
            );
}

/** English's plural rule, for the `{count, plural, one {…} other {…}}` of a model's message. */
const englishPlural = new Intl.PluralRules('en');
const PLURAL = /\{(\w+), plural, one \{((?:[^{}]|\{\w+\})*)\} other \{((?:[^{}]|\{\w+\})*)\}\}/g;

/**
 * Its English, `{name}` filled in (the model's messages that carry Words have plain
 * placeholders, and at most English's two plural forms: `{count, plural, one {…} other {…}}`).
 */
export const inEnglish = (said: Words): string =>
  say(
    said,
    (message, values = {}) =>
      message.message
        .replace(PLURAL, (_whole, name: string, one: string, other: string) =>
          (englishPlural.select(Number(values[name])) === 'one' ? one : other).replaceAll('#', String(values[name])),
        )
        .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
    'en',
  );
