import { describe, expect, it } from 'vitest';
import { DEPARTMENT_LOCALE_TAGS as LOCALES } from '../../../db/model/index.js';
import { requiredSettingNumber, settingNumber, settingNumberText } from './setting-numbers.js';

describe("Settings' own number fields", () => {
  it('read what the form reads, in every department locale', () => {
    for (const locale of LOCALES) {
      expect(settingNumber("1'480", locale), locale).toBe(1480);
      expect(settingNumber('148,5', locale), locale).toBe(148.5);
      expect(settingNumber('148.5', locale), locale).toBe(148.5);
      // Never guessed: 1.480 is 1480 in de-DE and 1.48 in de-CH.
      expect(settingNumber('1.480', locale), locale).toBeNaN();
      expect(settingNumber('1e3', locale), locale).toBeNaN();
      expect(settingNumber('', locale), locale).toBeUndefined();
      expect(requiredSettingNumber(' ', locale), locale).toBeNaN();
    }
  });

  it('show a stored value in the locale, so that it reads back as itself', () => {
    expect(settingNumberText(7.5, 'fr-CH')).toBe('7,5');
    expect(settingNumberText(7.5, 'de-CH')).toBe('7.5');
    expect(settingNumberText(null, 'de-CH')).toBe('');
    for (const locale of LOCALES)
      for (const value of [0, 2, 7.5, 1.125, 1480, 0.125, 250.5])
        expect(settingNumber(settingNumberText(value, locale), locale), `${value} in ${locale}`).toBe(value);
  });
});
