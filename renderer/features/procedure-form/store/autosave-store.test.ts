import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formUnderTest, savedAs } from '../../../testing/form-under-test.js';
import { AUTOSAVE_MS } from '../form-store.js';

/*
 * The form's autosave against a fake main process: whatever is typed reaches saveDraft, in
 * order, even while an earlier save is still on its way or after one was refused; a refusal
 * keeps the typed text in the form and says why; an answer about a record no longer on screen
 * never lands on the one that is.
 */

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

type Sent = { id?: unknown; notes?: unknown };

describe('the form’s autosave', () => {
  it('saves what is typed while a save is on its way right after it, with the same record id', async () => {
    let answerFirst: (value: unknown) => void = () => {};
    const sent: Sent[] = [];
    const { form, storage } = formUnderTest({
      'procedures.saveDraft': ([draft]) => {
        const { id, notes } = draft as Sent;
        sent.push({ id, notes });
        if (sent.length === 1) return new Promise((resolve) => (answerFirst = resolve));
        return savedAs('R1');
      },
    });
    const type = (notes: string) => form.getState().update((draft) => ({ ...draft, notes }));
    form.getState().startNew();
    type('Tolerated');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(sent).toEqual([{ id: null, notes: 'Tolerated' }]);
    expect(form.getState().saveState).toBe('saving');

    type('Tolerated well');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    // The second save waits for the first: never two at once, never the older text last.
    expect(sent).toHaveLength(1);
    answerFirst(savedAs('R1'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    await form.getState().flush();
    expect(sent).toEqual([
      { id: null, notes: 'Tolerated' },
      { id: 'R1', notes: 'Tolerated well' },
    ]);
    expect(form.getState()).toMatchObject({ id: 'R1', saveState: 'saved', draft: { notes: 'Tolerated well' } });
    expect(storage.items.get('rootlog.openDraft')).toBe('R1');
  });

  it('keeps the typed text when a save is refused, says why, and saves it with the next edit', async () => {
    let refuse = true;
    const { form, callsOf } = formUnderTest({
      'procedures.saveDraft': () =>
        refuse
          ? { error: { code: 'database_damaged', message: 'The logbook is read-only: its file is damaged.' } }
          : savedAs('R2'),
    });
    const type = (notes: string) => form.getState().update((draft) => ({ ...draft, notes }));
    form.getState().startNew();
    type('Vasovagal, recovered');
    await form.getState().flush();
    expect(form.getState()).toMatchObject({
      saveState: 'error',
      saveMessage: 'The logbook is read-only: its file is damaged.',
      draft: { notes: 'Vasovagal, recovered' },
    });
    refuse = false;
    type('Vasovagal, recovered after 5 min');
    await form.getState().flush();
    expect(callsOf('procedures.saveDraft').map(([draft]) => (draft as Sent).notes)).toEqual([
      'Vasovagal, recovered',
      'Vasovagal, recovered after 5 min',
    ]);
    expect(form.getState()).toMatchObject({ id: 'R2', saveState: 'saved' });
  });

  it('saves the values that keep their rules, marks the rest, and never calls a partial save "saved"', async () => {
    const { form, callsOf } = formUnderTest({ 'procedures.saveDraft': () => savedAs('R3') });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, notes: 'ok', painPre: 12 }));
    await form.getState().flush();
    const [sent] = callsOf('procedures.saveDraft')[0] as [Record<string, unknown>];
    expect(sent).toMatchObject({ notes: 'ok' });
    expect(sent).not.toHaveProperty('painPre');
    expect(form.getState()).toMatchObject({ saveState: 'partial', draft: { painPre: 12 } });
    expect(form.getState().problems.painPre).toBeTruthy();
  });

  it('lets an answer about the record before never land on the new one', async () => {
    let answer: (value: unknown) => void = () => {};
    const { form } = formUnderTest({
      'procedures.saveDraft': () => new Promise((resolve) => (answer = resolve)),
    });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, patientId: 'OLD-1' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    form.getState().startNew();
    answer(savedAs('R-OLD', { patientId: 'OLD-1' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(form.getState()).toMatchObject({ id: null, record: null, saveState: 'new' });
  });
});
