import { declareMessages } from '../../../db/model/index.js';

/* The procedure list's words, as messages to translate (db/i18n/catalogues/). */
const D = 'Start screen, the unsigned drafts of earlier days';
export const EARLIER_DRAFTS_MESSAGES = declareMessages('list.earlierDrafts', {
  title: ['{count, plural, one {# unsigned draft} other {# unsigned drafts}} from earlier days', `${D}: the heading.`],
  titleMore: ['{count}+ unsigned drafts from earlier days', `${D}: the heading when there are more than {count}.`],
  hint: ['Not in the logbook’s audits until signed: open each to sign it, or delete it.', `${D}.`],
  noDate: ['No date', `${D}: a draft without its date and time.`],
  noPatientId: ['No patient ID', `${D}: a draft without a patient ID.`],
});
