import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { completeDraft } from '../testing/fixtures.js';
import { DEFAULT_DRUG_CATALOGUE } from './catalogue.js';
import { summarySections } from './fields/index.js';
import { procedureDraftSchema } from './procedure.js';
import { STARTING_REFERENCE_LEVELS } from './reference-levels.js';
import { signingProblems } from './signing.js';
import { durationWords, tableTime, tableTimeWarnings } from './table-time.js';
import { warnings } from './warnings.js';

const OPERATOR = 'op-1';
const settings = { referenceLevels: STARTING_REFERENCE_LEVELS, drugCatalogue: DEFAULT_DRUG_CATALOGUE };
const draft = (overrides: Parameters<typeof completeDraft>[1] = {}) =>
  procedureDraftSchema.parse(completeDraft(OPERATOR, overrides));
const codesOf = (overrides: Parameters<typeof completeDraft>[1]) =>
  warnings(draft(overrides), settings).map((w) => w.code);

describe('the table time', () => {
  it('a case from 23:50 to 00:10 ended the next day: 20 minutes, signed without a question', () => {
    expect(tableTime('23:50', '00:10')).toEqual({ minutes: 20, nextDay: true });
    expect(tableTime('09:30', '09:45')).toEqual({ minutes: 15, nextDay: false });
    expect(tableTime('09:30', null)).toBeNull();
    const acrossMidnight = draft({ performedAt: '2026-03-14T23:55:00+01:00', startedAt: '23:50', endedAt: '00:10' });
    expect(
      signingProblems(acrossMidnight, { operatorIds: new Set([OPERATOR]), drugCatalogue: DEFAULT_DRUG_CATALOGUE }),
    ).toEqual([]);
    expect(warnings(acrossMidnight, settings)).toEqual([]);
  });

  it('says "next day" wherever the times are written', () => {
    const context = {
      t: translator('en'),
      language: 'en' as const,
      drugName: String,
      operatorName: String,
      targetName: String,
      locale: 'de-CH',
    };
    const lines = summarySections(
      draft({ performedAt: '2026-03-14T23:55:00+01:00', startedAt: '23:50', endedAt: '00:10' }),
      context,
    );
    expect(JSON.stringify(lines)).toContain('23:50–00:10 (next day)');
  });

  it('asks about a table time longer than any such procedure, at End', () => {
    const found = tableTimeWarnings({ startedAt: '09:30', endedAt: '19:45', performedAt: '2026-03-14T09:30:00+01:00' });
    expect(found.map((w) => [w.code, w.field])).toEqual([['table_time_implausible', 'endedAt']]);
    expect(found[0]?.message).toBe('From 09:30–19:45 is 10 h 15 min on the table: check the start and end times.');
    expect(durationWords(65)).toBe('1 h 5 min');
  });

  it('asks when Performed lies outside start and end (its slack either side allowed), at Performed', () => {
    expect(codesOf({ performedAt: '2026-03-14T09:20:00+01:00', startedAt: '09:30', endedAt: '09:45' })).toEqual([]);
    expect(codesOf({ performedAt: '2026-03-14T10:00:00+01:00', startedAt: '09:30', endedAt: '09:45' })).toEqual([]);
    const late = warnings(
      draft({ performedAt: '2026-03-14T14:30:00+01:00', startedAt: '09:30', endedAt: '09:45' }),
      settings,
    );
    expect(late.map((w) => [w.code, w.field])).toEqual([['performed_outside_table_time', 'performedAt']]);
    expect(late[0]?.message).toBe(
      'Performed at 14:30 is outside the table time (09:30–09:45): check Performed, Start and End.',
    );
    // Across midnight, Performed after midnight is inside the table time.
    expect(codesOf({ performedAt: '2026-03-15T00:05:00+01:00', startedAt: '23:50', endedAt: '00:10' })).toEqual([]);
    expect(codesOf({ performedAt: '2026-03-14T12:00:00+01:00', startedAt: '23:50', endedAt: '00:10' })).toEqual([
      'performed_outside_table_time',
    ]);
  });
});
