import {
  type ClinicalWarning,
  clinicalContent,
  warnings as clinicalWarnings,
  type DepartmentSettings,
  type FieldProblem,
  fieldLabel,
  fieldLabelWords,
  fieldProblemOf,
  OTHER_RECORDS_WARNINGS,
  type ProcedureRecord,
  patientIdProblem,
  problem,
  type Said,
} from '../../../../db/model/index.js';
import type { AuditEntry } from '../../../../electron/shared/api-contract.js';
import { client } from '../../../app/api-client.js';
import {
  checkDraft,
  type Draft,
  type DraftCheck,
  draftFieldOf,
  emptyDraft,
  heldPathOf,
  holdingBack,
  valueAt,
} from '../draft-edits.js';
import {
  type FieldText,
  forgetKeptAside,
  keptAside,
  type Refusal,
  refusalsOf,
  stillRefused,
  withHeldBack,
} from '../held-back.js';
import type { DraftSlice, EarlierConfirmation, FormState, Mode, SaveState, Slice } from './form-state.js';

/*
 * The draft on screen and what the form knows of it. Every edit is checked once: what can be
 * saved, what is held back and why, and the warnings as the user types (the saved record's,
 * which also know the day's steroid total, replace them after each save).
 */

export const OPEN_DRAFT_KEY = 'rootlog.openDraft';

export const problemMap = (problems: readonly FieldProblem[] = []): Record<string, Said> =>
  Object.fromEntries(problems.map(({ field, ...said }) => [field, said]));

/** Each field's problem: the rule a held-back value breaks, or what a field's text still needs. */
export const problemsOf = (checked: DraftCheck, fieldText: Record<string, FieldText>): Record<string, Said> => ({
  ...problemMap(checked.problems),
  ...Object.fromEntries(Object.entries(fieldText).map(([field, { text: _text, ...said }]) => [field, said])),
});

/** The warnings the rules give for what can be saved now. */
export const liveWarnings = (checked: DraftCheck, settings: DepartmentSettings | null): ClinicalWarning[] =>
  settings && checked.content ? clinicalWarnings(checked.content, settings) : [];

/**
 * The warnings only the logbook can give (the patient's other records of the day), kept from
 * the last save while typing: the window cannot tell them, the next save answers them afresh.
 */
export const fromOtherRecords = (before: readonly ClinicalWarning[], live: readonly ClinicalWarning[]) =>
  before.filter(
    (warning) =>
      OTHER_RECORDS_WARNINGS.includes(warning.code) &&
      !live.some((found) => found.code === warning.code && found.field === warning.field),
  );

/** What the form edits: the record's clinical content; the id is kept beside it. */
export const contentOf = (record: ProcedureRecord): Draft => {
  const { id: _id, ...content } = clinicalContent(record);
  return content as Draft;
};

/** The warnings the last signature or amendment confirmed, as the record reads them now. */
export function confirmationsOf(history: readonly AuditEntry[], warnings: readonly ClinicalWarning[]) {
  const last = [...history].reverse().find((entry) => entry.action === 'sign' || entry.action === 'amend');
  const after = last?.changes.confirmedWarnings?.after;
  const codes = new Set(Array.isArray(after) ? after.map(String) : []);
  return warnings
    .filter((warning) => codes.has(warning.code))
    .map(({ code, message }): EarlierConfirmation => ({ code, message }));
}

/** A new, empty procedure on screen: nothing saved, nothing to show yet (of every slice). */
export function blankForm(operatorId: string | null, now: Date) {
  const draft = emptyDraft(operatorId, now);
  return {
    id: null,
    draft,
    checked: { saveable: draft, problems: [], content: null },
    fieldText: {},
    refused: {},
    removal: null,
    record: null,
    mode: 'edit' as Mode,
    saveState: 'new' as SaveState,
    saveMessage: null,
    planMessage: null,
    problems: {},
    warnings: [],
    confirmed: [],
    confirmedEarlier: [],
    history: [],
    versions: [],
    amendReason: '',
    deleteAsked: false,
    printed: null,
    focus: null,
    doseReport: null,
    pacsFetch: null,
  } satisfies Partial<FormState>;
}

