import { withoutTarget } from '../draft-edits.js';
import type { Slice, UndoSlice } from './form-state.js';

/*
 * Removing a target, a drug or a complication keeps the whole draft as it was, so Ctrl+Z (or
 * the notice's Undo) puts it back exactly — drugs and their sites included.
 */
export const undoSlice: Slice<UndoSlice> = (deps) => (set, get) => {
  return {
    removal: null,

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
      const name = deps.settings()?.drugCatalogue.find((entry) => entry.code === drug?.drug)?.name;
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
  };
};
