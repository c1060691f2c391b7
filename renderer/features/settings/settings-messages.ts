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

export const LANGUAGE_PANEL_MESSAGES = declareMessages('settings.language', {
  title: ['Language', 'Settings → Language: the heading.'],
  hint: [
    'Each operator reads the screens in their own language, remembered for them; without a choice, the department’s ({language}).',
    'Settings → Language: {language} is the department’s language, e.g. "Deutsch".',
  ],
  operator: ['Operator', 'Settings → Language: whose language is chosen.'],
  language: ['Screens in', 'Settings → Language: the language chooser.'],
  departments: ['The department’s ({language})', 'Settings → Language: no choice of one’s own.'],
});
