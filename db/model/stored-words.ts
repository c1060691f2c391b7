import type { Message } from './messages.js';
import { inEnglish, sentence, type WordList, type Words, type WordValue } from './words.js';

/*
 * Words kept in a logbook's column rather than an English sentence (the RIS outbox's last
 * error, the hub's refusals): each message as its id and values, a value another sentence (its
 * id and values again) or a list of them, as JSON. Read back, each id is looked up among the
 * messages the reader knows, so the words are said in the reader's language. A row written
 * before words were kept (an English sentence), or one naming a message this version does not
 * know, is shown as it was written (the caller's "as written" message).
 */

export type StoredValue = string | number | StoredWords | { list: StoredValue[]; separator?: string };
export interface StoredWords {
  id: string;
  values: Record<string, StoredValue>;
}

const isWords = (value: WordValue): value is Words => typeof value === 'object' && 'message' in value;

function storedValue(value: WordValue): StoredValue {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isWords(value)) return storedForm(value);
  const list = (value as WordList).list.map(storedValue);
  return value.separator === undefined ? { list } : { list, separator: value.separator };
}

/** Words as data inside a column's JSON (a dose report's summary keeps its findings so): each message by its id. */
export const storedForm = (words: Words): StoredWords => ({
  id: words.message.id,
  values: Object.fromEntries(Object.entries(words.values ?? {}).map(([name, value]) => [name, storedValue(value)])),
});

/**
 * Words as a column keeps them: `{"id":…,"values":{…}}`. `withEnglish` keeps their English
 * beside (`text`): what IT reads in the file, and what is shown should an id be unknown later.
 */
export const storedWords = (words: Words, options: { withEnglish?: boolean } = {}): string =>
  JSON.stringify(options.withEnglish ? { ...storedForm(words), text: inEnglish(words) } : storedForm(words));

/** Not words as storedWords keeps them (an English sentence, an unknown id, a value of another kind). */
class NotStored extends Error {}

function wordValueOf(stored: unknown, lookup: (id: string) => Message | undefined): WordValue {
  if (typeof stored === 'string' || typeof stored === 'number') return stored;
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    if ('id' in stored) return wordsOfForm(stored, lookup);
    const { list, separator } = stored as { list?: unknown; separator?: unknown };
    if (Array.isArray(list) && (separator === undefined || typeof separator === 'string')) {
      const items = list.map((item) => wordValueOf(item, lookup));
      return separator === undefined ? { list: items } : { list: items, separator };
    }
  }
  throw new NotStored();
}

function wordsOfForm(stored: object, lookup: (id: string) => Message | undefined): Words {
  const { id, values = {} } = stored as { id?: unknown; values?: unknown };
  const message = typeof id === 'string' ? lookup(id) : undefined;
  if (!message || values === null || typeof values !== 'object' || Array.isArray(values)) throw new NotStored();
  return sentence(
    message,
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, wordValueOf(value, lookup)])),
  );
}

/**
 * The words a column keeps (storedWords), each message found by `lookup`; else `asWritten`
 * with `{text}`: the English it kept beside, or the column's text as it is (a row written
 * before words were kept).
 */
export function wordsOfStored(stored: string, lookup: (id: string) => Message | undefined, asWritten: Message): Words {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    // Not JSON: an English sentence of an earlier RootLog.
    return sentence(asWritten, { text: stored });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !('id' in parsed) || !('values' in parsed))
    return sentence(asWritten, { text: stored });
  try {
    return wordsOfForm(parsed, lookup);
  } catch (error) {
    if (!(error instanceof NotStored)) throw error;
    const { text } = parsed as { text?: unknown };
    return sentence(asWritten, { text: typeof text === 'string' ? text : stored });
  }
}

/**
 * The words storedForm kept as data, each message found by `lookup`; null when one is not
 * known (written by a later RootLog) or the data is not words at all.
 */
export function wordsOfStoredForm(stored: unknown, lookup: (id: string) => Message | undefined): Words | null {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored) || !('id' in stored)) return null;
  try {
    return wordsOfForm(stored, lookup);
  } catch (error) {
    if (error instanceof NotStored) return null;
    throw error;
  }
}

/** A lookup among these tables' messages, for wordsOfStored. */
export function messagesById(
  tables: readonly Readonly<Record<string, Message>>[],
): (id: string) => Message | undefined {
  const byId = new Map(
    tables.flatMap((table) => Object.values(table).map((message) => [message.id, message] as const)),
  );
  return (id) => byId.get(id);
}
