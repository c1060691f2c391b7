import { describe, expect, it } from 'vitest';
import { levelFor, referenceLevelsFromStored, STARTING_REFERENCE_LEVELS } from './reference-levels.js';

/*
 * How the stored setting is read at every save: nothing stored means the starting levels; a
 * logbook from before schema 9 keeps its two figures; a damaged value never invents levels.
 */
describe('referenceLevelsFromStored', () => {
  it('reads nothing stored as the starting levels', () => {
    expect(referenceLevelsFromStored(undefined)).toEqual(STARTING_REFERENCE_LEVELS);
    expect(referenceLevelsFromStored(null)).toEqual(STARTING_REFERENCE_LEVELS);
  });

  it('keeps the levels a department set', () => {
    const own = {
      levels: STARTING_REFERENCE_LEVELS.levels.map((level) => ({ ...level, value: level.value + 1, origin: 'set' })),
    };
    expect(referenceLevelsFromStored(own)).toEqual(own);
  });

  it('reads the two figures of a logbook from before schema 9, marking the changed ones as set', () => {
    const read = referenceLevelsFromStored({ ctDlpMGyCm: 350, fluoroTimeS: 60 });
    const dlp = levelFor(read, 'ct', 'single_level', 'dlpMGyCm');
    expect(dlp).toMatchObject({ value: 350, origin: 'set' });
    expect(levelFor(read, 'fluoroscopy', 'single_level', 'fluoroTimeS')).toMatchObject({
      value: 60,
      origin: 'starting',
    });
  });

  it('falls back to the starting levels for a value it cannot read', () => {
    expect(referenceLevelsFromStored({ levels: 'many' })).toEqual(STARTING_REFERENCE_LEVELS);
    expect(referenceLevelsFromStored({ ctDlpMGyCm: -1, fluoroTimeS: 60 })).toEqual(STARTING_REFERENCE_LEVELS);
  });
});
