import { create } from 'zustand';
import { useSettings } from '../settings/settings-store.js';
import { autosaveSlice } from './store/autosave-store.js';
import { doseSlice } from './store/dose-store.js';
import { draftSlice, OPEN_DRAFT_KEY } from './store/draft-store.js';
import { focusSlice } from './store/focus-store.js';
import type { FormDeps, FormState } from './store/form-state.js';
import { planSlice } from './store/plan-store.js';
import { printSlice } from './store/print-store.js';
import { signingSlice } from './store/signing-store.js';
import { undoSlice } from './store/undo-store.js';

/*
 * The procedure being logged, made of its slices (store/): the draft and its checks, the
 * autosave, signing and amending, undo, the plan, printing and where the focus goes. Every
 * edit updates the draft at once, shows problems and warnings as the user types, and saves the
 * draft after a short pause. The id of the draft being edited is remembered, so a reload
 * reopens it. Each store made here has its own queue and state: tests make one each.
 */

export type { FocusRequest, FormState, Mode, SaveState } from './store/form-state.js';

export const AUTOSAVE_MS = 400;

const windowDeps = (): FormDeps => ({
  settings: () => useSettings.getState().settings,
  storage: () => localStorage,
  now: () => new Date(),
  autosaveMs: AUTOSAVE_MS,
});

/** A procedure form store; the window's own uses the window's settings and storage. */
export function createProcedureForm(deps: FormDeps = windowDeps()) {
  const store = create<FormState>()((...parts) => ({
    ...draftSlice(deps)(...parts),
    ...autosaveSlice(deps)(...parts),
    ...signingSlice(deps)(...parts),
    ...undoSlice(deps)(...parts),
    ...planSlice(deps)(...parts),
    ...printSlice(deps)(...parts),
    ...focusSlice(deps)(...parts),
    ...doseSlice(deps)(...parts),
  }));
  return store;
}

export const useProcedureForm = createProcedureForm();

/** The draft that was open when the window closed or reloaded, if any. */
export const rememberedDraftId = (): string | null => localStorage.getItem(OPEN_DRAFT_KEY);
export const forgetRememberedDraft = (): void => localStorage.removeItem(OPEN_DRAFT_KEY);

/**
 * Setting a default operator (settings, first run, "add operator" in the form) fills the open
 * draft when it has none: the case being entered need not be picked again. Not the first load
 * of the settings, and only a case actually being typed (an untouched new form takes the
 * default when it starts; filling it here would save an empty draft).
 */
export function followDefaultOperator(form: typeof useProcedureForm, settings: typeof useSettings): () => void {
  return settings.subscribe((state, previous) => {
    const operatorId = state.settings?.defaultOperatorId;
    if (!operatorId || !previous.settings || operatorId === previous.settings.defaultOperatorId) return;
    const current = form.getState();
    if (current.mode === 'edit' && current.saveState !== 'new' && !current.draft.operatorId)
      current.update((draft) => ({ ...draft, operatorId }));
  });
}
followDefaultOperator(useProcedureForm, useSettings);
