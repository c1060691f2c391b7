import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { warningTitle } from '../../../db/model/index.js';
import { historyValue } from './history-words.js';

const english = { t: translator('en'), language: 'en' as const, locale: 'de-CH' };
const german = { t: translator('de'), language: 'de' as const, locale: 'de-CH' };
const french = { t: translator('fr'), language: 'fr' as const, locale: 'fr-CH' };

describe("the history's values in words", () => {
  it('names who signed and what it meant, never "[object Object]"', () => {
    const signature = { operatorId: 'op-2', name: 'Dr. B. Amrein', meaning: 'amended' };
    expect(historyValue(signature, english)).toBe('Dr. B. Amrein, amended');
    expect(historyValue({ operatorId: 'op-1', name: 'Dr. A. Keller', meaning: 'performed_and_signed' }, english)).toBe(
      'Dr. A. Keller, performed and signed',
    );
  });

  it('words plain values, lists and nothing as before', () => {
    expect(historyValue(null, english)).toBe('—');
    expect(historyValue('', english)).toBe('—');
    expect(historyValue(7, english)).toBe('7');
    expect(historyValue(['L4 left', 'L5 right'], english)).toBe('L4 left, L5 right');
    expect(historyValue([], english)).toBe('—');
  });

  it('spells out any other object by its parts', () => {
    const text = historyValue({ level: 'L4', side: 'left', note: null }, english);
    expect(text).toBe('level L4; Side Left');
    expect(text).not.toContain('[object');
  });

  it('says codes as their words, dates and numbers in the reader’s locale, free text as typed', () => {
    expect(historyValue({ root: 'L5', side: 'left' }, german)).toBe('Wurzel L5; Seite Links');
    expect(historyValue('ct', french)).toBe('TDM');
    expect(historyValue(2.5, french)).toBe('2,5');
    expect(historyValue('1958-03-12', german)).toBe('12.03.1958');
    expect(historyValue(true, german)).toBe('ja');
    expect(historyValue('Schmerz neu erhoben', german)).toBe('Schmerz neu erhoben');
    expect(historyValue({ operatorId: 'op-2', name: 'Dr. B. Amrein', meaning: 'amended' }, german)).toMatch(
      /^Dr\. B\. Amrein, (?!amended$)/,
    );
  });

  it('names a confirmed warning by its title, an unknown code as it is', () => {
    const title = warningTitle('particulate_after_unsafe_spread');
    expect(typeof title !== 'string' && translator('de')(title)).toBe(
      'partikuläres Steroid nach unsicherer Kontrastmittelverteilung',
    );
    expect(warningTitle('a_rule_of_a_later_version')).toBe('a_rule_of_a_later_version');
  });
});
