import { ApiCallError, client } from '../../../app/api-client.js';
import { heldBackOf, keepAside } from '../held-back.js';
import { createSaveQueue } from '../save-queue.js';
import { OPEN_DRAFT_KEY, problemMap, problemsOf } from './draft-store.js';
import type { AutosaveSlice, Slice } from './form-state.js';

/*
 * The draft is saved as the user types, after a short pause, so a crash, reload or power cut
 * loses at most the last moment of typing. What the draft's checks held back is left out of
 * the save and kept aside (held-back.ts) until corrected; the status then says what is not
 * saved, never a bare "Saved".
 */
export const autosaveSlice: Slice<AutosaveSlice> = (deps) => (set, get) => {
  const save = async (): Promise<void> => {
    const { draft, id, mode, checked, fieldText, shown } = get();
    if (mode !== 'edit') return;
    set({ saveState: 'saving' });
    try {
      const saved = await client.procedures.saveDraft({ ...checked.saveable, id });
      const storage = deps.storage();
      keepAside(storage, saved.record.id, heldBackOf(draft, checked, fieldText));
      // The answer is about a record no longer on screen: it is saved, and that is all.
      if (get().shown !== shown) return;
      if (!id) storage.setItem(OPEN_DRAFT_KEY, saved.record.id);
      // Only take the server's view when nothing was typed meanwhile.
      const typedMeanwhile = get().draft !== draft || get().fieldText !== fieldText;
      const heldBack = Object.keys(problemsOf(checked, fieldText)).length > 0;
      set({
        id: saved.record.id,
        record: saved.record,
        warnings: typedMeanwhile ? get().warnings : saved.warnings,
        // Saved, except the values that break a rule: say so, never a bare "Saved".
        saveState: typedMeanwhile ? 'pending' : heldBack ? 'partial' : 'saved',
        saveMessage: null,
      });
      if (typedMeanwhile) queue.schedule();
    } catch (error) {
      if (get().shown !== shown) return;
      const apiError = error instanceof ApiCallError ? error.error : null;
      set({
        saveState: 'error',
        saveMessage: apiError?.message ?? 'The draft could not be saved.',
        problems: { ...problemsOf(checked, fieldText), ...problemMap(apiError?.problems) },
      });
    }
  };

  const queue = createSaveQueue({
    save,
    unsaved: () => get().saveState === 'pending',
    pauseMs: deps.autosaveMs,
  });

  return {
    saveState: 'new',
    saveMessage: null,
    scheduleSave: queue.schedule,
    cancelSave: queue.cancel,
    flush: queue.flush,
  };
};
