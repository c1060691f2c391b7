import { describe, expect, it } from 'vitest';
import { counted, plural } from './plural.js';
import { describeLevel, STARTING_REFERENCE_LEVELS } from './reference-levels.js';

describe('a count in words', () => {
  it('is singular for one, plural otherwise, by English’s plural rule', () => {
    expect(counted(1, 'procedure')).toBe('1 procedure');
    expect(counted(0, 'procedure')).toBe('0 procedures');
    expect(counted(2, 'field')).toBe('2 fields');
    expect(counted(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(1, { one: '# field needs', other: '# fields need' })).toBe('1 field needs');
    expect(plural(2, { one: 'confirm the warning above', other: 'confirm the # warnings above' })).toBe(
      'confirm the 2 warnings above',
    );
  });

  it('reads right wherever a count is written: a level adopted from one case', () => {
    const [starting] = STARTING_REFERENCE_LEVELS.levels;
    if (!starting) throw new Error('no starting level');
    const adopted = {
      ...starting,
      origin: 'adopted' as const,
      basis: { from: '2026-01-01', to: '2026-03-31', cases: 1 },
    };
    expect(describeLevel(adopted)).toContain('75th percentile of 1 case, 2026-01-01 to 2026-03-31');
  });
});
