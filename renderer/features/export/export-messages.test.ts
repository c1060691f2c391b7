import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { EXPORT_FORM_MESSAGES as F, EXPORT_PROGRESS_MESSAGES as M } from './export-messages.js';

describe('the export’s progress counts its procedures through the catalogue’s plural forms', () => {
  it('one procedure, 2 procedures', () => {
    const english = translator('en');
    expect(english(M.done, { count: 1 })).toBe('Exported 1 procedure.');
    expect(english(M.done, { count: 2 })).toBe('Exported 2 procedures.');
    expect(english(M.running, { done: 1, total: 40 })).toBe('Exporting… 1 of 40 procedures');
    expect(translator('de')(M.done, { count: 1 })).toBe('1 Eingriff exportiert.');
    expect(translator('it')(M.done, { count: 2 })).toBe('2 procedure esportate.');
  });
});

describe('the export screen’s form in the operator’s language', () => {
  it('says its choices in German, French and Italian, the English as before', () => {
    expect(translator('en')(F.includeDrafts)).toBe('Include drafts (otherwise signed records only)');
    expect(translator('de')(F.includeDrafts)).toBe('Entwürfe einschliessen (sonst nur unterzeichnete Einträge)');
    expect(translator('fr')(F.allOperators)).toBe('Tous les opérateurs');
    expect(translator('it')(F.export)).toBe('Esportare…');
  });
});
