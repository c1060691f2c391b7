import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inEnglish, procedureDraftSchema } from '../../../../db/model/index.js';
import { completeDraft } from '../../../../db/testing/drafts.js';
import { formUnderTest } from '../../../testing/form-under-test.js';

/* The plan in one key: it fills the draft, then asks for the focus on the first field still needed. */

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const lastProcedure = {
  record: {
    ...procedureDraftSchema.parse(
      completeDraft('op-1', {
        patientId: 'REPEAT-1',
        targets: [{ root: 'S1', side: 'left', foramen: 'S1', approach: 'transforaminal', spread: ['perineural'] }],
        modality: 'fluoroscopy',
      }),
    ),
    id: 'LAST',
    status: 'signed',
    version: 1,
  },
  warnings: [],
  history: [],
  versions: [],
};

describe('the plan', () => {
  it('of a preset fills the draft and asks for the next field needed', () => {
    const { form } = formUnderTest();
    form.getState().startNew();
    form.getState().applyPreset({
      name: 'L5 right',
      targets: [{ root: 'L5', side: 'right', approach: 'transforaminal' }],
      modality: 'ct',
      caudalEpidural: false,
      drugs: [{ drug: 'dexamethasone', doseMg: 8, site: 0 }],
    });
    expect(form.getState().draft.targets?.[0]).toMatchObject({ root: 'L5', side: 'right' });
    expect(form.getState().focus?.request).toEqual({ kind: 'next-needed' });
  });

  it('of the patient’s last procedure comes while the form says it is fetching, then asks for the focus', async () => {
    let answer: (value: unknown) => void = () => {};
    const { form } = formUnderTest({
      'procedures.list': () => ({ items: [{ id: 'LAST', patientId: 'REPEAT-1' }], total: 1 }),
      'procedures.get': () => new Promise((resolve) => (answer = resolve)),
    });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, patientId: 'REPEAT-1' }));
    const copied = form.getState().sameAsLastProcedure();
    await vi.advanceTimersByTimeAsync(0);
    expect(form.getState().fetchingPlan).toBe(true);
    answer(lastProcedure);
    expect(await copied).toBe(true);
    expect(form.getState()).toMatchObject({
      fetchingPlan: false,
      draft: { modality: 'fluoroscopy', targets: [{ root: 'S1', side: 'left', spread: [] }] },
      focus: { request: { kind: 'next-needed' } },
    });
  });

  it('that arrives after another case came on screen is not put into it', async () => {
    let answer: (value: unknown) => void = () => {};
    const { form } = formUnderTest({
      'procedures.list': () => ({ items: [{ id: 'LAST', patientId: 'REPEAT-1' }], total: 1 }),
      'procedures.get': () => new Promise((resolve) => (answer = resolve)),
    });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, patientId: 'REPEAT-1' }));
    const copied = form.getState().sameAsLastProcedure();
    await vi.advanceTimersByTimeAsync(0);
    form.getState().startNew();
    answer(lastProcedure);
    expect(await copied).toBe(false);
    expect(form.getState().draft.modality).toBeUndefined();
    expect(form.getState().fetchingPlan).toBe(false);
  });

  it('asks the logbook by the patient key and says so when it has no earlier procedure of the patient', async () => {
    const asked: unknown[] = [];
    const { form } = formUnderTest({
      'procedures.list': (filter: unknown) => {
        asked.push(filter);
        return { items: [], total: 0 };
      },
    });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, patientId: 'k-100301 ' }));
    expect(await form.getState().sameAsLastProcedure()).toBe(false);
    expect(asked).toEqual([[{ patient: 'k-100301 ', statuses: ['signed', 'amended'] }, { limit: 2 }]]);
    const said = form.getState().planMessage;
    expect(said && inEnglish(said)).toBe(
      'No earlier signed procedure of patient k-100301 in this logbook: nothing was copied.',
    );
    form.getState().startNew();
    expect(form.getState().planMessage).toBeNull();
  });
});
