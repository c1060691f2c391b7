import { beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { type Language, say, type Words } from '../../../db/model/index.js';
import { fakeWindow } from '../../testing/fake-window.js';
import { messageAbout, useFollowUps } from './follow-ups-store.js';

/** A store's sentence as a reader of that language reads it. */
const inWords = (said: Words | string | null | undefined, language: Language = 'en') =>
  said == null || typeof said === 'string' ? said : say(said, translator(language), language);

/*
 * The follow-up calls against a fake main process: a saved call moves on to the next patient
 * due and says whose call it was; a call the service refuses stays in the form, with the
 * service's words at the field it named; a score that is not 0–10 is never sent.
 */

const due = (procedureId: string, patientName: string) => ({ procedureId, patientName, patientId: procedureId });

beforeEach(() => {
  useFollowUps.setState({ due: [], current: null, problems: {}, message: null, messageFor: null });
  useFollowUps.getState().choose('none');
  // Who records the calls, with their PIN (sent with the entry, never kept).
  useFollowUps.getState().edit({ recordedById: 'op-1', pin: '2580' });
});

describe('the follow-up calls', () => {
  it('are sent with the recorder’s PIN, which the form forgets at once; without it nothing is sent', async () => {
    const { calls } = fakeWindow({
      'followUps.due': () => [due('A', 'Ann Example')],
      'followUps.record': () => ({ id: 'E1' }),
    });
    await useFollowUps.getState().loadDue();
    useFollowUps.getState().edit({ legNrs: '3' });
    expect(await useFollowUps.getState().saveAndNext()).toBe(true);
    expect(calls.find(([method]) => method === 'followUps.record')?.[1][1]).toEqual({
      operatorId: 'op-1',
      pin: '2580',
    });
    expect(useFollowUps.getState().form).toMatchObject({ pin: '', recordedById: 'op-1' });
    useFollowUps.getState().choose('A');
    useFollowUps.getState().edit({ legNrs: '4' });
    expect(await useFollowUps.getState().saveAndNext()).toBe(false);
    expect(Object.keys(useFollowUps.getState().problems)).toEqual(['pin']);
    expect(inWords(useFollowUps.getState().problems.pin)).toBe('Type your PIN to record the call');
    expect(inWords(useFollowUps.getState().problems.pin, 'de')).toBe('PIN eingeben, um den Anruf zu erfassen');
    expect(calls.filter(([method]) => method === 'followUps.record')).toHaveLength(1);
  });

  it('says whose call was saved only in that patient’s record', async () => {
    let waiting = [due('A', 'Keller, Paul'), due('B', 'Bob Example')];
    fakeWindow({
      'followUps.due': () => waiting,
      'followUps.record': ([entry]) => {
        waiting = waiting.filter((row) => row.procedureId !== (entry as { procedureId: string }).procedureId);
        return { id: 'E1' };
      },
    });
    await useFollowUps.getState().loadDue();
    useFollowUps.getState().edit({ legNrs: '3' });
    await useFollowUps.getState().saveAndNext();
    expect(inWords(useFollowUps.getState().message)).toBe('Follow-up of Keller, Paul saved.');
    expect(inWords(messageAbout(useFollowUps.getState(), 'A'))).toBe('Follow-up of Keller, Paul saved.');
    expect(inWords(messageAbout(useFollowUps.getState(), 'A'), 'fr')).toBe('Suivi de Keller, Paul enregistré.');
    expect(messageAbout(useFollowUps.getState(), 'B')).toBeNull();
  });

  it('saves the call and opens the next patient due', async () => {
    let waiting = [due('A', 'Ann Example'), due('B', 'Bob Example')];
    const { calls } = fakeWindow({
      'followUps.due': () => waiting,
      'followUps.record': ([entry]) => {
        waiting = waiting.filter((row) => row.procedureId !== (entry as { procedureId: string }).procedureId);
        return { id: 'E1' };
      },
    });
    await useFollowUps.getState().loadDue();
    expect(useFollowUps.getState().current).toBe('A');
    useFollowUps.getState().edit({ legNrs: '3', backNrs: '2' });
    // Never a moment without a patient's form while another is due.
    const shown: (string | null)[] = [];
    const unsubscribe = useFollowUps.subscribe((state) => shown.push(state.current));
    expect(await useFollowUps.getState().saveAndNext()).toBe(true);
    unsubscribe();
    expect(shown).not.toContain(null);
    expect(calls.find(([method]) => method === 'followUps.record')?.[1][0]).toMatchObject({
      procedureId: 'A',
      legNrs: 3,
      backNrs: 2,
      method: 'phone',
    });
    expect(useFollowUps.getState()).toMatchObject({ current: 'B', form: { legNrs: '', backNrs: '' } });
    expect(inWords(useFollowUps.getState().message)).toBe('Follow-up of Ann Example saved.');
  });

  it('keeps a refused call in the form with the service’s words at its field', async () => {
    fakeWindow({
      'followUps.due': () => [due('A', 'Ann Example')],
      'followUps.record': () => ({
        error: { code: 'validation', message: 'Contact date must not be before the procedure', field: 'contactDate' },
      }),
    });
    await useFollowUps.getState().loadDue();
    useFollowUps.getState().edit({ legNrs: '4', contactDate: '2020-01-01' });
    expect(await useFollowUps.getState().saveAndNext()).toBe(false);
    expect(useFollowUps.getState()).toMatchObject({
      current: 'A',
      problems: { contactDate: 'Contact date must not be before the procedure' },
      form: { legNrs: '4', contactDate: '2020-01-01' },
    });
  });

  it('never sends a score that is not a whole number from 0 to 10', async () => {
    const { calls } = fakeWindow({ 'followUps.due': () => [due('A', 'Ann Example')] });
    await useFollowUps.getState().loadDue();
    useFollowUps.getState().edit({ legNrs: '12' });
    expect(await useFollowUps.getState().saveAndNext()).toBe(false);
    const { problems } = useFollowUps.getState();
    expect(inWords(problems.legNrs)).toBe('Leg pain (NRS) must be a whole number from 0 to 10');
    expect(inWords(problems.legNrs, 'de')).toMatch(/^Beinschmerz.* 0 .* 10/);
    expect(calls.map(([method]) => method)).toEqual(['followUps.due']);
  });

  it('refuses a score typed with a decimal mark, whatever the department’s locale', async () => {
    fakeWindow({ 'followUps.due': () => [due('A', 'Ann Example')] });
    await useFollowUps.getState().loadDue();
    // "3,5" is 3.5 in de-DE as in de-CH (the reader's rule, never the locale's), and no whole score.
    useFollowUps.getState().edit({ legNrs: '3,5', backNrs: '1.000' });
    expect(await useFollowUps.getState().saveAndNext()).toBe(false);
    const { problems } = useFollowUps.getState();
    expect(inWords(problems.backNrs)).toBe('Back pain (NRS) must be a whole number from 0 to 10');
    expect(inWords(problems.legNrs, 'fr')).not.toMatch(/must/);
  });

  it('says a date not complete yet in the reader’s language', async () => {
    fakeWindow({ 'followUps.due': () => [due('A', 'Ann Example')] });
    await useFollowUps.getState().loadDue();
    useFollowUps.getState().edit({ legNrs: '2', contactDate: '' });
    expect(await useFollowUps.getState().saveAndNext()).toBe(false);
    const { problems } = useFollowUps.getState();
    expect(inWords(problems.contactDate)).toBe('Date must be a whole date: day, month and year');
    expect(inWords(problems.contactDate, 'it')).not.toMatch(/whole date/);
  });
});

describe('a call saved twice in a hurry', () => {
  it('is recorded once when Enter is pressed again while the first save is on its way', async () => {
    let answer: (value: unknown) => void = () => {};
    const { calls } = fakeWindow({
      'followUps.due': () => [due('A', 'Ann Example')],
      'followUps.record': () => new Promise((resolve) => (answer = resolve)),
    });
    await useFollowUps.getState().loadDue();
    useFollowUps.getState().edit({ legNrs: '2' });
    const first = useFollowUps.getState().saveAndNext();
    const second = useFollowUps.getState().saveAndNext();
    answer({ id: 'E1' });
    expect(await second).toBe(false);
    expect(await first).toBe(true);
    expect(calls.filter(([method]) => method === 'followUps.record')).toHaveLength(1);
  });
});
