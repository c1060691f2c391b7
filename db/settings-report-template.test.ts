import { expect, it } from 'vitest';
import { DEFAULT_REPORT_TEMPLATE } from './model/index.js';
import { getSettings, updateSettings } from './settings.js';
import { context, tempStore } from './testing/fixtures.js';

it('a report template stored as a number is read as the shipped one, with the problem said, until one is saved', () => {
  const { store } = tempStore();
  store.writer.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('reportTemplate', '42')").run();
  expect(getSettings(store)).toMatchObject({
    reportTemplate: DEFAULT_REPORT_TEMPLATE,
    reportTemplateProblem: expect.stringContaining('is a number, not text'),
  });
  updateSettings(store, { reportTemplate: '## Befund\n{procedure}' }, context);
  const saved = getSettings(store);
  expect(saved.reportTemplate).toBe('## Befund\n{procedure}');
  expect(saved).not.toHaveProperty('reportTemplateProblem');
  store.close();
});
