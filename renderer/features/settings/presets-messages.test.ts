import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { PRESETS_PANEL_MESSAGES as M } from './settings-messages.js';

describe('a suggested preset counts its procedures through the catalogue’s plural forms', () => {
  it('one procedure, 2 procedures, in each language', () => {
    const said = (language: 'en' | 'de' | 'fr' | 'it', count: number) =>
      translator(language)(M.suggestion, { description: 'L5 left', count });
    expect(said('en', 1)).toBe('L5 left (1 procedure)');
    expect(said('en', 2)).toBe('L5 left (2 procedures)');
    expect(said('de', 2)).toBe('L5 left (2 Eingriffe)');
    expect(said('fr', 1)).toBe('L5 left (1 intervention)');
    expect(said('it', 3)).toBe('L5 left (3 procedure)');
  });
});
