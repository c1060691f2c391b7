import { z } from 'zod';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { inEnglish, sentence, type Words } from './words.js';
import { rule, ruleIssue, ZOD_MESSAGES } from './zod-words.js';

/*
 * The one rule for text in a record, from the form to the import and the hub: well-formed
 * Unicode (a lone surrogate would be stored as U+FFFD while a hash was made over the escape),
 * no control characters (C0, DEL, C1 such as U+009B, ESC), no characters that change the
 * direction of what is shown (bidirectional marks, embeddings, overrides, isolates), and in
 * one-line text — identifiers and names — no invisible characters (zero-width spaces and
 * joiners, word joiner, byte-order mark) that make two different values look the same.
 * Multi-line text (notes) may keep line breaks and tabs.
 */

export type TextShape = 'line' | 'lines';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
const DIRECTION = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;

export const LONE_SURROGATE_WORDS = R.loneSurrogate.message;

/** What is wrong with a text by the rule (to follow the field's label, in the reader's language), or null. */
export function textRuleWords(text: string, shape: TextShape): Words | null {
  if (LONE_SURROGATE.test(text)) return sentence(R.loneSurrogate);
  if (shape === 'line' ? CONTROL.test(text) : CONTROL_BUT_LINE_BREAKS.test(text)) {
    return sentence(shape === 'line' ? R.oneLineNoControl : R.noControlCharacters);
  }
  if (DIRECTION.test(text)) return sentence(R.noDirectionCharacters);
  if (shape === 'line' && INVISIBLE.test(text)) return sentence(R.noInvisibleCharacters);
  return null;
}

/** textRuleWords' English, for what still words a problem in English (the import's record check). */
export function textRuleProblem(text: string, shape: TextShape): string | null {
  const words = textRuleWords(text, shape);
  return words ? inEnglish(words) : null;
}

/**
 * Where a JSON value (a record as a file or the hub gives it, its keys included) first holds
 * text that breaks the text rule for any text (a lone surrogate, a control character other
 * than a line break or tab, a direction mark), as a path ("history[0].changes.notes") with
 * the rule broken, or null. Every text of a record is checked, not only the fields with a rule
 * of their own (a drug's name as signed, a history entry's values): SQLite would store U+FFFD
 * where a hash was made over the escape, and a control character would reach every file.
 * Call it on a value of bounded depth.
 */
export function textRuleBrokenAt(value: unknown, path = ''): { at: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textRuleProblem(value, 'lines');
    return problem ? { at: path || '(the record)', problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [at, item] of value.entries()) {
      const found = textRuleBrokenAt(item, `${path}[${at}]`);
      if (found) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    const problem = textRuleProblem(key, 'line');
    if (problem) return { at: here, problem: `(its name) ${problem}` };
    const found = textRuleBrokenAt(item, here);
    if (found) return found;
  }
  return null;
}

/** A zod string schema with the text rule added. */
export function followingTextRule<T extends z.ZodType<string>>(schema: T, shape: TextShape): T {
  return schema.superRefine((text, context) => {
    const words = textRuleWords(text, shape);
    if (words) context.addIssue({ code: 'custom', ...ruleIssue(words) });
  }) as unknown as T;
}

/** The bounds of every reason (an amendment's, a correction's): long enough to say something. */
export const REASON_LENGTH = { min: 3, max: 500 } as const;

/** A reason, trimmed, 3 to 500 characters, by the text rule; its field's label names it where it is refused. */
export const reasonSchema = () => {
  const said = (words: Words) => rule(words.message, words.values);
  const must = said(sentence(R.reasonLength, REASON_LENGTH));
  return followingTextRule(
    z
      .string(said(sentence(ZOD_MESSAGES.required)))
      .trim()
      .min(REASON_LENGTH.min, must)
      .max(REASON_LENGTH.max, must),
    'lines',
  );
};

/*
 * Look-alikes: two names that read the same to a person are one name. A name's key is its
 * NFKC form (fullwidth letters, ligatures, compatibility spaces, and the mathematical
 * alphanumerics such as "𝐀" or "𝖠" folded to plain letters), case-folded, with format
 * characters (zero-width, direction marks) removed, every dash a hyphen, runs of space one
 * space, and the Cyrillic, Greek, Armenian and Cherokee letters that Unicode's confusables
 * (UTS #39, confusables.txt) map to one Latin letter taken as that letter. It is a subset of
 * UTS #39 for the letters Latin names are written in, not the whole of it: confusables of
 * other scripts (Hebrew, Arabic, Canadian syllabics, Runic, Latin small capitals…), digits
 * taken for letters ("0" for "O", "1" for "l") and letters that look like two ("rn" for "m")
 * are not folded. No confusables library is part of RootLog (none is in node_modules); this
 * is the declaration every place a name enters asks (operators, console names, drugs).
 */
