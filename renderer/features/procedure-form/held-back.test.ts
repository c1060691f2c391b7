import { describe, expect, it } from 'vitest';
import { asItIs, fieldProblemOf, PROBLEM_MESSAGES, problem, type Said } from '../../../db/model/index.js';
import { fakeStorage } from '../../testing/fake-window.js';
import { checkDraft, emptyDraft } from './draft-edits.js';
import { heldBackOf, keepAside, keptAside, refusalsOf, withHeldBack } from './held-back.js';

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

describe('a refusal held back with its value', () => {
  const draft = { ...emptyDraft('op-1', now), weightKg: 412 };
  const words = problem('weightKg', PROBLEM_MESSAGES.fieldRule, { rule: 'must be 400 or less' }).words;

  it('keeps its words across a reload, so it is said again in the reader’s language', () => {
    const storage = fakeStorage();
    const refusals = { weightKg: { value: 412, message: 'Weight must be 400 or less', words } };
    keepAside(
      storage,
      'R4',
      heldBackOf(draft, { ...checkDraft(draft, now), problems: [problem('weightKg', words)] }, {}, refusals),
    );
    const again = refusalsOf(draft, keptAside(storage, 'R4'));
    expect(again.weightKg).toEqual({ value: 412, message: 'Weight must be 400 or less', words });
    expect(fieldProblemOf('weightKg', again.weightKg as Said).words.message.id).toBe(PROBLEM_MESSAGES.fieldRule.id);
  });

  it('kept by an earlier RootLog as English only, is said as it was written', () => {
    const storage = fakeStorage();
    storage.setItem(
      'rootlog.heldBack.R5',
      JSON.stringify({
        values: [{ field: 'weightKg', value: 412 }],
        texts: {},
        refused: { weightKg: 'Weight is too high' },
      }),
    );
    const again = refusalsOf(draft, keptAside(storage, 'R5'));
    expect(again.weightKg).toEqual({ value: 412, message: 'Weight is too high' });
    const said = fieldProblemOf('weightKg', again.weightKg as Said);
    expect(said.words).toEqual(asItIs('Weight is too high'));
  });
});
