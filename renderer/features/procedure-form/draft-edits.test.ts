import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drugsAtTarget,
  emptyDraft,
  hasOtherSide,
  splitForSaving,
  toggle,
  withOtherSide,
  withoutTarget,
  withRoot,
} from './draft-edits.js';

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

  it('never adds the other side twice', () => {
    const once = withOtherSide([{ root: 'L4', side: 'left', foramen: 'L4/L5', spread: [] }], 0);
    expect(withOtherSide(once, 0)).toEqual(once);
    expect(hasOtherSide(once, 0)).toBe(true);
    expect(hasOtherSide(once.slice(0, 1), 0)).toBe(false);
  });

  it('removes the invalid third and eleventh targets themselves, not their neighbours (numeric order)', () => {
    const targets = Array.from({ length: 11 }, (_, index) =>
      index === 2 || index === 10
        ? null
        : { root: 'L5' as const, side: 'left' as const, needleRepositionings: index, spread: [] },
    ) as unknown as NonNullable<Parameters<typeof splitForSaving>[0]['targets']>;
    const { saveable, problems } = splitForSaving({ ...emptyDraft('op'), targets });
    expect(problems.map((p) => p.field).sort()).toEqual(['targets[10]', 'targets[2]']);
    expect(saveable.targets?.map((target) => target.needleRepositionings)).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('removing a target keeps every other drug on its own root, and asks about its own', () => {
    const draft = {
      ...emptyDraft('op'),
      targets: [
        { root: 'L4' as const, side: 'left' as const, spread: [] },
        { root: 'L5' as const, side: 'left' as const, spread: [] },
        { root: 'S1' as const, side: 'left' as const, spread: [] },
      ],
      drugs: [
        { drug: 'dexamethasone', doseMg: 8, site: 0 },
        { drug: 'triamcinolone', doseMg: 40, site: 1 },
        { drug: 'ropivacaine', doseMg: 4, site: 2 },
        { drug: 'lidocaine', doseMg: 20, site: 'caudal' as const },
      ],
    };
    expect(drugsAtTarget(draft, 0)).toBe(1);
    const removed = withoutTarget(draft, 0, 'remove');
    expect(removed.targets?.map((t) => t.root)).toEqual(['L5', 'S1']);
    expect(removed.drugs?.map((d) => [d.drug, d.site])).toEqual([
      ['triamcinolone', 0],
      ['ropivacaine', 1],
      ['lidocaine', 'caudal'],
    ]);
    const unassigned = withoutTarget(draft, 0, 'unassign');
    expect(unassigned.drugs?.map((d) => [d.drug, d.site])).toEqual([
      ['dexamethasone', undefined],
      ['triamcinolone', 0],
      ['ropivacaine', 1],
      ['lidocaine', 'caudal'],
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

describe('a drug stays with its target whatever is removed', () => {
  it('property: after removing any target, every kept drug is at the very target it was at before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((count) =>
          fc.record({
            count: fc.constant(count),
            sites: fc.array(fc.oneof(fc.integer({ min: 0, max: count - 1 }), fc.constant('caudal' as const)), {
              maxLength: 20,
            }),
            removed: fc.integer({ min: 0, max: count - 1 }),
            choice: fc.constantFrom('remove' as const, 'unassign' as const),
          }),
        ),
        ({ count, sites, removed, choice }) => {
          // Each target is told apart by its needle length: its identity for this test.
          const targets = Array.from({ length: count }, (_, index) => ({ spread: [], needleLengthMm: 50 + index }));
          const draft = {
            targets,
            drugs: sites.map((site, index) => ({ drug: 'lidocaine', volumeMl: index + 1, site })),
          };
          const after = withoutTarget(draft, removed, choice);
          const identity = (d: typeof draft, site: unknown) =>
            typeof site === 'number' ? d.targets?.[site]?.needleLengthMm : site;
          for (const drug of after.drugs ?? []) {
            const before = draft.drugs.find((original) => original.volumeMl === drug.volumeMl);
            if (before?.site === removed) expect(drug.site).toBeUndefined();
            else expect(identity(after as typeof draft, drug.site)).toBe(identity(draft, before?.site));
          }
          const atRemoved = sites.filter((site) => site === removed).length;
          expect(after.drugs).toHaveLength(sites.length - (choice === 'remove' ? atRemoved : 0));
        },
      ),
    );
  });
});
