import { create } from 'zustand';
import {
  type ClinicalWarning,
  clinicalContent,
  warnings as clinicalWarnings,
  type FieldProblem,
  type Preset,
  type ProcedureRecord,
  procedureDraftSchema,
  withPreset,
} from '../../../db/model/index.js';
import type { AuditEntry, ProcedureWithHistory } from '../../../electron/shared/api-contract.js';
import { ApiCallError, client } from '../../app/api-client.js';
import { useSettings } from '../settings/settings-store.js';
import {
  type Draft,
  type DrugsOfRemovedTarget,
  emptyDraft,
  splitForSaving,
  withoutTarget,
  withPlanOf,
} from './draft-edits.js';

/*
 * The procedure being logged. Every edit updates the draft at once, shows problems and
 * warnings as the user types, and saves the draft after a short pause (AUTOSAVE_MS), so a
 * crash, reload or power cut loses at most the last moment of typing. The id of the draft
 * being edited is remembered, so a reload reopens it.
 */

export const AUTOSAVE_MS = 400;
const OPEN_DRAFT_KEY = 'rootlog.openDraft';

/** 'partial': saved, but some values break a rule and are not (they stay in their fields until fixed). */
export type SaveState = 'new' | 'pending' | 'saving' | 'saved' | 'partial' | 'error';
export type Mode = 'edit' | 'readonly' | 'amend';

interface FormState {
  id: string | null;
  draft: Draft;
  record: ProcedureRecord | null;
  mode: Mode;
  saveState: SaveState;
  saveMessage: string | null;
  problems: Record<string, string>;
  warnings: ClinicalWarning[];
  confirmed: string[];
  history: AuditEntry[];
  versions: ProcedureWithHistory['versions'];
  amendReason: string;
  signing: boolean;
  startNew: (defaults?: Partial<Draft>) => void;
  open: (id: string) => Promise<void>;
  /** Reopens the draft being typed when the window closed; false (and forgotten) when it is gone or signed. */
  reopenDraft: (id: string) => Promise<boolean>;
  /** The drugs of this console's last signed procedure, put in place of the form's. */
  sameDrugsAsLast: () => Promise<void>;
  update: (edit: (draft: Draft) => Draft) => void;
  /** The last target, drug or complication removed, to undo (Ctrl+Z): the whole draft as it was, and what to say. */
  removal: { before: Draft; label: string; section: 'targets' | 'drugs' | 'complications' } | null;
  removeTarget: (index: number, drugs: DrugsOfRemovedTarget) => void;
  removeDrug: (index: number) => void;
  removeComplication: (type: string) => void;
  /** Puts back what was last removed; false when there is nothing to undo. */
  undoRemoval: () => boolean;
  /** Fills the plan of a preset (targets, modality, caudal, drugs). */
  applyPreset: (preset: Preset) => void;
  /** Copies the plan of this patient's last signed procedure; false when there is none. */
  sameAsLastProcedure: () => Promise<boolean>;
  /** Printing the record or the aftercare sheet to a PDF, and what came of it. */
  printing: boolean;
  printed: { kind: 'ok' | 'problem'; text: string } | null;
  printToPdf: (sheet: 'record' | 'aftercare') => Promise<void>;
  flush: () => Promise<void>;
  toggleConfirmed: (code: string) => void;
  sign: () => Promise<boolean>;
  startAmend: () => void;
  setAmendReason: (reason: string) => void;
  submitAmend: () => Promise<boolean>;
  cancelAmend: () => void;
  remove: () => Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | null = null;

const problemMap = (problems: readonly FieldProblem[] = []) =>
  Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));

/** Warnings as the user types, from the shared model; the saved record's (which also know the day's steroid total) replace them after each save. */
function liveWarnings(draft: Draft): ClinicalWarning[] {
  const settings = useSettings.getState().settings;
  const parsed = procedureDraftSchema.safeParse(splitForSaving(draft).saveable);
  return settings && parsed.success ? clinicalWarnings(parsed.data, settings) : [];
}

/** What the form edits: the record's clinical content; the id is kept beside it. */
const contentOf = (record: ProcedureRecord): Draft => {
  const { id: _id, ...content } = clinicalContent(record);
  return content as Draft;
};

