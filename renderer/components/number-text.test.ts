import { describe, expect, it } from 'vitest';
import { translator } from '../../db/i18n/translator.js';
import { type Language, say, type Words } from '../../db/model/index.js';
import { unclearNumberText } from './number-text.js';

/*
 * A number typed two ways ("1.480": 1480 in de-DE, 1.48 in de-CH) is held back beside its field
 * with what to type: said in the reader's language from readNumber's words, never its English.
 */
const inLanguage = (held: ReturnType<typeof unclearNumberText>, language: Language) =>
  say(held?.words as Words, translator(language), language);

describe('a number field’s text that could be read two ways', () => {
  it('is held back with the label and what to type, as words', () => {
    const held = unclearNumberText('DLP (mGy·cm)', '1.480', 'de-CH');
    expect(held).toMatchObject({
      text: '1.480',
      message: 'DLP (mGy·cm) is not clear: 1.480 could be 1480 or 1.48: type 1480 without a separator or 1.48',
    });
    expect(held?.words).toBeDefined();
  });

  it('is said in the reader’s language, the department’s decimal mark in its numbers', () => {
    const held = unclearNumberText('DLP (mGy·cm)', '1,480', 'de-DE');
    expect(inLanguage(held, 'de')).toBe(
      'DLP (mGy·cm): ist nicht eindeutig: 1,480 könnte 1480 oder 1,48 sein: Geben Sie 1480 ohne Trennzeichen ein oder 1,48',
    );
    for (const language of ['fr', 'it'] as const) {
      const said = inLanguage(held, language);
      expect(said).toContain('1,480');
      expect(said).not.toMatch(/is not clear|could be|without a separator/);
    }
  });

  it('holds back nothing that is a number, empty, or no number at all', () => {
    for (const text of ['1480', '1.48', "1'480", '', '12 mg'])
      expect(unclearNumberText('DLP', text, 'de-CH')).toBeNull();
  });
});
