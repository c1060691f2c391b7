import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { warnings as clinicalWarnings, procedureDraftSchema } from '../../../../db/model/index.js';
import { completeDraft } from '../../../../db/testing/drafts.js';
import { formUnderTest, savedAs, testDepartment } from '../../../testing/form-under-test.js';

/*
 * Signing and amending: one at a time, the focus sent where the answer is missing (as state:
 * no page here), a warning confirmed at the signature not asked again in an amendment while
 * it reads the same, and a draft deleted only once asked.
 */

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A record as the logbook gives it back, with its warnings and the signature's audit row. */
function signedRecord(id: string, overrides: Parameters<typeof completeDraft>[1], confirmed: string[] = []) {
  const content = procedureDraftSchema.parse(completeDraft('op-1', overrides));
  return {
    record: {
      ...content,
      id,
      status: 'signed',
      version: 1,
      signedBy: 'Dr. A. Keller',
      signedAt: '2026-03-14T09:50:00Z',
    },
    warnings: clinicalWarnings(content, testDepartment),
    history: [
      {
        seq: 1,
        at: '2026-03-14T09:50:00Z',
        actor: 'Dr. A. Keller',
        action: 'sign',
        entity: 'procedure',
        entityId: id,
        version: 1,
        changes: {
          status: { before: 'draft', after: 'signed' },
          confirmedWarnings: { before: null, after: confirmed },
        },
        reason: null,
      },
    ],
    versions: [],
  };
}

describe('a signature', () => {
  it('asked twice in a hurry is sent once, and the focus goes to the signed record’s heading', async () => {
    let answer: (value: unknown) => void = () => {};
    const { form, callsOf } = formUnderTest({
      'procedures.sign': () => new Promise((resolve) => (answer = resolve)),
      'procedures.get': () => signedRecord('R8', {}),
    });
    form.setState({
      id: 'R8',
      mode: 'edit',
      saveState: 'saved',
      problems: {},
      draft: { operatorId: 'op-1' },
      pin: '2580',
    });
    const first = form.getState().sign();
    const second = form.getState().sign();
    await vi.advanceTimersByTimeAsync(0);
    answer({ record: { id: 'R8' }, warnings: [] });
    expect(await second).toBe(false);
    expect(await first).toBe(true);
    expect(callsOf('procedures.sign')).toHaveLength(1);
    // The signer's proof went with it, and the PIN is forgotten at once.
    expect(callsOf('procedures.sign')[0]?.[2]).toEqual({ operatorId: 'op-1', pin: '2580' });
    expect(form.getState().pin).toBe('');
    expect(form.getState()).toMatchObject({
      saveMessage: null,
      mode: 'readonly',
      focus: { request: { kind: 'heading' } },
    });
  });

  it('refused for a warning not confirmed says so and asks for the focus on the confirmation', async () => {
    const { form } = formUnderTest({
      'procedures.sign': () => ({
        error: {
          code: 'warnings_unconfirmed',
          message: 'Before signing, confirm this warning: …',
          field: 'anticoagulation',
        },
      }),
    });
    form.setState({
      id: 'R9',
      mode: 'edit',
      saveState: 'saved',
      problems: {},
      draft: { operatorId: 'op-1' },
      pin: '2580',
    });
    expect(await form.getState().sign()).toBe(false);
    expect(form.getState()).toMatchObject({
      saveMessage: { message: 'Before signing, confirm this warning: …' },
      focus: { request: { kind: 'confirmation' } },
    });
  });

  it('without the PIN asks the logbook what the record still needs, then for the PIN where it is typed', async () => {
    const { form, callsOf } = formUnderTest({
      'procedures.sign': () => ({
        error: { code: 'validation', message: 'Type your PIN to sign.', field: 'signer.pin' },
      }),
    });
    form.setState({
      id: 'R12',
      mode: 'edit',
      saveState: 'saved',
      problems: {},
      draft: { operatorId: 'op-1' },
      pin: '',
    });
    expect(await form.getState().sign()).toBe(false);
    expect(callsOf('procedures.sign')[0]?.[2]).toEqual({ operatorId: 'op-1', pin: '' });
    // Typing the PIN answers it: the next attempt is sent.
    form.getState().setPin('2580');
    await form.getState().sign();
    expect(callsOf('procedures.sign')[1]?.[2]).toEqual({ operatorId: 'op-1', pin: '2580' });
    expect(form.getState()).toMatchObject({
      saveMessage: { message: 'Type your PIN to sign.' },
      focus: { request: { kind: 'fields', fields: ['signer.pin'] } },
    });
  });

  it('is not asked while a field needs attention: the focus goes to the first of them', async () => {
    const { form, callsOf } = formUnderTest({ 'procedures.saveDraft': () => savedAs('R10') });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, painPre: 12 }));
    expect(await form.getState().sign()).toBe(false);
    expect(callsOf('procedures.sign')).toHaveLength(0);
    expect(form.getState().focus?.request).toEqual({ kind: 'fields', fields: ['painPre'] });
  });
});

