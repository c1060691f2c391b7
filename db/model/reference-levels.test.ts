import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import {
  DOSE_QUANTITY_WORDS,
  doseFigureWords,
  levelFor,
  referenceLevelsFromStored,
  STARTING_REFERENCE_LEVELS,
} from './reference-levels.js';
import { inEnglish, say } from './words.js';

/*
 * How the stored setting is read at every save: nothing stored means the starting levels; a
 * logbook from before schema 9 keeps its two figures; a damaged value never invents levels.
 */
describe('referenceLevelsFromStored', () => {
  it('reads nothing stored as the starting levels', () => {
    expect(referenceLevelsFromStored(undefined)).toEqual(STARTING_REFERENCE_LEVELS);
    expect(referenceLevelsFromStored(null)).toEqual(STARTING_REFERENCE_LEVELS);
  });

  it('keeps the levels a department set', () => {
    const own = {
      levels: STARTING_REFERENCE_LEVELS.levels.map((level) => ({ ...level, value: level.value + 1, origin: 'set' })),
    };
    expect(referenceLevelsFromStored(own)).toEqual(own);
  });

  it('reads the two figures of a logbook from before schema 9, marking the changed ones as set', () => {
    const read = referenceLevelsFromStored({ ctDlpMGyCm: 350, fluoroTimeS: 60 });
    const dlp = levelFor(read, 'ct', 'single_level', 'dlpMGyCm');
    expect(dlp).toMatchObject({ value: 350, origin: 'set' });
    expect(levelFor(read, 'fluoroscopy', 'single_level', 'fluoroTimeS')).toMatchObject({
      value: 60,
      origin: 'starting',
    });
  });

  it('falls back to the starting levels for a value it cannot read', () => {
    expect(referenceLevelsFromStored({ levels: 'many' })).toEqual(STARTING_REFERENCE_LEVELS);
    expect(referenceLevelsFromStored({ ctDlpMGyCm: -1, fluoroTimeS: 60 })).toEqual(STARTING_REFERENCE_LEVELS);
  });
});

/* A dose quantity's name is declared once, as a message: its English and its translations derive from it. */
describe('a dose figure', () => {
  it('names its quantity in the reader’s language, and in English as before', () => {
    expect(inEnglish(doseFigureWords('dlpMGyCm', 200))).toBe('DLP 200 mGy·cm');
    expect(inEnglish(doseFigureWords('fluoroTimeS', 36))).toBe('Fluoroscopy time 36 s');
    expect(say(doseFigureWords('dlpMGyCm', 200), translator('fr'), 'fr')).toBe('PDL 200 mGy·cm');
    expect(say(doseFigureWords('dapGyCm2', 3.2), translator('de'), 'de', 'de-DE')).toBe('DFP 3,2 Gy·cm²');
    expect(DOSE_QUANTITY_WORDS.fluoroTimeS).toEqual({ name: 'Fluoroscopy time', unit: 's' });
  });
});
