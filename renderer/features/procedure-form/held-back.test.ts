import { describe, expect, it } from 'vitest';
import { fakeStorage } from '../../testing/fake-window.js';
import { checkDraft, emptyDraft } from './draft-edits.js';
import { heldBackOf, keepAside, keptAside, withHeldBack } from './held-back.js';

/* What is held back goes back exactly where it was, list items included. */

const now = new Date('2026-03-14T10:00:00+01:00');

describe('values held back', () => {
  it('go back where they were: a property, a list item’s field, a whole list item', () => {
    const draft = {
      ...emptyDraft('op-1', now),
      notes: 'x'.repeat(6000),
      targets: [
        { root: 'L4' as const, side: 'left' as const, spread: [], needleLengthMm: 900 },
        { root: 'L5' as const, side: 'left' as const, spread: [] },
      ],
      drugs: [
        { drug: 'dexamethasone', doseMg: 8, site: 0 },
        { drug: 'lidocaine', doseMg: -3, site: 1 },
      ],
    };
    const checked = checkDraft(draft, now);
    expect(checked.problems.map((problem) => problem.field).sort()).toEqual([
      'drugs[1].doseMg',
      'notes',
      'targets[0].needleLengthMm',
    ]);
    const storage = fakeStorage();
    keepAside(storage, 'R1', heldBackOf(draft, checked, { birthDate: { text: '12.03.19', message: 'incomplete' } }));
    const kept = keptAside(storage, 'R1');
    expect(withHeldBack(checked.saveable, kept)).toEqual(draft);
    expect(kept.texts.birthDate?.text).toBe('12.03.19');
  });

  it('are forgotten when nothing is held back, and unreadable storage gives nothing', () => {
    const storage = fakeStorage();
    keepAside(storage, 'R2', { values: [{ field: 'notes', value: 'x' }], texts: {}, refused: {} });
    keepAside(storage, 'R2', { values: [], texts: {}, refused: {} });
    expect(storage.items.size).toBe(0);
    storage.setItem('rootlog.heldBack.R3', '{not json');
    expect(keptAside(storage, 'R3')).toEqual({ values: [], texts: {}, refused: {} });
  });
});
