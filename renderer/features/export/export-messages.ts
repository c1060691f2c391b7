import { declareMessages } from '../../../db/model/index.js';

/* The export screen's words, as messages to translate (db/i18n/catalogues/). */
const E = 'Export screen, the progress of an export';
export const EXPORT_PROGRESS_MESSAGES = declareMessages('export.progress', {
  label: ['Export progress', `${E}: the accessible name of the progress bar.`],
  running: ['Exporting… {done} of {total, plural, one {# procedure} other {# procedures}}', `${E}: while it runs.`],
  done: ['Exported {count, plural, one {# procedure} other {# procedures}}.', `${E}: when it is done.`],
  cancelled: ['Export cancelled; no file was written.', `${E}.`],
  failed: ['Export failed: {reason}', `${E}: {reason} says why, in words.`],
});
