import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PROBLEM_MESSAGES,
  patientIdProblem,
  problem,
  REFUSAL_MESSAGES as R,
  sentence,
  ZOD_MESSAGES,
} from '../../../../db/model/index.js';
import type { ProcedureWithHistory } from '../../../../electron/shared/api-contract.js';
import { formUnderTest, savedAs, testDepartment } from '../../../testing/form-under-test.js';
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
      saveMessage: { message: 'The logbook is read-only: its file is damaged.' },
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

  it('holds back only a patient ID the department’s pattern refuses: the rest is saved, the ID saved before kept', async () => {
    const rule = { case: 'upper' as const, pattern: 'K-\\d{6}', example: 'K-100301' };
    const sent: Record<string, unknown>[] = [];
    // The logbook as it is: refuses an ID off the pattern (the whole save), stores the rest as sent.
    const { form, storage, callsOf } = formUnderTest(
      {
        'procedures.saveDraft': ([draft]) => {
          const typed = draft as Record<string, unknown>;
          sent.push(typed);
          const refused = typeof typed.patientId === 'string' ? patientIdProblem(typed.patientId, rule) : null;
          if (refused) {
            const problems = [problem('patientId', refused)];
            return { error: { code: 'validation', message: problems[0]?.message, field: 'patientId', problems } };
          }
          return savedAs('R5', typed);
        },
        'procedures.sign': () => savedAs('R5'),
      },
      { settings: { ...testDepartment, patientIdRule: rule } },
    );
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, patientId: 'K-100301', patientName: 'Keller, Paul' }));
    await form.getState().flush();
    expect(form.getState()).toMatchObject({ id: 'R5', saveState: 'saved' });

    form
      .getState()
      .update((draft) => ({ ...draft, patientId: 'K100301', patientName: 'Keller, Paula', notes: 'Calm' }));
    await form.getState().flush();
    const last = sent.at(-1);
    // The other fields are saved; the ID is not, and the one saved before stays in the logbook.
    expect(last).toMatchObject({ id: 'R5', patientId: 'K-100301', patientName: 'Keller, Paula', notes: 'Calm' });
    expect(form.getState()).toMatchObject({
      saveState: 'partial',
      saveMessage: null,
      draft: { patientId: 'K100301', patientName: 'Keller, Paula' },
    });
    expect(form.getState().problems.patientId?.message).toBe(
      'Patient ID does not look like this department’s patient IDs: type it like K-100301',
    );
    // What was typed survives a reload, kept aside with the rest of what is held back.
    expect(JSON.parse(storage.items.get('rootlog.heldBack.R5') ?? '{}').values).toEqual([
      { field: 'patientId', value: 'K100301' },
    ]);
    // Signing is refused while the ID is held back: nothing is sent, the focus goes to the ID.
    expect(await form.getState().sign()).toBe(false);
    expect(callsOf('procedures.sign')).toHaveLength(0);
    expect(form.getState().focus?.request).toEqual({ kind: 'fields', fields: ['patientId'] });

    form.getState().update((draft) => ({ ...draft, patientId: 'K-100302' }));
    await form.getState().flush();
    expect(sent.at(-1)).toMatchObject({ patientId: 'K-100302', notes: 'Calm' });
    expect(form.getState()).toMatchObject({ saveState: 'saved', problems: {} });
    expect(storage.items.has('rootlog.heldBack.R5')).toBe(false);
  });

  it('holds back any field the logbook refuses, keeps its text and says why there, and sends it again once changed', async () => {
    const sent: Record<string, unknown>[] = [];
    const { form, storage } = formUnderTest({
      'procedures.saveDraft': ([draft]) => {
        const typed = draft as Record<string, unknown>;
        sent.push(typed);
        // A reference only the logbook can check: an operator removed at another console.
        if (typed.operatorId === 'op-gone') {
          const problems = [problem('operatorId', R.notDepartmentOperator)];
          return { error: { code: 'validation', message: problems[0]?.message, field: 'operatorId', problems } };
        }
        return savedAs('R6', typed);
      },
    });
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, patientId: 'P-6' }));
    await form.getState().flush();
    form.getState().update((draft) => ({ ...draft, operatorId: 'op-gone', notes: 'Tolerated' }));
    await form.getState().flush();
    expect(sent.at(-1)).toMatchObject({ id: 'R6', operatorId: 'op-1', notes: 'Tolerated' });
    expect(form.getState()).toMatchObject({ saveState: 'partial', draft: { operatorId: 'op-gone' } });
    expect(form.getState().problems.operatorId?.message).toBe("Operator is not one of the department's operators");
    // A further edit elsewhere does not send the refused value again, nor lose its message.
    const before = sent.length;
    form.getState().update((draft) => ({ ...draft, notes: 'Tolerated well' }));
    await form.getState().flush();
    expect(sent.slice(before)).toEqual([expect.objectContaining({ operatorId: 'op-1', notes: 'Tolerated well' })]);
    expect(form.getState().problems.operatorId).toBeTruthy();
    // A reload shows it again, with its words (said in the reader's language).
    expect(JSON.parse(storage.items.get('rootlog.heldBack.R6') ?? '{}').refused).toEqual({
      operatorId: {
        message: "Operator is not one of the department's operators",
        words: expect.objectContaining({ message: expect.objectContaining({ id: 'refusal.notDepartmentOperator' }) }),
      },
    });
    const stored = savedAs('R6', sent.at(-1)).record as unknown as ProcedureWithHistory['record'];
    form.getState().show({ record: stored, warnings: [], history: [], versions: [] });
    expect(form.getState()).toMatchObject({ saveState: 'partial', draft: { operatorId: 'op-gone' } });
    expect(form.getState().problems.operatorId?.message).toBe("Operator is not one of the department's operators");
    form.getState().update((draft) => ({ ...draft, operatorId: 'op-1' }));
    await form.getState().flush();
    expect(form.getState()).toMatchObject({ saveState: 'saved', problems: {} });
  });

  it('leaves out a value saved before that the logbook now refuses, rather than failing the save', async () => {
    const rule = { case: 'upper' as const, pattern: 'K-\\d{6}', example: 'K-100301' };
    const sent: Record<string, unknown>[] = [];
    const { form } = formUnderTest(
      {
        'procedures.saveDraft': ([draft]) => {
          const typed = draft as Record<string, unknown>;
          sent.push(typed);
          const refused = typeof typed.patientId === 'string' ? patientIdProblem(typed.patientId, rule) : null;
          if (refused) {
            const problems = [problem('patientId', refused)];
            return { error: { code: 'validation', message: problems[0]?.message, field: 'patientId', problems } };
          }
          return savedAs('R7', typed);
        },
      },
      { settings: { ...testDepartment, patientIdRule: rule } },
    );
    // The logbook refuses even the ID it holds (this fake refuses any ID off the pattern; the real
    // one keeps a draft's ID saved before the rule, but an operator removed elsewhere is refused alike).
    const before = savedAs('R7', { patientId: 'old-77' }).record as unknown as ProcedureWithHistory['record'];
    form.getState().show({ record: before, warnings: [], history: [], versions: [] });
    form.getState().update((draft) => ({ ...draft, patientId: 'old-78', notes: 'Calm' }));
    await form.getState().flush();
    expect(sent.at(-1)).toMatchObject({ notes: 'Calm' });
    expect(sent.at(-1)).not.toHaveProperty('patientId');
    expect(form.getState()).toMatchObject({ saveState: 'partial', draft: { patientId: 'old-78' } });
  });
  it('holds back a whole drug row whose drug the logbook refuses: the rest is saved, the row kept aside', async () => {
    const sent: Record<string, unknown>[] = [];
    const { form, storage } = formUnderTest({
      'procedures.saveDraft': ([draft]) => {
        const typed = draft as { drugs?: { drug?: string }[] };
        sent.push(typed);
        // The logbook's own checks: a row without its drug is refused (the schema), a code it does not know too.
        const problems = (typed.drugs ?? []).flatMap((row, index) =>
          row.drug === undefined
            ? [problem(`drugs[${index}].drug`, PROBLEM_MESSAGES.fieldRule, { rule: sentence(ZOD_MESSAGES.required) })]
            : row.drug === 'gone'
              ? [problem(`drugs[${index}].drug`, R.drugNotInCatalogue)]
              : [],
        );
        if (problems.length > 0)
          return { error: { code: 'validation', message: problems[0]?.message, field: problems[0]?.field, problems } };
        return savedAs('R8', typed);
      },
    });
    const gone = { drug: 'gone', doseMg: 40, site: 0 };
    const dexamethasone = { drug: 'dexamethasone', doseMg: 8, site: 0 };
    form.getState().startNew();
    form.getState().update((draft) => ({ ...draft, patientId: 'P-8', drugs: [gone, dexamethasone], notes: 'Calm' }));
    await form.getState().flush();
    // The rest is saved, without the refused row; the row stays on screen with the logbook's words at its drug.
    expect(sent.at(-1)).toMatchObject({ id: null, notes: 'Calm', drugs: [dexamethasone] });
    expect(form.getState()).toMatchObject({ id: 'R8', saveState: 'partial', draft: { drugs: [gone, dexamethasone] } });
    expect(form.getState().problems['drugs[0]']?.message).toBe('Drug (drug 1) is not in the drug catalogue');
    // A second refused row after it: the logbook names it at its place in what was sent, said at its place here.
    const another = { drug: 'gone', doseMg: 20, site: 0 };
    form.getState().update((draft) => ({ ...draft, drugs: [...(draft.drugs ?? []), another] }));
    await form.getState().flush();
    expect(sent.at(-1)).toMatchObject({ id: 'R8', drugs: [dexamethasone] });
    expect(form.getState().problems).toMatchObject({
      'drugs[0]': { message: 'Drug (drug 1) is not in the drug catalogue' },
      'drugs[2]': { message: 'Drug (drug 3) is not in the drug catalogue' },
    });
    expect(Object.keys(form.getState().problems)).toEqual(['drugs[0]', 'drugs[2]']);
    expect(form.getState().saveState).toBe('partial');
    // Kept aside by the row: a reload puts each row back at its place, with its message, never "Saved".
    const kept = JSON.parse(storage.items.get('rootlog.heldBack.R8') ?? '{}');
    expect(kept.values).toEqual([
      { field: 'drugs[0]', value: gone },
      { field: 'drugs[2]', value: another },
    ]);
    const stored = savedAs('R8', sent.at(-1)).record as unknown as ProcedureWithHistory['record'];
    form.getState().show({ record: stored, warnings: [], history: [], versions: [] });
    expect(form.getState()).toMatchObject({ saveState: 'partial', draft: { drugs: [gone, dexamethasone, another] } });
    expect(form.getState().problems['drugs[2]']?.message).toBe('Drug (drug 3) is not in the drug catalogue');
    // Another drug chosen in the row: sent, and saved.
    form.getState().update((draft) => ({ ...draft, drugs: [dexamethasone, dexamethasone, another].slice(0, 2) }));
    await form.getState().flush();
    expect(sent.at(-1)).toMatchObject({ drugs: [dexamethasone, dexamethasone] });
    expect(form.getState()).toMatchObject({ saveState: 'saved', problems: {} });
  });
});
