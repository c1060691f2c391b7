import type { FocusSlice, Slice } from './form-state.js';

/*
 * Where the focus should go, as state: the store never touches the page. The form's
 * WindowEffects moves the focus once the screen shows the state that asked for it (a signed
 * record's heading exists only once the signed record is rendered), then says it is done.
 */
export const focusSlice: Slice<FocusSlice> = () => (set, get) => ({
  focus: null,
  requestFocus: (request) => set({ focus: { request, seq: (get().focus?.seq ?? 0) + 1 } }),
  focusDone: (seq) => {
    if (get().focus?.seq === seq) set({ focus: null });
  },
});
