import { declareMessages } from '../../../db/model/index.js';

/* The words of the settings screens, as messages to translate (db/i18n/catalogues/). */

export const DEPARTMENT_LANGUAGE_MESSAGES = declareMessages('settings.department', {
  language: [
    'Department’s language',
    'Settings → Department: the language of the screens (unless an operator chose another) and of a patient’s sheet (unless the record says).',
  ],
  reportLanguage: [
    'Report language',
    'Settings → Department: the language the procedure report is written in for the RIS.',
  ],
});
