import { formatter } from '@lingui/format-po';

/*
 * Lingui reads the catalogues (one PO file per language, db/i18n/catalogues/) and compiles
 * each into db/i18n/catalogues/<language>.ts, which the app imports. The English catalogue
 * is written from the declarations by build/i18n.mjs; the others are translated by hand.
 * `lingui compile --strict` (run by the build, the type check and the tests) fails on a
 * message a language lacks and on a translation that is not valid ICU.
 */
export default {
  locales: ['en', 'de', 'fr', 'it'],
  sourceLocale: 'en',
  catalogs: [{ path: '<rootDir>/db/i18n/catalogues/{locale}', include: [] }],
  format: formatter({ explicitIdAsDefault: true, origins: false, lineNumbers: false }),
  compileNamespace: 'ts',
};
