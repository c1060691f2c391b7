import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { completeDraft } from '../testing/fixtures.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import { procedureDraftSchema } from './procedure.js';
import { DEFAULT_REPORT_TEMPLATE, procedureReport, readReportTemplate } from './report.js';
import { inEnglish } from './words.js';

const catalogue = new Map(DEFAULT_DRUG_CATALOGUE.map((drug) => [drug.code, drug]));
const context = {
  operatorName: 'Dr. A. Keller',
  drug: (code: string) => catalogue.get(code),
  speaking: { t: translator('en'), language: 'en' as const },
};
const record = procedureDraftSchema.parse(completeDraft('op'));

/* A template that is not text (stored behind the app's back) never breaks a report. */
describe('a stored report template of the wrong type', () => {
  for (const [stored, words] of [
    [42, 'a number'],
    [['## Procedure', '{procedure}'], 'a list'],
    [{ template: '{procedure}' }, 'a set of values'],
    [true, 'true or false'],
  ] as const) {
    it(`${JSON.stringify(stored)}: the report is written with the shipped template, and the problem said`, () => {
      expect(procedureReport(record, context, stored)).toBe(procedureReport(record, context, DEFAULT_REPORT_TEMPLATE));
      const read = readReportTemplate(stored);
      expect(read.template).toBe(DEFAULT_REPORT_TEMPLATE);
      // The problem is words (said in the reader's language); its English is this.
      expect(read.problem && inEnglish(read.problem)).toBe(
        `The report template stored in this logbook is ${words}, not text: reports are written with the shipped template until a template is saved in Settings.`,
      );
    });
  }

  it('text is taken as it is, and none stored is the shipped template', () => {
    expect(readReportTemplate('## Befund\n{procedure}')).toEqual({ template: '## Befund\n{procedure}', problem: null });
    expect(readReportTemplate(undefined)).toEqual({ template: DEFAULT_REPORT_TEMPLATE, problem: null });
  });
});
