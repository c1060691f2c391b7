import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { targetsInWords } from './targets-words.js';

describe('targetsInWords', () => {
  it('says the stored side codes in the reader’s language, lower case, the roots unchanged', () => {
    expect(targetsInWords(translator('en'), 'L5 left, S1 left')).toBe('L5 left, S1 left');
    expect(targetsInWords(translator('de'), 'L5 left, S1 right')).toBe('L5 links, S1 rechts');
    expect(targetsInWords(translator('fr'), 'L4 bilateral')).toBe('L4 bilatéral');
    expect(targetsInWords(translator('it'), 'L5 left,S1 left')).toBe('L5 sinistra, S1 sinistra');
  });
  it('leaves a side not yet chosen as it is', () => {
    expect(targetsInWords(translator('de'), 'L5 ?, ? ?')).toBe('L5 ?, ? ?');
    expect(targetsInWords(translator('de'), '')).toBe('');
  });
});
