import { create } from 'zustand';

/*
 * Why keys are being held: the window is starting, a screen is opening, a plan is on its way.
 * While any reason stands, keys typed are kept (held-keys.ts) and given, in order, to what has
 * the focus once none does — so typing straight on after Alt+N or Alt+L loses nothing.
 */
interface KeyHoldState {
  reasons: string[];
  hold: (reason: string) => void;
  release: (reason: string) => void;
}

export const useKeyHold = create<KeyHoldState>((set, get) => ({
  // From the first moment: the window starts with nothing to type into.
  reasons: ['starting'],
  hold: (reason) => {
    if (!get().reasons.includes(reason)) set({ reasons: [...get().reasons, reason] });
  },
  release: (reason) => {
    if (get().reasons.includes(reason)) set({ reasons: get().reasons.filter((held) => held !== reason) });
  },
}));