// biome-ignore format: a table, kept in rows
const CONFUSABLE_LATIN: Record<string, string> = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J',
  Ѕ: 'S', а: 'a', е: 'e', ё: 'ë', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ї: 'ï', ј: 'j', ѕ: 's', һ: 'h',
  ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', α: 'a', ι: 'i', κ: 'k', ρ: 'p', υ: 'u', χ: 'x',
  // Armenian
  Ս: 'U', Տ: 'S', Օ: 'O', ա: 'w', գ: 'q', զ: 'q', հ: 'h', ո: 'n', ռ: 'n', ս: 'u', ց: 'g', ք: 'f', օ: 'o',
  // Latin
  ı: 'i', ℓ: 'l',
};
// The Cherokee letters that look like one Latin letter (capitals; their small forms, U+AB70 on, are added below).
// biome-ignore format: a table, kept in rows
const CHEROKEE_LATIN: Record<string, string> = {
  Ꭰ: 'D', Ꭱ: 'R', Ꭲ: 'T', Ꭵ: 'i', Ꭹ: 'Y', Ꭺ: 'A', Ꭻ: 'J', Ꭼ: 'E', Ꮃ: 'W', Ꮇ: 'M', Ꮋ: 'H', Ꮍ: 'Y', Ꮐ: 'G', Ꮒ: 'h',
  Ꮓ: 'Z', Ꮟ: 'b', Ꮢ: 'R', Ꮤ: 'W', Ꮥ: 'S', Ꮩ: 'V', Ꮪ: 'S', Ꮮ: 'L', Ꮯ: 'C', Ꮲ: 'P', Ꮶ: 'K', Ꮷ: 'd', Ᏻ: 'G', Ᏼ: 'B',
};
for (const [letter, latin] of Object.entries(CHEROKEE_LATIN)) {
  CONFUSABLE_LATIN[letter] = latin;
  CONFUSABLE_LATIN[letter.toLowerCase()] = latin;
}
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLE_LATIN).join('')}]`, 'gu');

const FORMAT_CHARACTERS = /\p{Cf}/gu;
const DASHES = /\p{Pd}|\u2212/gu;
const SPACES = /\s+/gu;

/**
 * Lower case as `toLowerCase` gives it, with the final sigma (ς, which `toLowerCase` gives by
 * context) taken as σ: so each character folds alone, as the hub's copy of the rule folds it.
 */
const foldCase = (text: string) => text.toLowerCase().replaceAll('ς', 'σ');

/** The form under which two names that look alike are equal (see above). */
export function lookAlikeKey(name: string): string {
  return foldCase(
    name
      .normalize('NFKC')
      .replace(FORMAT_CHARACTERS, '')
      .replace(CONFUSABLE, (letter) => CONFUSABLE_LATIN[letter] ?? letter),
  )
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * The rule of lookAlikeKey as character tables, for a copy of it elsewhere (the hub server's
 * PostgreSQL function, db/hub/server-schema.ts), derived from the declaration above by asking
 * it of every code point, so the two cannot drift apart but for NFKC itself: in order, NFKC,
 * `formatCharacters` removed, each of `confusables.from` taken as the letter at the same place
 * in `confusables.to`, case folded (`caseFolds` of one character each, `longerCaseFolds`
 * otherwise), NFKC again, each of `dashes` a hyphen, runs of `spaces` one space, trimmed.
 */
export function lookAlikeTables() {
  const formatCharacters: string[] = [];
  const dashes: string[] = [];
  const spaces: string[] = [];
  const caseFolds = { from: [] as string[], to: [] as string[] };
  const longerCaseFolds: [string, string][] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCodePoint(code);
    if (character.replace(FORMAT_CHARACTERS, '') === '') formatCharacters.push(character);
    if (character.replace(DASHES, '') === '') dashes.push(character);
    if (character.replace(SPACES, '') === '') spaces.push(character);
    const folded = foldCase(character);
    if (folded === character) continue;
    if ([...folded].length === 1) {
      caseFolds.from.push(character);
      caseFolds.to.push(folded);
    } else longerCaseFolds.push([character, folded]);
  }
  const confusables = Object.entries(CONFUSABLE_LATIN);
  return {
    formatCharacters: formatCharacters.join(''),
    confusables: {
      from: confusables.map(([letter]) => letter).join(''),
      to: confusables.map(([, latin]) => latin).join(''),
    },
    caseFolds: { from: caseFolds.from.join(''), to: caseFolds.to.join('') },
    longerCaseFolds,
    dashes: dashes.join(''),
    spaces: spaces.join(''),
  };
}

/** The first of `others` (other than `self`) whose name looks like `name`, if any. */
export function lookAlikeAmong<T extends { name: string }>(
  name: string,
  others: Iterable<T>,
  isSelf: (other: T) => boolean = () => false,
): T | undefined {
  const key = lookAlikeKey(name);
  for (const other of others) if (!isSelf(other) && lookAlikeKey(other.name) === key) return other;
  return undefined;
}
