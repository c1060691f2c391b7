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

const P = 'Settings → Presets';
export const PRESETS_PANEL_MESSAGES = declareMessages('settings.presets', {
  title: ['Presets', `${P}: the heading.`],
  hint: [
    'A preset fills the plan of a usual case — targets, modality, caudal injection, drugs and doses — with one key at the console (Alt+1 … Alt+9); what is seen and asked (spread, consent, pain) is always entered.',
    `${P}: the explanation under the heading.`,
  ],
  none: ['No presets yet.', `${P}: an empty list.`],
  removed: ['Preset {name} removed.', `${P}: after removing one; {name} is the preset's name.`],
  remove: ['Remove {name}', `${P}: a button; {name} is the preset's name.`],
  mostUsed: ['The department’s most used plans (last 12 months)', `${P}: a heading.`],
  nothingToLearn: ['No signed procedures in the last twelve months to learn from.', `${P}: no suggestions.`],
  suggestion: [
    '{description} ({count, plural, one {# procedure} other {# procedures}})',
    `${P}: a suggested plan and how many signed procedures followed it; {description} is the plan in words.`,
  ],
  added: ['Preset added: Alt+{key}.', `${P}: after adding one; {key} is its number, 1 to 9.`],
  taken: ['Added', `${P}: the button of a suggestion already a preset.`],
  add: ['Add as preset', `${P}: a button.`],
});
