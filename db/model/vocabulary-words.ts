import type { Message, Speaking } from './messages.js';
import * as VOCABULARIES from './vocabularies.js';
import {
  APPROACHES,
  isWorded,
  NEEDLE_TIP_POSITIONS,
  PROVOKED_PAIN,
  SEVERITIES,
  SPREAD_PATTERNS,
  SYMPTOM_SIDES,
  type VocabularyCode,
  type Worded,
} from './vocabularies.js';

/*
 * The words for every stored code, in one place: the form, the signed summary, the report,
 * the FHIR texts and the presets read them from here. Codes stay codes everywhere else
 * (storage, exports). Each vocabulary carries its words beside its codes (`worded` in
 * vocabularies.ts); they are gathered here. The type check fails when a vocabulary of
 * VocabularyCode is declared without its words.
 */

type Vocabularies = typeof VOCABULARIES;
/** The codes of the vocabularies declared with their words. */
type DeclaredCode = {
  [Name in keyof Vocabularies]: Vocabularies[Name] extends Worded<infer Code> ? Code : never;
}[keyof Vocabularies];

/**
 * The words of every vocabulary declared with them: a code is worded once (two declarations
 * of one code's words would part; refused when the model loads).
 */
export function gatherWords(declarations: readonly unknown[]): Record<string, string> {
  const gathered: Record<string, string> = {};
  for (const declaration of declarations) {
    if (!isWorded(declaration)) continue;
    for (const [code, said] of Object.entries(declaration.words)) {
      if (code in gathered && gathered[code] !== said)
        throw new Error(`the code ${code} is worded twice ("${gathered[code]}", "${said}"): word it once`);
      gathered[code] = said;
    }
  }
  return gathered;
}

const WORDS = gatherWords(Object.values(VOCABULARIES)) as Record<DeclaredCode, string>;

// Every code of every vocabulary has its words (a compile-time check, nothing at run time).
const _everyCodeWorded: Record<Exclude<VocabularyCode, number>, string> = WORDS;
void _everyCodeWorded;

/** The words of a stored code, as a label shows them ("CT and fluoroscopy"); '' for none. */
export const words = (code: string | null | undefined): string =>
  code ? ((WORDS as Record<string, string>)[code] ?? code) : '';

/** The words inside a sentence: lower case, but an acronym stays one ("CT fluoroscopy", "fluoroscopy"). */
export function inSentence(code: string | null | undefined): string {
  const said = words(code);
  return /^[A-Z]{2}/.test(said) ? said : said.charAt(0).toLowerCase() + said.slice(1);
}

/** A stored code's words as a message to translate: id `code.<code>`, the English from WORDS. */
export const codeMessage = (code: string): Message => ({
  id: `code.${code}`,
  message: (WORDS as Record<string, string>)[code] ?? code,
  comment: 'A stored code as the form, the sheets, the report and the exports’ labels show it.',
});

/**
 * A code's words as a message in its vocabulary: the vocabulary's own (`code.<vocabulary>.<code>`)
 * where it words the code itself for a language's grammar (French "Aucune" for the
 * complications), else the code's. Given no vocabulary, or a list that is not one (filtered),
 * the code's.
 */
export function codeMessageIn(vocabulary: readonly unknown[] | undefined, code: string): Message {
  const own = isWorded(vocabulary) ? vocabulary.own : undefined;
  return own?.codes.includes(code) ? ownCodeMessage(own.vocabulary, code) : codeMessage(code);
}

const ownCodeMessage = (vocabulary: string, code: string): Message => ({
  id: `code.${vocabulary}.${code}`,
  message: (WORDS as Record<string, string>)[code] ?? code,
  comment: `A stored code as the form, the sheets and the report show it, among the choices of one field only (${vocabulary}): make it agree with that field's noun (French, Italian: its gender).`,
});

/** Codes whose words are adjectives: German lowers them inside a sentence ("L5 links"), its nouns keep their capital. */
const ADJECTIVES: readonly string[] = [
  ...SYMPTOM_SIDES,
  ...APPROACHES,
  ...SPREAD_PATTERNS,
  ...PROVOKED_PAIN,
  ...NEEDLE_TIP_POSITIONS,
  ...SEVERITIES,
];

/**
 * A code's words inside a sentence, in the reader's language: lower case but for acronyms
 * ("CT fluoroscopy"); German keeps its nouns capitalised and lowers only adjectives.
 */
export function codeInSentence(
  { t, language }: Speaking,
  code: string | null | undefined,
  vocabulary?: readonly unknown[],
): string {
  if (!code) return '';
  const said = t(codeMessageIn(vocabulary, code));
  if (/^[A-Z]{2}/.test(said)) return said;
  if (language === 'de' && !ADJECTIVES.includes(code)) return said;
  return said.charAt(0).toLowerCase() + said.slice(1);
}

/** Every code's words, and the words vocabularies give a code of their own, for the catalogues (db/i18n/source-messages.ts). */
export const CODE_MESSAGES: readonly Message[] = [
  ...Object.keys(WORDS).map(codeMessage),
  ...Object.values(VOCABULARIES).flatMap((declaration) =>
    isWorded(declaration) && declaration.own
      ? declaration.own.codes.map((code) =>
          ownCodeMessage((declaration.own as { vocabulary: string }).vocabulary, code),
        )
      : [],
  ),
];
