import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import {
  COMPLICATIONS,
  CONTRAST_AGENTS,
  NEEDLE_TIP_POSITIONS,
  PROVOKED_PAIN,
  SEDATIONS,
  worded,
} from './vocabularies.js';
import { CODE_MESSAGES, codeInSentence, codeMessageIn, gatherWords, words } from './vocabulary-words.js';

describe('a vocabulary declared with its words', () => {
  it('gives its codes as a plain list and its words beside them, which every reader of words sees', () => {
    expect([...NEEDLE_TIP_POSITIONS]).toEqual(['extraforaminal', 'foraminal', 'recessal']);
    expect(NEEDLE_TIP_POSITIONS).toEqual(['extraforaminal', 'foraminal', 'recessal']);
    expect(Object.keys(NEEDLE_TIP_POSITIONS)).toEqual(['0', '1', '2']);
    expect(NEEDLE_TIP_POSITIONS.map(words)).toEqual(['Extraforaminal', 'Foraminal', 'Recessal']);
    expect(CODE_MESSAGES.find((message) => message.id === 'code.recessal')?.message).toBe('Recessal');
  });

  it('is gathered with the others, and a code worded twice differently is refused', () => {
    const bevels = worded([
      ['quincke', 'Quincke (sharp)'],
      ['pencil_point', 'Pencil-point (blunt)'],
    ]);
    const sides = worded([['left', 'Left']]);
    expect(gatherWords([sides, bevels, ['not', 'worded'], sides])).toEqual({
      left: 'Left',
      quincke: 'Quincke (sharp)',
      pencil_point: 'Pencil-point (blunt)',
    });
    expect(() => gatherWords([worded([['quincke', 'Quincke']]), bevels])).toThrow(
      /the code quincke is worded twice \("Quincke", "Quincke \(sharp\)"\): word it once/,
    );
  });
});

describe('a code a vocabulary words on its own', () => {
  const [fr, it_] = [translator('fr'), translator('it')];
  it('says "none" as each field’s grammar needs, the stored code and its English the shared ones', () => {
    expect(fr(codeMessageIn(COMPLICATIONS, 'none'))).toBe('Aucune');
    expect(it_(codeMessageIn(COMPLICATIONS, 'none'))).toBe('Nessuna');
    expect(fr(codeMessageIn(SEDATIONS, 'none'))).toBe('Aucune');
    expect(fr(codeMessageIn(PROVOKED_PAIN, 'none'))).toBe('Aucune');
    expect(it_(codeMessageIn(PROVOKED_PAIN, 'none'))).toBe('Nessuno');
    // A contrast agent is masculine: the shared word.
    expect(fr(codeMessageIn(CONTRAST_AGENTS, 'none'))).toBe('Aucun');
    expect(codeMessageIn(COMPLICATIONS, 'none')).toMatchObject({ id: 'code.complication.none', message: 'None' });
    expect(COMPLICATIONS[0]).toBe('none');
    expect(codeInSentence({ t: fr, language: 'fr' }, 'none', COMPLICATIONS)).toBe('aucune');
    // A list that is not the vocabulary (filtered) says the code's shared words; the catalogues hold both.
    expect(codeMessageIn(COMPLICATIONS.filter(Boolean), 'none').id).toBe('code.none');
    expect(CODE_MESSAGES.map((message) => message.id)).toEqual(
      expect.arrayContaining(['code.none', 'code.complication.none', 'code.sedation.none']),
    );
  });
});
