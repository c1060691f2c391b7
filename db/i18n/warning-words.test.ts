import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRUG_CATALOGUE,
  type Language,
  type ProcedureInput,
  procedureDraftSchema,
  STARTING_REFERENCE_LEVELS,
  say,
  WARNING_MESSAGES,
  warnings,
} from '../model/index.js';
import { completeDraft } from '../testing/fixtures.js';
import { translator } from './translator.js';

const settings = { referenceLevels: STARTING_REFERENCE_LEVELS, drugCatalogue: DEFAULT_DRUG_CATALOGUE };
const found = (overrides: Partial<ProcedureInput>) =>
  warnings(procedureDraftSchema.parse(completeDraft('op-1', overrides)), settings);
const inLanguage = (overrides: Partial<ProcedureInput>, language: Language) =>
  found(overrides).map((warning) => {
    if (!warning.words) throw new Error(`${warning.code} has no words`);
    return say(warning.words, translator(language), language);
  });

/** A case that makes most of the converted rules speak: the wrong side, pain worse, a particulate steroid after intravascular spread with no action, a dose above the maximum. */
const MANY: Partial<ProcedureInput> = {
  symptomSide: 'left',
  targets: [{ root: 'L5', side: 'right', foramen: 'L5/S1', spread: ['intravascular_venous', 'intrathecal'] }],
  drugs: [{ drug: 'triamcinolone', doseMg: 120, site: 0 }],
  painPre: 3,
  painPost: 6,
  timeOutLevelVerified: false,
  timeOutSideMarked: false,
  diabetes: 'yes',
};

describe('clinical warnings in the reader’s language', () => {
  it('English words are the warning’s message, as the command line and the hub keep them', () => {
    const english = inLanguage(MANY, 'en');
    expect(english).toEqual(found(MANY).map((warning) => warning.message));
    expect(english).toContain('Target 1 is on the right, but the symptoms are on the left: check the side.');
    expect(english.join(' ')).toMatch(
      /contrast spread was intravascular \(venous\) and intrathecal and no clean retest/,
    );
  });

  it('German, French and Italian: the sentence, its values and the words inside it are translated', () => {
    const de = inLanguage(MANY, 'de').join('\n');
    expect(de).toContain('Ziel 1 liegt rechts, die Symptome aber links: Seite prüfen.');
    expect(de).toContain('Schmerz nachher (6) ist höher als vorher (3)');
    expect(de).toMatch(/intravasal \(venös\) und intrathekal verteilte, und kein unauffälliger Kontrolltest/);
    expect(de).toContain('(Höhe nicht auf den Bildern verifiziert und Seite nicht markiert)');
    const fr = inLanguage(MANY, 'fr').join('\n');
    expect(fr).toContain('La cible 1 est à droite, mais les symptômes sont à gauche : vérifier le côté.');
    expect(fr).toContain('intravasculaire (veineuse) et intrathécale');
    const it_ = inLanguage(MANY, 'it').join('\n');
    expect(it_).toContain('Il livello 1 è a destra, ma i sintomi sono a sinistra: verificare il lato.');
    expect(it_).toContain('intravascolare (venosa) e intratecale');
    for (const text of [de, fr, it_]) {
      expect(text).not.toMatch(/check the|is above|given|\{/);
    }
  });

  it('the table time: the next day in the language', () => {
    const late = { startedAt: '23:50', endedAt: '04:10', performedAt: '2026-03-14T23:55:00+01:00' };
    expect(inLanguage(late, 'en')).toEqual([
      'From 23:50–04:10 (next day) is 4 h 20 min on the table: check the start and end times.',
    ]);
    expect(inLanguage(late, 'de')).toEqual([
      '23:50–04:10 (am Folgetag) sind 4 h 20 min auf dem Tisch: Beginn und Ende prüfen.',
    ]);
    expect(inLanguage(late, 'it')[0]).toContain('(il giorno dopo)');
  });

  it('every warning sentence of the converted rules is translated in each language (no English left)', () => {
    for (const language of ['de', 'fr', 'it'] as const) {
      const t = translator(language);
      for (const message of Object.values(WARNING_MESSAGES)) {
        const words = t(message, {});
        if (/[a-z]{3} [a-z]/i.test(message.message.replace(/\{\w+\}/g, '')))
          expect(words, `${language} ${message.id}`).not.toBe(message.message);
      }
    }
  });
});