export const draftSlice: Slice<DraftSlice> = (deps) => (set, get) => {
  /**
   * The checks of a draft, once: held back, problems, warnings. Besides the draft's own rules,
   * two hold a field back: the department's patient ID pattern (an ID signed before it stays as
   * signed), and a value the logbook refused at its field, while the field still holds it.
   */
  const checks = (
    draft: Draft,
    fieldText: Record<string, FieldText>,
    refusals: Record<string, Refusal>,
    signedPatientId?: string,
  ) => {
    const settings = deps.settings();
    const refused = stillRefused(draft, refusals);
    const typedId = draft.patientId && draft.patientId !== signedPatientId ? draft.patientId : null;
    const offPattern = typedId && settings ? patientIdProblem(typedId, settings.patientIdRule) : null;
    const checked = holdingBack(checkDraft(draft, deps.now()), [
      ...(offPattern ? [problem('patientId', offPattern)] : []),
      ...Object.entries(refused).map(([field, said]) => fieldProblemOf(field, said)),
    ]);
    return { checked, refused, problems: problemsOf(checked, fieldText), warnings: liveWarnings(checked, settings) };
  };
  /** The ID a signed record was signed with (an amendment keeps it, whatever today's pattern). */
  const signedId = (): string | undefined => {
    const record = get().record;
    return record && record.status !== 'draft' ? (record.patientId ?? undefined) : undefined;
  };

  return {
    ...blankForm(null, deps.now()),
    shown: 0,

    startNew: (defaults = {}) => {
      get().cancelSave();
      deps.storage().removeItem(OPEN_DRAFT_KEY);
      const blank = blankForm(deps.settings()?.defaultOperatorId ?? null, deps.now());
      const draft = { ...blank.draft, ...defaults };
      set({ ...blank, draft, ...checks(draft, {}, {}), shown: get().shown + 1 });
    },

    open: async (id) => {
      get().cancelSave();
      get().show(await client.procedures.get(id));
    },

    reopenDraft: async (id) => {
      try {
        const found = await client.procedures.get(id);
        if (found.record.status !== 'draft') return false;
        get().cancelSave();
        get().show(found);
        return true;
      } catch {
        return false;
      }
    },

    show: (full) => {
      const storage = deps.storage();
      const id = full.record.id;
      const readonly = full.record.status !== 'draft';
      if (readonly) {
        storage.removeItem(OPEN_DRAFT_KEY);
        forgetKeptAside(storage, id);
      } else storage.setItem(OPEN_DRAFT_KEY, id);
      // A draft comes back with what was held back of it, shown again with its message.
      const held = readonly ? { values: [], texts: {}, refused: {} } : keptAside(storage, id);
      const draft = withHeldBack(contentOf(full.record), held);
      const signedPatientId = readonly ? (full.record.patientId ?? undefined) : undefined;
      const derived = checks(draft, held.texts, refusalsOf(draft, held), signedPatientId);
      set({
        ...blankForm(null, deps.now()),
        id,
        record: full.record,
        draft,
        fieldText: held.texts,
        ...derived,
        mode: readonly ? 'readonly' : 'edit',
        saveState: Object.keys(derived.problems).length > 0 ? 'partial' : 'saved',
        // The logbook's warnings (they know the day's steroid total), unless something held back changes them.
        warnings: held.values.length > 0 ? derived.warnings : full.warnings,
        confirmedEarlier: readonly ? confirmationsOf(full.history, full.warnings) : [],
        history: full.history,
        versions: full.versions,
        shown: get().shown + 1,
      });
    },

    update: (edit) => {
      const { mode, fieldText } = get();
      if (mode === 'readonly') return;
      const draft = edit(get().draft);
      const derived = checks(draft, fieldText, get().refused, signedId());
      set({
        draft,
        ...derived,
        warnings: [...derived.warnings, ...fromOtherRecords(get().warnings, derived.warnings)],
        saveState: mode === 'edit' ? 'pending' : get().saveState,
      });
      if (mode === 'edit') get().scheduleSave();
    },

    holdRefused: (sent, refusedProblems, heldThen = []) => {
      const { draft, fieldText, refused } = get();
      // Only a value of a field the draft has (not the record's id, not the record as a whole),
      // at its place in the draft (rows held back whole were not sent), held back whole with its
      // row when the row cannot be without it.
      const fresh = refusedProblems.flatMap(({ field, message, words }) => {
        const inDraft = draftFieldOf(field, heldThen);
        if (field === 'id' || valueAt(sent, inDraft) === undefined) return [];
        const at = heldPathOf(sent, inDraft);
        if (at in refused) return [];
        const said = inDraft === field ? message : message.replace(fieldLabel(field), fieldLabel(inDraft));
        // Its words name the field where it is in the draft, as its English does.
        const named =
          words && inDraft !== field && words.values?.field !== undefined
            ? { ...words, values: { ...words.values, field: fieldLabelWords(inDraft) } }
            : words;
        return [{ at, refusal: { value: valueAt(sent, at), message: said, ...(named ? { words: named } : {}) } }];
      });
      if (fresh.length === 0) return false;
      const refusals = { ...refused, ...Object.fromEntries(fresh.map(({ at, refusal }) => [at, refusal])) };
      const derived = checks(draft, fieldText, refusals, signedId());
      set({ ...derived, warnings: [...derived.warnings, ...fromOtherRecords(get().warnings, derived.warnings)] });
      return true;
    },

    setFieldText: (field, text) => {
      const { mode, checked } = get();
      if (mode === 'readonly') return;
      const { [field]: _previous, ...others } = get().fieldText;
      const fieldText = text ? { ...others, [field]: text } : others;
      // The draft is unchanged (its checks stand); what is held back changed, and is kept aside with the next save.
      set({
        fieldText,
        problems: problemsOf(checked, fieldText),
        saveState: mode === 'edit' ? 'pending' : get().saveState,
      });
      if (mode === 'edit') get().scheduleSave();
    },
  };
};
