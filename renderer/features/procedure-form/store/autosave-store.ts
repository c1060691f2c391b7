import { ApiCallError, client } from '../../../app/api-client.js';
import { valueAt } from '../draft-edits.js';
import { heldBackOf, keepAside, withStoredValues } from '../held-back.js';
import { createSaveQueue } from '../save-queue.js';
import { contentOf, OPEN_DRAFT_KEY, problemMap, problemsOf } from './draft-store.js';
import type { AutosaveSlice, Slice } from './form-state.js';

/*
 * The draft is saved as the user types, after a short pause, so a crash, reload or power cut
 * loses at most the last moment of typing. What the draft's checks held back is left out of
 * the save and kept aside (held-back.ts) until corrected; the status then says what is not
 * saved, never a bare "Saved".
 */
export const autosaveSlice: Slice<AutosaveSlice> = (deps) => (set, get) => {
  /**
   * One save of what is unsaved. A value the logbook refuses at its field (a rule only it
   * checks: the department's patient ID pattern, an operator removed elsewhere) is held back
   * like the form's own, and the rest is sent again at once: a refused field never costs the
   * others their save. `refusalsLeft` bounds the rounds (each holds back at least one more field).
   * A value the logbook had and now refuses itself (an ID saved before the department set its
   * pattern) is left out instead (`unrestored`).
   */
  const save = async (refusalsLeft = 5, unrestored: readonly string[] = []): Promise<void> => {
    const { draft, id, mode, checked, fieldText, shown, record, refused } = get();
    if (mode !== 'edit') return;
    set({ saveState: 'saving' });
    // What the logbook already has of a field held back is sent again, never emptied by a slip.
    const held = checked.problems.map((problem) => problem.field).filter((field) => !unrestored.includes(field));
    const sent = withStoredValues(checked.saveable, record ? contentOf(record) : null, held);
    try {
      const saved = await client.procedures.saveDraft({ ...sent, id });
      const storage = deps.storage();
      keepAside(storage, saved.record.id, heldBackOf(draft, checked, fieldText, refused));
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
      const fieldRefusals = apiError?.code === 'validation' ? (apiError.problems ?? []) : [];
      const restored = fieldRefusals
        .map(({ field }) => field)
        .filter((field) => held.includes(field) && valueAt(sent, field) !== undefined);
      if (refusalsLeft > 0 && restored.length > 0) return save(refusalsLeft - 1, [...unrestored, ...restored]);
      const heldThen = checked.problems.map((problem) => problem.field);
      if (refusalsLeft > 0 && get().holdRefused(draft, fieldRefusals, heldThen))
        return save(refusalsLeft - 1, unrestored);
      set({
        saveState: 'error',
        saveMessage: apiError ?? 'The draft could not be saved.',
        problems: { ...problemsOf(get().checked, get().fieldText), ...problemMap(apiError?.problems) },
      });
    }
  };

  const queue = createSaveQueue({
    save: () => save(),
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
