import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWindow } from '../../testing/fake-window.js';
import { AUTOSAVE_MS, useProcedureForm } from './form-store.js';

/*
 * The form's autosave against a fake main process: whatever is typed reaches saveDraft, in
 * order, even while an earlier save is still on its way or after one was refused; a refusal
 * keeps the typed text in the form and says why.
 */

const stored = new Map<string, string>();
beforeEach(() => {
  vi.useFakeTimers();
  stored.clear();
  (globalThis as unknown as { localStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> }).localStorage = {
    getItem: (key) => stored.get(key) ?? null,
    setItem: (key, value) => void stored.set(key, value),
    removeItem: (key) => void stored.delete(key),
  };
  useProcedureForm.getState().startNew();
});
afterEach(() => vi.useRealTimers());

const type = (notes: string) => useProcedureForm.getState().update((draft) => ({ ...draft, notes }));
const savedRecord = (id: string) => ({ record: { id, status: 'draft' }, warnings: [] });

describe('the form’s autosave', () => {
  it('saves what is typed while a save is on its way right after it, with the same record id', async () => {
    const sent: { id: unknown; notes: unknown }[] = [];
    let answerFirst: (value: unknown) => void = () => {};
    fakeWindow({
      'procedures.saveDraft': ([draft]) => {
        const { id, notes } = draft as { id: unknown; notes: unknown };
        sent.push({ id, notes });
        if (sent.length === 1) return new Promise((resolve) => (answerFirst = resolve));
        return savedRecord('R1');
      },
    });
    type('Tolerated');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(sent).toEqual([{ id: null, notes: 'Tolerated' }]);
    expect(useProcedureForm.getState().saveState).toBe('saving');

    type('Tolerated well');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    // The second save waits for the first: never two at once, never the older text last.
    expect(sent).toHaveLength(1);
    answerFirst(savedRecord('R1'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    await useProcedureForm.getState().flush();
    expect(sent).toEqual([
      { id: null, notes: 'Tolerated' },
      { id: 'R1', notes: 'Tolerated well' },
    ]);
    expect(useProcedureForm.getState()).toMatchObject({
      id: 'R1',
      saveState: 'saved',
      draft: { notes: 'Tolerated well' },
    });
    expect(stored.get('rootlog.openDraft')).toBe('R1');
  });

  it('keeps the typed text when a save is refused, says why, and saves it with the next edit', async () => {
    let refuse = true;
    const sent: unknown[] = [];
    fakeWindow({
      'procedures.saveDraft': ([draft]) => {
        sent.push((draft as { notes?: unknown }).notes);
        return refuse
          ? { error: { code: 'database_damaged', message: 'The logbook is read-only: its file is damaged.' } }
          : savedRecord('R2');
      },
    });
    type('Vasovagal, recovered');
    await useProcedureForm.getState().flush();
    expect(useProcedureForm.getState()).toMatchObject({
      saveState: 'error',
      saveMessage: 'The logbook is read-only: its file is damaged.',
      draft: { notes: 'Vasovagal, recovered' },
    });
    refuse = false;
    type('Vasovagal, recovered after 5 min');
    await useProcedureForm.getState().flush();
    expect(sent).toEqual(['Vasovagal, recovered', 'Vasovagal, recovered after 5 min']);
    expect(useProcedureForm.getState()).toMatchObject({ id: 'R2', saveState: 'saved' });
  });

  it('saves the values that keep their rules, marks the rest, and never calls a partial save "saved"', async () => {
    const sent: Record<string, unknown>[] = [];
    fakeWindow({
      'procedures.saveDraft': ([draft]) => {
        sent.push(draft as Record<string, unknown>);
        return savedRecord('R3');
      },
    });
    useProcedureForm.getState().update((draft) => ({ ...draft, notes: 'ok', painPre: 12 }));
    await useProcedureForm.getState().flush();
    expect(sent[0]).toMatchObject({ notes: 'ok' });
    expect(sent[0]).not.toHaveProperty('painPre');
    const state = useProcedureForm.getState();
    expect(state.saveState).toBe('partial');
    expect(state.problems.painPre).toBeTruthy();
    expect(state.draft.painPre).toBe(12);
  });
});

describe('a signature asked twice in a hurry', () => {
  it('is sent once', async () => {
    (globalThis as unknown as { requestAnimationFrame: (run: () => void) => number }).requestAnimationFrame = () => 0;
    let answer: (value: unknown) => void = () => {};
    const { calls } = fakeWindow({
      'procedures.sign': () => new Promise((resolve) => (answer = resolve)),
      'procedures.get': () => ({
        record: { ...useProcedureForm.getState().draft, id: 'R8', status: 'signed' },
        warnings: [],
        history: [],
        versions: [],
      }),
    });
    useProcedureForm.setState({ id: 'R8', mode: 'edit', saveState: 'saved', problems: {} });
    const first = useProcedureForm.getState().sign();
    const second = useProcedureForm.getState().sign();
    await vi.advanceTimersByTimeAsync(0);
    answer({ record: { id: 'R8' }, warnings: [] });
    expect(await second).toBe(false);
    expect(await first).toBe(true);
    expect(calls.filter(([method]) => method === 'procedures.sign')).toHaveLength(1);
    expect(useProcedureForm.getState().saveMessage).toBeNull();
  });
});

describe('an amendment submitted twice in a hurry', () => {
  it('is sent once', async () => {
    (globalThis as unknown as { requestAnimationFrame: (run: () => void) => number }).requestAnimationFrame = () => 0;
    let answer: (value: unknown) => void = () => {};
    const { calls } = fakeWindow({
      'procedures.amend': () => new Promise((resolve) => (answer = resolve)),
      'procedures.get': () => ({
        record: { ...useProcedureForm.getState().draft, id: 'R9', status: 'amended' },
        warnings: [],
        history: [],
        versions: [],
      }),
    });
    useProcedureForm.setState({ id: 'R9', mode: 'amend', amendReason: 'Wrong side corrected' });
    const first = useProcedureForm.getState().submitAmend();
    const second = useProcedureForm.getState().submitAmend();
    answer({ record: { id: 'R9' }, warnings: [] });
    expect(await second).toBe(false);
    expect(await first).toBe(true);
    expect(calls.filter(([method]) => method === 'procedures.amend')).toHaveLength(1);
    expect(useProcedureForm.getState().mode).toBe('readonly');
  });
});
