import { LANGUAGES } from './vocabularies.js';

/*
 * A sentence or a name the logbook shows or prints, ready for translation: a stable id, its
 * English words (ICU message syntax: `{name}` for a value, `{count, plural, one {…} other {…}}`)
 * and, for the translator, what it is and where it appears. The model never translates: it is
 * handed a Translate (db/i18n/translator.ts) by whoever asks for words.
 */
export interface Message {
  id: string;
  message: string;
  /** For the translator: what the words are for, where they appear, who reads them. */
  comment?: string;
}

/** Values a message's placeholders are filled with. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** A message's words in one language, its placeholders filled in. */
export type Translate = (message: Message, values?: MessageValues) => string;

type Table = Readonly<Record<string, readonly [message: string, comment?: string]>>;

/** A file's messages under one id prefix: `declareMessages('aftercare', { title: ['…', 'comment'] })`. */
export function declareMessages<const T extends Table>(prefix: string, table: T): { readonly [K in keyof T]: Message } {
  return Object.fromEntries(
    Object.entries(table).map(([key, [message, comment]]) => [
      key,
      { id: `${prefix}.${key}`, message, ...(comment ? { comment } : {}) },
    ]),
  ) as { readonly [K in keyof T]: Message };
}

/** A language the logbook speaks: its screens, its sheets, its report. */
export type Language = (typeof LANGUAGES)[number];
/**
 * The language RootLog speaks for a language tag as a record or the worklist gives it ("it",
 * "de-ch", "fr-CH"): its first part when it is one of LANGUAGES; null for a language RootLog
 * does not speak ("pt") or no tag, where the caller speaks the department's.
 */
export function speakingLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
}

/** A language's own name, as a chooser lists it (not translated: a reader looks for their own). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
  en: 'English',
};

/** Who speaks and in which language: the translator, and the language for what Intl writes (lists, numbers). */
export interface Speaking {
  t: Translate;
  language: Language;
}

/** "a", "a and b", "a, b and c" as the language lists them ("a, b e c"). */
export const listInWords = (items: readonly string[], language: Language): string =>
  new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
