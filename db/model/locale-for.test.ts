import { describe, expect, it } from 'vitest';
import { localeFor } from './locales.js';
import { speakingLanguage } from './messages.js';

describe('the locale a text in a language writes its dates and numbers in', () => {
  it('is the department’s for the department’s language, and for its locale’s', () => {
    expect(localeFor('de', { locale: 'de-DE', language: 'de' })).toBe('de-DE');
    // A new logbook: English words in de-CH’s formats, as before the languages.
    expect(localeFor('en', { locale: 'de-CH', language: 'en' })).toBe('de-CH');
    expect(localeFor('de', { locale: 'de-CH', language: 'en' })).toBe('de-CH');
  });

  it('is the language’s own in the department’s country for another language, else its first', () => {
    expect(localeFor('it', { locale: 'de-CH', language: 'de' })).toBe('it-CH');
    expect(localeFor('fr', { locale: 'de-CH', language: 'de' })).toBe('fr-CH');
    expect(localeFor('fr', { locale: 'de-DE', language: 'de' })).toBe('fr-CH');
    expect(localeFor('en', { locale: 'de-CH', language: 'de' })).toBe('en-GB');
  });
});

describe('the language RootLog speaks for a record’s or the worklist’s language tag', () => {
  it('is the tag’s first part when RootLog speaks it, whatever its case and region', () => {
    expect(speakingLanguage('it')).toBe('it');
    expect(speakingLanguage('de-ch')).toBe('de');
    expect(speakingLanguage('FR-CH')).toBe('fr');
  });

  it('is none for a language RootLog does not speak, or no tag: the department’s is used', () => {
    expect(speakingLanguage('pt')).toBeNull();
    expect(speakingLanguage('')).toBeNull();
    expect(speakingLanguage(undefined)).toBeNull();
  });
});
