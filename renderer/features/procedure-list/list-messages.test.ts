import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { EARLIER_DRAFTS_MESSAGES as M } from './list-messages.js';

describe('the earlier days’ drafts are counted through the catalogue’s plural forms', () => {
  it('one draft, 2 drafts, and more', () => {
    const english = translator('en');
    expect(english(M.title, { count: 1 })).toBe('1 unsigned draft from earlier days');
    expect(english(M.title, { count: 2 })).toBe('2 unsigned drafts from earlier days');
    expect(english(M.titleMore, { count: 20 })).toBe('20+ unsigned drafts from earlier days');
    expect(translator('de')(M.title, { count: 1 })).toBe('1 nicht unterzeichneter Entwurf von früheren Tagen');
    expect(translator('fr')(M.title, { count: 2 })).toBe('2 brouillons non signés des jours précédents');
  });
});
