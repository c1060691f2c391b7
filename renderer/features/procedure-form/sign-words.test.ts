import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { saveWords, stillToAnswer } from './sign-words.js';

/* The sign panel counts through the catalogue's plural forms: one warning, 2 warnings, in each language. */
describe('what is still to answer before signing', () => {
  const english = translator('en');

  it('in English, as the panel always said it', () => {
    expect(stillToAnswer(english, 1, false)).toBe('Confirm the warning above to sign.');
    expect(stillToAnswer(english, 2, false)).toBe('Confirm the 2 warnings above to sign.');
    expect(stillToAnswer(english, 0, true)).toBe('Give the reason above the reference level to sign.');
    expect(stillToAnswer(english, 3, true)).toBe(
      'Confirm the 3 warnings above and give the reason above the reference level to sign.',
    );
    expect(saveWords(english, 'partial', 1)).toBe('Not saved: 1 field needs attention');
    expect(saveWords(english, 'error', 2)).toBe('Not saved: 2 fields need attention');
    expect(saveWords(english, 'saved', 0)).toBe('Saved');
  });

  it('in German, French and Italian with their own plural forms', () => {
    expect(stillToAnswer(translator('de'), 1, false)).toBe('Bestätigen Sie die Warnung oben, um zu unterzeichnen.');
    expect(stillToAnswer(translator('de'), 2, false)).toBe('Bestätigen Sie die 2 Warnungen oben, um zu unterzeichnen.');
    expect(stillToAnswer(translator('fr'), 2, false)).toBe('Confirmez les 2 avertissements ci-dessus pour signer.');
    expect(stillToAnswer(translator('it'), 1, false)).toBe('Confermi l’avviso qui sopra per firmare.');
    expect(saveWords(translator('de'), 'partial', 2)).toBe('Nicht gespeichert: 2 Felder brauchen Aufmerksamkeit');
  });
});
