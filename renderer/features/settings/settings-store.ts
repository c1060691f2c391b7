import { create } from 'zustand';
import type { DepartmentSettings } from '../../../db/model/index.js';
import { client } from '../../app/api-client.js';

interface SettingsState {
  settings: DepartmentSettings | null;
  load: () => Promise<DepartmentSettings>;
  replace: (settings: DepartmentSettings) => void;
}

/** The department's settings (operators, catalogue, reference levels), loaded once and refreshed on edit. */
export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  load: async () => {
    const settings = await client.settings.get();
    set({ settings });
    return settings;
  },
  replace: (settings) => set({ settings }),
}));
