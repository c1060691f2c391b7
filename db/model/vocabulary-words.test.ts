import { describe, expect, it } from 'vitest';
import { NEEDLE_TIP_POSITIONS, worded } from './vocabularies.js';
import { CODE_MESSAGES, gatherWords, words } from './vocabulary-words.js';

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
