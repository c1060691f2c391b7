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

const F = 'Export screen, the form';
export const EXPORT_FORM_MESSAGES = declareMessages('export.form', {
  title: ['Export', `${F}: the heading.`],
  options: ['Export options', `${F}: the accessible name of the form.`],
  format: ['Format', `${F}: the choice of file format.`],
  csvHint: ['one row per target; opens in Excel, LibreOffice, R, pandas', `${F}: after "CSV".`],
  xlsxLabel: ['Excel (XLSX)', `${F}: a format.`],
  xlsxHint: ['sheets for procedures, targets, drugs, complications, follow-ups, dictionary', `${F}: after "Excel".`],
  jsonHint: ['lossless with history; merges into another console', `${F}: after "JSON".`],
  fhirHint: ['a Bundle for other clinical systems', `${F}: after "FHIR R4".`],
  from: ['From', `${F}: the first date of the export.`],
  to: ['To', `${F}: the last date of the export.`],
  operator: ['Operator', `${F}: the operator whose procedures are exported.`],
  allOperators: ['All operators', `${F}: no operator chosen.`],
  includeDrafts: ['Include drafts (otherwise signed records only)', `${F}: a switch.`],
  pseudonymize: [
    'Pseudonymise: keyed hashes for patient, accession and record, no names, free text or lot numbers, age instead of birth date, no clock times',
    `${F}: a switch.`,
  ],
  datePrecision: ['Dates in the pseudonymised file', `${F}: a choice.`],
  toTheDay: ['To the day (within the department)', `${F}: a date precision.`],
  toTheMonth: ['To the month only (for sharing outside)', `${F}: a date precision.`],
  european: ['For spreadsheets in European locales (semicolons, decimal commas, BOM)', `${F}: a switch (CSV).`],
  detailFiles: ['Also one file per drug and per complication', `${F}: a switch (CSV).`],
  export: ['Export…', `${F}: the button; a save dialog follows.`],
  cancel: ['Cancel export', `${F}: a button while an export runs.`],
});
