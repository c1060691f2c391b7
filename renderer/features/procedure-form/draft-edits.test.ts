import { describe, expect, it } from 'vitest';
import { emptyDraft, splitForSaving, toggle, withOtherSide, withRoot } from './draft-edits.js';

describe('entry form edits', () => {
  it('fills the foramen from the root', () => {
    expect(withRoot({ spread: [] }, 'L4')).toMatchObject({ root: 'L4', foramen: 'L4/L5' });
    expect(withRoot({ spread: [] }, 'S1')).toMatchObject({ root: 'S1', foramen: 'S1' });
  });

  it('adds the other side of the same root for a bilateral case', () => {
    const targets = withOtherSide([{ root: 'L5', side: 'left', foramen: 'L5/S1', spread: ['perineural'] }], 0);
    expect(targets).toEqual([
      { root: 'L5', side: 'left', foramen: 'L5/S1', spread: ['perineural'] },
      { root: 'L5', side: 'right', foramen: 'L5/S1', approach: undefined, spread: [] },
    ]);
  });

  it('toggles a value in a list', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('saves everything but the invalid fields, and names them', () => {
    const draft = {
      ...emptyDraft('op'),
      patientId: 'P1',
      painPre: 14,
      targets: [{ root: 'L5' as const, needleLengthMm: 10, spread: [] }],
    };
    const { saveable, problems } = splitForSaving(draft);
    expect(problems.map((p) => p.field).sort()).toEqual(['painPre', 'targets[0].needleLengthMm']);
    expect(saveable.painPre).toBeUndefined();
    expect(saveable.patientId).toBe('P1');
    expect(saveable.targets?.[0]).toEqual({ root: 'L5', spread: [] });
  });
});
