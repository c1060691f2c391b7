import { describe, expect, it } from 'vitest';
import { languageAsked, operatorAtConsole, screenLanguage } from './i18n.js';

describe('the screens’ language', () => {
  const settings = { defaultOperatorId: 'op-1', operatorLanguages: { 'op-1': 'fr' as const }, language: 'de' as const };

  it('is the operator’s own choice, remembered per operator', () => {
    expect(screenLanguage(settings)).toBe('fr');
  });

  it('is the choice of the operator whose PIN opened the console, before the console’s default operator’s', () => {
    const two = { ...settings, operatorLanguages: { 'op-1': 'fr' as const, 'op-2': 'it' as const } };
    expect(screenLanguage(two, 'op-2')).toBe('it');
    expect(screenLanguage(two, 'op-3')).toBe('de');
    // Settings → Language opens on the same operator.
    expect(operatorAtConsole(two, 'op-2')).toBe('op-2');
    expect(operatorAtConsole(two, null)).toBe('op-1');
  });

  it('defaults to the department’s for an operator without a choice, and English before settings load', () => {
    expect(screenLanguage({ ...settings, defaultOperatorId: 'op-2' })).toBe('de');
    expect(screenLanguage({ ...settings, defaultOperatorId: null })).toBe('de');
    expect(screenLanguage(null)).toBe('en');
  });

  it('a window opened with ?language= speaks it (the pseudo-language of the overflow checks too); anything else is ignored', () => {
    expect(languageAsked('?language=pseudo')).toBe('pseudo');
    expect(languageAsked('?language=it')).toBe('it');
    expect(languageAsked('?language=xx')).toBeNull();
    expect(languageAsked('')).toBeNull();
  });
});
