import { expect, it } from 'vitest';
import { translator } from './i18n/translator.js';
import { DEFAULT_REPORT_TEMPLATE, inEnglish, say } from './model/index.js';
import { getSettings, updateSettings } from './settings.js';
import { context, tempStore } from './testing/fixtures.js';

it('a report template stored as a number is read as the shipped one, with the problem said, until one is saved', () => {
  const { store } = tempStore();
  store.writer.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('reportTemplate', '42')").run();
  const read = getSettings(store);
  expect(read.reportTemplate).toBe(DEFAULT_REPORT_TEMPLATE);
  // Kept as words, said in the reader's language by the window (its English for the logs).
  const problem = read.reportTemplateProblem;
  if (!problem) throw new Error('no problem said');
  expect(inEnglish(problem)).toContain('is a number, not text');
  expect(say(problem, translator('de'), 'de')).toContain('ist eine Zahl, kein Text');
  updateSettings(store, { reportTemplate: '## Befund\n{procedure}' }, context);
  const saved = getSettings(store);
  expect(saved.reportTemplate).toBe('## Befund\n{procedure}');
  expect(saved).not.toHaveProperty('reportTemplateProblem');
  store.close();
});
