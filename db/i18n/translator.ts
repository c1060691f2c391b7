import { type I18n, type Messages, setupI18n } from '@lingui/core';
import {
  type CompiledMessage,
  type CompiledMessageToken,
  compileMessageOrThrow,
} from '@lingui/message-utils/compileMessage';
import {
  LANGUAGES,
  type Language,
  type Message,
  REFUSAL_MESSAGES as R,
  sentence,
  type Translate,
  type Wordings,
  type Words,
} from '../model/index.js';
import { messages as de } from './catalogues/de.js';
import { messages as en } from './catalogues/en.js';
import { messages as fr } from './catalogues/fr.js';
import { messages as it } from './catalogues/it.js';

/*
 * The words of every message in each language, as Lingui compiled them from the catalogues
 * (db/i18n/catalogues/*.po). Nothing here is shared mutable state: whoever needs words (a
 * window, a printout, the command line, an export) makes its own translator for its language,
 * with the department's corrected wordings laid over the catalogue.
 */

/** The pseudo-language of the overflow checks: every text about 40 % longer, bracketed, so a cut is seen. */
export const PSEUDO = 'pseudo';
export type Speech = Language | typeof PSEUDO;

const CATALOGUES: Record<Language, Messages> = { de, en, fr, it };

export type { Wordings };

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

const lengthen = (text: string) =>
  text.trim() === '' ? text : `⟦${text}${'~'.repeat(Math.max(2, Math.ceil(text.length * 0.4)))}⟧`;

function pseudoToken(token: CompiledMessageToken): CompiledMessageToken {
  if (typeof token === 'string') return lengthen(token);
  const [name, type, format] = token;
  if (format && typeof format === 'object') {
    const choices = Object.fromEntries(
      Object.entries(format).map(([key, value]) => [key, Array.isArray(value) ? value.map(pseudoToken) : value]),
    );
    return [name, type, choices];
  }
  return token;
}

/** English with every text lengthened: what a long German or French wording does to a layout, before it is written. */
function pseudoCatalogue(): Messages {
  return Object.fromEntries(
    Object.entries(en).map(([id, message]) => [
      id,
      typeof message === 'string' ? lengthen(message) : (message as CompiledMessage).map(pseudoToken),
    ]),
  );
}

/**
 * Why a corrected wording cannot be used (words to follow its language: PROBLEM_MESSAGES.fieldRule),
 * null when it can: it must be valid ICU and keep the original's placeholders.
 */
export function wordingRefusal(id: string, words: string): Words | null {
  const original = en[id];
  if (original === undefined) return sentence(R.wordingNoMessage, { id });
  let compiled: CompiledMessage;
  try {
    compiled = compileMessageOrThrow(words);
  } catch {
    return sentence(R.wordingBraces, { id, braces: '{ }' });
  }
  const names = (message: unknown): string[] =>
    Array.isArray(message) ? message.flatMap((token) => (Array.isArray(token) ? [String(token[0])] : [])).sort() : [];
  const wanted = names(original);
  const given = names(compiled);
  const named = (names: string[]) => names.map((name) => `{${name}}`).join(', ');
  if (wanted.join() !== given.join()) {
    return sentence(R.wordingValues, {
      id,
      wanted: wanted.length ? named(wanted) : sentence(R.wordingNoValue),
      given: given.length ? named(given) : sentence(R.wordingNoneNamed),
    });
  }
  return null;
}

/** A Lingui instance for one language, the department's corrected wordings over the catalogue (those that pass wordingProblem). */
export function createI18n(speech: Speech, wordings: Wordings = {}): I18n {
  const catalogue = speech === PSEUDO ? pseudoCatalogue() : { ...CATALOGUES[speech] };
  if (speech !== PSEUDO) {
    for (const [id, words] of Object.entries(wordings[speech] ?? {})) {
      if (!wordingRefusal(id, words)) catalogue[id] = compileMessageOrThrow(words);
    }
  }
  const locale = speech === PSEUDO ? 'en' : speech;
  return setupI18n({ locale, messages: { [locale]: catalogue } });
}

/** The message's words in the instance's language: a message no catalogue has yet (a test's) falls back to its English. */
export function translatorOf(i18n: I18n): Translate {
  return (message: Message, values = {}) =>
    i18n.messages[message.id] === undefined ? fill(message.message, values) : i18n._(message.id, { ...values });
}

/** English words with `{name}` values filled in, for a message outside the catalogues. */
const fill = (words: string, values: Readonly<Record<string, string | number>>) =>
  words.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

export const translator = (speech: Speech, wordings: Wordings = {}): Translate =>
  translatorOf(createI18n(speech, wordings));
