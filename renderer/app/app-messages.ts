import { declareMessages } from '../../db/model/index.js';

/* The shell's words: the top bar and the start, as messages to translate (db/i18n/catalogues/). */
export const APP_MESSAGES = declareMessages('app', {
  mainNavigation: ['Main', 'Top bar: the accessible name of the main navigation.'],
  procedures: ['Procedures', 'Top bar: the list of procedures.'],
  newProcedure: ['New procedure', 'Top bar: start logging a new procedure.'],
  followUps: ['Follow-ups', 'Top bar: the follow-ups due.'],
  dashboard: ['Dashboard', 'Top bar: the quality dashboard.'],
  export: ['Export', 'Top bar: exports (CSV, XLSX, FHIR).'],
  settings: ['Settings', 'Top bar.'],
  lock: ['Lock', 'Top bar: lock the console (Ctrl+L); an operator’s PIN opens it again.'],
  lightTheme: ['Light theme', 'Top bar: switch to the light colours.'],
  darkTheme: ['Dark theme', 'Top bar: switch to the dark colours.'],
  couldNotStart: ['RootLog could not start', 'A heading when the app fails to start.'],
  loading: ['Loading…', 'While the app starts.'],
});

/** Shared by every filter of a list, of the follow-ups and of the dashboard. */
export const FILTER_MESSAGES = declareMessages('app.filter', {
  all: ['All', 'A filter (list, dashboard, follow-ups): no choice, everything shown.'],
});
