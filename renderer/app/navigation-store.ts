import { create } from 'zustand';
import type { WorklistIdentity } from '../../db/model/index.js';

export type Screen =
  | { name: 'list' }
  /** A new case (id null) may start with the identity of a worklist entry. */
  | { name: 'procedure'; id: string | null; identity?: WorklistIdentity }
  | { name: 'settings' }
  | { name: 'export' }
  | { name: 'dashboard' }
  | { name: 'follow-ups' }
  /** First run: this console's name and its first operator. */
  | { name: 'welcome' };

/** Each navigation counts as a new visit, so "New procedure" twice starts two procedures. */
export type Visit = Screen & { visit: number };
export type Theme = 'dark' | 'light';

const THEME_KEY = 'rootlog.theme';

interface NavigationState {
  screen: Visit;
  theme: Theme;
  go: (screen: Screen) => void;
  setTheme: (theme: Theme) => void;
}

const savedTheme = (): Theme => (localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark');

/** One window, no page loads: which screen is showing, and the theme (dark for the CT room). */
export const useNavigation = create<NavigationState>((set) => ({
  screen: { name: 'list', visit: 0 },
  theme: savedTheme(),
  go: (screen) => set((state) => ({ screen: { ...screen, visit: state.screen.visit + 1 } })),
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    document.documentElement.dataset.theme = theme;
    set({ theme });
  },
}));