/** Moves keyboard focus to the first field with a problem, in the order of the form. */
export function focusFirstProblem(problems: Record<string, string>): void {
  requestAnimationFrame(() => {
    const fields = Object.keys(problems);
    const elements = fields
      .map((field) => document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`))
      .filter((element): element is HTMLElement => element !== null);
    elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const first = elements[0];
    const focusable = first?.matches('input, select, textarea, button')
      ? first
      : first?.querySelector<HTMLElement>('input, select, textarea, button');
    focusable?.focus();
    first?.scrollIntoView({ block: 'center' });
  });
}

/** Moves focus, once the screen has rendered, to the first element matching `selector`. */
function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/** After a sign or an amendment: the record's heading, which says what it now is. */
const focusHeading = () => focusSoon('#procedure-heading');
/** A refused signing for want of a confirmation: the first box still to tick. */
const focusMissingConfirmation = () =>
  focusSoon('.confirmations input[type="checkbox"]:not(:checked), .reference-reason button[data-value]');
/** An amendment begins where the record begins: its first field. */
const focusFirstField = () =>
  focusSoon('.procedure-form input:not([disabled]), .procedure-form select:not([disabled])');

/** A new, empty procedure on screen: nothing saved, nothing to show yet. */
function blankForm(operatorId: string | null) {
  return {
    id: null,
    draft: emptyDraft(operatorId),
    removal: null,
    record: null,
    mode: 'edit' as Mode,
    saveState: 'new' as SaveState,
    saveMessage: null,
    problems: {},
    warnings: [],
    confirmed: [],
    history: [],
    versions: [],
    amendReason: '',
  } satisfies Partial<FormState>;
}

export const useProcedureForm = create<FormState>((set, get) => {
  const save = async (): Promise<void> => {
    const { draft, id, mode } = get();
    if (mode !== 'edit') return;
    const { saveable, problems } = splitForSaving(draft);
    set({ saveState: 'saving', problems: problemMap(problems) });
    try {
      const saved = await client.procedures.saveDraft({ ...saveable, id });
      if (!id) localStorage.setItem(OPEN_DRAFT_KEY, saved.record.id);
      // Only take the server's view when nothing was typed meanwhile.
      const typedMeanwhile = get().draft !== draft;
      set({
        id: saved.record.id,
        record: saved.record,
        warnings: typedMeanwhile ? get().warnings : saved.warnings,
        // Saved, except the values that break a rule: say so, never a bare "Saved".
        saveState: typedMeanwhile ? 'pending' : problems.length > 0 ? 'partial' : 'saved',
        saveMessage: null,
      });
      if (typedMeanwhile) schedule();
    } catch (error) {
      const apiError = error instanceof ApiCallError ? error.error : null;
      set({
        saveState: 'error',
        saveMessage: apiError?.message ?? 'The draft could not be saved.',
        problems: { ...problemMap(problems), ...problemMap(apiError?.problems) },
      });
    }
  };

  const runSave = (): Promise<void> => {
    if (inFlight) return inFlight.then(() => (get().saveState === 'pending' ? runSave() : undefined));
    inFlight = save().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const schedule = () => {
    clearTimeout(timer);
    // Only when something is still unsaved: a save that waited for the one before it may
    // already have taken the edit this timer was set for (it would be sent twice).
    timer = setTimeout(() => {
      if (get().saveState === 'pending') void runSave();
    }, AUTOSAVE_MS);
  };

  const load = (full: ProcedureWithHistory) => {
    const readonly = full.record.status !== 'draft';
    if (readonly) localStorage.removeItem(OPEN_DRAFT_KEY);
    else localStorage.setItem(OPEN_DRAFT_KEY, full.record.id);
    set({
      id: full.record.id,
      record: full.record,
      draft: contentOf(full.record),
      mode: readonly ? 'readonly' : 'edit',
      saveState: 'saved',
      saveMessage: null,
      problems: {},
      warnings: full.warnings,
      confirmed: [],
      history: full.history,
      versions: full.versions,
      removal: null,
      amendReason: '',
    });
  };

  return {
    ...blankForm(null),
    signing: false,
    printing: false,
    printed: null,

    printToPdf: async (sheet) => {
      set({ printing: true, printed: null });
      // The print stylesheet shows the record, or only the aftercare sheet.
      document.body.dataset.print = sheet;
      try {
        const result = await client.print.toPdf(sheet, get().record?.id);
        set({
          printed:
            'cancelled' in result
              ? null
              : { kind: 'ok', text: `${sheet === 'record' ? 'Record' : 'Aftercare sheet'} saved as ${result.path}` },
        });
      } catch (error) {
        set({
          printed: { kind: 'problem', text: error instanceof ApiCallError ? error.error.message : String(error) },
        });
      } finally {
        delete document.body.dataset.print;
        set({ printing: false });
      }
    },

    startNew: (defaults = {}) => {
      clearTimeout(timer);
      localStorage.removeItem(OPEN_DRAFT_KEY);
      const operatorId = useSettings.getState().settings?.defaultOperatorId ?? null;
      const blank = blankForm(operatorId);
      set({ ...blank, draft: { ...blank.draft, ...defaults } });
    },

    open: async (id) => {
      clearTimeout(timer);
      load(await client.procedures.get(id));
    },

    reopenDraft: async (id) => {
      try {
        const found = await client.procedures.get(id);
        if (found.record.status !== 'draft') return false;
        clearTimeout(timer);
        load(found);
        return true;
      } catch {
        return false;
      }
    },

    sameDrugsAsLast: async () => {
      const last = await client.procedures.lastDrugs();
      get().update((draft) => ({
        ...draft,
        drugs: last.map((d) => ({
          ...d,
          site: typeof d.site === 'number' && d.site >= (draft.targets?.length ?? 0) ? 0 : d.site,
        })),
      }));
    },

    removeTarget: (index, drugs) => {
      const before = get().draft;
      const target = before.targets?.[index];
      const label = `Target ${index + 1}${target?.root ? ` (${target.root}${target.side ? ` ${target.side}` : ''})` : ''}`;
      get().update((draft) => withoutTarget(draft, index, drugs));
      set({ removal: { before, label, section: 'targets' } });
    },

    removeDrug: (index) => {
      const before = get().draft;
      const drug = before.drugs?.[index];
      const name = useSettings.getState().settings?.drugCatalogue.find((entry) => entry.code === drug?.drug)?.name;
      get().update((draft) => ({ ...draft, drugs: (draft.drugs ?? []).filter((_, i) => i !== index) }));
      set({ removal: { before, label: `Drug ${index + 1}${name ? ` (${name})` : ''}`, section: 'drugs' } });
    },

    removeComplication: (type) => {
      const before = get().draft;
      get().update((draft) => ({
        ...draft,
        complications: (draft.complications ?? []).filter((entry) => entry.type !== type),
      }));
      set({ removal: { before, label: `Complication ${type.replaceAll('_', ' ')}`, section: 'complications' } });
    },

    undoRemoval: () => {
      const removed = get().removal;
      if (!removed || get().mode === 'readonly') return false;
      get().update(() => removed.before);
      set({ removal: null });
      return true;
    },

    applyPreset: (preset) => get().update((draft) => withPreset(draft, preset)),

    sameAsLastProcedure: async () => {
      const { draft, id } = get();
      if (!draft.patientId) return false;
      const page = await client.procedures.list(
        { text: draft.patientId, statuses: ['signed', 'amended'] },
        { limit: 20 },
      );
      const last = page.items.find((item) => item.patientId === draft.patientId && item.id !== id);
      if (!last) return false;
      const { record } = await client.procedures.get(last.id);
      get().update((current) => withPlanOf(current, record));
      return true;
    },

    update: (edit) => {
      const { mode } = get();
      if (mode === 'readonly') return;
      const draft = edit(get().draft);
      const { problems } = splitForSaving(draft);
      set({
        draft,
        problems: problemMap(problems),
        warnings: liveWarnings(draft),
        saveState: mode === 'edit' ? 'pending' : get().saveState,
      });
      if (mode === 'edit') schedule();
    },

    flush: async () => {
      clearTimeout(timer);
      if (get().saveState === 'pending') await runSave();
      else if (inFlight) await inFlight;
    },

    toggleConfirmed: (code) =>
      set(({ confirmed }) => ({
        confirmed: confirmed.includes(code) ? confirmed.filter((c) => c !== code) : [...confirmed, code],
      })),

    sign: async () => {
      // A second Ctrl+Enter while the signature is on its way would be refused as already
      // signed, and that refusal shown over the signed record.
      if (get().signing) return false;
      set({ signing: true });
      try {
        await get().flush();
        const { id, confirmed, problems } = get();
        if (!id) return false;
        if (Object.keys(problems).length > 0) {
          focusFirstProblem(problems);
          return false;
        }
        try {
          const signed = await client.procedures.sign(id, { confirmedWarnings: confirmed });
          localStorage.removeItem(OPEN_DRAFT_KEY);
          load(await client.procedures.get(signed.record.id));
          focusHeading();
          return true;
        } catch (error) {
          if (!(error instanceof ApiCallError)) throw error;
          const found = problemMap(error.error.problems);
          set({
            problems: error.error.code === 'validation' ? found : get().problems,
            saveMessage: error.error.message,
          });
          if (error.error.code === 'warnings_unconfirmed') focusMissingConfirmation();
          else focusFirstProblem(found);
          return false;
        }
      } finally {
        set({ signing: false });
      }
    },

    startAmend: () => {
      set({ mode: 'amend', amendReason: '', confirmed: [], saveMessage: null });
      focusFirstField();
    },
    setAmendReason: (amendReason) => set({ amendReason }),
    cancelAmend: () => {
      const { record } = get();
      if (record) set({ mode: 'readonly', draft: contentOf(record), problems: {}, saveMessage: null });
    },

    submitAmend: async () => {
      const { id, draft, amendReason, confirmed } = get();
      // As for signing: one amendment at a time (a second would be refused as changing nothing).
      if (!id || get().signing) return false;
      const { saveable, problems } = splitForSaving(draft);
      if (problems.length > 0) {
        set({ problems: problemMap(problems) });
        focusFirstProblem(problemMap(problems));
        return false;
      }
      set({ signing: true });
      try {
        await client.procedures.amend({ ...saveable, id }, { reason: amendReason, confirmedWarnings: confirmed });
        load(await client.procedures.get(id));
        focusHeading();
        return true;
      } catch (error) {
        if (!(error instanceof ApiCallError)) throw error;
        const found = problemMap(
          error.error.problems ??
            (error.error.field ? [{ field: error.error.field, message: error.error.message }] : []),
        );
        set({ problems: found, saveMessage: error.error.message });
        if (error.error.code === 'warnings_unconfirmed') focusMissingConfirmation();
        else focusFirstProblem(found);
        return false;
      } finally {
        set({ signing: false });
      }
    },

    remove: async () => {
      const { id } = get();
      clearTimeout(timer);
      if (id) await client.procedures.deleteDraft(id);
      localStorage.removeItem(OPEN_DRAFT_KEY);
      get().startNew();
    },
  };
});

/** The draft that was open when the window closed or reloaded, if any. */
export const rememberedDraftId = (): string | null => localStorage.getItem(OPEN_DRAFT_KEY);
export const forgetRememberedDraft = (): void => localStorage.removeItem(OPEN_DRAFT_KEY);

// Setting a default operator (settings, first run, "add operator" in the form) fills the open
// draft when it has none: the case being entered need not be picked again.
useSettings.subscribe((state, previous) => {
  const operatorId = state.settings?.defaultOperatorId;
  // Not the first load of the settings, and only a case actually being typed (an untouched
  // new form takes the default when it starts; filling it here would save an empty draft).
  if (!operatorId || !previous.settings || operatorId === previous.settings.defaultOperatorId) return;
  const form = useProcedureForm.getState();
  if (form.mode === 'edit' && form.saveState !== 'new' && !form.draft.operatorId)
    form.update((draft) => ({ ...draft, operatorId }));
});