describe('an amendment', () => {
  it('keeps an ID signed before the department’s pattern, and refuses a new one off it at the field', async () => {
    const rule = { case: 'upper' as const, pattern: 'K-\\d{6}', example: 'K-100301' };
    const { form, callsOf } = formUnderTest(
      { 'procedures.amend': () => ({ record: { id: 'R12' }, warnings: [] }) },
      { settings: { ...testDepartment, patientIdRule: rule } },
    );
    form.getState().show(signedRecord('R12', { patientId: 'old-77' }) as never);
    form.getState().startAmend();
    form.getState().update((draft) => ({ ...draft, painPost: 1 }));
    expect(form.getState().problems).toEqual({});
    form.getState().update((draft) => ({ ...draft, patientId: 'old-78' }));
    expect(form.getState().problems.patientId?.message).toContain('type it like K-100301');
    form.getState().setAmendReason('Pain re-asked');
    form.getState().setPin('2580');
    expect(await form.getState().submitAmend()).toBe(false);
    expect(callsOf('procedures.amend')).toHaveLength(0);
  });

  it('asks for what is missing in words the reader’s language says: the reason first, then the PIN', async () => {
    const { form, callsOf } = formUnderTest({ 'procedures.get': () => signedRecord('R9', {}) });
    form.getState().show(signedRecord('R9', {}) as never);
    form.getState().startAmend();
    expect(await form.getState().submitAmend()).toBe(false);
    expect(form.getState().saveMessage).toMatchObject({
      message: 'Give the reason for the amendment, then your PIN.',
      words: { message: { id: 'form.sign.amendReasonFirst' } },
    });
    form.getState().setAmendReason('Wrong side corrected');
    expect(await form.getState().submitAmend()).toBe(false);
    expect(form.getState().saveMessage).toMatchObject({
      words: { message: { id: expect.stringMatching(/^form\.sign\./) } },
    });
    expect(callsOf('procedures.amend')).toHaveLength(0);
  });

  it('submitted twice in a hurry is sent once', async () => {
    let answer: (value: unknown) => void = () => {};
    const { form, callsOf } = formUnderTest({
      'procedures.amend': () => new Promise((resolve) => (answer = resolve)),
      'procedures.get': () => signedRecord('R9', {}),
    });
    form.getState().show(signedRecord('R9', {}) as never);
    form.getState().startAmend();
    form.getState().setAmendReason('Wrong side corrected');
    form.getState().setPin('2580');
    const first = form.getState().submitAmend();
    const second = form.getState().submitAmend();
    answer({ record: { id: 'R9' }, warnings: [] });
    expect(await second).toBe(false);
    expect(await first).toBe(true);
    expect(callsOf('procedures.amend')).toHaveLength(1);
    expect(form.getState().mode).toBe('readonly');
  });

  it('does not ask again for a warning confirmed at the signature that reads the same, but does when it changed', async () => {
    const signed = signedRecord(
      'R11',
      { anticoagulation: 'continued', drugs: [{ drug: 'dexamethasone', doseMg: 20, site: 0 }] },
      ['anticoagulation_continued', 'dose_above_maximum'],
    );
    const { form, callsOf } = formUnderTest({
      'procedures.amend': () => ({ record: { id: 'R11' }, warnings: [] }),
      'procedures.get': () => signed,
    });
    form.getState().show(signed as never);
    expect(
      form
        .getState()
        .confirmedEarlier.map((earlier) => earlier.code)
        .sort(),
    ).toEqual(['anticoagulation_continued', 'dose_above_maximum']);
    form.getState().startAmend();
    form.getState().setAmendReason('Dose was 24 mg');
    form.getState().setPin('2580');
    // The dose changes (its warning reads otherwise); the anticoagulation does not.
    form.getState().update((draft) => ({ ...draft, drugs: [{ drug: 'dexamethasone', doseMg: 24, site: 0 }] }));
    expect(await form.getState().submitAmend()).toBe(true);
    const [, options] = callsOf('procedures.amend')[0] as [unknown, { confirmedWarnings: string[] }];
    expect(options.confirmedWarnings).toEqual(['anticoagulation_continued']);
  });
});

describe('deleting a draft', () => {
  it('is asked first, and deletes only once confirmed', async () => {
    const { form, callsOf } = formUnderTest({ 'procedures.deleteDraft': () => ({ deleted: true }) });
    form.setState({ id: 'R12', mode: 'edit', saveState: 'saved' });
    await form.getState().remove();
    expect(callsOf('procedures.deleteDraft')).toHaveLength(0);
    form.getState().askDelete();
    expect(form.getState().deleteAsked).toBe(true);
    form.getState().cancelDelete();
    expect(form.getState()).toMatchObject({ deleteAsked: false, id: 'R12' });
    expect(callsOf('procedures.deleteDraft')).toHaveLength(0);
    form.getState().askDelete();
    await form.getState().remove();
    expect(callsOf('procedures.deleteDraft')).toEqual([['R12']]);
    expect(form.getState()).toMatchObject({ id: null, deleteAsked: false });
  });
});
