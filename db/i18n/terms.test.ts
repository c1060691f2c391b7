import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, readPo, TRANSLATED } from '../../build/i18n.mjs';

/*
 * One clinical term, one word: the catalogues' glossary (docs/languages.md, "One word per
 * term"). Each term keeps the word the form uses; the variants it replaced are refused here, so a
 * new or corrected translation that brings one back fails and names its message.
 */

interface Term {
  /** What the English says, and the word each of its translations keeps. */
  term: string;
  keeps: RegExp;
  /** The variants that said the same thing in other words. */
  refuses: readonly RegExp[];
}

// Italian imperatives addressed to several readers ("voi"); the catalogue says "Lei" ("verifichi").
// Some are also participles ("procedure esportate", "righe ripristinate"): refused where a
// sentence or a clause starts with them, or after "o", "e", "ed", "oppure", "poi".
const VOI_IMPERATIVES = [
  'aggiungete',
  'ampliate',
  'aprite',
  'associate',
  'avvisate',
  'chiedete',
  'controllate',
  'correggete',
  'digitate',
  'emendate',
  'esportate',
  'indicate',
  'informate',
  'iniziate',
  'inserite',
  'lasciate',
  'premete',
  'rettificate',
  'ripristinate',
  'riprovate',
  'scegliete',
  'selezionate',
  'togliete',
  'usate',
  'verificate',
];
const voiImperative = new RegExp(
  `(?<=^|[:;.?!]\\s+|\\s(?:o|e|ed|oppure|poi)\\s+)(?:${VOI_IMPERATIVES.join('|')})\\b`,
  'iu',
);

const GLOSSARY: Readonly<Record<'de' | 'fr' | 'it', readonly Term[]>> = {
  de: [
    { term: 'target (the nerve root treated)', keeps: /Zielwurzel/, refuses: [/Zielhöhe/i, /Zielort/i] },
    { term: '(contrast) spread', keeps: /Kontrastmittelverteilung/, refuses: [/Ausbreitung/i] },
    {
      term: 'amendment (of a signed record)',
      keeps: /Ergänzung/,
      refuses: [/Nachtrag/i, /Nachträge/i, /nachgetragen/i],
    },
  ],
  fr: [
    { term: 'target', keeps: /\bcibles?\b/i, refuses: [/niveaux? ciblés?/i, /racines? ciblées?/i] },
    { term: 'contrast spread', keeps: /diffusion du contraste/i, refuses: [/diffusion du produit de contraste/i] },
    {
      term: 'amendment',
      keeps: /rectification/i,
      refuses: [/avenant/i, /amendement/i, /amendée?s?(?![a-z_])/i, /amender/i, /amendez/i],
    },
  ],
  it: [
    {
      term: 'target',
      keeps: /\bbersagl(?:io|i)\b/i,
      refuses: [/livell[oi] \{number\}/i, /nessun livello/i, /livell[oi] trattat/i, /radic[ei] trattat/i],
    },
    { term: 'contrast spread', keeps: /diffusione del contrasto/i, refuses: [/diffusione del mezzo di contrasto/i] },
    { term: 'amendment', keeps: /rettifica/i, refuses: [/emend/i] },
    { term: 'record', keeps: /registrazione/i, refuses: [/\bdossier\b/i] },
    {
      term: 'the reader, addressed as "Lei"',
      keeps: /\bSuo\b/,
      refuses: [/\bvoi\b/i, /\bvostr[oaie]\b/i, /\b(?:avete|potete|dovete|siete)\b/i, voiImperative],
    },
  ],
};

/** The glossary of a translated language; every one has its own. */
function glossaryOf(language: string): readonly Term[] {
  const terms = (GLOSSARY as Readonly<Record<string, readonly Term[] | undefined>>)[language];
  if (!terms) throw new Error(`no glossary for ${language}: add its terms to GLOSSARY`);
  return terms;
}

const catalogue = (language: string) => readPo(readFileSync(join(CATALOGUES, `${language}.po`), 'utf8'));

/** Every message of the catalogue that says a refused variant: "id: variant". */
function variantsIn(entries: ReadonlyMap<string, string>, terms: readonly Term[]): string[] {
  return [...entries].flatMap(([id, words]) =>
    terms.flatMap(({ refuses }) =>
      refuses.flatMap((variant) => {
        const found = variant.exec(words);
        return found ? [`${id}: ${found[0]}`] : [];
      }),
    ),
  );
}

describe('one word per clinical term in each catalogue', () => {
  for (const language of TRANSLATED) {
    it(`${language}: no message says a term in a word the glossary replaced`, () => {
      expect(variantsIn(catalogue(language), glossaryOf(language))).toEqual([]);
    });

    it(`${language}: each term's word is in the catalogue (the glossary names what is used)`, () => {
      const words = [...catalogue(language).values()];
      const unused = glossaryOf(language).filter(({ keeps }) => !words.some((text) => keeps.test(text)));
      expect(unused.map(({ term }) => term)).toEqual([]);
    });
  }

  it('refuses a variant brought back, naming the message', () => {
    const said = (language: keyof typeof GLOSSARY, entries: Record<string, string>) =>
      variantsIn(new Map(Object.entries(entries)), GLOSSARY[language]);
    expect(said('de', { 'cli.statsTargets': '{count, plural, one {# Zielhöhe} other {# Zielhöhen}}' })).toEqual([
      'cli.statsTargets: Zielhöhe',
    ]);
    expect(said('fr', { 'form.sign.amendTitle': 'Modifier le dossier signé par avenant' })).toEqual([
      'form.sign.amendTitle: avenant',
    ]);
    expect(
      said('it', {
        'main.worklist.busy': 'Il server è occupato: riprovate tra un momento.',
        // A participle is not an imperative.
        'cli.exported': '{count, plural, one {# procedura esportata} other {# procedure esportate}}',
      }),
    ).toEqual(['main.worklist.busy: riprovate']);
  });
});
