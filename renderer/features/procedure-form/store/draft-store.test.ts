import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../db/i18n/translator.js';
import { procedureDraftSchema, say, type Words } from '../../../../db/model/index.js';
import { unclearNumberText } from '../../../components/number-text.js';
import { formUnderTest, savedAs, TEST_NOW } from '../../../testing/form-under-test.js';
import { emptyDraft } from '../draft-edits.js';

/*
 * The draft and its checks: each edit is parsed once (a ten-character note used to cost thirty
 * parses: three per key), text not yet a value never replaces the stored one, and what is held
 * back comes back after a reload with its message.
 */

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const record = (id: string, content: Record<string, unknown>) => ({
  record: { ...emptyDraft('op-1', TEST_NOW), ...content, id, status: 'draft', version: 0 },
  warnings: [],
  history: [],
  versions: [],
});

describe('an edit', () => {
  it('is parsed once: a ten-character note costs ten parses, warnings and report included', () => {
    const { form } = formUnderTest();
    form.getState().startNew();
    const safeParse = vi.spyOn(procedureDraftSchema, 'safeParse');
    const parse = vi.spyOn(procedureDraftSchema, 'parse');
    for (const character of 'Tolerated!')
      form.getState().update((draft) => ({ ...draft, notes: `${draft.notes ?? ''}${character}` }));
    expect(safeParse.mock.calls.length + parse.mock.calls.length).toBe(10);
    // The report and the rules read the content checked at the edit: no parse of their own.
    expect(form.getState().checked.content?.notes).toBe('Tolerated!');
  });

  it('is not parsed again to be saved', async () => {
    const { form } = formUnderTest({ 'procedures.saveDraft': () => savedAs('R1') });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, notes: 'Tolerated' }));
    const safeParse = vi.spyOn(procedureDraftSchema, 'safeParse');
    await form.getState().flush();
    expect(safeParse).not.toHaveBeenCalled();
  });
});

describe('text typed into a field that is not a value yet', () => {
  it('never replaces the stored value, and the status does not say "Saved" while it is there', async () => {
    const { form, callsOf } = formUnderTest({
      'procedures.saveDraft': ([draft]) => savedAs('R1', draft as Record<string, unknown>),
    });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, performedAt: '2026-03-14T09:30:00+01:00' }));
    await form.getState().flush();
    form.getState().setFieldText('performedAt', { text: '14.03.20', message: 'Performed: type the whole date' });
    await form.getState().flush();
    const sent = callsOf('procedures.saveDraft').map(([draft]) => (draft as { performedAt?: string }).performedAt);
    expect(sent).toEqual(['2026-03-14T09:30:00+01:00', '2026-03-14T09:30:00+01:00']);
    expect(form.getState()).toMatchObject({
      saveState: 'partial',
      problems: { performedAt: { message: 'Performed: type the whole date' } },
    });
    form.getState().setFieldText('performedAt', null);
    await form.getState().flush();
    expect(form.getState().saveState).toBe('saved');
  });
});

describe('what the form holds back', () => {
  it('survives a reload: kept aside with the draft, shown again with its message, never "Saved"', async () => {
    const notes = 'x'.repeat(24_000);
    const first = formUnderTest({ 'procedures.saveDraft': () => savedAs('R7') });
    first.form.getState().startNew();
    first.form.getState().update((draft) => ({ ...draft, patientId: 'HB-1', notes, birthDate: '2030-01-01' }));
    first.form.getState().setFieldText('startedAt', { text: '09:', message: 'Start: type hours and minutes' });
    await first.form.getState().flush();
    const [sent] = first.callsOf('procedures.saveDraft')[0] as [Record<string, unknown>];
    expect(sent).not.toHaveProperty('notes');
    expect(sent).not.toHaveProperty('birthDate');
    expect(first.form.getState().saveState).toBe('partial');

    // The window reloads: a new store, the same storage, the draft as the logbook has it.
    const { storage } = first;
    const second = formUnderTest({ 'procedures.get': () => record('R7', { patientId: 'HB-1' }) });
    second.storage.items.clear();
    for (const [key, value] of storage.items) second.storage.setItem(key, value);
    expect(await second.form.getState().reopenDraft('R7')).toBe(true);
    const reopened = second.form.getState();
    expect(reopened.draft).toMatchObject({ patientId: 'HB-1', notes, birthDate: '2030-01-01' });
    expect(reopened.fieldText.startedAt?.text).toBe('09:');
    expect(Object.keys(reopened.problems).sort()).toEqual(['birthDate', 'notes', 'startedAt']);
    expect(reopened.problems.notes?.message).toMatch(/at most 5000 characters/);
    expect(reopened.saveState).toBe('partial');
  });

  it('keeps a number typed two ways as words, said in the reader’s language after a reload too', async () => {
    const first = formUnderTest({ 'procedures.saveDraft': () => savedAs('R9') });
    first.form.getState().startNew();
    const held = unclearNumberText('DLP (mGy·cm)', '1.480', 'de-CH');
    if (!held) throw new Error('1.480 read as clear');
    first.form.getState().setFieldText('dlpMGyCm', held);
    await first.form.getState().flush();
    const german = (words: Words | undefined) => say(words as Words, translator('de'), 'de');
    expect(german(first.form.getState().problems.dlpMGyCm?.words)).toBe(
      'DLP (mGy·cm): ist nicht eindeutig: 1.480 könnte 1480 oder 1.48 sein: Geben Sie 1480 ohne Trennzeichen ein oder 1.48',
    );

    const second = formUnderTest({ 'procedures.get': () => record('R9', {}) });
    second.storage.items.clear();
    for (const [key, value] of first.storage.items) second.storage.setItem(key, value);
    expect(await second.form.getState().reopenDraft('R9')).toBe(true);
    expect(second.form.getState().fieldText.dlpMGyCm?.text).toBe('1.480');
    expect(german(second.form.getState().problems.dlpMGyCm?.words)).toMatch(/^DLP \(mGy·cm\): ist nicht eindeutig/);
  });

  it('is forgotten once corrected', async () => {
    const { form, storage } = formUnderTest({ 'procedures.saveDraft': () => savedAs('R8') });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, birthDate: '2030-01-01' }));
    await form.getState().flush();
    expect(storage.items.has('rootlog.heldBack.R8')).toBe(true);
    form.getState().update((draft) => ({ ...draft, birthDate: '1958-03-12' }));
    await form.getState().flush();
    expect(storage.items.has('rootlog.heldBack.R8')).toBe(false);
    expect(form.getState().saveState).toBe('saved');
  });
});
