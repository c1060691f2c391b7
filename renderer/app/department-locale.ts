import { DEFAULT_DEPARTMENT_LOCALE, type DepartmentLocale } from '../../db/model/index.js';
import { useSettings } from '../features/settings/settings-store.js';

/** How the department writes dates and numbers (Settings → Dates and numbers), for every field and list. */
export const useDepartmentLocale = (): DepartmentLocale =>
  useSettings((state) => state.settings?.locale ?? DEFAULT_DEPARTMENT_LOCALE);
