import { describe, expect, it } from 'vitest';
import { formUnderTest } from '../../../testing/form-under-test.js';

/* Undo puts back exactly what a removal took: the drug and every other part of the draft as it was. */

describe('undoing a removal', () => {
  it('puts a removed drug back, names it, and undoes once', () => {
    const { form } = formUnderTest();
    form.getState().startNew();
    form.getState().update((draft) => ({
      ...draft,
      drugs: [
        { drug: 'dexamethasone', doseMg: 8, site: 0 },
        { drug: 'ropivacaine', concentrationMgPerMl: 2, volumeMl: 2, site: 0 },
      ],
    }));
    const before = form.getState().draft;
    form.getState().removeDrug(1);
    expect(form.getState().draft.drugs).toHaveLength(1);
    expect(form.getState().removal?.label).toBe('Drug 2 (Ropivacaine)');
    expect(form.getState().undoRemoval()).toBe(true);
    expect(form.getState().draft).toEqual(before);
    expect(form.getState().undoRemoval()).toBe(false);
  });

  it('puts a removed target back with its drugs’ sites as they were', () => {
    const { form } = formUnderTest();
    form.getState().startNew();
    form.getState().update((draft) => ({
      ...draft,
      targets: [
        { root: 'L4', side: 'left', spread: [] },
        { root: 'L5', side: 'left', spread: [] },
      ],
      drugs: [{ drug: 'triamcinolone', doseMg: 40, site: 1 }],
    }));
    form.getState().removeTarget(0, 'remove');
    expect(form.getState().draft.drugs?.[0]?.site).toBe(0);
    form.getState().undoRemoval();
    expect(form.getState().draft.drugs?.[0]?.site).toBe(1);
    expect(form.getState().draft.targets).toHaveLength(2);
  });
});
